"""Export to and import from the common radar formats; round trips; imported histories."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from conftest import BASE, Run
from gitrepo import Repo, blip


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three editions: moves both ways, a new blip, a quadrant change."""
    r = Repo(tmp_path_factory.mktemp("interchange") / "repo")
    config = (r.root / "radar" / "radar.yml").read_text()
    r.write("radar/radar.yml", config.replace(
        "  - {id: methods, label: Methods}\n", "  - {id: methods, label: Methods}\n"
        "  - {id: platforms, label: Platforms}\n  - {id: languages, label: Languages}\n"))
    r.write("radar/alpha.md", blip("Alpha", "tools", "trial"))
    r.write("radar/beta.md", blip("Beta", "tools", "assess"))
    r.write("radar/gamma.md", blip("Gamma", "methods", "hold"))
    r.commit("one", "2024-01-01")
    r.tag("edition-1", "2024-01-01")
    r.write("radar/alpha.md", blip("Alpha", "tools", "adopt", reviewed="2024-04-01"))
    r.write("radar/beta.md", blip("Beta", "tools", "hold", reviewed="2024-04-01"))
    r.write("radar/delta.md", blip("Delta", "methods", "trial"))
    r.commit("two", "2024-04-01")
    r.tag("edition-2", "2024-04-01")
    r.write("radar/gamma.md", blip("Gamma", "methods", "assess", reviewed="2024-07-01"))
    r.commit("three", "2024-07-01")
    r.tag("edition-3", "2024-07-01")
    return r.root


def export(run: Run, repo: Path, fmt: str, *extra: str) -> str:
    result = run("-C", repo, "export", "--format", fmt, *extra)
    assert result.code == 0, result.err
    return result.out


def test_byor_status_is_derived(run: Run, repo: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(export(run, repo, "byor-csv", "--edition",
                                                  "edition-2"))))
    assert list(rows[0]) == ["name", "ring", "quadrant", "isNew", "status", "description"]
    status = {r["name"]: (r["ring"], r["quadrant"], r["isNew"], r["status"]) for r in rows}
    assert status == {"Alpha": ("adopt", "tools", "FALSE", "Moved In"),
                      "Beta": ("hold", "tools", "FALSE", "Moved Out"),
                      "Delta": ("trial", "methods", "TRUE", "New"),
                      "Gamma": ("hold", "methods", "FALSE", "No Change")}
    assert "<h2>Context</h2>" in rows[0]["description"]
    as_json = json.loads(export(run, repo, "byor-json", "--edition", "edition-2"))
    assert [r["status"] for r in as_json] == [r["status"] for r in rows]


def test_zalando_moved_is_derived(run: Run, repo: Path) -> None:
    data = json.loads(export(run, repo, "zalando", "--edition", "edition-2"))
    assert data["date"] == "2024.04"
    moved = {e["label"]: (e["quadrant"], e["ring"], e["moved"]) for e in data["entries"]}
    assert moved == {"Alpha": (0, 0, 1), "Beta": (0, 3, -1), "Delta": (1, 1, 2),
                     "Gamma": (1, 3, 0)}
    assert all(set(e) == {"quadrant", "ring", "label", "active", "moved"}
               for e in data["entries"])


def test_zalando_needs_four_by_four(run: Run, base_radar: Path) -> None:
    result = run("-C", base_radar, "export", "--format", "zalando")
    assert result.code == 2 and "exactly 4 quadrants and 4 rings" in result.err


def test_backstage_timeline_latest_first(run: Run, repo: Path) -> None:
    data = json.loads(export(run, repo, "backstage", "--edition", "edition-3"))
    assert set(data) == {"quadrants", "rings", "entries"}
    assert data["quadrants"][0] == {"id": "tools", "name": "Tools"}
    assert set(data["rings"][0]) == {"id", "name", "color", "description"}
    entries = {e["id"]: e for e in data["entries"]}
    assert set(entries["alpha"]) == {"key", "id", "quadrant", "title", "description",
                                     "timeline"}
    assert [(p["date"], p["ringId"], p["moved"]) for p in entries["alpha"]["timeline"]] == [
        ("2024-04-01", "adopt", 1), ("2024-01-01", "trial", 0)]
    assert [(p["ringId"], p["moved"]) for p in entries["gamma"]["timeline"]] == [
        ("assess", 1), ("hold", 0)]


def test_aoe_release_folders_and_round_trip(run: Run, repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "aoe"
    result = run("-C", repo, "export", "--format", "aoe", "--edition", "edition-3",
                 "--out", out)
    assert result.code == 0, result.err
    releases = {p.name: sorted(f.stem for f in p.glob("*.md"))
                for p in sorted((out / "radar").iterdir())}
    assert releases == {"2024-01-01": ["alpha", "beta", "gamma"],
                        "2024-04-01": ["alpha", "beta", "delta"], "2024-07-01": ["gamma"]}
    imported = tmp_path / "imported"
    result = run("import", "--format", "aoe", out, "--into", imported)
    assert result.code == 0, result.err
    assert "editions: edition-2024-01-01, edition-2024-04-01, edition-2024-07-01" in result.out
    for original, copy in [("edition-1", "edition-2024-01-01"),
                           ("edition-2", "edition-2024-04-01"),
                           ("edition-3", "edition-2024-07-01")]:
        before = json.loads(run("-C", repo, "export", "--format", "json", "--edition",
                                original).out)
        after = json.loads(run("-C", imported, "export", "--format", "json", "--edition",
                               copy).out)
        assert [(b["id"], b["quadrant"], b["ring"]) for b in before["blips"]] == \
            [(b["id"], b["quadrant"], b["ring"]) for b in after["blips"]]
    moves = json.loads(run("-C", imported, "diff", "edition-2024-01-01", "edition-2024-04-01",
                           "--format", "json").out)
    assert [(c["kind"], c["id"]) for c in moves["changes"]] == [
        ("new", "delta"), ("moved-in", "alpha"), ("moved-out", "beta")]


def test_byor_csv_round_trip(run: Run, base_radar: Path, tmp_path: Path) -> None:
    exported = tmp_path / "2026-03-01.csv"
    assert run("-C", base_radar, "export", "--format", "byor-csv", "--out", exported).code == 0
    imported = tmp_path / "imported"
    result = run("import", "--format", "byor-csv", exported, "--into", imported)
    assert result.code == 0, result.err
    before = json.loads(run("-C", base_radar, "show", "--format", "json").out)
    after = json.loads(run("-C", imported, "show", "--format", "json").out)
    assert [(b["id"], b["quadrant"], b["ring"]) for b in before["blips"]] == \
        [(b["id"], b["quadrant"], b["ring"]) for b in after["blips"]]
    assert run("-C", imported, "check").code == 0


def test_zalando_round_trip(run: Run, repo: Path, tmp_path: Path) -> None:
    source = tmp_path / "config.json"
    source.write_text(export(run, repo, "zalando", "--edition", "edition-3"))
    imported = tmp_path / "imported"
    assert run("import", "--format", "zalando", source, "--into", imported).code == 0
    data = json.loads(run("-C", imported, "show", "--format", "json").out)
    assert [(b["id"], b["ring"]) for b in data["blips"]] == [
        ("alpha", "adopt"), ("beta", "hold"), ("delta", "trial"), ("gamma", "assess")]
    assert [q["id"] for q in data["config"]["quadrants"]] == ["quadrant-1", "quadrant-2"]
    assert [r["id"] for r in data["config"]["rings"]] == ["adopt", "trial", "assess", "hold"]


CSV_HEADER = "name,ring,quadrant,isNew,description\n"


def test_thoughtworks_style_volumes(run: Run, tmp_path: Path) -> None:
    """Three volumes: each lists only the blips it mentions; Hold became Caution; two
    blips share a display name in different quadrants."""
    (tmp_path / "vol-2023-04.csv").write_text(
        CSV_HEADER + "Kafka,adopt,platforms,TRUE,<p>Streams.</p>\n"
        "Airflow,trial,tools,TRUE,<p>DAGs &amp; <b>ops</b>.</p>\n"
        "Feature flags,hold,techniques,TRUE,Careful\n"
        "Feature flags,assess,tools,TRUE,A product\n")
    (tmp_path / "vol-2023-10.csv").write_text(
        CSV_HEADER + "Airflow,adopt,tools,FALSE,Now widely used\n")
    (tmp_path / "vol-2024-04.csv").write_text(
        CSV_HEADER + "Kafka,caution,platforms,FALSE,Too much\n"
        "Feature flags,caution,techniques,FALSE,Still careful\n")
    into = tmp_path / "radar"
    result = run("import", "--format", "byor-csv", *sorted(tmp_path.glob("vol-*.csv")),
                 "--into", into, "--title", "Volumes")
    assert result.code == 0, result.err
    config = json.loads(run("-C", into, "show", "--format", "json").out)["config"]
    assert [r["id"] for r in config["rings"]] == ["adopt", "trial", "assess", "caution"]
    assert config["rings"][3]["former_ids"] == ["hold"]
    second = json.loads(run("-C", into, "diff", "edition-2023-04-01", "edition-2023-10-01",
                            "--format", "json").out)
    assert [(c["kind"], c["id"]) for c in second["changes"]] == [("moved-in", "airflow")]
    assert second["unchanged"] == 3  # absent from the volume, not removed
    third = json.loads(run("-C", into, "diff", "edition-2023-10-01", "edition-2024-04-01",
                           "--format", "json").out)
    assert [(c["kind"], c["id"]) for c in third["changes"]] == [
        ("moved-out", "kafka"), ("revised", "feature-flags-techniques")]
    ids = [b["id"] for b in json.loads(run("-C", into, "show", "--format", "json").out)["blips"]]
    assert "feature-flags-techniques" in ids and "feature-flags-tools" in ids
    text = (into / "radar" / "airflow.md").read_text()
    assert "DAGs & **ops**." not in text  # the latest volume's description wins
    first = run("-C", into, "history", "airflow", "--format", "json")
    assert [r["ring"] for r in json.loads(first.out)["history"]] == [
        "trial", "adopt", "adopt", "adopt"]


def test_import_errors_name_file_and_row_and_write_nothing(run: Run, tmp_path: Path) -> None:
    bad = tmp_path / "2024-01-01.csv"
    bad.write_text(CSV_HEADER + "Kafka,adopt,platforms,TRUE,x\n,trial,tools,TRUE,y\n")
    into = tmp_path / "radar"
    result = run("import", "--format", "byor-csv", bad, "--into", into)
    assert result.code == 2
    assert f"{bad}, row 3: empty or missing name" in result.err
    assert not into.exists()
    assert not list(tmp_path.glob(".radar-import-*"))
    no_header = tmp_path / "2024-02-01.csv"
    no_header.write_text("title,ring\nKafka,adopt\n")
    result = run("import", "--format", "byor-csv", no_header, "--into", into)
    assert result.code == 2 and "row 1: missing column(s) name, quadrant, description" in \
        result.err
    zalando = tmp_path / "config.json"
    zalando.write_text('{"entries": [{"quadrant": 7, "ring": 0, "label": "X"}]}')
    result = run("import", "--format", "zalando", zalando, "--into", into)
    assert result.code == 2 and "entry 1: quadrant must be 0, 1, 2 or 3" in result.err
    (into).mkdir()
    (into / "keep.txt").write_text("mine")
    result = run("import", "--format", "zalando", zalando, "--into", into)
    assert result.code == 2 and (into / "keep.txt").read_text() == "mine"


def test_native_json(run: Run, base_radar: Path) -> None:
    data = json.loads(run("-C", base_radar, "export", "--format", "json").out)
    assert set(data["blips"][0]) >= {"id", "title", "quadrant", "ring", "tags", "related",
                                     "decisions", "status", "number"}
    shutil.rmtree(base_radar / "adr")
    (base_radar / "adr").mkdir()
    assert BASE.exists()


def test_byor_json_import_and_html_descriptions(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "radar-2025-06-01.json"
    source.write_text(json.dumps([
        {"name": "dbt", "ring": "Adopt", "quadrant": "Tools", "isNew": "TRUE",
         "description": '<p>SQL <strong>models</strong> &amp; tests. <a href="https://x.org">'
                        'Docs</a> <a href="javascript:alert(1)">bad</a></p><ul><li>one</li></ul>'},
        {"name": "Spark", "ring": "Hold", "quadrant": "Platforms", "isNew": "FALSE",
         "description": "Plain text"}]))
    into = tmp_path / "radar"
    result = run("import", "--format", "byor-json", source, "--into", into)
    assert result.code == 0, result.err
    text = (into / "radar" / "dbt.md").read_text()
    assert "SQL **models** & tests. [Docs](https://x.org) bad" in text
    assert "- one" in text and "javascript" not in text
    assert "reviewed: 2025-06-01" in text
    broken = tmp_path / "2025-07-01.json"
    broken.write_text('[{"name": "x",')
    result = run("import", "--format", "byor-json", broken, "--into", tmp_path / "other")
    assert result.code == 2 and "2025-07-01.json, line 1: not JSON" in result.err


@pytest.mark.parametrize(("name", "content", "message"), [
    ("deep-2024-01-01.json", "[" * 100000, "cannot be read as JSON"),
    ("big-2024-01-01.json", '[{"name": 1' + "0" * 5000 + "}]", "cannot be read as JSON"),
    ("latin-2024-01-01.csv", "name,ring,quadrant,isNew,description\nCaf\xe9,adopt,t,TRUE,x\n",
     "not UTF-8"),
])
def test_hostile_import_sources(run: Run, tmp_path: Path, name: str, content: str,
                                message: str) -> None:
    source = tmp_path / name
    source.write_bytes(content.encode("latin-1"))
    fmt = "byor-json" if name.endswith(".json") else "byor-csv"
    result = run("import", "--format", fmt, source, "--into", tmp_path / "out")
    assert result.code == 2 and message in result.err
    assert not (tmp_path / "out").exists()


def test_import_into_a_new_nested_folder(run: Run, base_radar: Path, tmp_path: Path) -> None:
    exported = tmp_path / "2026-03-01.csv"
    assert run("-C", base_radar, "export", "--format", "byor-csv", "--out", exported).code == 0
    into = tmp_path / "not" / "yet" / "there"
    result = run("import", "--format", "byor-csv", exported, "--into", into)
    assert result.code == 0, result.err
    assert (into / "radar" / "radar.yml").is_file()
    assert not list(into.parent.glob(".radar-import-*"))
