"""Every page type of the site in a real headless Chromium, at a desktop (1440x900) and a
phone (390x844) size, in the light and the dark scheme: axe-core finds no violation, the
page does not scroll sideways, and a screenshot lands in test-artifacts/."""

from __future__ import annotations

import pytest

from browserkit import DRAWN, Tab, axe, browser, reader_url, sideways, tab  # noqa: F401 - fixtures
from readerkit import DIAGRAM

pytestmark = pytest.mark.slow

PAGES = {
    "home": "",
    "quadrant": "quadrants/algorithms/",
    "blip": "radar/polars/",
    "retired": "radar/poetry/",
    "decision": f"adr/{DIAGRAM}/",
    "decisions": "adr/",
    "edition": "editions/edition-2024-06/",
    "editions": "editions/",
    "upcoming": "editions/since-last/",
    "tags": "tags/",
    "missing": "no/such/page/",  # the server answers with 404.html, as GitHub Pages does
}


def test_every_page_type_passes_axe_and_fits(tab: Tab, reader_url: str) -> None:  # noqa: F811
    found = {}
    for name, path in PAGES.items():
        tab.open(reader_url + path)
        if name == "decision":  # the diagram is drawn once the page has loaded
            tab.page.locator(DRAWN).wait_for()
        tab.shot(name)
        problems = axe(tab.page)
        wide = sideways(tab.page)
        if problems or wide:
            found[name] = [*problems, *([f"scrolls sideways by {wide} px"] if wide else [])]
    assert found == {}, "\n".join(f"{name}: {line}" for name, lines in found.items()
                                   for line in lines)
