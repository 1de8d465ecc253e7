"""Exports to the common radar formats: movement columns derived from the editions, every
blip exported or the export refused, safe cells and safe writes. Imports are tested in
test_import_*.py."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, Run
from gitrepo import Repo, blip
from radar_as_code.interchange import exported


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three editions: moves both ways, a new blip, a move with a quadrant change."""
    r = Repo(tmp_path_factory.mktemp("interchange") / "repo")
    config = (r.root / "radar" / "radar.yml").read_text()
    r.write("radar/radar.yml", config.replace(
        "  - {id: methods, label: Methods}\n", "  - {id: methods, label: Methods}\n"
        "  - {id: platforms, label: Platforms}\n  - {id: languages, label: Languages}\n"))
    r.write("radar/alpha.md", blip("Alpha", "tools", "trial"))
    r.write("radar/beta.md", blip("Beta", "tools", "assess"))
    r.write("radar/gamma.md", blip("Gamma", "methods", "hold"))
    r.write("radar/terraform.md", blip("Terraform", "tools", "adopt"))
    r.commit("one", "2024-01-01")
    r.tag("edition-1", "2024-01-01")
    r.write("radar/alpha.md", blip("Alpha", "tools", "adopt", reviewed="2024-04-01"))
    r.write("radar/beta.md", blip("Beta", "tools", "hold", reviewed="2024-04-01"))
    r.write("radar/delta.md", blip("Delta", "methods", "trial"))
    r.write("radar/terraform.md", blip("Terraform", "platforms", "hold", reviewed="2024-04-01"))
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


def test_byor_status_is_derived_and_a_move_with_a_quadrant_change_is_a_move(
        run: Run, repo: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(export(run, repo, "byor-csv", "--edition",
                                                  "edition-2"))))
    assert list(rows[0]) == ["name", "ring", "quadrant", "isNew", "status", "description"]
    status = {r["name"]: (r["ring"], r["quadrant"], r["isNew"], r["status"]) for r in rows}
    assert status == {"Alpha": ("adopt", "tools", "FALSE", "Moved In"),
                      "Beta": ("hold", "tools", "FALSE", "Moved Out"),
                      "Delta": ("trial", "methods", "TRUE", "New"),
                      "Gamma": ("hold", "methods", "FALSE", "No Change"),
                      "Terraform": ("hold", "platforms", "FALSE", "Moved Out")}
    assert "<h2>Context</h2>" in rows[0]["description"]
    as_json = json.loads(export(run, repo, "byor-json", "--edition", "edition-2"))
    assert [r["status"] for r in as_json] == [r["status"] for r in rows]
    native = json.loads(export(run, repo, "json", "--edition", "edition-2"))
    terraform = next(b for b in native["blips"] if b["id"] == "terraform")
    assert (terraform["change"], terraform["changes"]) == (
        "moved-out", ["moved-out", "quadrant-changed"])


def test_without_edition_an_unchanged_radar_exports_its_latest_edition(
        run: Run, repo: Path, tmp_path: Path) -> None:
    """Defect (QA): with the working tree equal to the latest edition, the default export
    said "No Change" for every blip and dated the file today; an AOE export added a
    release dated today."""
    assert export(run, repo, "byor-csv") == export(run, repo, "byor-csv", "--edition",
                                                   "edition-3")
    assert json.loads(export(run, repo, "zalando"))["date"] == "2024.07"
    run("-C", repo, "export", "--format", "aoe", "--out", tmp_path / "aoe")
    assert sorted(p.name for p in (tmp_path / "aoe" / "radar").iterdir()) == [
        "2024-01-01", "2024-04-01", "2024-07-01"]


def test_zalando_moved_is_derived(run: Run, repo: Path) -> None:
    data = json.loads(export(run, repo, "zalando", "--edition", "edition-2"))
    assert data["date"] == "2024.04"
    moved = {e["label"]: (e["quadrant"], e["ring"], e["moved"]) for e in data["entries"]}
    assert moved == {"Alpha": (0, 0, 1), "Beta": (0, 3, -1), "Delta": (1, 1, 2),
                     "Gamma": (1, 3, 0), "Terraform": (2, 3, -1)}
    assert all(set(e) == {"quadrant", "ring", "label", "active", "moved"}
               for e in data["entries"])


def test_zalando_needs_four_by_four(run: Run, base_radar: Path) -> None:
    result = run("-C", base_radar, "export", "--format", "zalando")
    assert result.code == 2 and "exactly 4 quadrants and 4 rings" in result.err


def test_backstage_timeline_every_ring_change_latest_first(run: Run, repo: Path) -> None:
    data = json.loads(export(run, repo, "backstage", "--edition", "edition-3"))
    assert set(data) == {"quadrants", "rings", "entries"}
    assert data["quadrants"][0] == {"id": "tools", "name": "Tools"}
    assert set(data["rings"][0]) == {"id", "name", "color", "description"}
    entries = {e["id"]: e for e in data["entries"]}
    assert set(entries["alpha"]) == {"key", "id", "quadrant", "title", "description",
                                     "timeline"}
    assert entries["alpha"]["timeline"] == [
        {"moved": 1, "ringId": "adopt", "date": "2024-04-01"},
        {"moved": 0, "ringId": "trial", "date": "2024-01-01"}]
    assert [(p["ringId"], p["moved"]) for p in entries["gamma"]["timeline"]] == [
        ("assess", 1), ("hold", 0)]
    assert entries["alpha"]["description"].startswith("## Context\n\nSome context.")


def test_aoe_release_folders(run: Run, repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "aoe"
    result = run("-C", repo, "export", "--format", "aoe", "--edition", "edition-3",
                 "--out", out)
    assert result.code == 0, result.err
    releases = {p.name: sorted(f.stem for f in p.glob("*.md"))
                for p in sorted((out / "radar").iterdir())}
    assert releases == {"2024-01-01": ["alpha", "beta", "gamma", "terraform"],
                        "2024-04-01": ["alpha", "beta", "delta", "terraform"],
                        "2024-07-01": ["gamma"]}
    text = (out / "radar" / "2024-04-01" / "terraform.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Terraform\nring: hold\nsegment: platforms\ntags: []\n")
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in config["segments"]] == ["tools", "methods", "platforms",
                                                      "languages"]
    v4 = tmp_path / "v4"
    assert run("-C", repo, "export", "--format", "aoe", "--edition", "edition-3", "--out", v4,
               "--aoe-version", "4").code == 0
    assert "quadrant: platforms" in (v4 / "radar" / "2024-04-01" / "terraform.md").read_text()
    assert "quadrants" in json.loads((v4 / "config.json").read_text())


def test_native_json(run: Run, base_radar: Path) -> None:
    data = json.loads(run("-C", base_radar, "export", "--format", "json").out)
    assert set(data["blips"][0]) >= {"id", "title", "quadrant", "ring", "tags", "related",
                                     "decisions", "status", "number", "featured", "imported",
                                     "change", "changes"}


def test_csv_export_escapes_formula_cells(run: Run, base_radar: Path) -> None:
    """Defect: `=HYPERLINK(...)`, `+1+1`, `@SUM(1)` and `=cmd|...` were written raw."""
    titles = ['=HYPERLINK("http://x","y")', "+1+1", "@SUM(1)", "=cmd|' /C calc'!A0", "-2+3"]
    for n, title in enumerate(titles):
        (base_radar / "radar" / f"f{n}.md").write_text(
            blip("X", "tools", "trial").replace("title: X", f"title: {json.dumps(title)}"),
            encoding="utf-8")
    cells = [c for row in csv.reader(io.StringIO(export(run, base_radar, "byor-csv")))
             for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert {f"'{t}" for t in titles} <= set(cells)
    assert [exported.cell(v) for v in ("\tx", "\rx", "x=1", "")] == ["'\tx", "'\rx", "x=1", ""]
    assert exported.uncell("'=1") == "=1" and exported.uncell("'x") == "'x"


def test_export_never_drops_a_blip_silently(run: Run, base_radar: Path) -> None:
    """Defect: blips whose files fail were left out (exit 0, 48 of 51 exported)."""
    (base_radar / "radar" / "beta.md").write_text("---\ntitle: Beta\nrnig: trial\n---\n")
    for fmt in ("byor-csv", "json", "backstage"):
        result = run("-C", base_radar, "export", "--format", fmt)
        assert result.code == 2, fmt
        assert "1 blip file(s) at the working tree cannot be read" in result.err
        assert "radar/beta.md:3:1: unknown key 'rnig'" in result.err
        assert result.out == ""


def test_export_never_writes_through_a_symlink(run: Run, repo: Path, tmp_path: Path) -> None:
    """Defect: an export followed a symlink inside --out and wrote outside it."""
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    (out / "radar").mkdir(parents=True)
    (out / "radar" / "2024-01-01").symlink_to(outside, target_is_directory=True)
    result = run("-C", repo, "export", "--format", "aoe", "--edition", "edition-3",
                 "--out", out)
    assert result.code == 2 and "is a symbolic link" in result.err
    assert list(outside.iterdir()) == [] and not (out / "config.json").exists()
    target = tmp_path / "target.csv"
    target.write_text("mine")
    (tmp_path / "link.csv").symlink_to(target)
    result = run("-C", repo, "export", "--format", "byor-csv", "--out", tmp_path / "link.csv")
    assert result.code == 2 and target.read_text() == "mine"


def test_export_is_utf8_whatever_the_locale(repo: Path, tmp_path: Path) -> None:
    """Defect: exit 3 for any non-ASCII title under LC_ALL=C."""
    work = tmp_path / "r"
    subprocess.run(["git", "clone", "-q", str(repo), str(work)], check=True)
    (work / "radar" / "cafe.md").write_text(blip("Café Ünïcode", "tools", "trial"),
                                            encoding="utf-8")
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0",
           "PYTHONIOENCODING": "", "PYTHONPATH": str(ROOT / "tools")}
    for fmt in ("byor-csv", "json"):
        done = subprocess.run([sys.executable, "-m", "radar_as_code", "-C", str(work),
                               "export", "--format", fmt], env=env, capture_output=True,
                              check=False)
        assert done.returncode == 0, done.stderr
        assert "Café Ünïcode" in done.stdout.decode("utf-8")
    out = tmp_path / "aoe"
    done = subprocess.run([sys.executable, "-m", "radar_as_code", "-C", str(work), "export",
                           "--format", "aoe", "--out", str(out)], env=env, capture_output=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    written = next((out / "radar").glob("*/cafe.md")).read_bytes().decode("utf-8")
    assert "Café Ünïcode" in written


# Backstage's TechRadarLoaderResponseParser (tech-radar-common/src/schema.ts), as JSON Schema.
_POINT = {"type": "object", "required": ["date", "ringId"], "additionalProperties": False,
          "properties": {"date": {"type": "string", "format": "date"},
                         "ringId": {"type": "string"}, "description": {"type": "string"},
                         "moved": {"enum": [-1, 0, 1]}}}
BACKSTAGE = {
    "type": "object", "required": ["quadrants", "rings", "entries"],
    "properties": {
        "quadrants": {"type": "array", "items": {
            "type": "object", "required": ["id", "name"], "additionalProperties": False,
            "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}},
        "rings": {"type": "array", "items": {
            "type": "object", "required": ["id", "name", "color"], "additionalProperties": False,
            "properties": {"id": {"type": "string"}, "name": {"type": "string"},
                           "color": {"type": "string"}, "description": {"type": "string"}}}},
        "entries": {"type": "array", "items": {
            "type": "object", "required": ["key", "id", "quadrant", "title", "timeline"],
            "additionalProperties": False,
            "properties": {"key": {"type": "string"}, "id": {"type": "string"},
                           "quadrant": {"type": "string"}, "title": {"type": "string"},
                           "url": {"type": "string"}, "description": {"type": "string"},
                           "timeline": {"type": "array", "items": _POINT, "minItems": 1},
                           "links": {"type": "array"}}}}}}


def test_backstage_export_is_what_backstage_parses(run: Run, repo: Path) -> None:
    import jsonschema

    data = json.loads(export(run, repo, "backstage", "--edition", "edition-3",
                             "--link-base", "https://radar.example.org"))
    jsonschema.validate(data, BACKSTAGE, format_checker=jsonschema.FormatChecker())
    ids = {q["id"] for q in data["quadrants"]}
    rings = {r["id"] for r in data["rings"]}
    assert all(e["quadrant"] in ids and {p["ringId"] for p in e["timeline"]} <= rings
               for e in data["entries"])
    assert data["entries"][0]["url"].startswith("https://radar.example.org/radar/")


def test_aoe_links_name_the_segment_of_their_release(run: Run, tmp_path: Path) -> None:
    """Defect (QA, on AOE's own radar): a link to a blip that changed segment in the same
    release named its segment of the release before (a dead link on AOE's site)."""
    r = Repo(tmp_path / "repo")
    r.write("radar/alpha.md", blip("Alpha", "tools", "trial", text="See [Zulu](zulu.md)."))
    r.write("radar/zulu.md", blip("Zulu", "tools", "trial"))
    r.commit("one", "2024-01-01")
    r.tag("edition-1", "2024-01-01")
    r.write("radar/alpha.md", blip("Alpha", "tools", "adopt", reviewed="2024-04-01",
                                   text="See [Zulu](zulu.md) again."))
    r.write("radar/zulu.md", blip("Zulu", "methods", "trial", reviewed="2024-04-01"))
    r.commit("two", "2024-04-01")
    r.tag("edition-2", "2024-04-01")
    assert run("-C", r.root, "export", "--format", "aoe", "--out", tmp_path / "aoe").code == 0
    first = (tmp_path / "aoe" / "radar" / "2024-01-01" / "alpha.md").read_text()
    second = (tmp_path / "aoe" / "radar" / "2024-04-01" / "alpha.md").read_text()
    assert "[Zulu](/tools/zulu/)" in first and "[Zulu](/methods/zulu/)" in second
