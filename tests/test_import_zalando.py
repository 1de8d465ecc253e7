"""Import of Zalando releases (tests/fixtures/zalando: quadrant and ring indices, links, one
with markup in it, inactive entries, a drop and a return, names differing in case),
compared with the releases field by field through `radar diff` and the export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import TESTS, Run

FIXTURE = TESTS / "fixtures" / "zalando"
RELEASES = sorted(FIXTURE.glob("*.json"))
EDITIONS = ["edition-2024-01-15", "edition-2024-06-20", "edition-2025-02-03"]
NAMES = "Languages,Infrastructure,Datastores,Data Management"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from radar_as_code.cli import main

    into = tmp_path_factory.mktemp("zalando") / "radar"
    assert main(["import", "--format", "zalando", *map(str, RELEASES), "--into", str(into),
                 "--quadrants", NAMES]) == 0
    return into


def test_each_edition_exports_back_as_its_release(run: Run, imported: Path) -> None:
    """Defects: quadrant indices mapped by first appearance mirrored every entry on
    re-export (81/81); links were lost unless --link-base was given; drops were lost."""
    for path, edition in zip(RELEASES, EDITIONS, strict=True):
        source = json.loads(path.read_text(encoding="utf-8"))
        result = run("-C", imported, "export", "--format", "zalando", "--edition", edition)
        mine = {e["label"]: e for e in json.loads(result.out)["entries"]}
        assert json.loads(result.out)["date"] == source["date"]
        assert sorted(mine) == sorted(e["label"] for e in source["entries"])
        for entry in source["entries"]:
            got = mine[entry["label"]]
            assert (got["quadrant"], got["ring"], got["active"]) == (
                entry["quadrant"], entry["ring"], entry["active"]), entry["label"]
            link = entry.get("link", "").replace("<", "%3C").replace(">", "%3E").replace(
                "(", "%28").replace(")", "%29")
            assert got.get("link", "") == link
    config = json.loads(run("-C", imported, "show", "--format", "json").out)["config"]
    assert [q["label"] for q in config["quadrants"]] == NAMES.split(",")
    assert [r["id"] for r in config["rings"]] == ["adopt", "trial", "assess", "hold"]


def test_moves_drops_and_returns(run: Run, imported: Path) -> None:
    def changes(base: str, head: str) -> list[tuple[str, str]]:
        data = json.loads(run("-C", imported, "diff", base, head, "--format", "json").out)
        return [(c["kind"], c["id"]) for c in data["changes"]]

    assert changes(EDITIONS[0], EDITIONS[1]) == [
        ("new", "go-languages"), ("moved-out", "apache-airflow"), ("retired", "kotlin")]
    assert changes(EDITIONS[1], EDITIONS[2]) == [
        ("back", "kotlin"), ("moved-in", "cassandra")]
    moved = {e["label"]: e["moved"] for e in json.loads(run(
        "-C", imported, "export", "--format", "zalando", "--edition", EDITIONS[2]).out)[
        "entries"]}
    assert moved == {"Apache Airflow": 0, "Kotlin": 2, "AWS Lambda": 0, "Cassandra": 1,
                     "Go": 0, "go": 0}


def test_names_links_and_markup(run: Run, imported: Path) -> None:
    """Defects: `Go` and `go` merged into one blip; a link containing `>` ended the link
    early and stored a raw `<script>`."""
    show = {b["id"]: b for b in json.loads(run("-C", imported, "show", "--format",
                                                "json").out)["blips"]}
    assert (show["go"]["title"], show["go-languages"]["title"]) == ("Go", "go (Languages)")
    assert show["go-languages"]["imported"]["title"] == "go"
    assert show["aws-lambda"]["featured"] is True
    cassandra = (imported / "radar" / "cassandra.md").read_text(encoding="utf-8")
    assert "<script>" not in cassandra
    assert "[Cassandra](https://example.org/search?q=%3Cscript%3Ealert%281%29%3C/script%3E)" \
        in cassandra
    check = json.loads(run("-C", imported, "check", "--format", "json").out)
    assert {(p["rule"], p["level"]) for p in check["problems"]} == {("sections", "warning")}


def test_entries_are_checked_each_at_its_line(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "2024-03-01.json"
    source.write_text('{"date": "2024.03", "entries": [\n'
                      '  {"quadrant": 7, "ring": 0, "label": "X"},\n'
                      '  {"quadrant": 1, "ring": true, "label": "Y"},\n'
                      '  {"quadrant": 1, "ring": 1, "label": NaN},\n'
                      '  {"quadrant": 1, "ring": 1, "label": "Z", "link": "javascript:x"}\n'
                      ']}\n', encoding="utf-8")
    result = run("import", "--format", "zalando", source, "--into", tmp_path / "x")
    assert result.code == 2
    assert f"{source}:4: not plain JSON: 'NaN' is not a JSON value" in result.err
    source.write_text(source.read_text().replace("NaN", '"\\ud800"'))
    result = run("import", "--format", "zalando", source, "--into", tmp_path / "x")
    assert result.err.splitlines()[1:] == [
        f"  {source}:2: quadrant must be 0, 1, 2 or 3, not 7",
        f"  {source}:3: ring must be 0, 1, 2 or 3, not True",
        f"  {source}:4: label holds U+D800, which is not a character (a lone surrogate)",
        f"  {source}:5: link 'javascript:x' is not an absolute http(s) URL"]
    assert not (tmp_path / "x").exists()
