"""Helpers for site tests: build with the real `mkdocs build`, crawl what it produced."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

from conftest import ROOT

BIN = Path(sys.executable).parent


def site_repo(radar: Path) -> Path:
    """Give a radar repository this project's mkdocs.yml and docs/."""
    shutil.copy(ROOT / "mkdocs.yml", radar / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", radar / "docs", dirs_exist_ok=True)
    return radar


def build(repo: Path, out: Path, *, strict: bool = True,
          site_url: str = "") -> subprocess.CompletedProcess[str]:
    """``site_url``: where the site is published (RADAR_SITE_URL, read by this project's
    mkdocs.yml); none by default, as for a local preview (tests/test_publishing.py
    builds for a sub-path)."""
    argv = [str(BIN / "mkdocs"), "build", "-f", str(repo / "mkdocs.yml"), "-d", str(out)]
    if not strict:
        argv.append("--no-strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "RADAR_SITE_URL": site_url}
    return subprocess.run(argv, capture_output=True, text=True, env=env, check=False)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append((tag, value))
            elif name == "id" and value is not None:
                self.ids.add(value)


def links(html: str) -> list[tuple[str, str]]:
    parser = _Links()
    parser.feed(html)
    return parser.links


def broken_links(site: Path) -> list[str]:
    """Every local href/src of every page (raw HTML and SVG included) must resolve, and
    so must its fragment: an element with that id on the target page."""
    parsed_pages: dict[Path, _Links] = {}

    def parse(page: Path) -> _Links:
        if page not in parsed_pages:
            parsed_pages[page] = _Links()
            parsed_pages[page].feed(page.read_text())
        return parsed_pages[page]

    broken = []
    for page in sorted(site.rglob("*.html")):
        url = "/" + page.relative_to(site).as_posix()
        for tag, target in parse(page).links:
            parsed = urlparse(target)
            if parsed.scheme in ("http", "https", "mailto") or parsed.scheme == "data":
                continue
            path, fragment = urldefrag(urljoin(url, target))
            local = site / unquote(path).lstrip("/")
            if local.is_dir():
                local = local / "index.html"
            if not local.is_file():
                broken.append(f"{url}: <{tag}> {target}")
            elif fragment and local.suffix == ".html" and \
                    unquote(fragment) not in parse(local).ids:
                broken.append(f"{url}: <{tag}> {target} (no id {fragment!r})")
    return broken


def external_resources(site: Path) -> list[str]:
    """Scripts, styles, images or fonts loaded from another host."""
    found = []
    for page in site.rglob("*.html"):
        for tag, target in links(page.read_text()):
            if tag in ("script", "link", "img", "iframe", "source") and \
                    re.match(r"^(https?:)?//", target):
                found.append(f"{page.relative_to(site)}: <{tag}> {target}")
    return found


class _Handlers(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>")


def dangerous_attributes(html: str) -> list[str]:
    """Event-handler attributes, and attributes whose value is a javascript: URL."""
    parser = _Handlers()
    parser.feed(html)
    return parser.found
