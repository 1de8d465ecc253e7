"""The lists that go with a picture: the names beside it, per quadrant and ring (as the
Thoughtworks and Zalando legends do), the filter form, and the tables of blips with
their one-line summaries.

Every item that stands for a blip carries ``data-blip`` (the picture's marks carry the
same), its ring, tags and change kind: the site's script links an item and its mark
both ways and filters them (``site/assets/radar.js``); without the script the lists are
complete and every name is a link.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from radar_as_code.core.model import Blip, Radar
from radar_as_code.render import marks as drawn
from radar_as_code.render.page import Linker, Site, a, quadrant_page, tag_links
from radar_as_code.render.summary import summary
from radar_as_code.render.text import attr

CHANGES = ("new", "moved-in", "moved-out", "none")


@dataclass(frozen=True)
class Entry:
    """What the lists say about one blip of the picture."""

    blip: Blip
    number: int
    quadrant: int
    change: str  # "new", "moved-in", "moved-out" or "none"
    words: str  # "Moved in from Trial"; "" without a change
    drawn: bool  # on the picture (``featured``)

    def data(self) -> str:
        meta = self.blip.meta
        return (f' data-blip="{attr(self.blip.id)}" data-ring="{attr(meta.ring)}" '
                f'data-change="{self.change}" data-tags="{attr(" ".join(meta.tags))}"')


def entries(radar: Radar, moves: Mapping[str, str], origins: Mapping[str, str],
            labels: Mapping[str, str], quadrant: str | None = None) -> list[Entry]:
    """The numbered blips (of one quadrant), by number."""
    index = {q.id: i for i, q in enumerate(radar.config.quadrants)}
    out = []
    for ident, number in sorted(radar.numbers.items(), key=lambda item: item[1]):
        blip = radar.blips[ident]
        if quadrant is not None and blip.meta.quadrant != quadrant:
            continue
        move = moves.get(ident)
        out.append(Entry(blip, number, index[blip.meta.quadrant], move or "none",
                         drawn.change_text(move, labels, origins.get(ident)),
                         blip.meta.featured))
    return out


def _sign(entry: Entry, labels: Mapping[str, str]) -> str:
    """The change's sign as drawn on the picture, with its words for screen readers
    (inside the name's link: the list item holds nothing but the link)."""
    if entry.change == "none" and entry.drawn:
        return ""
    out = []
    if entry.change != "none":
        out.append(f'<svg class="radar-key-mark" viewBox="-14 -14 28 28" width="18" '
                   f'height="18" aria-hidden="true" focusable="false">'
                   f'<g class="{drawn.colour_class(entry.quadrant)}">'
                   f'{drawn.shapes(0, 0, 8.0, entry.change)}</g></svg>'
                   f'<span class="radar-sr">{attr(entry.words)}</span>')
    if not entry.drawn:
        out.append(f'<span class="radar-off">({attr(labels["off_picture"])})</span>')
    return " " + "".join(out)


def names(site: Site, found: Sequence[Entry], source: str, link: Linker,
          quadrants: Sequence[int]) -> str:
    """The names of ``quadrants``' blips, a section per quadrant and a list per ring."""
    radar, words = site.shown, site.radar.config.labels
    labels = legend_words(site)
    out = []
    for q in quadrants:
        entry = radar.config.quadrants[q]
        mine = [e for e in found if e.quadrant == q]
        out.append(f'<section class="radar-names-quadrant {drawn.colour_class(q)}" '
                   f'aria-label="{attr(entry.label)}">')
        out.append(f'<h2 class="radar-names-title">'
                   f'{a(link(source, quadrant_page(entry.id)), entry.label)}</h2>')
        for ring in radar.config.rings:
            items = [e for e in mine if e.blip.meta.ring == ring.id]
            if not items:
                continue
            out.append(f'<div class="radar-names-ring" data-ring="{attr(ring.id)}">'
                       f'<h3>{attr(ring.label)}</h3><ol class="radar-names-list">')
            for item in items:
                out.append(f"<li{item.data()}>"
                           f'<a href="{attr(link(source, item.blip.path))}">'
                           f'<span class="radar-n">{item.number}</span> '
                           f"<span>{attr(item.blip.meta.title)}{_sign(item, labels)}</span>"
                           "</a></li>")
            out.append("</ol></div>")
        if not mine:
            out.append(f"<p>0 {attr(words.blips)}</p>")
        out.append("</section>")
    return "\n".join(out)


def legend_words(site: Site) -> dict[str, str]:
    """The words of the picture's key, its marks' names and the lists' signs."""
    labels = site.radar.config.labels
    return {"none": labels.no_change, "new": labels.new, "moved-in": labels.moved_in,
            "moved-out": labels.moved_out, "blips": labels.blips, "one_blip": labels.one_blip,
            "from": labels.from_.lower(), "legend": labels.legend,
            "off_picture": labels.off_picture}


def filters(site: Site, found: Sequence[Entry]) -> str:
    """The filter form, hidden until the script shows it (the lists work without it)."""
    labels = site.radar.config.labels
    words = legend_words(site)
    rings = [r for r in site.shown.config.rings if any(e.blip.meta.ring == r.id for e in found)]
    tags = sorted({t for e in found for t in e.blip.meta.tags})

    def select(name: str, label: str, options: list[tuple[str, str]]) -> str:
        choices = "".join(f'<option value="{attr(value)}">{attr(text)}</option>'
                          for value, text in [("", labels.all), *options])
        return (f'<label>{attr(label)} <select name="{name}" data-filter="{name}">'
                f"{choices}</select></label>")
    return (f'<form class="radar-filters" hidden aria-label="{attr(labels.filter)}" '
            f'data-shown="{attr(labels.shown)}">'
            + select("ring", labels.ring, [(r.id, r.label) for r in rings])
            + select("tag", labels.tag, [(t, t) for t in tags])
            + select("change", labels.change, [(c, words[c]) for c in CHANGES])
            + '<output class="radar-count" aria-live="polite"></output></form>')


def table(site: Site, found: Sequence[Entry], source: str, link: Linker,
          columns: Sequence[str], tags: bool = False) -> str:
    """A table of blips: number, name with its summary (and ``tags``), then ``columns``
    of "ring", "quadrant", "change". Numbers sort as numbers (``data-sort``)."""
    radar, labels = site.shown, site.radar.config.labels
    rings = {r.id: r.label for r in radar.config.rings}
    quadrants = {q.id: q.label for q in radar.config.quadrants}
    heads = {"ring": labels.ring, "quadrant": labels.quadrant, "change": labels.change}
    words = legend_words(site)
    out = ['<table class="radar-table" data-sortable>', "<thead><tr>",
           '<th class="radar-col-n" data-type="number" scope="col">#</th>',
           f'<th scope="col">{attr(labels.blip)}</th>']
    out += [f'<th class="radar-col-{c}" scope="col">{attr(heads[c])}</th>' for c in columns]
    out.append("</tr></thead><tbody>")
    for entry in found:
        blip, meta = entry.blip, entry.blip.meta
        # The summary of the text the blip's page shows (an edition's snapshot has none).
        line = summary(site.radar.blips.get(blip.id, blip), site.radar.config)
        cell = f'<a href="{attr(link(source, blip.path))}">{attr(meta.title)}</a>'
        if not entry.drawn:
            cell += f' <span class="radar-off">({attr(words["off_picture"])})</span>'
        if line:
            cell += f'<span class="radar-summary">{attr(line)}</span>'
        if meta.tags and tags:
            cell += f'<span class="radar-tags">{tag_links(meta.tags, source, link)}</span>'
        values = {"ring": attr(rings.get(meta.ring, meta.ring)),
                  "quadrant": a(link(source, quadrant_page(meta.quadrant)),
                                quadrants.get(meta.quadrant, meta.quadrant)),
                  "change": attr(entry.words)}
        out.append(f"<tr{entry.data()}>"
                   f'<td class="radar-col-n" data-sort="{entry.number}">{entry.number}</td>'
                   f"<td>{cell}</td>" + "".join(
                       f'<td class="radar-col-{c}">{values[c]}</td>'
                       for c in columns) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)
