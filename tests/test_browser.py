"""The site in a real headless Chromium (Debian's package, driven by Playwright), built
from a realistic radar (a frozen copy of this repository's, tests/cases/_ai)."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import AI, BASE, ROOT
from sitekit import build, site_repo

CHROMIUM = os.environ.get("RADAR_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium")
    pytest.skip("no Chromium here (`apt-get install chromium`)", allow_module_level=True)

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

pytestmark = pytest.mark.slow


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@functools.cache
def _served(directory: str) -> str:
    handler = functools.partial(_Quiet, directory=directory)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("browser")
    out = tmp / "site"
    result = build(site_repo(Path(shutil.copytree(AI, tmp / "repo"))), out)
    assert result.returncode == 0, result.stderr
    return _served(str(out))


@pytest.fixture(scope="module")
def evil_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("evil")
    repo = site_repo(Path(shutil.copytree(BASE, tmp / "repo")))
    beta = repo / "radar" / "beta.md"
    beta.write_text(beta.read_text().replace("title: Beta", "title: '<img src=x onerror=alert(1)>'")
                    .replace("Beta is a method.",
                             "Beta <script>alert(2)</script> <img src=y onerror=alert(3)>"))
    config = repo / "radar" / "radar.yml"  # the sanitiser alone, as if the check were skipped
    config.write_text(config.read_text() + "rules: {raw-html: disable}\n")
    result = build(repo, tmp / "site")
    assert result.returncode == 0, result.stderr
    return _served(str(tmp / "site"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    tab = context.new_page()
    tab.set_default_timeout(15000)
    yield tab
    context.close()


def test_home_shows_one_mark_per_active_blip(page: Page, site_url: str) -> None:
    page.goto(site_url)
    marks = page.locator("svg.radar-picture a.radar-blip")
    assert marks.count() == 43
    assert page.locator("svg.radar-picture").is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=True)


def test_no_mark_covers_a_ring_label(page: Page, site_url: str) -> None:
    page.goto(site_url)
    overlaps = page.evaluate("""() => {
        const labels = [...document.querySelectorAll('svg.radar-picture .radar-ring-labels text')]
            .map(t => ({name: t.textContent, box: t.getBBox()}));
        const found = [];
        for (const c of document.querySelectorAll('svg.radar-picture a.radar-blip circle')) {
            const x = c.cx.baseVal.value, y = c.cy.baseVal.value, r = c.r.baseVal.value;
            for (const {name, box} of labels) {
                const nx = Math.max(box.x, Math.min(x, box.x + box.width));
                const ny = Math.max(box.y, Math.min(y, box.y + box.height));
                if (Math.hypot(x - nx, y - ny) < r) found.push(`${name} under ${x},${y}`);
            }
        }
        return [labels.length, found];
    }""")
    assert overlaps == [4, []]


def test_clicking_a_mark_opens_its_blip_page(page: Page, site_url: str) -> None:
    page.goto(site_url)
    page.locator('a.radar-blip[data-blip="polars"]').click()
    page.wait_for_url("**/radar/polars/")
    assert "Polars" in page.locator("h1").first.inner_text()


def test_mark_has_accessible_name_and_tooltip(page: Page, site_url: str) -> None:
    page.goto(site_url)
    mark = page.locator('a.radar-blip[data-blip="vllm"]')
    assert "vLLM" in (mark.get_attribute("aria-label") or "")
    mark.hover()  # the name on screen, beside the mark (tests/test_reader.py: more)
    assert "vLLM" in page.locator(".radar-tip").inner_text()


def test_keyboard_reaches_the_marks(page: Page, site_url: str) -> None:
    page.goto(site_url)
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.classList && "
                         "document.activeElement.classList.contains('radar-blip')"):
            break
    else:
        pytest.fail("Tab never reached a mark of the radar")
    page.keyboard.press("Enter")
    page.wait_for_url("**/radar/**")


def _search(page: Page, site_url: str, query: str) -> str:
    """The text of the search results for ``query``, once the index has loaded."""
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function("(m) => m && !/Initializing/i.test(m.textContent)",
                           arg=meta.element_handle(), timeout=20000)  # the index is loaded
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    page.locator(".md-search-result__list li").first.wait_for()
    return page.locator(".md-search-result__list").inner_text()


def test_search_finds_a_blip_by_a_word_of_its_rationale(page: Page, site_url: str) -> None:
    assert "vLLM" in _search(page, site_url, "PagedAttention")


def test_search_finds_a_blip_by_its_tag(page: Page, site_url: str) -> None:
    # "sustainability" is a tag of Qarnot's and a word of no blip's text
    assert "Qarnot" in _search(page, site_url, "sustainability")


def test_no_outside_request_and_no_console_error(page: Page, site_url: str) -> None:
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    for path in ("", "radar/polars/", "quadrants/data/", "adr/", "editions/", "tags/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    outside = [u for u in requests if not u.startswith(site_url) and not u.startswith("data:")]
    assert outside == []
    assert errors == []


def test_malicious_title_shows_as_text_and_runs_nothing(browser: Browser, evil_url: str) -> None:
    context = browser.new_context()
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    tab.goto(evil_url)
    mark = tab.locator('a.radar-blip[data-blip="beta"]')
    assert "<img src=x onerror=alert(1)>" in (mark.get_attribute("aria-label") or "")
    assert "<img src=x onerror=alert(1)>" in tab.locator("table").inner_text()
    mark.click()
    tab.wait_for_url("**/radar/beta/")
    tab.wait_for_load_state("networkidle")
    assert "<img src=x onerror=alert(1)>" in tab.locator("h1").first.inner_text()
    assert tab.evaluate("document.querySelectorAll('article img[onerror], article script')"
                        ".length") == 0
    assert dialogs == []
    context.close()
