"""The zoomed quadrant pictures and the site on a phone, in a real headless Chromium:
tap targets and numbers big enough at 390 px, 50 blips in one segment legible, the home
picture leading to the quadrants. Screenshots in test-artifacts/."""

from __future__ import annotations

import pytest

from browserkit import Tab, browser, crowded_url, desktop, phone, reader_url  # noqa: F401

pytestmark = pytest.mark.slow


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
