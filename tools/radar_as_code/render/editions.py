"""The pages of the radar's history: one per edition, the index of editions, and what
changed since the last edition. Every movement comes from comparing two revisions."""

from __future__ import annotations

from radar_as_code.editions.diff import Change
from radar_as_code.editions.timeline import EditionSummary, day
from radar_as_code.render.page import (
    EDITIONS_INDEX,
    SINCE_LAST,
    Page,
    Site,
    blip_link,
    change_word,
    edition_page,
    labels_of,
    markdown_links,
)
from radar_as_code.render.text import count, inline


def _changes_table(site: Site, source: str, changes: tuple[Change, ...]) -> list[str]:
    radar, labels = site.radar, site.radar.config.labels
    rings, quadrants = labels_of(radar)
    if not changes:
        return [inline(labels.nothing_moved), ""]
    out = [f"| {inline(labels.blip)} | {inline(labels.change)} | {inline(labels.from_)} | "
           f"{inline(labels.to)} |", "| --- | --- | --- | --- |"]
    for change in changes:
        name = (blip_link(radar, source, change.id) if change.id in radar.blips
                else inline(change.title))
        if change.kind == "quadrant-changed":
            before = quadrants.get(change.from_quadrant or "", change.from_quadrant or "")
            after = quadrants.get(change.to_quadrant or "", change.to_quadrant or "")
        elif change.kind == "renamed":
            before, after = change.former_id or "", change.id
        else:
            before = rings.get(change.from_ring or "", change.from_ring or "")
            after = rings.get(change.to_ring or "", change.to_ring or "")
        out.append(f"| {name} | {inline(change_word(site, change.kind))} | {inline(before)} | "
                   f"{inline(after)} |")
    return [*out, ""]


def edition(site: Site, summary: EditionSummary) -> Page:
    labels = site.radar.config.labels
    page = edition_page(summary.tag.name)
    counts = summary.counts["ring"]
    total = sum(counts.values())
    title = f"{labels.edition} {summary.tag.name}"
    out = [f"# {inline(title)}\n",
           f"{inline(labels.date)}: {day(summary.tag.date)}\n",
           f"**{inline(count(total, labels.one_blip, labels.blips))}**" + "".join(
               f" | {counts[r.id]} {inline(r.label)}" for r in site.radar.config.rings
               if counts.get(r.id)) + "\n"]
    since = summary.since_previous
    if since is not None:
        out.append(f"## {inline(labels.change)}: {inline(since.base.ref)} → "
                   f"{inline(summary.tag.name)}\n")
        out += _changes_table(site, page, since.changes)
        out.append(f"{since.unchanged} {inline(labels.unchanged)}.\n")
    return Page(title, "\n".join(out) + "\n")


def since_last(site: Site) -> Page:
    labels = site.radar.config.labels
    comparison = site.chronicle.since_last
    out = [f"# {inline(labels.since_last)}\n"]
    if comparison is None:
        return Page(labels.since_last, "\n".join([*out, inline(labels.no_editions)]) + "\n")
    out.append(f"{inline(comparison.base.ref)} → {inline(comparison.head.ref)}\n")
    out += _changes_table(site, SINCE_LAST, comparison.changes)
    out.append(f"{comparison.unchanged} {inline(labels.unchanged)}.\n")
    return Page(labels.since_last, "\n".join(out) + "\n")


def editions_index(site: Site) -> Page:
    labels = site.radar.config.labels
    out = [f"# {inline(labels.editions)}\n",
           f"- [{inline(labels.since_last)}]({markdown_links(EDITIONS_INDEX, SINCE_LAST)})\n"]
    if not site.chronicle.editions:
        return Page(labels.editions, "\n".join([*out, inline(labels.no_editions)]) + "\n")
    out.append(f"| {inline(labels.edition)} | {inline(labels.date)} | {inline(labels.blips)} | "
               f"{inline(labels.change)} |")
    out.append("| --- | --- | ---: | ---: |")
    for summary in reversed(site.chronicle.editions):
        moved = len(summary.since_previous.changes) if summary.since_previous else ""
        out.append(f"| [{inline(summary.tag.name)}]"
                   f"({markdown_links(EDITIONS_INDEX, edition_page(summary.tag.name))}) | "
                   f"{day(summary.tag.date)} | {sum(summary.counts['ring'].values())} | {moved} |")
    return Page(labels.editions, "\n".join(out) + "\n")
