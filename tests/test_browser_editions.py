"""Edition pages and edition states in a real headless Chromium, at a desktop (1440x900)
and a phone (390x844) size; screenshots in test-artifacts/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from gitrepo import Repo
from sitekit import build
from test_browser import ARTIFACTS, _served, browser  # noqa: F401 - skips without Chromium
from test_site_editions import after_tag, on_tag  # noqa: F401 - fixtures

from playwright.sync_api import Browser, Page  # isort: skip

pytestmark = pytest.mark.slow
SIZES = {"desktop": (1440, 900), "phone": (390, 844)}


@pytest.fixture(scope="module")
def on_tag_url(on_tag: Path, tmp_path_factory: pytest.TempPathFactory) -> str:  # noqa: F811
    out = tmp_path_factory.mktemp("on-tag-site") / "site"
    result = build(on_tag, out)
    assert result.returncode == 0, result.stderr
    return _served(str(out))


@pytest.fixture
def after_url(after_tag: Repo, tmp_path: Path) -> str:  # noqa: F811
    out = tmp_path / "site"
    result = build(after_tag.root, out)
    assert result.returncode == 0, result.stderr
    return _served(str(out))


@pytest.fixture(params=sorted(SIZES))
def tab(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:  # noqa: F811
    width, height = SIZES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.size_name = request.param  # type: ignore[attr-defined]
    yield page
    context.close()


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"editions-{name}-{page.size_name}.png"),  # type: ignore[attr-defined]
                    full_page=True)


def no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} scrolls sideways ({width} px)"  # type: ignore[index]


def test_home_leads_from_whats_new_to_the_edition_page(tab: Page, after_url: str) -> None:
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.goto(after_url)
    news = tab.locator("section.radar-whats-new")
    assert news.is_visible()
    assert "Edition 2024-06" in news.inner_text() and "Upcoming" in news.inner_text()
    shot(tab, "home")
    news.get_by_role("link", name="Edition 2024-06").click()
    tab.wait_for_url("**/editions/edition-2024-06/")
    assert tab.locator("h1").first.inner_text().startswith("Edition 2024-06")
    assert tab.locator("svg.radar-picture a.radar-blip").count() == 13
    assert tab.locator("ul.radar-changes li").count() == 9
    moved = tab.locator('li[data-change="moved-in"][data-blip="alpha"]')
    assert "We adopt Alpha: it won the trial." in moved.inner_text()
    no_sideways_scroll(tab)
    shot(tab, "edition")
    tab.locator(".radar-edition-nav a").first.click()
    tab.wait_for_url("**/editions/edition-2024-01/")
    assert "The first edition" in tab.locator("article").inner_text()
    assert errors == []


def test_upcoming_and_blip_notes(tab: Page, after_url: str) -> None:
    tab.goto(after_url + "editions/since-last/")
    assert tab.locator("h1").first.inner_text().startswith("Upcoming")
    assert tab.locator("ul.radar-changes li").count() == 6
    no_sideways_scroll(tab)
    shot(tab, "upcoming")
    tab.locator('li[data-change="moved-in"][data-blip="echo"] a').click()
    tab.wait_for_url("**/radar/echo/")
    assert tab.locator(".radar-badge.radar-ring").inner_text() == "Trial"
    assert "Moved in (to Adopt)" in tab.locator(".radar-upcoming-note").inner_text()
    no_sideways_scroll(tab)
    shot(tab, "blip-upcoming")
    tab.goto(after_url + "radar/lima/")
    assert "from Adopt" in tab.locator(".radar-retired-note").inner_text()
    shot(tab, "blip-retired")


def test_editions_index_and_every_edition_page_fit(tab: Page, on_tag_url: str) -> None:
    requests: list[str] = []
    tab.on("request", lambda r: requests.append(r.url))
    tab.goto(on_tag_url + "editions/")
    no_sideways_scroll(tab)
    shot(tab, "index")
    for path in ("editions/edition-2024-01/", "editions/edition-2024-06/",
                 "editions/since-last/"):
        tab.goto(on_tag_url + path)
        tab.wait_for_load_state("networkidle")
        no_sideways_scroll(tab)
        box = tab.locator("svg.radar-picture").bounding_box() if "edition-" in path else None
        if box is not None:
            assert box["width"] <= tab.viewport_size["width"]  # type: ignore[index]
    assert [u for u in requests if not u.startswith(on_tag_url)] == []
    tab.goto(on_tag_url)
    shot(tab, "home-on-tag")
    # Keyboard: the edition's marks are links that open the blip's page.
    tab.goto(on_tag_url + "editions/edition-2024-06/")
    tab.locator('svg.radar-picture a.radar-blip[data-blip="mike"]').focus()
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/radar/mike/")
