"""Import of BYOR files (tests/fixtures/byor: Thoughtworks-style volume names, drops and
returns, Hold renamed Caution, names recurring for different things, names differing in
case, relatedBlips, a malformed file), compared with the volumes field by field, edition
by edition, through `radar diff` and the export."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from html import unescape
from pathlib import Path

import pytest

from conftest import TESTS, Run

FIXTURE = TESTS / "fixtures" / "byor"
VOLUMES = sorted((FIXTURE / "volumes").glob("*.csv"))
EDITIONS = ["edition-2023-01-01", "edition-2023-07-01", "edition-2024-01-01"]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from radar_as_code.cli import main

    into = tmp_path_factory.mktemp("byor") / "radar"
    assert main(["import", "--format", "byor-csv", *map(str, VOLUMES), "--into", str(into),
                 "--title", "Volumes"]) == 0
    return into


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def test_each_edition_lists_exactly_its_volume(run: Run, imported: Path) -> None:
    """Defect: a BYOR file was a delta: nothing ever left (216 blips where the volume has
    118), drops and returns never reported."""
    for volume, edition in zip(VOLUMES, EDITIONS, strict=True):
        rows = _rows(volume)
        exported = list(csv.DictReader(io.StringIO(run(
            "-C", imported, "export", "--format", "byor-csv", "--edition", edition).out)))
        assert sorted(r["name"] for r in exported) == sorted(r["name"] for r in rows)
        mine = {r["name"]: r for r in exported}
        for row in rows:
            got = mine[row["name"]]
            ring = "caution" if row["ring"] == "hold" else row["ring"]  # renamed: see docs
            assert (got["ring"], got["quadrant"]) == (ring, row["quadrant"]), row["name"]
            assert _text(got["description"]) == _text(row["description"]), row["name"]
            assert _links(got["description"]) == _links(row["description"])
            assert sorted(filter(None, got.get("relatedBlips", "").split(";"))) == \
                sorted(n for n in row["relatedBlips"].split(";") if n and n != "Nowhere")


def test_diff_per_edition_drops_returns_and_a_renamed_ring(run: Run, imported: Path) -> None:
    def changes(base: str, head: str) -> list[tuple[str, str]]:
        data = json.loads(run("-C", imported, "diff", base, head, "--format", "json").out)
        return [(c["kind"], c["id"]) for c in data["changes"]]

    second = changes(EDITIONS[0], EDITIONS[1])
    assert ("moved-in", "airflow") in second and ("new", "zap-languages-and-frameworks") in second
    assert {("retired", "gremlin"), ("retired", "zap")} <= set(second)
    third = changes(EDITIONS[1], EDITIONS[2])
    assert ("new", "gremlin-tools") in third and ("back", "zap") in third
    assert ("moved-out", "kafka") in third and ("retired", "airflow") in third
    assert not [c for c in third if c[1] == "feature-toggles"]  # Hold renamed Caution
    config = json.loads(run("-C", imported, "show", "--format", "json").out)["config"]
    assert [r["id"] for r in config["rings"]] == ["adopt", "trial", "assess", "caution"]
    assert config["rings"][3]["former_ids"] == ["hold"]
    assert [q["id"] for q in config["quadrants"]] == [
        "platforms", "tools", "languages-and-frameworks", "techniques"]


def test_identity_of_recurring_names(run: Run, imported: Path) -> None:
    """Defects: Gremlin (graph language, later a chaos tool) and ZAP / Zap (scanner, Go
    logger) were merged into one blip each, their old text overwritten."""
    show = {b["id"]: b for b in json.loads(run("-C", imported, "show", "--format",
                                                "json").out)["blips"]}
    assert (show["gremlin"]["status"], show["gremlin"]["retired"]) == ("retired", "2023-07-01")
    assert (show["zap"]["status"], show["zap"]["retired"]) == ("active", None)  # back
    assert show["gremlin"]["quadrant"] == "languages-and-frameworks"
    assert show["gremlin-tools"]["title"] == "Gremlin (Tools)"
    assert show["gremlin-tools"]["imported"]["title"] == "Gremlin"
    assert (show["zap"]["title"], show["zap-languages-and-frameworks"]["title"]) == (
        "ZAP", "Zap (Languages-and-frameworks)")
    assert "graph traversal" in (imported / "radar" / "gremlin.md").read_text()
    assert show["airflow"]["related"] == ["kafka"]
    assert show["zap-languages-and-frameworks"]["related"] == ["gremlin-tools"]
    assert show["scala-the-good-parts"]["title"] == "Scala, the good parts"
    history = json.loads(run("-C", imported, "history", "zap", "--format", "json").out)
    assert [p["status"] for p in history["history"][:3]] == ["active", "retired", "active"]


def test_malformed_rows_are_refused_at_their_line(run: Run, tmp_path: Path) -> None:
    """Defect: unquoted commas invented quadrants and rings with exit 0; an unterminated
    quote and extra cells were accepted without a word."""
    source = FIXTURE / "malformed" / "2024-01-01.csv"
    into = tmp_path / "into"
    result = run("import", "--format", "byor-csv", source, "--into", into)
    assert result.code == 2 and not into.exists() and not list(tmp_path.glob(".radar-*"))
    assert result.err.splitlines()[1:] == [
        f"  {source}:3: the row has 7 fields, the header 6 (an unquoted comma in a name or "
        "description?)",
        f"  {source}:4: unknown ring 'cuation' (known: adopt, trial, assess, hold; give "
        "--rings or --ring-alias)",
        f"  {source}:5: name is empty or missing",
        f"  {source}:7: not CSV (unexpected end of data)"]


def test_ring_alias_to_an_unknown_ring_is_refused(run: Run, tmp_path: Path) -> None:
    """Defect: `--ring-alias hold=cuation` silently made a fifth ring."""
    result = run("import", "--format", "byor-csv", *VOLUMES, "--into", tmp_path / "x",
                 "--ring-alias", "hold=cuation")
    assert result.code == 2
    assert "--ring-alias hold=cuation: no ring 'cuation' (rings: adopt, trial, assess, " \
           "caution)" in result.err
    assert not (tmp_path / "x").exists()


def test_partial_files_keep_absent_blips(run: Run, tmp_path: Path) -> None:
    into = tmp_path / "radar"
    assert run("import", "--format", "byor-csv", *VOLUMES, "--into", into, "--partial").code == 0
    show = json.loads(run("-C", into, "show", "--format", "json").out)["blips"]
    assert {b["id"]: b["status"] for b in show}["airflow"] == "active"
    assert all(b["status"] == "active" for b in show)


def test_dates_never_invented(run: Run, tmp_path: Path) -> None:
    """Defect: a single undated file got `reviewed: 2000-01-01` and no git repository, and
    `radar editions` failed with a raw git error."""
    undated = tmp_path / "radar.csv"
    undated.write_text("name,ring,quadrant,description\nKafka,adopt,platforms,x\n",
                       encoding="utf-8")
    result = run("import", "--format", "byor-csv", undated, "--into", tmp_path / "a")
    assert result.code == 2 and "no date: name the file by its date" in result.err
    into = tmp_path / "b"
    assert run("import", "--format", "byor-csv", undated, "--into", into,
               "--date", "radar.csv=2024-05").code == 0
    editions = json.loads(run("-C", into, "editions", "--format", "json").out)["editions"]
    assert [e["edition"] for e in editions] == ["edition-2024-05-01"]
    assert "reviewed: 2024-05-01" in (into / "radar" / "kafka.md").read_text()
    log = subprocess.run(["git", "-C", str(into), "log", "--format=%ad %s", "--date=short"],
                         capture_output=True, text=True, check=True).stdout
    assert log == "2024-05-01 Edition 2024-05-01, imported from radar.csv\n"
    twice = tmp_path / "2024-05-01.csv"
    twice.write_text(undated.read_text())
    result = run("import", "--format", "byor-csv", undated, twice, "--into", tmp_path / "c",
                 "--date", "radar.csv=2024-05-01")
    assert result.code == 2 and "one edition per date" in result.err


def test_json_volumes_and_html_descriptions(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "radar-2025-06-01.json"
    source.write_text(json.dumps([
        {"name": "dbt", "ring": "Adopt", "quadrant": "Tools", "isNew": "TRUE",
         "description": '<p>SQL <strong>models</strong> &amp; tests. <a href="https://x.org">'
                        'Docs</a> <a href="javascript:alert(1)">bad</a> <a href="/radar/x">'
                        'relative</a> <code><a href="https://x.org/c">cmd</a></code></p>'
                        '<ul><li>one</li></ul><h2>More</h2>',
         "relatedBlips": ["Spark"]},
        {"name": "Spark", "ring": "Hold", "quadrant": "Platforms", "isNew": "FALSE",
         "description": "Plain text"}]), encoding="utf-8")
    into = tmp_path / "radar"
    result = run("import", "--format", "byor-json", source, "--into", into)
    assert result.code == 0, result.err
    text = (into / "radar" / "dbt.md").read_text(encoding="utf-8")
    assert "SQL **models** & tests. [Docs](https://x.org) bad relative [`cmd`](https://x.org/c)" \
        "\n\n- one" in text
    assert "#### More" in text and "javascript" not in text and "related: [spark]" in text
    assert "reviewed: 2025-06-01" in text
    assert "2 link(s) or image(s) with a relative or unsafe URL kept as text" in result.out
    back = json.loads(run("-C", into, "export", "--format", "byor-json").out)
    assert back[0]["name"] == "dbt" and back[0]["relatedBlips"] == ["Spark"]
    assert "<h2>More</h2>" in back[0]["description"]


def test_json_descriptions_left_quoted_as_csv_cells(run: Run, tmp_path: Path) -> None:
    """Defect (QA): Thoughtworks' JSON volumes keep each description quoted as a CSV cell
    (`"<a href=""https://..."">..."`): every link was lost without a word and a stray `"`
    framed the text."""
    source = tmp_path / "Volume 33 (Nov 2025).json"
    source.write_text(json.dumps([
        {"name": "Context engineering", "ring": "Assess", "quadrant": "Techniques",
         "isNew": "TRUE", "description": '"<p>Design the <a href=""https://x.org/ctx"" '
                                         'target=""_blank"">context</a>, not the ""prompt"".</p>"'},
        {"name": "Plain", "ring": "Hold", "quadrant": "Techniques", "isNew": "FALSE",
         "description": '"a lone " quote"'}]), encoding="utf-8")
    result = run("import", "--format", "byor-json", source, "--into", tmp_path / "r")
    assert result.code == 0, result.err
    text = (tmp_path / "r" / "radar" / "context-engineering.md").read_text(encoding="utf-8")
    assert 'Design the [context](https://x.org/ctx), not the "prompt".\n' in text
    assert '"a lone " quote"' in (tmp_path / "r" / "radar" / "plain.md").read_text("utf-8")
    assert '1 description(s) still quoted as CSV cells ("...", with "" for "): unquoted' \
        in result.out


def test_the_summary_counts_what_was_written(run: Run, tmp_path: Path) -> None:
    into = tmp_path / "radar"
    result = run("import", "--format", "byor-csv", *VOLUMES, "--into", into, "--report", "json")
    summary = json.loads(result.out)
    for row in summary["editions"]:
        names = subprocess.run(["git", "-C", str(into), "show", "--format=", "--name-only",
                                row["edition"]], capture_output=True, text=True,
                               check=True).stdout.split()
        assert row["files"] == len([n for n in names if n.startswith("radar/") and
                                    n != "radar/radar.yml"]), row["edition"]
    assert summary["blips"] == len(list((into / "radar").glob("*.md"))) == 8
    assert [r["active"] for r in summary["editions"]] == [6, 5, 6]
