"""A team brings its radar in: `radar import`, then `radar init --keep-radar` adds the
site, CI, hook and first decision record around it, and the site builds strictly while
the imported blips still await review."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from conftest import TESTS, Run
from sitekit import broken_links, build
from test_init import SHA, site_config, tree

BACKSTAGE = TESTS / "fixtures" / "backstage" / "tech-radar.json"


def _imported(run: Run, tmp_path: Path) -> Path:
    into = tmp_path / "platform-radar"
    assert run("import", "--format", "backstage", BACKSTAGE, "--into", into).code == 0
    return into


def test_init_keeps_an_imported_radar_and_adds_the_rest(tmp_path: Path, run: Run) -> None:
    radar = _imported(run, tmp_path)
    config = radar / "radar" / "radar.yml"
    before = {p: hashlib.sha256((radar / p).read_bytes()).hexdigest() for p in tree(radar)}
    result = run("init", radar, "--no-input")
    assert result.code == 2 and "radar/radar.yml" in result.err
    assert "radar init --keep-radar" in result.err
    result = run("init", radar, "--keep-radar", "--action-ref", SHA)
    assert result.code == 0, result.err
    after = tree(radar)
    assert {p: hashlib.sha256((radar / p).read_bytes()).hexdigest()
            for p in before} == before  # nothing of the radar was touched
    assert sorted(set(after) - set(before)) == [
        ".github/workflows/radar-comment.yml", ".github/workflows/radar-pages.yml",
        ".github/workflows/radar-release-notes.yml", ".github/workflows/radar.yml",
        ".gitignore", ".pre-commit-config.yaml", "README.md",
        "adr/0001-keep-the-radar-as-code.md", "docs/about.md", "mkdocs.yml"]
    site = site_config(radar / "mkdocs.yml")
    assert site["site_name"] == yaml.safe_load(config.read_text(encoding="utf-8"))["title"]
    assert "--quadrant infrastructure --ring trial" in result.out  # the radar's own words
    checked = run("-C", radar, "check")
    assert checked.code == 0 and "0 errors, 4 warnings" in checked.out + checked.err
    out = tmp_path / "site"
    built = build(radar, out)  # strict: imported blips awaiting review do not fail it
    assert built.returncode == 0, built.stderr
    assert "4 imported blip(s) await review" in built.stderr
    assert broken_links(out) == []
    assert (out / "radar" / "typescript" / "index.html").is_file()


def test_keep_radar_refusals(tmp_path: Path, run: Run) -> None:
    radar = _imported(run, tmp_path)
    result = run("init", radar, "--keep-radar", "--title", "Other", "--ring", "Use")
    assert result.code == 2
    assert "--title, --ring cannot change it (edit the file)" in result.err
    empty = tmp_path / "empty"
    result = run("init", empty, "--keep-radar")
    assert result.code == 2 and "is not there" in result.err and not empty.exists()
    (radar / "adr").mkdir()
    (radar / "adr" / "0007-our-own.md").write_text("not a record\n", encoding="utf-8")
    before = tree(radar)
    result = run("init", radar, "--keep-radar", "--action-ref", SHA)
    assert result.code == 2 and "the radar that is there has problems" in result.err
    assert tree(radar) == before
