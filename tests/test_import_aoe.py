"""Import of an AOE technology radar (tests/fixtures/aoe: partial releases with v4
`quadrant:` and v5 `segment:`, links between items, an image, ids not valid here and one
that collides, `featured`, config.json), compared with AOE's own merge field by field,
edition by edition, and exported back."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from aoe_reference import merge
from conftest import TESTS, Run

FIXTURE = TESTS / "fixtures" / "aoe"
RELEASES = ["2023-01-01", "2023-06-01", "2024-01-01"]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    from radar_as_code.cli import main

    into = tmp_path_factory.mktemp("aoe") / "radar"
    report = tmp_path_factory.mktemp("aoe") / "report.json"
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["import", "--format", "aoe", str(FIXTURE), "--into", str(into),
                     "--report", "json"]) == 0
    report.write_text(out.getvalue())
    return into, out.getvalue()


def _at(repo: Path, tag: str) -> dict[str, dict[str, Any]]:
    """Every blip's front matter at an edition, read with git."""
    names = subprocess.run(["git", "-C", str(repo), "ls-tree", "-r", "--name-only", tag,
                            "radar/"], capture_output=True, text=True, check=True).stdout
    out = {}
    for name in names.split():
        if name.endswith(".md"):
            text = subprocess.run(["git", "-C", str(repo), "show", f"{tag}:{name}"],
                                  capture_output=True, text=True, check=True).stdout
            out[Path(name).stem] = yaml.safe_load(text.split("---")[1])
    return out


def test_every_edition_is_aoe_s_merge_field_by_field(imported: tuple[Path, str]) -> None:
    repo, _ = imported
    expected = merge(FIXTURE)
    for release in RELEASES:
        blips = _at(repo, f"edition-{release}")
        mine = {}
        for ident, meta in blips.items():
            source = meta["imported"].get("id", ident)
            mine[source] = {"title": meta["imported"].get("title", meta["title"]),
                            "ring": meta["ring"], "segment": meta["quadrant"],
                            "featured": meta.get("featured", True),
                            "tags": meta["imported"].get("tags", meta["tags"])}
        want = {i: {k: v[k] for k in ("title", "ring", "segment", "featured", "tags")}
                for i, v in expected[release].items()}
        assert mine == want, release


def test_links_images_ids_and_markup(imported: tuple[Path, str]) -> None:
    repo, report = imported
    react = (repo / "radar" / "react.md").read_text(encoding="utf-8")
    assert "We test it with [Jest](jest.md)." in react
    assert "#### Why" in react  # the source's ## heading, inside ## Context
    assert "![the test pyramid](../docs/images/pyramid.png)" in react
    assert (repo / "docs" / "images" / "pyramid.png").read_bytes() == \
        (FIXTURE / "public" / "images" / "pyramid.png").read_bytes()
    assert '<Button primary>Click</Button>' in react  # code is left as written
    jest = (repo / "radar" / "jest.md").read_text(encoding="utf-8")
    assert "[the React page](react.md#why)" in jest and "featured:" not in jest
    vitest = (repo / "radar" / "vitest.md").read_text(encoding="utf-8")
    assert "<cite>" not in vitest and "<script>" not in vitest and "alert(1)" not in vitest
    assert "[an old page](https://radar.example.org/techradar/tools/nothing-here/)" in vitest
    assert "\nclick\n" in vitest
    spock = yaml.safe_load((repo / "radar" / "spock-geb-2.md").read_text().split("---")[1])
    assert spock["imported"]["id"] == "spock_geb" and spock["title"] == "Spock & Geb"
    assert spock["tags"] == [] and "tags" not in spock["imported"]
    assert (repo / "radar" / "spock-geb.md").exists()  # the valid id keeps its name
    data = json.loads(report)
    assert {"id": "spock-geb-2", "source": "spock_geb", "made": True} in data["ids"]
    assert [e["files"] for e in data["editions"]] == [4, 3, 2]
    assert any("nothing-here" in n for n in data["notes"])
    config = yaml.safe_load((repo / "radar" / "radar.yml").read_text())
    assert config["title"] == "Fixture Technology Radar"
    assert [q["id"] for q in config["quadrants"]] == [
        "methods-and-patterns", "tools", "platforms-and-aoe-services", "languages-and-frameworks"]
    assert config["rings"][0] == {"id": "adopt", "label": "Adopt", "description": "Proven here."}


def test_diff_per_edition(run: Run, imported: tuple[Path, str]) -> None:
    repo, _ = imported
    second = json.loads(run("-C", repo, "diff", "edition-2023-01-01", "edition-2023-06-01",
                            "--format", "json").out)
    assert [(c["kind"], c["id"]) for c in second["changes"]] == [
        ("new", "vitest"), ("moved-in", "react"), ("revised", "jest")]
    third = json.loads(run("-C", repo, "diff", "edition-2023-06-01", "edition-2024-01-01",
                           "--format", "json").out)
    assert [(c["kind"], c["id"]) for c in third["changes"]] == [
        ("moved-out", "spock-geb-2"), ("quadrant-changed", "react")]
    check = json.loads(run("-C", repo, "check", "--format", "json").out)
    assert {(p["rule"], p["level"]) for p in check["problems"]} == {("sections", "warning")}


def test_export_gives_the_releases_back(run: Run, imported: tuple[Path, str],
                                        tmp_path: Path) -> None:
    repo, _ = imported
    out = tmp_path / "aoe"
    result = run("-C", repo, "export", "--format", "aoe", "--edition", "edition-2024-01-01",
                 "--out", out)
    assert result.code == 0, result.err
    source_files = sorted(str(p.relative_to(FIXTURE)) for p in FIXTURE.glob("radar/*/*.md"))
    assert sorted(str(p.relative_to(out)) for p in out.glob("radar/*/*.md")) == source_files
    assert (out / "public" / "images" / "pyramid.png").exists()
    assert not [p for p in out.glob("radar/*/*.md") if "\nquadrant:" in p.read_text()]
    expected, found = merge(FIXTURE), merge(out)
    for release in RELEASES:
        assert set(found[release]) == set(expected[release])
        for ident, item in expected[release].items():
            if ident == "vitest":  # its script, cite and dangling link: see above
                item = {**item, "body": found[release][ident]["body"]}
            assert found[release][ident] == item, (release, ident)
    vitest = found["2024-01-01"]["vitest"]["body"]
    assert "https://radar.example.org/techradar/tools/nothing-here/" in vitest
    assert "script" not in vitest and "cite" not in vitest and "javascript" not in vitest
    config = json.loads((out / "config.json").read_text())
    assert [s["title"] for s in config["segments"]] == [
        "Methods & Patterns", "Tools", "Platforms & Operations", "Languages & Frameworks"]


def test_problems_are_listed_at_once_with_file_and_line(run: Run, tmp_path: Path) -> None:
    """Defects: `segment:` reported as `no quadrant or ring`; ids refused; errors cited the
    generated file and stopped at ten."""
    source = tmp_path / "aoe"
    shutil.copytree(FIXTURE, source)
    (source / "radar" / "2023-06-01" / "vitest.md").write_text(
        "---\ntitle: Vitest\nring: adopted\nsegment: tools\n---\nx\n")
    (source / "radar" / "2023-06-01" / "broken.md").write_text("no front matter\n")
    (source / "radar" / "not-a-date").mkdir()
    (source / "radar" / "2024-01-01" / "react.md").write_text(
        "---\nsegment: gadgets\nfeatured: maybe\n---\n")
    into = tmp_path / "into"
    result = run("import", "--format", "aoe", source, "--into", into)
    assert result.code == 2 and not into.exists()
    lines = result.err.splitlines()
    assert lines[0] == "radar: error: import refused, nothing written (5 problems):"
    assert f"  {source}/radar/2023-06-01/broken.md:1: file must start with YAML front " \
           "matter: a line '---', the fields, then a closing '---'" in lines
    assert f"  {source}/radar/not-a-date: a release folder is named by its date, " \
           "YYYY-MM-DD" in lines
    assert f"  {source}/radar/2024-01-01/react.md:3: featured must be true or false, not " \
           "'maybe'" in lines
    assert any(f"{source}/radar/2023-06-01/vitest.md:3: unknown ring 'adopted'" in line
               for line in lines)
    assert any(f"{source}/radar/2024-01-01/react.md:2: unknown segment 'gadgets'" in line
               for line in lines)
    assert not list(tmp_path.glob(".radar-import-*"))


def test_v4_config_and_no_config(run: Run, tmp_path: Path) -> None:
    """v4's `quadrants` in config.json; without config.json, AOE's defaults."""
    source = tmp_path / "aoe"
    shutil.copytree(FIXTURE, source)
    config = json.loads((source / "config.json").read_text())
    config["quadrants"] = config.pop("segments")[::-1]
    (source / "config.json").write_text(json.dumps(config))
    into = tmp_path / "v4"
    assert run("import", "--format", "aoe", source, "--into", into).code == 0
    quadrants = yaml.safe_load((into / "radar" / "radar.yml").read_text())["quadrants"]
    assert [q["id"] for q in quadrants] == [
        "languages-and-frameworks", "platforms-and-aoe-services", "tools", "methods-and-patterns"]
    (source / "config.json").unlink()
    into = tmp_path / "defaults"
    result = run("import", "--format", "aoe", source, "--into", into)
    assert result.code == 0, result.err
    config = yaml.safe_load((into / "radar" / "radar.yml").read_text())
    assert config["title"] == "Technology Radar"
    assert [q["label"] for q in config["quadrants"]] == [
        "Methods & Patterns", "Tools", "Platforms & Operations", "Languages & Frameworks"]
    assert "[an old page](/tools/nothing-here/)" not in (into / "radar" / "vitest.md").read_text()
    assert "names no item and no site is known" in result.out


def test_link_rewriting_is_linear_on_hostile_lines(run: Run, tmp_path: Path) -> None:
    """Defect: AOE links were found with a code-span pattern that took cubic time on a line
    of backticks (about 110 s for 2,000) and a link pattern quadratic on runs of ``\\[``.
    Links are now found by the linter's own linear scanner."""
    source = tmp_path / "aoe"
    shutil.copytree(FIXTURE, source)
    hostile = ("Text " + "`" * 2_000 + " " + "\\[" * 20_000
               + " [Jest](/tools/jest/) and [`code` label](/jest/)")
    (source / "radar" / "2024-01-01" / "hostile.md").write_text(
        f"---\ntitle: Hostile\nring: assess\nsegment: tools\n---\n{hostile}\n")
    into = tmp_path / "into"
    result = run("import", "--format", "aoe", source, "--into", into)
    assert result.code == 0, result.err
    text = (into / "radar" / "hostile.md").read_text()
    assert "[Jest](jest.md)" in text and "[`code` label](jest.md)" in text
