"""The action's shell steps, run here as a GitHub runner would run them (bash -eo pipefail,
the step's working directory and environment), with this environment's `radar` in place
of the one the install step makes (that step runs in tests/test_install.py)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT
from gitrepo import Repo, blip

ACTION = yaml.safe_load((ROOT / "action.yml").read_text())
BIN = Path(sys.executable).parent
EXPRESSION = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")


def step(name: str) -> dict[str, Any]:
    [found] = [s for s in ACTION["runs"]["steps"] if s.get("id") == name or s["name"] == name]
    return found


def expand(value: str, context: dict[str, str]) -> str:
    """``${{ a.b }}`` replaced from ``context``; a missing ``github.`` property is empty,
    as on GitHub; any other unknown name fails the test."""
    def value_of(match: re.Match[str]) -> str:
        name = match.group(1)
        return context.get(name, "") if name.startswith("github.") else context[name]
    return EXPRESSION.sub(value_of, value)


def run_step(name: str, workspace: Path, tmp: Path, inputs: dict[str, str],
             github: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess[str],
                                                           dict[str, str], str]:
    """Run one step; returns the process, its outputs and the job summary."""
    found = step(name)
    defaults = {k: v.get("default", "") for k, v in ACTION["inputs"].items()}
    context = {**{f"github.{k}": v for k, v in (github or {}).items()},
               "steps.install.outputs.bin": str(BIN), "runner.temp": str(tmp)}
    context |= {f"inputs.{k}": expand(v, context) for k, v in {**defaults, **inputs}.items()}
    output, summary = tmp / "output", tmp / "summary"
    output.write_text("")
    summary.write_text("")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp), "RUNNER_TEMP": str(tmp),
           "GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(summary),
           "GITHUB_WORKSPACE": str(workspace),
           **{k: expand(str(v), context) for k, v in found.get("env", {}).items()}}
    cwd = workspace / expand(found.get("working-directory", "."), context)
    script = tmp / "step.sh"
    script.write_text(found["run"])
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
                            cwd=cwd, env=env, capture_output=True, text=True, check=False)
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
    return result, outputs, summary.read_text()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository whose radar lives in `team/radar-root`, with one edition and a pull
    request that moves a blip without reviewing it and adds another."""
    top = tmp_path_factory.mktemp("action") / "workspace"
    repo = Repo(top / "team" / "radar-root", top=top)
    repo.write("radar/alpha.md", blip("Alpha", "tools", "trial"))
    repo.commit("first", "2024-01-01")
    repo.tag("edition-1", "2024-01-01")
    repo.git("checkout", "-q", "-b", "pull-request")
    repo.write("radar/alpha.md", blip("Alpha", "tools", "adopt"))
    repo.write("radar/beta.md", blip("Beta", "methods", "assess"))
    repo.commit("move alpha, add beta", "2024-02-01")
    return top


PR = {"event.pull_request.number": "7", "event_name": "pull_request"}


def test_check_annotates_files_from_the_repository_top(workspace: Path,
                                                       tmp_path: Path) -> None:
    result, _, _ = run_step("radar check (annotations on the pull request)", workspace,
                            tmp_path, {"path": "team/radar-root"})
    assert result.returncode == 0, result.stdout + result.stderr
    beta = workspace / "team" / "radar-root" / "radar" / "beta.md"
    text = beta.read_text()
    beta.write_text(text.replace("ring: assess", "ring: asess"))
    try:
        result, _, _ = run_step("radar check (annotations on the pull request)", workspace,
                                tmp_path, {"path": "./team/radar-root/"})
    finally:
        beta.write_text(text)
    assert result.returncode != 0  # the check's failure survives the pipe
    assert result.stdout.startswith("::error file=team/radar-root/radar/beta.md,line=4,"), \
        result.stdout


def test_review_policy_against_the_base(workspace: Path, tmp_path: Path) -> None:
    result, _, _ = run_step("Review policy against the base", workspace, tmp_path,
                            {"path": "team/radar-root", "base": "edition-1"})
    assert result.returncode == 1
    assert "::error file=team/radar-root/radar/alpha.md" in result.stdout
    assert "review" in result.stdout


def test_ring_moves_for_the_summary_and_the_comment(workspace: Path, tmp_path: Path) -> None:
    result, outputs, summary = run_step(
        "moves", workspace, tmp_path, {"path": "team/radar-root", "base": "edition-1"},
        {**PR, "repository_owner": "acme", "event.repository.name": "radar"})
    assert result.returncode == 0, result.stderr
    notes = Path(outputs["notes"])
    assert notes.read_text() == summary
    assert "Alpha" in summary and "Beta" in summary
    assert "https://acme.github.io/radar/radar/alpha/" in summary
    assert (notes.parent / "pr-number").read_text() == "7\n"
    assert step("Keep the ring moves for the pull-request comment")["with"]["path"] == \
        "${{ runner.temp }}/radar-diff/"
    assert notes.parent == tmp_path / "radar-diff"


def test_release_notes_of_an_edition(workspace: Path, tmp_path: Path) -> None:
    result, outputs, summary = run_step(
        "notes", workspace, tmp_path, {"path": "team/radar-root"},
        {"ref_name": "edition-1", "repository_owner": "acme",
         "event.repository.name": "radar"})
    assert result.returncode == 0, result.stderr
    assert Path(outputs["notes"]).read_text() == summary
    assert "Alpha" in summary


def test_an_unknown_command_is_refused(workspace: Path, tmp_path: Path) -> None:
    """Before anything is installed."""
    result, outputs, _ = run_step("install", workspace, tmp_path, {"command": "chek"})
    assert result.returncode == 2
    assert "unknown command 'chek'" in result.stdout
    assert not (tmp_path / "radar-as-code").exists() and not outputs
