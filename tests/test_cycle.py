"""The whole change cycle in real git repositories: branches in parallel, each adding a
decision record; a blip created and moved the same day; merges; the checks that must
fail fail with the fix in their message, and the commands they name fix them; the
edition is tagged; the agenda lists what the next review must look at."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from conftest import Run
from gitrepo import Repo, adr, blip

TODAY = date.today().isoformat()


def fill(repo: Repo, path: str) -> None:
    """Write what the template asks for: no placeholder is left."""
    text = (repo.root / path).read_text()
    text = text.replace("deciders: [TODO]", "deciders: [Platform team]")
    text = re.sub(r"TODO: option (\d)", r"Candidate \1", text)
    text = re.sub(r"TODO\b.*", "what we found, in our words.", text)
    repo.write(path, text)


@pytest.fixture
def main_repo(tmp_path: Path, run: Run) -> Repo:
    """main: two blips and an accepted record, tagged edition-1 in 2024; then a blip
    `go` added today with `radar new`, filled in and committed."""
    repo = Repo(tmp_path / "team-radar")
    repo.write("radar/alpha.md", blip("Alpha", "tools", "adopt", reviewed="2024-01-01",
                                      decisions=("0001-choose-alpha",)))
    repo.write("radar/beta.md", blip("Beta", "methods", "trial", reviewed="2024-01-01"))
    repo.write("adr/0001-choose-alpha.md", adr("Choose Alpha", ("alpha",)))
    repo.commit("first edition", "2024-01-01")
    repo.tag("edition-1", "2024-01-01")
    assert run("-C", repo.root, "new", "go", "--title", "Go", "--quadrant", "tools",
               "--ring", "trial").code == 0
    fill(repo, "radar/go.md")
    repo.commit("add go", TODAY)
    return repo


def check(run: Run, repo: Repo, *args: str) -> tuple[int, str]:
    result = run("-C", repo.root, "check", *args)
    assert "Traceback" not in result.out + result.err
    return result.code, result.out


def test_parallel_branches_merge_and_edition(main_repo: Repo, run: Run,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    repo = main_repo
    # Branch a: a record to adopt go, accepted, and go moved the day it was created.
    repo.git("checkout", "-q", "-b", "adopt-go")
    assert run("-C", repo.root, "adr", "new", "Adopt Go", "--blip", "go").code == 0
    fill(repo, "adr/0002-adopt-go.md")
    assert run("-C", repo.root, "move", "go", "adopt", "--decision", "2").code == 0
    code, out = check(run, repo, "--base", "main")
    assert code == 1
    assert "0002-adopt-go is proposed: accept it with `radar adr accept 0002-adopt-go`" in out
    assert run("-C", repo.root, "adr", "accept", "0002-adopt-go").code == 0
    assert check(run, repo, "--base", "main") == (0, "")  # reviewed today: no new date
    go = (repo.root / "radar" / "go.md").read_text()
    assert "ring: adopt" in go and f"reviewed: {TODAY}" in go and "\n**Adopt.** " in go
    repo.commit("adopt go", TODAY)

    # Branch b, started from the same main: its own next record is 0002 as well.
    repo.git("checkout", "-q", "-b", "prefer-beta", "main")
    assert run("-C", repo.root, "adr", "new", "Prefer Beta", "--blip", "beta").code == 0
    assert (repo.root / "adr" / "0002-prefer-beta.md").exists()
    # Unfinished text: a warning on a workstation, an error in CI.
    code, out = check(run, repo)
    assert code == 0 and "warning: unfinished text" in out
    monkeypatch.setenv("CI", "true")
    code, out = check(run, repo)
    assert code == 1 and "error: unfinished text" in out
    fill(repo, "adr/0002-prefer-beta.md")
    assert check(run, repo, "--base", "main") == (0, "")
    repo.commit("prefer beta", TODAY)

    # adopt-go merges first; prefer-beta's number is now taken on main.
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "merge adopt-go", "adopt-go", date=TODAY)
    repo.git("checkout", "-q", "prefer-beta")
    code, out = check(run, repo, "--base", "main")
    assert code == 1
    assert ("adr/0002-prefer-beta.md:1:1: error: number 0002 was taken on main by "
            "adr/0002-adopt-go.md since this branch started: renumber this record with "
            "`radar adr renumber 0002-prefer-beta 0003` [adr-numbers]") in out
    assert run("-C", repo.root, "adr", "renumber", "0002-prefer-beta", "0003").code == 0
    assert "decisions: [0003-prefer-beta]" in (repo.root / "radar" / "beta.md").read_text()
    assert check(run, repo, "--base", "main") == (0, "")
    repo.commit("renumber", TODAY)
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "merge prefer-beta", "prefer-beta", date=TODAY)
    assert check(run, repo) == (0, "")

    # The edition, then the agenda of the next one.
    repo.tag("edition-2", TODAY)
    assert run("-C", repo.root, "adr", "accept", "3").code == 0
    assert run("-C", repo.root, "adr", "new", "Retire Alpha", "--blip", "alpha").code == 0
    fill(repo, "adr/0004-retire-alpha.md")
    assert run("-C", repo.root, "adr", "deprecate", "0001").code == 0
    result = run("-C", repo.root, "agenda", "--format", "json")
    assert result.code == 0, result.err
    agenda = json.loads(result.out)
    assert agenda["edition"] == "edition-2"
    assert [c["kind"] for c in agenda["since"]["changes"]] == ["revised"]  # alpha cites 0004
    assert [b["id"] for b in agenda["due"]] == ["alpha", "beta"]  # reviewed in 2024
    assert [d["id"] for d in agenda["proposed"]] == ["0004-retire-alpha"]
    assert [(c["blip"], c["decision"], c["status"]) for c in agenda["citing"]] == [
        ("alpha", "0001-choose-alpha", "deprecated")]
    text = run("-C", repo.root, "agenda").out
    assert "Changes since edition-2:" in text and "2 blips" in text
    assert "0004  Retire Alpha" in text and "alpha" in text
    markdown = run("-C", repo.root, "agenda", "--format", "markdown").out
    assert "### Due for review: 2 blips" in markdown


def test_adr_numbers_merged_without_renumbering(main_repo: Repo, run: Run) -> None:
    """Two records with one number on main (no branch protection): the check names the
    command that fixes it, and the command renames the file and rewrites every reference,
    in front matter and in links."""
    repo = main_repo
    for title, concerned in (("Use Go", "go"), ("Use Rust", "beta")):
        branch = title.lower().replace(" ", "-")
        repo.git("checkout", "-q", "-b", branch, "main")
        assert run("-C", repo.root, "adr", "new", title, "--blip", concerned).code == 0
        fill(repo, f"adr/0002-{branch}.md")
        repo.commit(title, TODAY)
    alpha = (repo.root / "radar" / "alpha.md").read_text()
    repo.write("radar/alpha.md", alpha + "\nSee [why Rust](../adr/0002-use-rust.md#context).\n")
    repo.commit("link", TODAY)
    repo.git("checkout", "-q", "main")
    for branch in ("use-go", "use-rust"):
        repo.git("merge", "-q", "--no-ff", "-m", f"merge {branch}", branch, date=TODAY)
    code, out = check(run, repo)
    assert code == 1
    assert ("adr/0002-use-rust.md:1:1: error: number 0002 is also used by adr/0002-use-go.md: "
            "give this record a free number with `radar adr renumber 0002-use-rust 0003` "
            "[identity]") in out
    result = run("-C", repo.root, "adr", "renumber", "0002-use-rust", "0003")
    assert result.code == 0, result.err
    assert sorted(result.out.splitlines()) == [
        "wrote adr/0003-use-rust.md (was adr/0002-use-rust.md)", "wrote radar/alpha.md",
        "wrote radar/beta.md"]
    assert "decisions: [0003-use-rust]" in (repo.root / "radar" / "beta.md").read_text()
    assert "(../adr/0003-use-rust.md#context)" in (repo.root / "radar" / "alpha.md").read_text()
    assert check(run, repo) == (0, "")


def test_same_day_review_and_future_dates(main_repo: Repo, run: Run) -> None:
    repo = main_repo
    repo.git("checkout", "-q", "-b", "hold-beta")
    # beta was last reviewed in 2024: a move without a new review date is refused...
    beta = (repo.root / "radar" / "beta.md").read_text()
    repo.write("radar/beta.md", beta.replace("ring: trial", "ring: assess"))
    code, out = check(run, repo, "--base", "main")
    assert code == 1 and "`radar review beta`" in out
    result = run("-C", repo.root, "review", "beta", "go")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "wrote radar/beta.md", f"'go' was already reviewed on {TODAY}: nothing to write"]
    assert check(run, repo, "--base", "main") == (0, "")
    # ...and a date in the future is an error.
    repo.write("radar/beta.md", (repo.root / "radar" / "beta.md").read_text().replace(
        f"reviewed: {TODAY}", "reviewed: 2999-01-01"))
    code, out = check(run, repo)
    assert code == 1 and "reviewed: 2999-01-01 is in the future" in out
    assert run("-C", repo.root, "review", "beta").code == 0
    assert check(run, repo) == (0, "")


def test_a_blip_new_since_the_base_moves_freely(main_repo: Repo, run: Run) -> None:
    repo = main_repo
    repo.git("checkout", "-q", "-b", "rust")
    assert run("-C", repo.root, "new", "rust", "--title", "Rust", "--quadrant", "tools",
               "--ring", "trial", "--today", "2026-01-02").code == 0
    fill(repo, "radar/rust.md")
    repo.commit("add rust", TODAY)
    rust = repo.root / "radar" / "rust.md"
    rust.write_text(rust.read_text().replace("ring: trial", "ring: assess").replace(
        "**Trial.**", "**Assess.**"))  # by hand
    assert check(run, repo, "--base", "main") == (0, "")  # new since main: no review due
    code, out = check(run, repo, "--base", "HEAD")  # against the branch itself: moved
    assert code == 1 and "`radar review rust`" in out


def test_agenda_before_the_first_edition(tmp_path: Path, run: Run) -> None:
    repo = Repo(tmp_path / "new-radar")
    repo.write("radar/alpha.md", blip("Alpha", "tools", "trial", reviewed=TODAY))
    repo.commit("start", TODAY)
    result = run("-C", repo.root, "agenda")
    assert result.code == 0
    assert "no edition yet" in result.err
    assert "Changes: no edition yet, so every blip is new (compared with an empty radar):" \
        in result.out
    assert "new               alpha" in result.out
    assert "Due for review (not reviewed for more than 12 months): 0 blips" in result.out


@pytest.mark.slow
def test_strict_site_refuses_unfinished_text_and_shows_due_reviews(
        main_repo: Repo, run: Run, tmp_path: Path) -> None:
    from sitekit import build, site_repo

    repo = site_repo(main_repo.root)
    config = repo / "radar" / "radar.yml"
    config.write_text(config.read_text() + "review_after: 12 months\n")
    assert run("-C", repo, "new", "rust", "--title", "Rust", "--quadrant", "tools",
               "--ring", "assess").code == 0
    refused = build(repo, tmp_path / "site")
    assert refused.returncode != 0
    assert "radar/rust.md:15:1: warning: unfinished text" in refused.stdout + refused.stderr
    fill(main_repo, "radar/rust.md")
    built = build(repo, tmp_path / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    beta = (tmp_path / "site" / "radar" / "beta" / "index.html").read_text()
    assert '<span class="radar-badge radar-due">due for review</span>' in beta  # 2024
    go = (tmp_path / "site" / "radar" / "go" / "index.html").read_text()
    assert "radar-due" not in go  # reviewed today
