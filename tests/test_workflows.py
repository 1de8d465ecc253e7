"""GitHub Actions cannot run here: the workflows are validated offline instead."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent
SHA = re.compile(r"^[^@\s]+@[0-9a-f]{40}$")


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text())
    assert isinstance(data, dict)
    return data


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_there_are_workflows() -> None:
    assert [p.name for p in WORKFLOWS if p.name == "ci.yml"] == ["ci.yml"]


def test_github_workflow_schema() -> None:
    result = subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *WORKFLOWS],
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_offline_pedantic() -> None:
    result = subprocess.run(
        [BIN / "zizmor", "--offline", "--persona", "pedantic", "--no-progress",
         ROOT / ".github" / "workflows"],
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_hardening(path: Path) -> None:
    workflow = load(path)
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1: on -> True
    assert "pull_request_target" not in triggers
    assert workflow.get("permissions") == {}, "top-level token permissions must be empty"
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"job {name} must declare its permissions"
        assert "timeout-minutes" in job, f"job {name} needs a timeout"
    for step in steps(workflow):
        if "uses" in step:
            assert SHA.match(step["uses"]), f"{step['uses']} is not pinned by commit SHA"
            if step["uses"].startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False
        if "run" in step:
            assert "${{" not in step["run"], f"expression inside run: {step['run']!r}"


def test_ci_runs_the_full_history_check_and_tests() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "ci.yml")
    all_steps = steps(workflow)
    checkout = next(s for s in all_steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    runs = "\n".join(s.get("run", "") for s in all_steps)
    assert "radar check --format github" in runs
    assert "pre-commit run --all-files" in runs
    assert "make test" in runs


def test_pull_request_ring_moves_reach_summary_and_artifact() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "ci.yml")
    pr_steps = [s for s in steps(workflow) if s.get("if") == "github.event_name == 'pull_request'"]
    runs = "\n".join(s.get("run", "") for s in pr_steps)
    assert 'radar check --format github --base "$BASE_SHA"' in runs
    assert 'radar diff "$BASE_SHA" HEAD --format markdown' in runs
    assert "$GITHUB_STEP_SUMMARY" in runs
    upload = next(s for s in pr_steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["name"] == "radar-diff"


def test_comment_workflow_is_safe_for_forks() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "pr-comment.yml")
    triggers = workflow[True]
    assert list(triggers) == ["workflow_run"]
    assert triggers["workflow_run"]["workflows"] == [load(ROOT / ".github" / "workflows" /
                                                          "ci.yml")["name"]]
    [job] = workflow["jobs"].values()
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    uses = [s.get("uses", "") for s in job["steps"]]
    assert not any(u.startswith("actions/checkout@") for u in uses), "never check out PR code"
    script = next(s for s in job["steps"] if "script" in s.get("with", {}))["with"]["script"]
    assert "workflow_run.head_sha" in script  # the artifact's PR number is verified
    assert "updateComment" in script and "createComment" in script  # one comment, updated


def test_release_notes_workflow() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "release-notes.yml")
    config = yaml.safe_load((ROOT / "radar" / "radar.yml").read_text())
    assert workflow[True]["push"]["tags"] == [config["edition_tag"]]
    [job] = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "write"}
    runs = "\n".join(s.get("run", "") for s in job["steps"])
    assert 'radar diff --edition "$TAG" --format markdown' in runs
    assert "gh release create" in runs


def test_pages_workflow_builds_strict_and_deploys_officially() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "pages.yml")
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert "make site" in "\n".join(s.get("run", "") for s in build["steps"])
    uses = [s.get("uses", "").split("@")[0] for s in build["steps"] + deploy["steps"]]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    makefile = (ROOT / "Makefile").read_text()
    assert "mkdocs build --strict" in makefile.split("\nsite:", 1)[1].split("\n\n", 1)[0]
