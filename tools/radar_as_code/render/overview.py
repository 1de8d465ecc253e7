"""The pages that show many blips at once: the home page with the radar picture, one page
per quadrant, and the tags page."""

from __future__ import annotations

import math
from collections import defaultdict

from radar_as_code.core.model import Blip, Radar
from radar_as_code.render import lists, marks, news, svg
from radar_as_code.render.layout import sector
from radar_as_code.render.page import (
    HOME,
    TAGS,
    Linker,
    Page,
    Site,
    a,
    labels_of,
    quadrant_page,
    tag_anchor,
)
from radar_as_code.render.text import attr, count, inline


def legend(site: Site) -> dict[str, str]:
    """The words of the picture's key and of its marks' accessible names."""
    return lists.legend_words(site)


def sides(radar: Radar) -> tuple[list[int], list[int]]:
    """The quadrants whose names are listed left of the picture and right of it, each
    side from top to bottom, as the quadrants are drawn."""
    count_ = len(radar.config.quadrants)
    middles = {q: sum(sector(q, count_)) / 2 for q in range(count_)}
    left = sorted((q for q, m in middles.items() if math.cos(m) < -1e-9),
                  key=lambda q: math.sin(middles[q]))
    right = sorted((q for q in middles if q not in left), key=lambda q: math.sin(middles[q]))
    return left, right


def _figure(picture: str, words: dict[str, str]) -> str:
    return (f'<figure class="radar-figure">\n{picture}\n'
            f"<figcaption>{marks.key_html(words)}</figcaption></figure>")


def _skip(site: Site) -> str:
    return (f'<a class="radar-skip" href="#names">'
            f"{attr(site.radar.config.labels.skip_picture)}</a>")


def home(site: Site, link: Linker) -> Page:
    radar, labels = site.shown, site.radar.config.labels
    moves = site.chronicle.moves()
    origins = marks.origins(site.chronicle.news)
    words = legend(site)
    found = lists.entries(radar, moves, origins, words)
    picture = svg.picture(radar, moves, lambda i: link(HOME, radar.blips[i].path), words,
                          key=False, origins=origins,
                          quadrant_href=lambda q: link(HOME, quadrant_page(q)))
    # The title, then the picture with its names: together they fit a laptop's screen;
    # the description follows them.
    body = [f"# {inline(radar.config.title)}\n"]
    about = f'<p class="radar-about">{attr(radar.config.description)}</p>\n' \
        if radar.config.description else ""
    left, right = sides(radar)
    view = (f'<div class="radar-view radar-home">\n{lists.filters(site, found)}\n'
            f'{_skip(site)}\n<div class="radar-board">\n{_figure(picture, words)}\n'
            f'<div class="radar-names radar-names-left" id="names">\n'
            f"{lists.names(site, found, HOME, link, left)}\n</div>\n"
            f'<div class="radar-names radar-names-right">\n'
            f"{lists.names(site, found, HOME, link, right)}\n</div>\n</div>\n</div>")
    latest = site.chronicle.latest
    since = f" ({site.edition_name(latest)})" if latest and latest.since_previous else ""
    listing = lists.table(site, found, HOME, link, ("ring", "quadrant", "change"))
    listing = listing.replace(f">{attr(labels.change)}</th>",
                              f">{attr(labels.change + since)}</th>", 1)
    tail = (f"{view}\n{about}{news.whats_new(site, link)}\n"
            f'<h2 id="blips">{attr(labels.blips.capitalize())}</h2>\n{listing}')
    # Every blip has its own page: the overview would only repeat them in search.
    return Page(radar.config.title, "\n".join(body) + "\n", tail=tail,
                hide=("navigation", "toc"), search_exclude=True)


def quadrant(site: Site, ident: str, link: Linker) -> Page:
    radar, labels = site.shown, site.radar.config.labels
    entry = next(q for q in site.radar.config.quadrants if q.id == ident)
    page = quadrant_page(ident)
    moves = site.chronicle.moves()
    origins = marks.origins(site.chronicle.news)
    words = legend(site)
    found = lists.entries(radar, moves, origins, words, ident)
    counts = [(ring, [e for e in found if e.blip.meta.ring == ring.id])
              for ring in radar.config.rings]
    summary = f"**{inline(count(len(found), labels.one_blip, labels.blips))}**" + "".join(
        f" | {len(items)} {inline(ring.label)}" for ring, items in counts if items)
    body = [f"# {inline(entry.label)}\n", summary + "\n"]
    if entry.description:
        body.append(inline(entry.description) + "\n")
    picture = svg.zoom_picture(radar, ident, moves, lambda i: link(page, radar.blips[i].path),
                               words, origins=origins)
    sections = []
    for ring, items in counts:
        if not items:
            continue
        sections.append(f'<section class="radar-ring-section" data-ring="{attr(ring.id)}">'
                        f'<h2 id="{attr(ring.id)}">{attr(ring.label)} ({len(items)})</h2>')
        if ring.description:
            sections.append(f"<p><em>{attr(ring.description)}</em></p>")
        sections.append(lists.table(site, items, page, link, ("change",), tags=True))
        sections.append("</section>")
    tail = [f'<div class="radar-view radar-quadrant">\n{lists.filters(site, found)}\n'
            f'{_skip(site)}\n<div class="radar-split">\n{_figure(picture, words)}\n'
            f'<div class="radar-lists" id="names">\n' + "\n".join(sections) +
            "\n</div>\n</div>\n</div>"]
    retired = [b for b in radar.blips.values()
               if b.meta.quadrant == ident and b.meta.status == "retired"]
    if retired:
        tail.append(f'<h2 id="retired">{attr(labels.retired)}</h2>')
        tail.append("<ul>" + "".join(f"<li>{a(link(page, b.path), b.meta.title)}</li>"
                                     for b in sorted(retired, key=lambda b: b.id)) + "</ul>")
    return Page(entry.label, "\n".join(body) + "\n", tail="\n".join(tail), hide=("toc",))


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
