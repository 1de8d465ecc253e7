"""A radar in a sub-folder of its git repository (beside other projects): editions,
comparisons, histories and the pre-commit scope read paths relative to the radar's
folder, never to the repository's top."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Run
from gitrepo import Repo, adr, blip


@pytest.fixture(scope="module")
def nested(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    """The radar in `platform/tech-radar/`; a decoy radar/ at the top that is not it."""
    top = tmp_path_factory.mktemp("nested") / "monorepo"
    repo = Repo(top / "platform" / "tech-radar", top=top)
    (top / "radar").mkdir()
    (top / "radar" / "decoy.md").write_text("not a blip of this radar\n")
    (top / "README.md").write_text("A monorepo.\n")
    repo.write("radar/alpha.md", blip("Alpha", "tools", "trial"))
    repo.write("radar/beta.md", blip("Beta", "methods", "assess", decisions=("0001-pick",)))
    repo.write("adr/0001-pick.md", adr("Pick", ("beta",)))
    repo.commit("first edition", "2024-01-01")
    repo.tag("edition-1", "2024-01-01")
    repo.write("radar/alpha.md", blip("Alpha", "tools", "adopt", reviewed="2024-04-01"))
    repo.write("radar/gamma.md", blip("Gamma", "tools", "hold"))
    (top / "radar" / "decoy.md").unlink()  # in the history, but not of this radar
    repo.commit("second edition", "2024-04-01")
    repo.tag("edition-2", "2024-04-01")
    return repo


def moves(run: Run, root: Path, *args: str) -> list[tuple[str, str]]:
    result = run("-C", root, "diff", *args, "--format", "json")
    assert result.code == 0, result.err
    return [(c["kind"], c["id"]) for c in json.loads(result.out)["changes"]]


def test_editions_and_diff(nested: Repo, run: Run) -> None:
    assert moves(run, nested.root, "edition-1", "edition-2") == [
        ("new", "gamma"), ("moved-in", "alpha")]
    assert moves(run, nested.root, "--edition", "edition-1") == [
        ("new", "alpha"), ("new", "beta")]
    listed = json.loads(run("-C", nested.root, "editions", "--format", "json").out)
    assert [e["rings"] for e in listed["editions"]] == [
        {"trial": 1, "assess": 1}, {"adopt": 1, "assess": 1, "hold": 1}]


def test_working_tree_against_an_edition(nested: Repo, run: Run) -> None:
    nested.write("radar/delta.md", blip("Delta", "tools", "assess"))  # untracked
    nested.write("radar/decoy.md", blip("Decoy", "tools", "assess"))  # new here, not back
    try:
        assert moves(run, nested.root) == [("new", "decoy"), ("new", "delta")]
    finally:
        nested.remove("radar/delta.md")
        nested.remove("radar/decoy.md")


def test_history(nested: Repo, run: Run) -> None:
    result = run("-C", nested.root, "history", "alpha", "--format", "json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)["history"]
    assert [r["ring"] for r in rows] == ["trial", "adopt", "adopt"]


def test_found_from_a_folder_inside_the_radar(nested: Repo, run: Run,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(nested.root / "radar")
    assert run("check").code == 0
    assert moves(run, Path("."), "edition-1", "edition-2")[0] == ("new", "gamma")


def test_review_policy_against_a_base(nested: Repo, run: Run) -> None:
    nested.write("radar/gamma.md", blip("Gamma", "tools", "trial"))  # moved, not reviewed
    try:
        result = run("-C", nested.root, "check", "--base", "edition-2")
        assert result.code == 1
        assert "radar/gamma.md" in result.out and "review" in result.out, result.out
    finally:
        nested.git("checkout", "--", "radar/gamma.md")


def test_staged_deletion_checks_the_whole_radar(nested: Repo) -> None:
    """The pre-commit scope: a deletion staged from the repository's top is seen, and
    named relative to the radar."""
    top = nested.root.parent.parent
    nested.git("rm", "-q", "adr/0001-pick.md")
    try:
        result = subprocess.run(
            ["radar", "-C", str(nested.root), "check", "--staged", "--"], cwd=top,
            capture_output=True, text=True, check=False,
            env={**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"})
        assert "adr/0001-pick.md deleted or renamed" in result.stderr, result.stderr
        assert "platform/" not in result.stderr
        assert result.returncode == 1
        assert "no decision record '0001-pick'" in result.stdout
    finally:
        nested.git("reset", "-q", "--hard")


def test_a_base_from_before_the_radar(tmp_path: Path, run: Run) -> None:
    """Defects (QA): the pull request that adds a radar to a repository failed CI (`check
    --base` and `diff` against a base without the radar exited 2), and an edition tag on
    such a commit broke `radar editions`, every `diff --edition` and the site."""
    top = tmp_path / "monorepo"
    top.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main", str(top)], check=True)
    (top / "README.md").write_text("A monorepo.\n")
    repo = Repo(top / "platform" / "tech-radar", top=top)
    (repo.root / "radar" / "radar.yml").rename(tmp_path / "radar.yml")  # not there yet
    repo.commit("before the radar", "2024-01-01")
    repo.tag("edition-0", "2024-01-01")
    (tmp_path / "radar.yml").rename(repo.root / "radar" / "radar.yml")
    repo.write("radar/alpha.md", blip("Alpha", "tools", "trial"))
    repo.commit("the radar", "2024-02-01")
    assert moves(run, repo.root, "HEAD~1", "HEAD") == [("new", "alpha")]
    checked = run("-C", repo.root, "check", "--base", "HEAD~1")
    assert checked.code == 0, checked.err
    repo.tag("edition-1", "2024-02-01")
    listed = run("-C", repo.root, "editions", "--format", "json")
    assert listed.code == 0
    assert [e["edition"] for e in json.loads(listed.out)["editions"]] == ["edition-1"]
    assert "edition-0: on a commit without radar/radar.yml" in listed.err
    assert moves(run, repo.root, "--edition", "edition-1") == [("new", "alpha")]
    refused = run("-C", repo.root, "diff", "--edition", "edition-0")
    assert refused.code == 2 and "on a commit without radar/radar.yml" in refused.err
