"""The plugin in any MkDocs site: the radar mounted under a URL prefix beside a site's own
pages, its folder anywhere in the repository, "edit this page" from repo_url + edit_uri."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import BASE
from radar_as_code.site import mount
from sitekit import broken_links, build

EDIT = "https://github.com/acme/platform/edit/main/"


def existing_site(top: Path, radar_folder: str = ".", **radar_options: Any) -> Path:
    """A documentation site with its own home page and nav, and the radar of BASE in
    ``radar_folder`` of the same repository."""
    shutil.copytree(BASE, top / radar_folder, dirs_exist_ok=True)
    if radar_folder == ".":  # the site's docs/ is the radar's: blips may link into it
        alpha = top / "radar" / "alpha.md"
        alpha.write_text(alpha.read_text().replace(
            "Adopt it.", "Adopt it, as [the guide](../docs/guide.md#setup) says."))
    (top / "docs").mkdir(exist_ok=True)
    prefix = radar_options.get("prefix", "radar")
    (top / "docs" / "index.md").write_text(
        f"# Platform docs\n\nSee [the radar]({prefix}/index.md).\n")
    (top / "docs" / "guide.md").write_text("# Guide\n\n## Setup\n\nInstall it.\n")
    config = {
        "site_name": "Platform", "strict": True, "docs_dir": "docs",
        "repo_url": "https://github.com/acme/platform", "edit_uri": "edit/main/docs/",
        "theme": {"name": "material", "font": False, "features": ["content.action.edit"]},
        "plugins": ["search", {"radar": {"root": radar_folder, **radar_options}}],
        "validation": {"links": {"not_found": "warn", "absolute_links": "warn",
                                 "unrecognized_links": "warn"}},
    }
    (top / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    return top


def test_mounted_under_a_prefix_beside_the_sites_own_pages(tmp_path: Path) -> None:
    top = existing_site(tmp_path / "repo", prefix="radar")
    out = tmp_path / "site"
    result = build(top, out)
    assert result.returncode == 0, result.stderr
    assert "Platform docs" in (out / "index.html").read_text()  # the site's home stays
    assert 'class="radar-picture"' in (out / "radar" / "index.html").read_text()
    for page in ("radar/radar/alpha", "radar/adr/0001-choose-alpha", "radar/quadrants/tools",
                 "radar/tags", "radar/editions", "guide"):
        assert (out / page / "index.html").is_file(), page
    assert broken_links(out) == []
    alpha = (out / "radar" / "radar" / "alpha" / "index.html").read_text()
    assert 'href="../../../guide/#setup"' in alpha  # a link into docs/, from under /radar/
    # The site has no nav of its own: its pages first, then the radar as one section.
    home = (out / "index.html").read_text()
    assert home.index('href="guide/"') < home.index('href="radar/"')
    assert 'href="radar/quadrants/tools/"' in home


def test_edit_links_follow_repo_url_and_edit_uri(tmp_path: Path) -> None:
    top = existing_site(tmp_path / "repo", radar_folder="platform/tech-radar",
                        prefix="tech/radar")
    out = tmp_path / "site"
    result = build(top, out)
    assert result.returncode == 0, result.stderr
    alpha = (out / "tech" / "radar" / "radar" / "alpha" / "index.html").read_text()
    target = f'href="{EDIT}platform/tech-radar/radar/alpha.md"'
    assert alpha.count(target) == 2, alpha  # the page's own link and the theme's button
    record = (out / "tech" / "radar" / "adr" / "0001-choose-alpha" / "index.html").read_text()
    assert f'{EDIT}platform/tech-radar/adr/0001-choose-alpha.md' in record
    assert f'href="{EDIT}docs/guide.md"' in (out / "guide" / "index.html").read_text()
    assert broken_links(out) == []


def test_edit_url_option_wins(tmp_path: Path) -> None:
    top = existing_site(tmp_path / "repo", prefix="radar",
                        edit_url="https://git.example.org/radar/-/edit/trunk/")
    out = tmp_path / "site"
    assert build(top, out).returncode == 0
    alpha = (out / "radar" / "radar" / "alpha" / "index.html").read_text()
    assert 'href="https://git.example.org/radar/-/edit/trunk/radar/alpha.md"' in alpha


def test_a_site_with_its_own_home_needs_a_prefix(tmp_path: Path) -> None:
    top = existing_site(tmp_path / "repo")
    result = build(top, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/ has pages the radar generates: index.md" in result.stderr
    assert "prefix: radar" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_prefix_outside_the_site_is_refused(tmp_path: Path) -> None:
    top = existing_site(tmp_path / "repo", prefix="../outside")
    result = build(top, tmp_path / "site")
    assert result.returncode != 0
    assert "prefix '../outside' must be a folder inside the site" in result.stderr


@pytest.mark.parametrize(("repo_url", "edit_uri", "root", "expected"), [
    ("https://github.com/a/b", "edit/main/docs/", "repo", "https://github.com/a/b/edit/main/"),
    ("https://github.com/a/b/", "edit/main/docs/", "repo/x/y",
     "https://github.com/a/b/edit/main/x/y/"),
    (None, "https://gitlab.example.org/a/b/-/edit/main/docs/", "repo",
     "https://gitlab.example.org/a/b/-/edit/main/"),
    ("https://github.com/a/b", "edit/main/", "repo/docs", "https://github.com/a/b/edit/main/"),
    ("https://github.com/a/b", None, "repo", None),
])
def test_edit_prefix(repo_url: str | None, edit_uri: str | None, root: str,
                     expected: str | None) -> None:
    assert mount.edit_prefix(repo_url, edit_uri, Path("/r/repo/docs"), Path("/r") / root) == \
        expected


def test_folder() -> None:
    assert [mount.folder(p) for p in ("", "/", "radar", "/radar/", "a/b")] == [
        "", "", "radar", "radar", "a/b"]
    for bad in ("..", "a/../b", "a//b", "./a", "a\\b"):
        with pytest.raises(ValueError, match="must be a folder inside the site"):
            mount.folder(bad)
