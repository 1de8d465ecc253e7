"""The picture and its lists as a reader uses them, in a real headless Chromium: names
beside the picture on a laptop's screen, marks and names lit together on hover and focus,
filters, the zoomed quadrant pictures (a crowded one too), sizes on a phone, move signs,
the skip link, sorting, code and diagrams, print. Screenshots in test-artifacts/."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from browserkit import (  # noqa: F401 - fixtures
    DRAWN,
    Tab,
    browser,
    crowded_url,
    new_tab,
    reader_url,
    serve,
)
from conftest import BASE
from readerkit import DIAGRAM, MOVES, NEW
from sitekit import build, site_repo

from playwright.sync_api import Browser, Page  # isort: skip

pytestmark = pytest.mark.slow


@pytest.fixture(params=["light", "dark"])
def desktop(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Tab]:  # noqa: F811
    yield from new_tab(browser, "desktop", request.param)


@pytest.fixture(params=["light", "dark"])
def phone(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Tab]:  # noqa: F811
    yield from new_tab(browser, "phone", request.param)


def box(page: Page, selector: str) -> dict[str, float]:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, f"{selector} is not shown"
    return found


def inward(before: str, after: str) -> bool:
    rings = ["adopt", "trial", "assess", "hold"]
    return rings.index(after) < rings.index(before)


def visible_names(page: Page, selector: str = ".radar-names li[data-blip]") -> list[str]:
    return page.evaluate("""(selector) => [...document.querySelectorAll(selector)]
        .filter(n => n.offsetParent !== null).map(n => n.dataset.blip)""", selector)


def test_the_radar_and_its_names_fit_a_laptop_screen(desktop: Tab, reader_url: str) -> None:  # noqa: F811
    desktop.open(reader_url)
    page = desktop.page
    picture = box(page, "svg.radar-picture")
    key = box(page, ".radar-figure .radar-key")
    left, right = box(page, ".radar-names-left"), box(page, ".radar-names-right")
    assert picture["width"] >= 500
    for part in (picture, key, left, right):
        assert part["y"] >= 0 and part["y"] + part["height"] <= 900, part
    assert left["x"] + left["width"] <= picture["x"] + 1
    assert right["x"] >= picture["x"] + picture["width"] - 1
    desktop.shot("home-screen", full_page=False)


def test_a_mark_and_its_names_light_each_other_on_hover_and_focus(
        desktop: Tab, reader_url: str) -> None:  # noqa: F811
    desktop.open(reader_url)
    page = desktop.page
    mark = page.locator('svg.radar-picture a.radar-blip[data-blip="vllm"]')
    name = page.locator('.radar-names li[data-blip="vllm"]')
    row = page.locator('.radar-table tr[data-blip="vllm"]')
    tip = page.locator(".radar-tip")

    def lit() -> tuple[bool, bool, bool]:
        return tuple(bool(x.evaluate("n => n.classList.contains('is-lit')"))  # type: ignore[return-value]
                     for x in (mark, name, row))

    mark.hover()
    assert lit() == (True, True, True)
    assert tip.is_visible() and "vLLM" in tip.inner_text()
    assert "Moved in from Trial" in tip.inner_text()
    tip_box, mark_box = box(page, ".radar-tip"), box(page, 'a.radar-blip[data-blip="vllm"]')
    assert abs(tip_box["x"] + tip_box["width"] / 2 - (mark_box["x"] + mark_box["width"] / 2)) < 60
    desktop.shot("hover-mark", full_page=False)

    page.mouse.move(5, 5)
    assert lit() == (False, False, False) and not tip.is_visible()

    name.locator("a").hover()  # the reverse: a name lights its mark
    assert lit() == (True, True, True)
    assert tip.is_visible() and "vLLM" in tip.inner_text()
    page.mouse.move(5, 5)

    page.locator('.radar-names li[data-blip="polars"] a').focus()  # the keyboard, too
    assert page.locator('a.radar-blip[data-blip="polars"]').evaluate(
        "n => n.classList.contains('is-lit')")
    assert "Polars" in tip.inner_text()
    mark.focus()
    assert lit() == (True, True, True) and "vLLM" in tip.inner_text()


def test_the_keyboard_lights_a_mark_with_tab(desktop: Tab, reader_url: str) -> None:  # noqa: F811
    desktop.open(reader_url)
    page = desktop.page
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('radar-blip')"):
            break
    else:
        pytest.fail("Tab never reached a mark")
    ident = page.evaluate("document.activeElement.dataset.blip")
    assert page.locator(f'.radar-names li[data-blip="{ident}"]').evaluate(
        "n => n.classList.contains('is-lit')")
    assert page.locator(".radar-tip").is_visible()


def test_filters_narrow_the_lists_and_the_picture(desktop: Tab, reader_url: str) -> None:  # noqa: F811
    desktop.open(reader_url)
    page = desktop.page
    everyone = visible_names(page)
    form = page.locator("form.radar-filters")
    assert form.is_visible() and len(everyone) == 43  # _ai's 43 blips, one new, one retired

    form.locator('select[name="change"]').select_option("moved-in")
    moved_in = {ident for ident, (before, after) in MOVES.items() if inward(before, after)}
    assert set(visible_names(page)) == moved_in
    assert set(visible_names(page, ".radar-table tr[data-blip]")) == moved_in
    dimmed = page.evaluate("[...document.querySelectorAll('a.radar-blip.is-out')].length")
    assert dimmed == page.locator("a.radar-blip").count() - len(moved_in)
    assert f"{len(moved_in)} / 43" in form.locator(".radar-count").inner_text()
    assert "change=moved-in" in page.url
    desktop.shot("filtered", full_page=False)

    form.locator('select[name="change"]').select_option("")
    form.locator('select[name="ring"]').select_option("hold")
    shown = visible_names(page)
    assert shown and all(page.locator(f'.radar-names li[data-blip="{i}"]')
                         .get_attribute("data-ring") == "hold" for i in shown)
    form.locator('select[name="ring"]').select_option("")
    form.locator('select[name="tag"]').select_option("dataframes")
    shown = visible_names(page)
    assert NEW in shown and "polars" in shown and "vllm" not in shown

    page.goto(reader_url + "?change=new")  # a filtered view can be linked to
    assert visible_names(page) == [NEW]

    page.goto(reader_url + "quadrants/industrialisation/")
    page.locator('form.radar-filters select[name="change"]').select_option("moved-out")
    assert visible_names(page, ".radar-table tr[data-blip]") == ["langchain"]
    hidden = page.evaluate("""[...document.querySelectorAll('.radar-ring-section')]
        .filter(s => s.hidden).length""")
    assert hidden >= 1  # a ring with nothing left is hidden with its heading


def test_without_a_script_the_lists_are_complete(browser: Browser, reader_url: str) -> None:  # noqa: F811
    for tab in new_tab(browser, "desktop", "light", javascript=False):
        tab.page.goto(reader_url)
        assert not tab.page.locator("form.radar-filters").is_visible()
        assert len(visible_names(tab.page)) == 43
        assert len(visible_names(tab.page, ".radar-table tr[data-blip]")) == 43
        tab.page.locator('.radar-names li[data-blip="polars"] a').click()
        tab.page.wait_for_url("**/radar/polars/")


def test_numbers_sort_as_numbers(desktop: Tab, reader_url: str) -> None:  # noqa: F811
    desktop.open(reader_url)
    page = desktop.page

    def numbers() -> list[int]:
        return [int(n) for n in page.locator(".radar-table tbody td.radar-col-n").all_inner_texts()]

    assert numbers() == sorted(numbers())
    sort = page.locator(".radar-table th.radar-col-n button")
    sort.click()
    assert numbers() == sorted(numbers())
    sort.click()
    assert numbers() == sorted(numbers(), reverse=True) and numbers()[0] >= 10


def test_lists_have_a_summary_and_quadrant_pages_a_change_column(
        desktop: Tab, reader_url: str) -> None:  # noqa: F811
    desktop.open(reader_url + "quadrants/data/")
    page = desktop.page
    row = page.locator('.radar-table tr[data-blip="polars"]')
    assert row.locator(".radar-summary").inner_text().startswith("Use Polars instead of pandas")
    heads = page.locator(".radar-table").first.locator("th").all_inner_texts()
    assert any("Change" in h for h in heads)
    assert "New" in page.locator(f'.radar-table tr[data-blip="{NEW}"]').inner_text()


def test_every_quadrant_page_has_its_zoomed_picture(desktop: Tab, reader_url: str) -> None:  # noqa: F811
    for quadrant in ("data", "algorithms", "industrialisation", "methods"):
        desktop.open(f"{reader_url}quadrants/{quadrant}/")
        page = desktop.page
        marks = page.locator("svg.radar-zoom a.radar-blip")
        rows = page.locator(".radar-table tr[data-blip]")
        assert marks.count() == rows.count() > 0
        desktop.shot(f"zoom-{quadrant}", full_page=False)


SIZES_JS = """() => {
    const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility
        !== 'hidden' && getComputedStyle(el).pointerEvents !== 'none';
    const small = [];
    const targets = document.querySelectorAll('.radar-view a, .radar-view select, '
        + '.radar-view button, .radar-table a, .radar-table button, .radar-skip');
    for (const el of targets) {
        if (!shown(el) || el.classList.contains('radar-skip')) continue;
        const r = el.getBoundingClientRect();
        if (r.width < 23.5 || r.height < 23.5)
            small.push(`${el.textContent.trim() || el.dataset.blip} ${r.width}x${r.height}`);
    }
    const numbers = [];
    for (const t of document.querySelectorAll('.radar-picture .radar-num')) {
        if (!t.getClientRects().length || getComputedStyle(t).display === 'none') continue;
        const px = t.getScreenCTM().a * parseFloat(t.getAttribute('font-size'));
        if (px < 11) numbers.push(`${t.textContent} ${px.toFixed(1)}px`);
    }
    for (const t of document.querySelectorAll('.radar-n, .radar-table td, .radar-names h3')) {
        const px = parseFloat(getComputedStyle(t).fontSize);
        if (t.getClientRects().length && px < 11) numbers.push(`${t.textContent} ${px}px`);
    }
    return [small, numbers];
}"""


def test_on_a_phone_targets_and_numbers_are_big_enough(phone: Tab, reader_url: str) -> None:  # noqa: F811
    for name, path in (("home", ""), ("quadrant", "quadrants/industrialisation/")):
        phone.open(reader_url + path)
        assert phone.page.evaluate(SIZES_JS) == [[], []], name
    phone.page.goto(reader_url)
    phone.page.locator('svg.radar-picture a.radar-sector[data-quadrant="data"]').click()
    phone.page.wait_for_url("**/quadrants/data/")  # the home page leads to the quadrants


OVERLAPS_JS = """() => {
    const dots = [...document.querySelectorAll('svg.radar-zoom .radar-blip')].map(a => {
        const hit = a.querySelector('.radar-hit') || a.querySelector('.radar-dot');
        const r = hit.getBoundingClientRect();
        return [r.x + r.width / 2, r.y + r.height / 2, r.width / 2];
    });
    let touching = 0;
    for (let i = 0; i < dots.length; i++)
        for (let j = i + 1; j < dots.length; j++)
            if (Math.hypot(dots[i][0] - dots[j][0], dots[i][1] - dots[j][1])
                < dots[i][2] + dots[j][2] - 0.5) touching++;
    return [dots.length, Math.min(...dots.map(d => d[2] * 2)), touching];
}"""


def test_fifty_blips_in_one_segment_stay_legible(phone: Tab, crowded_url: str) -> None:  # noqa: F811
    phone.open(crowded_url + "quadrants/data/")
    count, smallest, touching = phone.page.evaluate(OVERLAPS_JS)
    assert count >= 56 and smallest >= 24 and touching == 0
    assert phone.page.evaluate(SIZES_JS) == [[], []]
    phone.page.locator("svg.radar-zoom").scroll_into_view_if_needed()
    phone.shot("crowded", full_page=False)


def test_move_signs_are_named_and_drawn_alike(desktop: Tab, reader_url: str) -> None:  # noqa: F811
    desktop.open(reader_url)
    page = desktop.page
    for ident, (before, _) in MOVES.items():
        label = page.locator(f'a.radar-blip[data-blip="{ident}"]').get_attribute("aria-label")
        assert label is not None and f"from {before.capitalize()})" in label, label
        name = page.locator(f'.radar-names li[data-blip="{ident}"] a').inner_text()
        assert f"from {before.capitalize()}" in name
    # The sign beside its dot, the same way in every quadrant and in the key: a triangle
    # up at the upper right for "moved in", down at the lower right for "moved out".
    signs = page.evaluate("""() => [...document.querySelectorAll(
            'svg.radar-picture .radar-blip, .radar-key .radar-key-mark')]
        .filter(n => n.querySelector('.radar-sign')).map(n => {
            const dot = n.querySelector('.radar-dot').getBoundingClientRect();
            const sign = n.querySelector('.radar-sign').getBoundingClientRect();
            const cx = dot.x + dot.width / 2, cy = dot.y + dot.height / 2;
            return [n.dataset.blip || 'key', sign.x + sign.width / 2 > cx,
                    sign.y + sign.height / 2 < cy];
        })""")
    sides = {ident: (right, above) for ident, right, above in signs if ident != "key"}
    assert sides == {ident: (True, inward(before, after))
                     for ident, (before, after) in MOVES.items()}
    assert sorted((right, above) for ident, right, above in signs if ident == "key") == \
        [(True, False), (True, True)]


def test_the_skip_link_jumps_past_the_picture(desktop: Tab, reader_url: str) -> None:  # noqa: F811
    desktop.open(reader_url)
    page = desktop.page
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('radar-skip')"):
            break
    else:
        pytest.fail("Tab never reached the skip link")
    skip = box(page, ".radar-skip")
    assert skip["width"] >= 24 and skip["height"] >= 24 and skip["y"] >= 0
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('#names')")
    assert not page.evaluate("!!document.activeElement.closest('svg')")


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
