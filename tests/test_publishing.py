"""The site published under a sub-path, as GitHub Pages serves a project
(https://OWNER.github.io/REPOSITORY/): built with that ``site_url``, served from the
parent folder by a static server that answers a missing page with the site's 404.html."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from browserkit import Tab, browser, new_tab, serve  # noqa: F401 - fixtures
from conftest import AI
from sitekit import build, site_repo

from playwright.sync_api import Browser  # isort: skip

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The URL of the radar published under /radar/, and its folder."""
    tmp = tmp_path_factory.mktemp("published")
    host = tmp / "host"
    host.mkdir()
    url = serve(host, missing="radar/404.html") + "radar/"
    repo = site_repo(Path(shutil.copytree(AI, tmp / "repo")))
    result = build(repo, host / "radar", site_url=url)
    assert result.returncode == 0, result.stderr
    return url, host / "radar"


@pytest.fixture(params=["light", "dark"])
def tab(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Tab]:  # noqa: F811
    yield from new_tab(browser, "desktop", request.param)


def test_a_missing_page_gets_the_styled_404_page(tab: Tab, published: tuple[str, Path]) -> None:
    url, _ = published
    failed: list[str] = []
    tab.page.on("requestfailed", lambda r: failed.append(r.url))
    tab.page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and
                r.url.endswith((".css", ".js")) else None)
    response = tab.page.goto(url + "quadrants/nowhere/deep/")
    assert response is not None and response.status == 404
    assert "404" in tab.page.locator("h1").inner_text()
    assert failed == []  # its stylesheets and scripts load from the sub-path
    styled = tab.page.evaluate("""() => [
        getComputedStyle(document.querySelector('.md-header')).position,
        getComputedStyle(document.documentElement).getPropertyValue('--radar-q0').trim()]""")
    assert styled[0] == "sticky" and styled[1].startswith("#")  # Material's and the radar's
    tab.shot("published-404", full_page=False)
    tab.page.locator("a.md-header__button.md-logo").click()
    tab.page.wait_for_url(url)
    assert tab.page.locator("svg.radar-picture a.radar-blip").count() == 43
    tab.page.go_back()
    tab.page.locator(".md-nav a", has_text="Data").first.click()
    tab.page.wait_for_url(url + "quadrants/data/")


def test_the_sitemap_lists_the_pages_under_the_sub_path(published: tuple[str, Path]) -> None:
    url, folder = published
    pages = re.findall(r"<loc>([^<]+)</loc>", (folder / "sitemap.xml").read_text())
    assert len(pages) > 50
    assert all(page.startswith(url) for page in pages)
    assert {url, url + "radar/polars/", url + "quadrants/data/", url + "tags/"} <= set(pages)
