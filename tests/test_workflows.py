"""GitHub Actions cannot run here: the workflows and the action (action.yml) are
validated offline instead (their shell steps run in tests/test_action.py)."""

from __future__ import annotations

import fnmatch
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT
from radar_as_code import __version__

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTION = ROOT / "action.yml"
BIN = Path(sys.executable).parent
SHA = re.compile(r"^[^@\s]+@[0-9a-f]{40}$")


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text())
    assert isinstance(data, dict)
    return data


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    if "runs" in workflow:  # an action
        return list(workflow["runs"]["steps"])
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def runs(workflow: dict[Any, Any]) -> str:
    return "\n".join(s.get("run", "") for s in steps(workflow))


def step_using(workflow: dict[Any, Any], action: str) -> dict[str, Any]:
    [step] = [s for s in steps(workflow) if s.get("uses", "").split("@")[0] == action]
    return step


def test_there_are_workflows() -> None:
    assert [p.name for p in WORKFLOWS if p.name == "ci.yml"] == ["ci.yml"]


def test_github_workflow_schema() -> None:
    result = subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *WORKFLOWS],
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_github_action_schema() -> None:
    result = subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-actions", ACTION],
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_offline_pedantic() -> None:
    result = subprocess.run(
        [BIN / "zizmor", "--offline", "--persona", "pedantic", "--no-progress",
         ROOT / ".github" / "workflows", ACTION],
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
    pinned_steps(workflow)


def pinned_steps(workflow: dict[Any, Any]) -> None:
    """Every action pinned by commit SHA (or this repository's own, `./`); checkout keeps
    no credentials; no expression inside a shell script."""
    for step in steps(workflow):
        if "uses" in step and step["uses"] != "./":
            assert SHA.match(step["uses"]), f"{step['uses']} is not pinned by commit SHA"
            if step["uses"].startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False
        if "run" in step:
            assert "${{" not in step["run"], f"expression inside run: {step['run']!r}"


def test_action_hardening() -> None:
    action = load(ACTION)
    assert action["runs"]["using"] == "composite"
    pinned_steps(action)
    for step in steps(action):
        assert step.get("shell", "bash") == "bash" or "uses" in step


def test_action_installs_its_own_version_locked() -> None:
    action = load(ACTION)
    install = runs(action)
    assert '--project "$GITHUB_ACTION_PATH"' in install and "sync --locked" in install
    makefile = (ROOT / "Makefile").read_text()
    uv = re.search(r"^UV_VERSION := (\S+)$", makefile, re.M)
    assert uv is not None
    assert steps(action)[0]["env"]["UV_VERSION"] == uv.group(1)


def test_ci_uses_the_action_and_runs_the_tests() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "ci.yml")
    all_steps = steps(workflow)
    checkout = next(s for s in all_steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    [own] = [s for s in all_steps if s.get("uses") == "./"]
    assert own.get("with", {}).get("command", "check") == "check"
    assert "pre-commit run --all-files" in runs(workflow)
    assert "make test" in runs(workflow)


def test_action_checks_reviews_and_keeps_the_ring_moves() -> None:
    action = load(ACTION)
    script = runs(action)
    assert "radar check --format github" in script
    assert 'radar check --format github --base "$BASE"' in script
    assert 'radar diff "$BASE" HEAD --format markdown' in script
    assert "$GITHUB_STEP_SUMMARY" in script
    upload = step_using(action, "actions/upload-artifact")
    assert upload["with"]["name"] == "radar-diff"
    assert "github.event_name == 'pull_request'" in upload["if"]
    assert action["inputs"]["base"]["default"] == "${{ github.event.pull_request.base.sha }}"


def test_comment_workflow_is_safe_for_forks() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "pr-comment.yml")
    triggers = workflow[True]
    assert list(triggers) == ["workflow_run"]
    assert triggers["workflow_run"]["workflows"] == [load(ROOT / ".github" / "workflows" /
                                                          "ci.yml")["name"]]
    [job] = workflow["jobs"].values()
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    checkout = step_using(workflow, "actions/checkout")  # never the pull request's code
    assert checkout["with"]["ref"] == "${{ github.event.repository.default_branch }}"
    [own] = [s for s in job["steps"] if s.get("uses") == "./"]
    assert own["with"]["command"] == "comment"
    action = load(ACTION)
    download = step_using(action, "actions/download-artifact")
    assert download["with"]["run-id"] == "${{ github.event.workflow_run.id }}"
    script = step_using(action, "actions/github-script")["with"]["script"]
    assert "workflow_run.head_sha" in script  # the artifact's PR number is verified
    assert "updateComment" in script and "createComment" in script  # one comment, updated
    install = next(s for s in steps(action) if s.get("id") == "install")
    assert install["if"] == "inputs.command != 'comment'"  # nothing is built or run


def test_release_notes_workflow() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "release-notes.yml")
    config = yaml.safe_load((ROOT / "radar" / "radar.yml").read_text())
    assert workflow[True]["push"]["tags"] == [config["edition_tag"]]
    [job] = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "write"}
    [own] = [s for s in job["steps"] if s.get("uses") == "./"]
    assert own["with"]["command"] == "release-notes"
    assert 'radar diff --edition "$TAG" --format markdown' in runs(load(ACTION))
    assert f"${{{{ steps.{own['id']}.outputs.notes }}}}" in str(job["steps"])
    assert "gh release create" in runs(workflow)


def test_pages_workflow_builds_strict_and_deploys_officially() -> None:
    workflow = load(ROOT / ".github" / "workflows" / "pages.yml")
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    [own] = [s for s in build["steps"] if s.get("uses") == "./"]
    assert own["with"]["command"] == "site"
    assert 'mkdocs build --strict --config-file "$CONFIG"' in runs(load(ACTION))
    uses = [s.get("uses", "").split("@")[0] for s in build["steps"] + deploy["steps"]]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    makefile = (ROOT / "Makefile").read_text()
    assert "mkdocs build --strict" in makefile.split("\nsite:", 1)[1].split("\n\n", 1)[0]


def test_release_workflow_on_version_tags_only() -> None:
    """Releases of the tool are `v*` tags, which no edition pattern of this radar takes."""
    workflow = load(ROOT / ".github" / "workflows" / "release.yml")
    [pattern] = workflow[True]["push"]["tags"]
    assert pattern == "v*"
    edition = yaml.safe_load((ROOT / "radar" / "radar.yml").read_text())["edition_tag"]
    assert not fnmatch.fnmatchcase(f"v{__version__}", edition)
    build, release = workflow["jobs"]["build"], workflow["jobs"]["release"]
    assert build["permissions"] == {"contents": "read"}
    assert release["permissions"] == {"contents": "write"}
    assert "uv build" in runs(workflow)
    assert "dist/*.whl dist/*.tar.gz" in runs(workflow)


def test_changelog_has_the_current_version() -> None:
    """The release notes are the version's section of CHANGELOG.md, cut out as the
    release workflow does."""
    notes = subprocess.run(["awk", "-v", f"v={__version__}", "/^## / { on = ($2 == v) } on",
                            ROOT / "CHANGELOG.md"], capture_output=True, text=True, check=True)
    assert notes.stdout.startswith(f"## {__version__}")
    assert "### Added" in notes.stdout
