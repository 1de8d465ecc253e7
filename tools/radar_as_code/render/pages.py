"""The whole site as pages: pure functions of a snapshot and its history (``render.page``
says what a page is; ``overview``, ``entries`` and ``editions`` write them)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from radar_as_code.render import editions, entries, news, overview
from radar_as_code.render.page import (
    ADR_INDEX,
    EDITIONS_INDEX,
    HOME,
    RULES,
    TAGS,
    UPCOMING,
    Chronicle,
    Linker,
    Page,
    Site,
    edition_page,
    markdown_links,
    quadrant_page,
    url_links,
)
from radar_as_code.render.text import attr

# What the site engines use, in one place.
__all__ = ["EDITIONS_INDEX", "RULES", "Chronicle", "Page", "Site", "generated_nav",
           "markdown_links", "pages", "url_links"]


def pages(site: Site, link: Linker, rules_page: Callable[[], str]) -> dict[str, Page]:
    """Every generated page, by site path."""
    radar = site.radar
    out = {HOME: overview.home(site, link), ADR_INDEX: entries.decision_index(site),
           EDITIONS_INDEX: editions.editions_index(site, link),
           TAGS: overview.tags(site, link), RULES: Page("Lint rules", rules_page())}
    if not site.chronicle.hide_upcoming:
        out[UPCOMING] = news.upcoming(site, link)
    for entry in radar.config.quadrants:
        out[quadrant_page(entry.id)] = overview.quadrant(site, entry.id, link)
    for blip in radar.blips.values():
        out[blip.path] = entries.blip_page(site, blip, link)
    for blip in site.shown.blips.values():  # in the latest edition, gone from the tree
        if blip.path not in out:
            out[blip.path] = entries.blip_page(site, blip, link)
    for decision in radar.decisions.values():
        out[decision.path] = entries.decision_page(site, decision)
    for position, summary in enumerate(site.chronicle.editions):
        out[edition_page(summary.tag.name)] = editions.edition(site, position, link)
    return out


def generated_nav(site: Site) -> list[Mapping[str, object]]:
    """The navigation: sections only; blip and record pages are reached from them."""
    config, labels = site.radar.config, site.radar.config.labels
    return [
        {attr(config.title): HOME},
        {attr(labels.quadrants): [{attr(q.label): quadrant_page(q.id)} for q in config.quadrants]},
        {attr(labels.decisions): ADR_INDEX},
        {attr(labels.editions): EDITIONS_INDEX},
        {attr(labels.tags): TAGS},
    ]
