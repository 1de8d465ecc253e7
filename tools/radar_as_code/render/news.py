"""What is new, by the rule of ``docs/editions.md``: the latest edition's changes in brief
(the home page's "what's new"), what was merged since it ("upcoming", never mixed into the
edition's marks), and what a blip's page says about both."""

from __future__ import annotations

from radar_as_code.core.model import Blip
from radar_as_code.editions.diff import KINDS
from radar_as_code.editions.timeline import edition_day
from radar_as_code.render.editions import blip_ref, changes_html, in_order, kinds_line
from radar_as_code.render.page import (
    HOME,
    UPCOMING,
    Linker,
    Page,
    Site,
    a,
    change_word,
    edition_page,
    markdown_links,
)
from radar_as_code.render.text import attr, inline

BRIEF = 6  # names listed per kind of change in "what's new"


def whats_new(site: Site, link: Linker, source: str = HOME) -> str:
    """The latest edition's changes in brief, linked to its page; then how much was merged
    since (unless the site hides it)."""
    labels, chronicle = site.radar.config.labels, site.chronicle
    latest = chronicle.latest
    out = [f'<section class="radar-whats-new" aria-labelledby="whats-new">\n'
           f'<h2 id="whats-new">{attr(labels.whats_new)}</h2>']
    if latest is None:
        out.append(f"<p>{attr(labels.no_editions)}</p>\n</section>")
        return "\n".join(out)
    name = a(link(source, edition_page(latest.tag.name)), site.edition_name(latest))
    news = latest.since_previous
    if news is None:
        out.append(f"<p>{name} ({edition_day(latest.tag)}): {attr(labels.first_edition)}.</p>")
    else:
        out.append(f"<p>{name} ({edition_day(latest.tag)}): "
                   f"{attr(kinds_line(site, news))}.</p>")
        numbers = latest.radar.numbers
        items = []
        for kind in KINDS:
            group = in_order([c for c in news.changes if c.kind == kind], numbers)
            if not group:
                continue
            names = ", ".join(blip_ref(site, source, link, c.id, c.title, numbers.get(c.id))
                              for c in group[:BRIEF])
            more = f" (+{len(group) - BRIEF})" if len(group) > BRIEF else ""
            items.append(f"<li>{attr(change_word(site, kind))}: {names}{more}</li>")
        if items:
            out.append('<ul class="radar-whats-new-list">' + "".join(items) + "</ul>")
    ahead = chronicle.upcoming
    if ahead is not None and ahead.changes:
        out.append(f"<p>{a(link(source, UPCOMING), labels.upcoming)}: "
                   f"{attr(kinds_line(site, ahead).split(';')[0])} "
                   f"({attr(labels.upcoming_intro.lower())}).</p>")
    out.append("</section>")
    return "\n".join(out)


def upcoming(site: Site, link: Linker) -> Page:
    """What was merged since the latest edition: `radar diff` with no argument."""
    labels, chronicle = site.radar.config.labels, site.chronicle
    out = [f"# {inline(labels.upcoming)}\n"]
    latest, ahead = chronicle.latest, chronicle.upcoming
    if latest is None or ahead is None:
        return Page(labels.upcoming, "\n".join([*out, inline(labels.no_editions)]) + "\n")
    out.append(f"{inline(labels.upcoming_intro)}: "
               f"[{inline(site.edition_name(latest))}]"
               f"({markdown_links(UPCOMING, edition_page(latest.tag.name))}) "
               f"({edition_day(latest.tag)}) → {inline(ahead.head.ref)}.\n")
    if not ahead.changes:
        out.append(inline(labels.nothing_upcoming) + "\n")
        return Page(labels.upcoming, "\n".join(out) + "\n")
    out.append(inline(kinds_line(site, ahead)) + ".\n")
    tail = changes_html(site, UPCOMING, link, ahead, site.shown.numbers)
    return Page(labels.upcoming, "\n".join(out) + "\n", tail=tail)


def at_edition(site: Site, blip: Blip) -> Blip | None:
    """The blip as the latest edition shows it (by any id it had); before the first
    edition, as the working tree has it; None if the latest edition does not have it."""
    shown = site.shown
    for ident in (blip.id, *blip.meta.former_ids):
        if ident in shown.blips:
            return shown.blips[ident]
    return None


def ahead(site: Site, blip: Blip) -> set[str]:
    """The kinds of change merged about the blip since the latest edition."""
    comparison = site.chronicle.upcoming
    return {c.kind for c in comparison.changes if c.id == blip.id} if comparison else set()


def blip_notes(site: Site, blip: Blip, link: Linker) -> str:
    """HTML for a blip's page: when and from which ring it left the radar, and what was
    merged about it since the latest edition."""
    labels, chronicle = site.radar.config.labels, site.chronicle
    out = []
    shown = at_edition(site, blip)
    if shown is not None and shown.meta.status == "retired" and chronicle.editions:
        names = {blip.id, *blip.meta.former_ids}
        rings = {r.id: r.label for r in site.shown.config.rings}
        when, ring = None, rings.get(shown.meta.ring, shown.meta.ring)
        for summary in chronicle.editions:
            since = summary.since_previous
            for change in since.changes if since else ():
                if change.kind == "retired" and change.id in names:
                    when = summary
                    ring = rings.get(change.from_ring or "", change.from_ring or ring)
        edition = f" {a(link(blip.path, edition_page(when.tag.name)), site.edition_name(when))}" \
            f" ({edition_day(when.tag)})," if when else ""
        out.append(f'<p class="radar-retired-note">{attr(labels.retired)}:{edition} '
                   f"{attr(labels.from_.lower())} {attr(ring)}.</p>")
    ahead = chronicle.upcoming
    if ahead is not None and chronicle.latest is not None:
        names = {blip.id} if shown is None else {blip.id, shown.id}
        rings = {r.id: r.label for r in ahead.config.rings}
        quadrants = {q.id: q.label for q in ahead.config.quadrants}
        words = []
        for change in ahead.changes:
            if change.id not in names:
                continue
            word = change_word(site, change.kind)
            to = labels.to.lower()
            if change.kind in ("moved-in", "moved-out", "back", "new"):
                word += f" ({to} {rings.get(change.to_ring or '', change.to_ring or '')})"
            elif change.kind == "quadrant-changed":
                word += f" ({to} {quadrants.get(change.to_quadrant or '', '')})"
            elif change.kind == "renamed":
                word += f" ({change.former_id} → {change.id})"
            words.append(word)
        if words:
            out.append(f'<p class="radar-upcoming-note"><strong>'
                       f"{a(link(blip.path, UPCOMING), labels.upcoming)}</strong>: "
                       f"{attr('; '.join(words))} "
                       f"({attr(labels.upcoming_intro.lower())}).</p>")
    return "\n".join(out) + ("\n" if out else "")
