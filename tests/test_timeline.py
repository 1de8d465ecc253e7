"""Editions from git tags: `radar diff`, `history`, `editions` and `check --base`, on real
repositories with several tagged editions."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import Run, golden
from gitrepo import CONFIG, Repo, adr, blip
from radar_as_code.core.load import load
from radar_as_code.core.reader import WorktreeReader
from radar_as_code.editions import diff


@pytest.fixture(scope="module")
def history_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four editions exercising every kind of change."""
    repo = Repo(tmp_path_factory.mktemp("history") / "repo")
    # edition-1 (annotated)
    repo.write("radar/alpha.md", blip("Alpha", "tools", "trial"))
    repo.write("radar/beta.md", blip("Beta", "tools", "assess"))
    repo.write("radar/gamma.md", blip("Gamma", "methods", "hold"))
    repo.write("radar/delta.md", blip("Delta", "methods", "adopt"))
    repo.write("radar/echo.md", blip("Echo", "tools", "trial"))
    repo.commit("first edition", "2024-01-01")
    repo.tag("edition-1", "2024-01-01")
    repo.tag("v1-not-an-edition", "2024-01-02")
    # edition-2 (lightweight): moves both ways, quadrant change, retirement, removal, new
    repo.write("radar/alpha.md", blip("Alpha", "tools", "adopt", reviewed="2024-04-01"))
    repo.write("radar/beta.md", blip("Beta", "tools", "hold", reviewed="2024-04-01"))
    repo.write("radar/gamma.md", blip("Gamma", "tools", "hold"))
    repo.write("radar/delta.md", blip("Delta", "methods", "adopt", status="retired"))
    repo.remove("radar/echo.md")
    repo.write("radar/foxtrot.md", blip("Foxtrot", "tools", "assess"))
    repo.commit("second edition", "2024-04-01")
    repo.tag("edition-2", "2024-04-01", annotated=False)
    # edition-3: rename + move, returns, ring renamed in the config, an invalid file
    repo.remove("radar/alpha.md")
    repo.write("radar/alpha-prime.md", blip("Alpha Prime", "tools", "trial", former=("alpha",),
                                             reviewed="2024-07-01"))
    repo.write("radar/echo.md", blip("Echo", "tools", "trial"))
    repo.write("radar/delta.md", blip("Delta", "methods", "adopt"))
    caution = "{id: caution, label: Caution, former_ids: [hold]}"
    repo.write("radar/radar.yml", CONFIG.replace("{id: hold, label: Hold}", caution))
    repo.write("radar/beta.md", blip("Beta", "tools", "caution", reviewed="2024-04-01"))
    repo.write("radar/gamma.md", blip("Gamma", "tools", "caution"))
    repo.write("radar/foxtrot.md", "---\ntitle: Foxtrot\nring: [unclosed\n---\n")
    repo.commit("third edition", "2024-07-01")
    repo.tag("edition-3", "2024-07-01")
    # edition-4: the invalid file fixed, a rationale revised
    repo.write("radar/foxtrot.md", blip("Foxtrot", "tools", "assess"))
    repo.write("radar/gamma.md", blip("Gamma", "tools", "caution", text="New evidence."))
    repo.commit("fourth edition", "2024-10-01")
    repo.tag("edition-4", "2024-10-01")
    return repo.root


def changes(run: Run, repo: Path, *revs: str) -> list[tuple[str, ...]]:
    result = run("-C", repo, "diff", *revs, "--format", "json")
    assert result.code in (0, 1), result.err
    data = json.loads(result.out)
    return [tuple(v for v in (c["kind"], c["id"], c["from_ring"] or c["from_quadrant"],
                              c["to_ring"] or c["to_quadrant"], c["former_id"]) if v)
            for c in data["changes"]]


def test_every_kind_of_change(history_repo: Path, run: Run) -> None:
    assert changes(run, history_repo, "edition-1", "edition-2") == [
        ("new", "foxtrot", "assess"),
        ("moved-in", "alpha", "trial", "adopt"),
        ("moved-out", "beta", "assess", "hold"),
        ("quadrant-changed", "gamma", "methods", "tools"),
        ("retired", "delta", "adopt", "adopt"),
        ("removed", "echo", "trial"),
    ]
    assert changes(run, history_repo, "edition-2", "edition-3") == [
        ("back", "echo", "trial"),
        ("back", "delta", "adopt", "adopt"),
        ("moved-out", "alpha-prime", "adopt", "trial"),
        ("renamed", "alpha-prime", "alpha"),
    ]
    assert changes(run, history_repo, "edition-3", "edition-4") == [
        ("revised", "gamma", "caution", "caution")]


def test_renamed_ring_is_no_move_and_invalid_file_is_a_problem(history_repo: Path,
                                                               run: Run) -> None:
    result = run("-C", history_repo, "diff", "edition-2", "edition-3", "--format", "json")
    data = json.loads(result.out)
    assert result.code == 1
    assert data["unchanged"] == 2  # beta and gamma: hold became caution, no move
    [problem] = data["problems"]
    assert problem["path"] == "radar/foxtrot.md"
    assert problem["message"].startswith("at edition-3: invalid YAML")
    assert data["base"]["ref"] == "edition-2" and len(data["base"]["sha"]) == 40


def test_range_syntax_and_golden_formats(history_repo: Path, run: Run) -> None:
    assert changes(run, history_repo, "edition-1..edition-2") == changes(
        run, history_repo, "edition-1", "edition-2")
    text = run("-C", history_repo, "diff", "edition-1", "edition-2").out
    markdown = run("-C", history_repo, "diff", "edition-1", "edition-2", "--format",
                   "markdown", "--link-base", "https://radar.example.org/").out
    sha_free = [line.split(" (")[0] for line in text.splitlines()]
    golden("diff.txt", "\n".join(sha_free) + "\n")
    golden("diff.md", "\n".join(line for line in markdown.splitlines()
                                if not line.startswith("###")) + "\n")
    assert "[Alpha](https://radar.example.org/radar/alpha/)" in markdown
    assert "| ▲ |" in markdown


def test_default_is_latest_edition_against_working_tree(history_repo: Path, run: Run,
                                                        tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(history_repo), str(clone)], check=True)
    (clone / "radar" / "echo.md").write_text(blip("Echo", "tools", "adopt"))
    (clone / "radar" / "golf.md").write_text(blip("Golf", "methods", "trial"))
    data = json.loads(run("-C", clone, "diff", "--format", "json").out)
    assert data["base"]["ref"] == "edition-4"
    assert data["head"] == {"ref": "working tree", "sha": None}
    assert [(c["kind"], c["id"]) for c in data["changes"]] == [
        ("new", "golf"), ("moved-in", "echo")]


def test_edition_release_notes(history_repo: Path, run: Run) -> None:
    assert changes(run, history_repo, "--edition", "edition-4") == [
        ("revised", "gamma", "caution", "caution")]
    first = json.loads(run("-C", history_repo, "diff", "--edition", "edition-1", "--format",
                           "json").out)
    assert first["base"] == {"ref": "nothing (before the first edition)", "sha": None}
    assert [c["kind"] for c in first["changes"]] == ["new"] * 5
    assert run("-C", history_repo, "diff", "--edition", "v1-not-an-edition").code == 2


def test_incremental_diff_equals_full_comparison(history_repo: Path, tmp_path: Path) -> None:
    """The diff reads only changed files; comparing whole snapshots must agree."""
    from radar_as_code.editions.timeline import Timeline

    timeline = Timeline(history_repo)
    for base, head in [("edition-1", "edition-2"), ("edition-2", "edition-3"),
                       ("edition-1", "edition-4")]:
        quick = timeline.compare(base, head)
        full = []
        for rev in (base, head):
            tree = tmp_path / rev
            subprocess.run(["git", "-C", str(history_repo), "worktree", "add", "-q", "--detach",
                            str(tree), rev], check=True)
            full.append(load(WorktreeReader(tree)).radar)
        seen = {"echo", "delta", "alpha"} if base != "edition-1" else set()
        expected, unchanged = diff.compare(full[0], full[1], seen_before=seen)  # type: ignore[arg-type]
        assert sorted(quick.changes, key=repr) == sorted(expected, key=repr)
        assert quick.unchanged == unchanged
        for rev in (base, head):
            subprocess.run(["git", "-C", str(history_repo), "worktree", "remove", "--force",
                            str(tmp_path / rev)], check=True)


def test_history(history_repo: Path, run: Run) -> None:
    result = run("-C", history_repo, "history", "alpha-prime", "--format", "json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)["history"]
    assert [(r["edition"], r["date"], r["id"], r["ring"]) for r in rows] == [
        ("edition-1", "2024-01-01", "alpha", "trial"),
        ("edition-2", "2024-04-01", "alpha", "adopt"),
        ("edition-3", "2024-07-01", "alpha-prime", "trial"),
        ("edition-4", "2024-10-01", "alpha-prime", "trial"),
        ("working tree", None, "alpha-prime", "trial"),
    ]
    # Defect (QA): asked by its former id, the history lost the blip after its rename.
    former = json.loads(run("-C", history_repo, "history", "alpha", "--format", "json").out)
    assert former["history"] == rows
    echo = json.loads(run("-C", history_repo, "history", "echo", "--format", "json").out)
    assert [r["present"] for r in echo["history"]] == [True, False, True, True, True]
    missing = run("-C", history_repo, "history", "nothing")
    assert missing.code == 2 and "no blip 'nothing'" in missing.err


def test_editions(history_repo: Path, run: Run) -> None:
    result = run("-C", history_repo, "editions", "--format", "json")
    assert result.code == 0, result.err
    rows = json.loads(result.out)["editions"]
    assert [r["edition"] for r in rows] == ["edition-1", "edition-2", "edition-3", "edition-4"]
    assert rows[0]["rings"] == {"adopt": 1, "assess": 1, "hold": 1, "trial": 2}
    assert rows[1]["rings"] == {"adopt": 1, "assess": 1, "hold": 2}
    assert rows[1]["quadrants"] == {"tools": 4}
    assert [c["kind"] for c in rows[1]["since_previous"]["changes"]] == [
        "new", "moved-in", "moved-out", "quadrant-changed", "retired", "removed"]
    assert rows[3]["rings"] == {"adopt": 1, "assess": 1, "caution": 2, "trial": 2}
    text = run("-C", history_repo, "editions").out
    assert "edition-2  2024-04-01  4 blips" in text


def test_editions_ordered_by_date_then_name(tmp_path: Path, run: Run) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("radar/a.md", blip("A", "tools", "trial"))
    repo.commit("one", "2024-01-01")
    repo.tag("edition-b", "2024-01-01")
    repo.tag("edition-a", "2024-01-01")
    repo.write("radar/a.md", blip("A", "tools", "adopt"))
    repo.commit("two", "2024-02-01")
    repo.tag("edition-0", "2024-02-01")
    rows = json.loads(run("-C", repo.root, "editions", "--format", "json").out)["editions"]
    assert [r["edition"] for r in rows] == ["edition-a", "edition-b", "edition-0"]


def test_revision_cannot_be_an_option(history_repo: Path, run: Run,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(history_repo)
    for rev in ("--output=pwned.txt", "-p", "--exec=touch pwned"):
        result = run("diff", "--", rev, "edition-1")
        assert result.code == 2
        assert f"unknown revision '{rev}'" in result.err
    assert not list(history_repo.glob("pwned*"))


def test_git_environment_of_a_hook_is_ignored(history_repo: Path, run: Run, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "other"
    subprocess.run(["git", "init", "-q", str(other)], check=True)
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))
    monkeypatch.setenv("GIT_INDEX_FILE", str(other / ".git" / "index"))
    assert changes(run, history_repo, "edition-3", "edition-4") == [
        ("revised", "gamma", "caution", "caution")]


def test_shallow_clone_and_missing_tags(history_repo: Path, run: Run, tmp_path: Path) -> None:
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", "--no-tags",
                    f"file://{history_repo}", str(shallow)], check=True)
    for argv in (["diff"], ["editions"], ["diff", "edition-1", "edition-2"],
                 ["history", "gamma"]):
        result = run("-C", shallow, *argv)
        assert result.code == 2, argv
        assert "fetch-depth: 0" in result.err, result.err
        assert "Traceback" not in result.err
    plain = tmp_path / "no-tags"
    subprocess.run(["git", "clone", "-q", "--no-tags", str(history_repo), str(plain)], check=True)
    result = run("-C", plain, "diff")  # no edition yet here: compared with an empty radar
    assert result.code == 0 and "git fetch --tags" in result.err
    assert result.out.startswith("nothing (before the first edition) -> working tree")
    result = run("-C", plain, "editions")
    assert result.code == 0 and result.out == "" and "git tag -a edition-1" in result.err
    result = run("-C", plain, "history", "gamma")
    assert result.code == 0 and result.out.startswith("working tree"), result.out


def test_not_a_repository(base_radar: Path, run: Run) -> None:
    result = run("-C", base_radar, "diff")
    assert result.code == 2
    assert "not a git repository" in result.err


# --- review policy: `radar check --base REV` ------------------------------------------

@pytest.fixture
def review_repo(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "review")
    repo.write("radar/polars.md", blip("Polars", "tools", "trial", reviewed="2024-02-01"))
    repo.write("radar/pandas.md", blip("Pandas", "tools", "trial", reviewed="2024-02-01"))
    repo.write("radar/dask.md", blip("Dask", "tools", "assess"))
    repo.write("adr/0001-prefer-polars.md", adr("Prefer Polars", ("polars",), "proposed"))
    repo.write("radar/polars.md", blip("Polars", "tools", "trial", reviewed="2024-02-01",
                                       decisions=("0001-prefer-polars",)))
    repo.commit("base", "2024-02-01")
    return repo


def test_review_move_needs_review_date_and_accepted_decision(review_repo: Repo,
                                                             run: Run) -> None:
    review_repo.write("radar/polars.md", blip("Polars", "tools", "adopt", reviewed="2024-02-01",
                                              decisions=("0001-prefer-polars",)))
    review_repo.write("radar/pandas.md", blip("Pandas", "tools", "assess",
                                              reviewed="2024-05-01"))
    result = run("-C", review_repo.root, "check", "--base", "HEAD")
    assert result.code == 1
    assert result.out.splitlines() == [
        "radar/polars.md:6:12: error: a blip entering 'adopt' must cite an accepted decision "
        "record under decisions: 0001-prefer-polars is proposed: accept it with "
        "`radar adr accept 0001-prefer-polars` [review]",
        "radar/polars.md:7:11: error: the ring changed from trial to adopt since HEAD: set "
        "reviewed to the date of this review (it is still 2024-02-01): "
        "`radar review polars` [review]",
    ]
    assert run("-C", review_repo.root, "check").code == 0  # without --base: no policy
    # The commands the messages name are the fix.
    assert run("-C", review_repo.root, "adr", "accept", "0001-prefer-polars").code == 0
    assert run("-C", review_repo.root, "review", "polars").code == 0
    assert run("-C", review_repo.root, "check", "--base", "HEAD").code == 0


def test_review_names_the_status_of_cited_records(review_repo: Repo, run: Run) -> None:
    review_repo.write("adr/0001-prefer-polars.md", adr("Prefer Polars", ("polars",),
                                                       "deprecated"))
    review_repo.write("radar/polars.md", blip("Polars", "tools", "adopt", reviewed="2024-05-02",
                                              decisions=("0001-prefer-polars",)))
    review_repo.write("radar/pandas.md", blip("Pandas", "tools", "hold", reviewed="2024-05-02"))
    out = run("-C", review_repo.root, "check", "--base", "HEAD").out
    assert "0001-prefer-polars is deprecated: write a new record (`radar adr new TITLE " \
        "--blip polars`)" in out
    assert "entering 'hold' must cite an accepted decision record under decisions: write one " \
        "(`radar adr new TITLE --blip pandas`), then accept it (`radar adr accept NNNN`)" in out


def test_review_rename_without_former_id(review_repo: Repo, run: Run) -> None:
    review_repo.remove("radar/dask.md")
    review_repo.write("radar/dask-distributed.md", blip("Dask", "tools", "assess"))
    result = run("-C", review_repo.root, "check", "--base", "HEAD")
    assert result.code == 1
    assert "'dask' was removed and 'dask-distributed' added with the same title" in result.out
    review_repo.write("radar/dask-distributed.md", blip("Dask", "tools", "assess",
                                                        former=("dask",)))
    assert run("-C", review_repo.root, "check", "--base", "HEAD").code == 0


def test_review_removing_a_referenced_blip(review_repo: Repo, run: Run) -> None:
    review_repo.remove("radar/polars.md")
    result = run("-C", review_repo.root, "check", "--base", "HEAD")
    assert result.code == 1
    assert "adr/0001-prefer-polars.md:6:9: error: blips: no blip 'polars'" in result.out


def test_review_unknown_base(review_repo: Repo, run: Run) -> None:
    result = run("-C", review_repo.root, "check", "--base", "main~5")
    assert result.code == 2 and "unknown revision 'main~5'" in result.err


def test_text_columns_fit_long_ids_and_titles(tmp_path: Path, run: Run) -> None:
    """Defect: an id longer than 28 characters (or a title longer than 32) pushed the
    rest of its line out of the columns."""
    repo = Repo(tmp_path / "repo")
    repo.write("radar/alpha.md", blip("Alpha", "tools", "trial"))
    repo.commit("first", "2024-01-01")
    repo.tag("edition-1", "2024-01-01")
    long_id = "a-blip-whose-id-is-long-enough-to-overflow"
    repo.write(f"radar/{long_id}.md", blip("A title that is longer than thirty-two letters",
                                           "tools", "assess"))
    repo.write("radar/alpha.md", blip("Alpha", "tools", "adopt", reviewed="2024-02-01"))
    repo.commit("second", "2024-02-01")
    lines = run("-C", repo.root, "diff", "edition-1", "HEAD").out.splitlines()[1:3]
    assert [line.index(ring) for line, ring in zip(lines, ("Assess", "Trial"), strict=True)
            ] == [lines[0].index("Assess")] * 2
    assert lines[1].index("Alpha") == lines[0].index("A title")


def test_front_matter_lines_revise_no_rationale(tmp_path: Path, run: Run) -> None:
    """Defect (QA): every retirement and every `featured` change also reported "rationale
    revised" (the body had moved down a line), in diff, editions, agenda and the site."""
    repo = Repo(tmp_path / "repo")
    repo.write("radar/alpha.md", blip("Alpha", "tools", "trial"))
    repo.write("radar/beta.md", blip("Beta", "tools", "trial"))
    repo.commit("first", "2024-01-01")
    repo.tag("edition-1", "2024-01-01")
    repo.write("radar/alpha.md", blip("Alpha", "tools", "trial", status="retired")
               .replace("status: retired\n", "status: retired\nretired: 2024-02-01\n"))
    repo.write("radar/beta.md", blip("Beta", "tools", "trial")
               .replace("ring: trial\n", "ring: trial\nfeatured: false\n"))
    repo.commit("second", "2024-02-01")
    changes = json.loads(run("-C", repo.root, "diff", "edition-1", "HEAD", "--format",
                             "json").out)["changes"]
    assert [(c["kind"], c["id"]) for c in changes] == [("retired", "alpha")]
    repo.write("radar/beta.md", blip("Beta", "tools", "trial", text="New evidence.")
               .replace("ring: trial\n", "ring: trial\nfeatured: false\n"))
    repo.commit("third", "2024-03-01")
    changes = json.loads(run("-C", repo.root, "diff", "edition-1", "HEAD", "--format",
                             "json").out)["changes"]
    assert [(c["kind"], c["id"]) for c in changes] == [("retired", "alpha"),
                                                       ("revised", "beta")]


def test_staged_without_paths_checks_the_staged_files(tmp_path: Path, run: Run) -> None:
    """Defect (QA): `radar check --staged` run by hand (no paths) checked nothing and
    passed with a broken blip staged."""
    repo = Repo(tmp_path / "repo")
    repo.write("radar/alpha.md", blip("Alpha", "tools", "trial"))
    repo.commit("first", "2024-01-01")
    assert run("-C", repo.root, "check", "--staged").code == 0  # nothing staged
    repo.write("radar/beta.md", blip("Beta", "tools", "nowhere"))
    repo.git("add", "radar/beta.md")
    result = run("-C", repo.root, "check", "--staged")
    assert result.code == 1 and "radar/beta.md" in result.out and "nowhere" in result.out
