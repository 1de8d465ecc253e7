"""The picture and its lists as a reader uses them, in a real headless Chromium: names
beside the picture on a laptop's screen, marks and names lit together on hover and focus,
filters (and the lists without a script), sorting, summaries, move signs, the skip link.
Screenshots in test-artifacts/ (test_reader_phone.py: the phone and the zoomed pictures;
test_reader_pages.py: code, diagrams, print)."""

from __future__ import annotations

import pytest

from browserkit import (  # noqa: F401 - fixtures
    Tab,
    box,
    browser,
    desktop,
    new_tab,
    reader_url,
    tab_to,
)
from readerkit import MOVES, NEW

from playwright.sync_api import Browser, Page  # isort: skip

pytestmark = pytest.mark.slow


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
    tab_to(page, "radar-blip")
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
    tab_to(page, "radar-skip", 40)
    skip = box(page, ".radar-skip")
    assert skip["width"] >= 24 and skip["height"] >= 24 and skip["y"] >= 0
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('#names')")
    assert not page.evaluate("!!document.activeElement.closest('svg')")
