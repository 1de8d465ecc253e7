"""The pages that show many blips at once: the home page with the radar picture, one page
per quadrant, and the tags page."""

from __future__ import annotations

from collections import defaultdict

from radar_as_code.core import jsonview
from radar_as_code.core.model import Blip
from radar_as_code.render import news, svg
from radar_as_code.render.page import (
    HOME,
    TAGS,
    Linker,
    Page,
    Site,
    a,
    change_word,
    labels_of,
    quadrant_page,
    table,
    tag_anchor,
    tag_links,
)
from radar_as_code.render.text import attr, count, inline


def legend(site: Site) -> dict[str, str]:
    """The words of the picture's legend and accessible names."""
    labels = site.radar.config.labels
    return {"none": labels.no_change, "new": labels.new, "moved-in": labels.moved_in,
            "moved-out": labels.moved_out, "blips": labels.blips,
            "one_blip": labels.one_blip}


def home(site: Site, link: Linker) -> Page:
    radar, labels = site.shown, site.radar.config.labels
    rings, quadrants = labels_of(radar)
    moves = site.chronicle.moves()
    picture = svg.picture(radar, moves, lambda i: link(HOME, radar.blips[i].path),
                          legend(site))
    body = [f"# {inline(radar.config.title)}\n"]
    if radar.config.description:
        body.append(inline(radar.config.description) + "\n")
    latest = site.chronicle.latest
    since = f" ({site.edition_name(latest)})" if latest and latest.since_previous else ""
    rows = []
    for blip in jsonview.ordered_blips(radar):
        number = radar.numbers.get(blip.id)
        if number is None:
            continue
        move = moves.get(blip.id)
        rows.append([str(number), a(link(HOME, blip.path), blip.meta.title),
                     a(link(HOME, quadrant_page(blip.meta.quadrant)),
                       quadrants[blip.meta.quadrant]),
                     attr(rings[blip.meta.ring]), attr(change_word(site, move)) if move else ""])
    listing = table(["#", labels.blip, labels.quadrant, labels.ring, labels.change + since],
                    rows, right=(0,))
    tail = (news.whats_new(site, link) + "\n" +
            f'<div class="radar-picture-box">\n{picture}\n</div>\n'
            f'<h2 id="blips">{attr(labels.blips.capitalize())}</h2>\n{listing}')
    # Every blip has its own page: the overview would only repeat them in search.
    return Page(radar.config.title, "\n".join(body) + "\n", tail=tail, hide=("toc",),
                search_exclude=True)


def quadrant(site: Site, ident: str, link: Linker) -> Page:
    radar, labels = site.shown, site.radar.config.labels
    entry = next(q for q in site.radar.config.quadrants if q.id == ident)
    page = quadrant_page(ident)
    blips = [b for b in jsonview.ordered_blips(radar)
             if b.meta.quadrant == ident and b.id in radar.numbers]
    counts = [(ring, [b for b in blips if b.meta.ring == ring.id]) for ring in radar.config.rings]
    summary = f"**{inline(count(len(blips), labels.one_blip, labels.blips))}**" + "".join(
        f" | {len(items)} {inline(ring.label)}" for ring, items in counts if items)
    body = [f"# {inline(entry.label)}\n", summary + "\n"]
    if entry.description:
        body.append(inline(entry.description) + "\n")
    tail = []
    for ring, items in counts:
        if not items:
            continue
        tail.append(f'<h2 id="{attr(ring.id)}">{attr(ring.label)} ({len(items)})</h2>')
        if ring.description:
            tail.append(f"<p><em>{attr(ring.description)}</em></p>")
        tail.append(table(["#", labels.blip, labels.tags], [
            [str(radar.numbers[b.id]), a(link(page, b.path), b.meta.title),
             tag_links(b.meta.tags, page, link)] for b in items], right=(0,)))
    retired = [b for b in radar.blips.values()
               if b.meta.quadrant == ident and b.meta.status == "retired"]
    if retired:
        tail.append(f'<h2 id="retired">{attr(labels.retired)}</h2>')
        tail.append("<ul>" + "".join(f"<li>{a(link(page, b.path), b.meta.title)}</li>"
                                     for b in sorted(retired, key=lambda b: b.id)) + "</ul>")
    return Page(entry.label, "\n".join(body) + "\n", tail="\n".join(tail))


def tags(site: Site, link: Linker) -> Page:
    """Every tag in use, with its blips: an index of the tags, then a section per tag."""
    radar, labels = site.shown, site.radar.config.labels
    rings, quadrants = labels_of(radar)
    tagged: dict[str, list[Blip]] = defaultdict(list)
    for blip in sorted(radar.blips.values(), key=lambda b: (b.meta.title.casefold(), b.id)):
        for tag in blip.meta.tags:
            tagged[tag].append(blip)
    names = sorted(tagged)
    body = f"# {inline(labels.tags)}\n\n**{len(names)} {inline(labels.tags.lower())}**\n"
    if not names:
        return Page(labels.tags, body)
    index = " ".join(a(f"#{tag_anchor(tag)}", f"{tag} ({len(tagged[tag])})", "radar-tag")
                     for tag in names)
    tail = [f'<p class="radar-tags">{index}</p>']
    for tag in names:
        tail.append(f'<h2 id="{attr(tag_anchor(tag))}">{attr(tag)} ({len(tagged[tag])})</h2>')
        items = []
        for blip in tagged[tag]:
            where = f"{rings[blip.meta.ring]}, {quadrants[blip.meta.quadrant]}"
            if blip.meta.status == "retired":
                where = f"{labels.retired}, {where}"
            items.append(f"<li>{a(link(TAGS, blip.path), blip.meta.title)} "
                         f"({attr(where)})</li>")
        tail.append("<ul>" + "".join(items) + "</ul>")
    return Page(labels.tags, body, tail="\n".join(tail), hide=("toc",))
