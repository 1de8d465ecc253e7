"""The site's editions (docs/editions.md), in real git repositories and real `mkdocs build`s:
the site presents the latest edition and its changes against the edition before; what was
merged since is "upcoming" and never replaces the edition's marks; no page claims a
change that `radar diff` between the same two revisions does not report."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import Run
from gitrepo import Repo, adr, blip
from radar_as_code.editions import diff as diff_kinds
from radar_as_code.editions.archive import edition_title
from radar_as_code.editions.git import Tag
from radar_as_code.render import pages
from radar_as_code.render.rules import rules_page
from radar_as_code.site.publish import read_site
from sitekit import broken_links, build, site_repo

# The radar of the issue: twelve blips, then six moves, two new and one retired.
FIRST = {"alpha": ("Alpha", "tools", "trial"), "beta": ("Beta", "tools", "assess"),
         "gamma": ("Gamma", "tools", "hold"), "delta": ("Delta", "tools", "adopt"),
         "echo": ("Echo", "tools", "trial"), "foxtrot": ("Foxtrot", "tools", "assess"),
         "golf": ("Golf", "methods", "adopt"), "hotel": ("Hotel", "methods", "trial"),
         "india": ("India", "methods", "assess"), "juliet": ("Juliet", "methods", "hold"),
         "kilo": ("Kilo", "methods", "trial"), "lima": ("Lima", "methods", "adopt")}
MOVES = {"alpha": "adopt", "beta": "trial", "gamma": "assess", "hotel": "adopt",
         "india": "hold", "kilo": "assess"}
ALPHA_DECISION = "We adopt Alpha: it *won* the trial."


def _first_edition(repo: Repo) -> None:
    for ident, (title, quadrant, ring) in FIRST.items():
        repo.write(f"radar/{ident}.md", blip(title, quadrant, ring))
    repo.commit("first edition", "2024-01-01")
    repo.git("tag", "-a", "edition-2024-01", "-m", "January 2024 edition", date="2024-01-01")


def _second_edition(repo: Repo) -> None:
    repo.write("adr/0001-adopt-alpha.md", adr("Adopt Alpha", ("alpha",)))
    for ident, ring in MOVES.items():
        title, quadrant, _ = FIRST[ident]
        decisions = ("0001-adopt-alpha",) if ident == "alpha" else ()
        body = blip(title, quadrant, ring, reviewed="2024-06-01", decisions=decisions)
        if ident == "alpha":
            body = body.replace("Our view.", f"{ALPHA_DECISION}\n\nA second paragraph.")
        repo.write(f"radar/{ident}.md", body)
    repo.write("radar/mike.md", blip("Mike", "tools", "assess"))
    repo.write("radar/november.md", blip("November", "methods", "trial"))
    repo.write("radar/lima.md", blip("Lima", "methods", "adopt", status="retired"))
    repo.commit("second edition", "2024-06-01")
    repo.tag("edition-2024-06", "2024-06-01", annotated=False)


@pytest.fixture(scope="module")
def on_tag(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """HEAD on the latest edition tag."""
    repo = Repo(tmp_path_factory.mktemp("on-tag") / "repo")
    repo.write("radar/alpha.md", blip("Alpha", "tools", "assess"))
    repo.commit("a draft before any edition", "2023-12-01")
    _first_edition(repo)
    _second_edition(repo)
    return site_repo(repo.root)


def _copy(source: Path, tmp_path: Path) -> Repo:
    shutil.copytree(source, tmp_path / "repo", symlinks=True)
    repo = Repo.__new__(Repo)
    repo.root = tmp_path / "repo"
    return repo


@pytest.fixture
def after_tag(on_tag: Path, tmp_path: Path) -> Repo:
    """Commits after the latest edition: a move, a new blip, a retirement, a removal, a
    rename, and the decision and its record rewritten."""
    repo = _copy(on_tag, tmp_path)
    repo.write("radar/echo.md", blip("Echo", "tools", "adopt", reviewed="2024-07-01"))
    repo.write("radar/oscar.md", blip("Oscar", "tools", "trial"))
    repo.write("radar/delta.md", blip("Delta", "tools", "adopt", status="retired"))
    repo.remove("radar/juliet.md")
    repo.remove("radar/foxtrot.md")
    repo.write("radar/foxtrot-two.md", blip("Foxtrot", "tools", "assess", former=("foxtrot",)))
    alpha = repo.root / "radar" / "alpha.md"
    alpha.write_text(alpha.read_text().replace(ALPHA_DECISION, "Rewritten since."))
    record = repo.root / "adr" / "0001-adopt-alpha.md"
    record.write_text(record.read_text().replace("title: Adopt Alpha", "title: Alpha, renamed"))
    repo.commit("unreleased work on main", "2024-07-01")
    return repo


def _site(root: Path, tmp_path: Path, name: str = "site") -> Path:
    out = tmp_path / name
    result = build(root, out)
    assert result.returncode == 0, result.stderr
    assert broken_links(out) == []
    return out


class _Marks(HTMLParser):
    """The picture's marks: blip id -> accessible name."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and "radar-blip" in (values.get("class") or ""):
            self.found[values["data-blip"] or ""] = values.get("aria-label") or ""


def picture_marks(html: str) -> dict[str, str]:
    parser = _Marks()
    parser.feed(html.split('class="radar-picture"', 1)[1].split("</svg>", 1)[0])
    return parser.found


def claimed(html: str) -> list[tuple[str, str]]:
    """The changes a page lists, (kind, blip id), in the order of `radar diff` (which sorts
    by kind, then quadrant and title; pages list each kind by blip number)."""
    found = re.findall(r'<li class="radar-change" data-change="([a-z-]+)" data-blip="([^"]+)"',
                       html)
    kinds = [kind for kind, _ in found]
    assert kinds == sorted(kinds, key=diff_kinds.KINDS.index)  # grouped in the same order
    return sorted(found, key=lambda c: (diff_kinds.KINDS.index(c[0]), c[1]))


def diff(run: Run, root: Path, *argv: str) -> list[tuple[str, str]]:
    result = run("-C", root, "diff", *argv, "--format", "json")
    assert result.code == 0, result.err
    changes = [(c["kind"], c["id"]) for c in json.loads(result.out)["changes"]]
    return sorted(changes, key=lambda c: (diff_kinds.KINDS.index(c[0]), c[1]))


def numbers(html: str) -> dict[str, int]:
    """Blip id -> number, from the picture's accessible names ("3. Beta (...)")."""
    return {ident: int(name.split(".", 1)[0]) for ident, name in picture_marks(html).items()}


MARKED = {"new": "New", "moved-in": "Moved in", "moved-out": "Moved out"}


def marked(html: str) -> dict[str, str]:
    """Blip id -> the mark's word, from the accessible names."""
    out = {}
    for ident, name in picture_marks(html).items():  # "(Adopt, Data, Moved in from Trial)"
        words = [w for w in MARKED.values() if re.search(rf", {w}( from [^,)]+)?\)$", name)]
        if words:
            out[ident] = words[0]
    return out


# --- the four states of a repository ---------------------------------------------------

def test_before_the_first_tag_the_site_is_a_draft_without_marks(tmp_path: Path,
                                                                 run: Run) -> None:
    repo = Repo(tmp_path / "repo")
    for ident, (title, quadrant, ring) in FIRST.items():
        repo.write(f"radar/{ident}.md", blip(title, quadrant, ring))
    repo.commit("no edition yet", "2024-01-01")
    out = _site(site_repo(repo.root), tmp_path)
    home = (out / "index.html").read_text()
    assert marked(home) == {}
    assert sorted(numbers(home).values()) == list(range(1, 13))
    assert "No edition yet" in home.split('id="whats-new"')[1]
    assert "No edition yet" in (out / "editions" / "index.html").read_text()
    assert [p.name for p in (out / "editions").iterdir() if p.is_dir()] == ["since-last"]
    for page in out.rglob("*.html"):
        assert claimed(page.read_text()) == [], page


def test_head_on_the_latest_tag_shows_that_edition_and_nothing_upcoming(
        on_tag: Path, tmp_path: Path, run: Run) -> None:
    out = _site(on_tag, tmp_path)
    home = (out / "index.html").read_text()
    assert diff(run, on_tag) == []  # `radar diff`: nothing since the latest edition
    edition = diff(run, on_tag, "--edition", "edition-2024-06")
    marks = {"alpha": "Moved in", "beta": "Moved in", "gamma": "Moved in", "hotel": "Moved in",
             "india": "Moved out", "kilo": "Moved out", "mike": "New", "november": "New"}
    assert marked(home) == marks
    assert {(k, i) for k, i in edition if k in MARKED} == \
        {(k, i) for i, w in marks.items() for k, v in MARKED.items() if v == w}
    assert claimed((out / "editions" / "edition-2024-06" / "index.html").read_text()) == edition
    since = (out / "editions" / "since-last" / "index.html").read_text()
    assert claimed(since) == [] and "Nothing merged since the latest edition." in since
    news = home.split('id="whats-new"')[1].split("</section>")[0]
    assert "Edition 2024-06" in news and "2 new, 4 moved in, 2 moved out, 1 retired" in news
    assert "Upcoming" not in news


def test_commits_after_the_tag_are_upcoming_and_change_no_mark_number_or_anchor(
        on_tag: Path, after_tag: Repo, tmp_path: Path, run: Run) -> None:
    before = _site(on_tag, tmp_path, "before")
    after = _site(after_tag.root, tmp_path, "after")
    old, new = ((s / "index.html").read_text() for s in (before, after))
    assert marked(new) == marked(old)  # the edition's marks stay
    assert numbers(new) == numbers(old) and numbers(new)["kilo"] == 11  # and its numbers
    assert "oscar" not in numbers(new)  # not in an edition yet
    for ident in ("echo", "kilo"):  # anchors are the blip's id
        assert f'<h1 id="blip-{ident}">' in (after / "radar" / ident / "index.html").read_text()
    upcoming = diff(run, after_tag.root)
    assert upcoming == sorted([
        ("moved-in", "echo"), ("new", "oscar"), ("retired", "delta"), ("removed", "juliet"),
        ("renamed", "foxtrot-two"), ("revised", "alpha")],
        key=lambda c: (diff_kinds.KINDS.index(c[0]), c[1]))
    since = (after / "editions" / "since-last" / "index.html").read_text()
    assert claimed(since) == upcoming
    edition = (after / "editions" / "edition-2024-06" / "index.html").read_text()
    assert claimed(edition) == diff(run, after_tag.root, "--edition", "edition-2024-06")
    news = new.split('id="whats-new"')[1].split("</section>")[0]
    assert "Upcoming</a>: 1 new, 1 moved in, 1 renamed, 1 retired, 1 removed" in news


def test_a_tag_added_later_on_an_older_commit_takes_that_commits_place(
        on_tag: Path, tmp_path: Path, run: Run) -> None:
    repo = _copy(on_tag, tmp_path)
    draft = repo.git("rev-list", "--max-parents=0", "HEAD").strip()
    repo.git("tag", "-a", "edition-2023-12", "-m", "December 2023 edition", draft,
             date="2024-08-01")
    out = _site(repo.root, tmp_path)
    index = (out / "editions" / "index.html").read_text()
    titles = re.findall(r'<a href="edition-[^"]+">([^<]+)</a>', index)
    assert titles == ["Edition 2024-06", "January 2024 edition", "December 2023 edition"]
    before = _site(on_tag, tmp_path, "before")
    assert marked((out / "index.html").read_text()) == \
        marked((before / "index.html").read_text())  # the latest edition is still 2024-06
    january = (out / "editions" / "edition-2024-01" / "index.html").read_text()
    assert claimed(january) == diff(run, repo.root, "--edition", "edition-2024-01")
    assert ("new", "beta") in claimed(january) and ("moved-in", "alpha") in claimed(january)


# --- what the pages of an edition say -------------------------------------------------

def test_edition_page_shows_the_edition_as_it_was(after_tag: Repo, tmp_path: Path) -> None:
    out = _site(after_tag.root, tmp_path)
    page = (out / "editions" / "edition-2024-06" / "index.html").read_text()
    assert re.search(r"<h1[^>]*>Edition 2024-06<", page)  # never "Edition edition-..."
    assert "Edition edition" not in page
    marks = marked(page)
    assert marks["alpha"] == "Moved in" and marks["mike"] == "New" and "lima" not in marks
    assert '<h2 id="moved-in">Moved in (4)</h2>' in page
    alpha = page.split('data-change="moved-in" data-blip="alpha"')[1].split("</li>")[0]
    assert "1. Alpha" in alpha and "Trial → Adopt" in alpha
    # the record and the decision as they were at the edition, not as rewritten since
    assert "0001: Adopt Alpha</a> (accepted)" in alpha
    assert "We adopt Alpha: it won the trial." in alpha and "A second paragraph" not in alpha
    assert "Rewritten since" not in alpha and "renamed" not in alpha
    lima = page.split('data-change="retired" data-blip="lima"')[1].split("</li>")[0]
    assert "Lima" in lima and "from Adopt" in lima and "Adopt → Adopt" not in lima
    assert "13 blips</strong> | 4 Adopt | 3 Trial | 4 Assess | 2 Hold" in page
    first = (out / "editions" / "edition-2024-01" / "index.html").read_text()
    assert re.search(r"<h1[^>]*>January 2024 edition<", first) and marked(first) == {}
    assert "The first edition" in first


def test_blip_pages_show_the_edition_and_what_is_upcoming(after_tag: Repo,
                                                           tmp_path: Path) -> None:
    out = _site(after_tag.root, tmp_path)
    echo = (out / "radar" / "echo" / "index.html").read_text()
    assert '<span class="radar-badge radar-ring">Trial</span>' in echo  # the edition's ring
    note = echo.split('class="radar-upcoming-note"')[1].split("</p>")[0]
    assert "Moved in (to Adopt)" in note
    oscar = (out / "radar" / "oscar" / "index.html").read_text()
    assert '<h1 id="blip-oscar">Oscar</h1>' in oscar  # no number before its first edition
    assert "radar-upcoming" in oscar
    lima = (out / "radar" / "lima" / "index.html").read_text()
    retired = lima.split('class="radar-retired-note"')[1].split("</p>")[0]
    assert "Edition 2024-06" in retired and "from Adopt" in retired
    # a blip removed since the edition keeps a page while the edition shows it
    juliet = (out / "radar" / "juliet" / "index.html").read_text()
    assert "Removed" in juliet.split('class="radar-upcoming-note"')[1]
    home = (out / "index.html").read_text()
    assert 'href="radar/juliet/"' in home and 'href="radar/foxtrot-two/"' in home


def test_upcoming_can_be_hidden(after_tag: Repo, tmp_path: Path) -> None:
    config = after_tag.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - radar:\n", "  - radar:\n"
                                                 "      upcoming: false\n"))
    out = _site(after_tag.root, tmp_path)
    assert not (out / "editions" / "since-last").exists()
    for page in out.rglob("*.html"):
        assert "radar-upcoming-note" not in page.read_text(), page
    assert "Upcoming" not in (out / "index.html").read_text().split('id="whats-new"')[1]


def test_numbers_are_numeric_and_ordered(on_tag: Path, tmp_path: Path) -> None:
    site = read_site(on_tag)
    home = pages.pages(site, pages.markdown_links, rules_page)["index.md"]
    listed = [int(n) for n in re.findall(r"<tr[^>]*><td[^>]*>(\d+)</td>", home.tail)]
    assert listed == list(range(1, 14))
    drawn = [int(n) for n in re.findall(r'aria-label="(\d+)\. ', home.tail)]
    assert drawn == sorted(drawn) and drawn[-1] == 13


def test_edition_titles(on_tag: Path, run: Run) -> None:
    rows = json.loads(run("-C", on_tag, "editions", "--format", "json").out)["editions"]
    assert [r["title"] for r in rows] == ["January 2024 edition", "Edition 2024-06"]
    for name, message, pattern, expected in [
            ("edition-2024-06", "", "edition-*", "Edition 2024-06"),
            ("edition-2024-06", "edition-2024-06", "edition-*", "Edition 2024-06"),
            ("edition-2024-06", "June 2024 edition", "edition-*", "June 2024 edition"),
            ("edition-5", "", "*", "edition-5"),
            ("vol-[3]", "", "vol-[[]*", "Edition [3]"),
            ("2024-06", "", "20*", "Edition 2024-06")]:
        assert edition_title(Tag(name, "0" * 40, 0, 0, message), pattern) == expected, name
