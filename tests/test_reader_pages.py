"""The radar's pages beyond the picture, in a real headless Chromium: highlighted code
and Mermaid diagrams (a hostile one too), print, links in running text."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from browserkit import (  # noqa: F401 - fixtures
    DRAWN,
    Tab,
    box,
    browser,
    desktop,
    new_tab,
    reader_url,
    serve,
)
from conftest import BASE
from readerkit import DIAGRAM
from sitekit import build, site_repo

from playwright.sync_api import Browser  # isort: skip

pytestmark = pytest.mark.slow


def test_code_is_highlighted_and_a_diagram_drawn(desktop: Tab, reader_url: str) -> None:  # noqa: F811
    requests: list[str] = []
    desktop.page.on("request", lambda r: requests.append(r.url))
    desktop.open(reader_url + "radar/polars/")
    page = desktop.page
    keyword = page.locator(".highlight .kn").first  # "import"
    assert keyword.inner_text() == "import"
    plain = page.locator(".highlight code").first.evaluate("n => getComputedStyle(n).color")
    assert keyword.evaluate("n => getComputedStyle(n).color") != plain
    assert not any("mermaid" in url for url in requests)  # only pages with a diagram load it

    desktop.open(f"{reader_url}adr/{DIAGRAM}/")
    diagram = page.locator(DRAWN)
    diagram.wait_for()
    assert "vLLM server" in (diagram.text_content() or "")
    assert diagram.bounding_box()["width"] > 200  # type: ignore[index]
    assert all(url.startswith(reader_url) for url in requests if not url.startswith("data:"))
    diagram.scroll_into_view_if_needed()
    desktop.shot("diagram", full_page=False)


def test_print_shows_the_picture_at_full_width(browser: Browser, reader_url: str) -> None:  # noqa: F811
    for tab in new_tab(browser, "desktop", "light"):
        page = tab.page
        page.emulate_media(media="print")
        for name, path in (("home", ""), ("quadrant", "quadrants/data/"),
                           ("blip", "radar/polars/")):
            page.goto(reader_url + path)
            hidden = page.evaluate("""['.md-header', '.md-sidebar--primary', '.md-footer',
                '.radar-filters'].map(s => document.querySelector(s))
                .filter(n => n && n.getClientRects().length > 0)""")
            assert hidden == [], path
            headings = page.evaluate("""[...document.querySelectorAll('.md-typeset h2')]
                .map(h => getComputedStyle(h).breakAfter)""")
            assert set(headings) <= {"avoid"}
            tab.shot(f"print-{name}")
            if name != "blip":
                article = box(page, "article")
                picture = box(page, "svg.radar-picture")
                assert picture["width"] >= 0.9 * article["width"] - 2, path


def test_links_in_text_are_underlined(desktop: Tab, reader_url: str) -> None:  # noqa: F811
    desktop.open(reader_url + "radar/polars/")
    decoration = desktop.page.locator('article p a[href*="apache-parquet"]').first.evaluate(
        "n => getComputedStyle(n).textDecorationLine")
    assert re.search("underline", decoration)


HOSTILE = """

```mermaid
%%{init: {"securityLevel": "loose"}}%%
flowchart LR
    a["<img src=x onerror=alert(1)>"] --> b[Two]
    click a call alert(2)
    click b "javascript:alert(3)"
```
"""


def test_a_diagram_from_a_pull_request_runs_nothing(browser: Browser,  # noqa: F811
                                                    tmp_path: Path) -> None:
    repo = site_repo(Path(shutil.copytree(BASE, tmp_path / "repo")))
    beta = repo / "radar" / "beta.md"
    beta.write_text(beta.read_text().replace("Beta is a method.", "Beta is a method." + HOSTILE))
    result = build(repo, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    url = serve(tmp_path / "site")
    for tab in new_tab(browser, "desktop", "light"):
        dialogs: list[str] = []
        tab.page.on("dialog", lambda d, seen=dialogs: (seen.append(d.message), d.dismiss()))
        tab.open(url + "radar/beta/")
        diagram = tab.page.locator(DRAWN)
        diagram.wait_for()
        for node in tab.page.locator("div.mermaid .node").all():
            node.click()
        tab.page.wait_for_timeout(300)
        assert dialogs == []
        assert tab.page.evaluate("""() => {
            const root = document.querySelector('div.mermaid').shadowRoot;
            return [...root.querySelectorAll('img, [onerror], a[href^="javascript"]')]
                .map(n => n.outerHTML);
        }""") == []
