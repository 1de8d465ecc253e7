"""The radar pictures as SVG: the whole radar (rings, quadrants, one numbered, linked mark
per blip, each quadrant a link to its page) and the zoomed picture of one quadrant.

Pure and deterministic: the same snapshot gives the same bytes. Every text that comes
from the radar's files is escaped. No script, no external resource; colours are custom
properties (``render.marks``), so the site's stylesheet can switch them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from radar_as_code.core.model import Radar
from radar_as_code.render import marks as drawn
from radar_as_code.render.layout import (
    CENTER,
    GAP,
    LABEL_FONT,
    RADIUS,
    SIZE,
    Mark,
    label_axis,
    place,
    ring_radii,
    sector,
)
from radar_as_code.render.marks import colour_class, f
from radar_as_code.render.text import attr, count
from radar_as_code.render.zoom import LABEL, Zoom, label_anchor, zoom

LEGEND_HEIGHT = 56
MOVES = drawn.MOVES


def _open(box: tuple[float, float, float, float], title: str, css: str) -> list[str]:
    x, y, w, h = box
    return [f'<svg xmlns="http://www.w3.org/2000/svg" class="{css}" '
            f'viewBox="{f(x)} {f(y)} {f(w)} {f(h)}" role="group" '
            f'aria-label="{attr(title)}" font-family="sans-serif">', drawn.STYLE]


def _marks(radar: Radar, marks: list[Mark] | tuple[Mark, ...], moves: Mapping[str, str],
           href: Callable[[str], str], labels: Mapping[str, str],
           origins: Mapping[str, str], hit: float, font: float) -> list[str]:
    rings = {r.id: r.label for r in radar.config.rings}
    quadrants = {q.id: q.label for q in radar.config.quadrants}
    out = ['<g class="radar-blips" font-weight="bold" text-anchor="middle">']
    for mark in marks:
        meta = radar.blips[mark.id].meta
        move = moves.get(mark.id)
        change = drawn.change_text(move, labels, origins.get(mark.id))
        name = drawn.name(mark.number, meta.title, rings[meta.ring], quadrants[meta.quadrant],
                          change)
        size = f(min(font, mark.r * 1.05 * font / 11))
        out.append(f'<a href="{attr(href(mark.id))}" aria-label="{attr(name)}" '
                   f'class="radar-blip {colour_class(mark.quadrant)}" '
                   f'data-blip="{attr(mark.id)}">'
                   f'{drawn.shapes(mark.x, mark.y, mark.r, move, max(hit, mark.r + GAP / 2))}'
                   f'<text class="radar-num" x="{f(mark.x)}" y="{f(mark.y + mark.r * 0.38)}" '
                   f'font-size="{size}">{mark.number}</text></a>')
    out.append("</g>")
    return out


def _wedge(inner: float, outer: float, a0: float, a1: float) -> str:
    """The path of a ring's band within a sector (a whole sector when ``inner`` is 0)."""
    def at(rho: float, angle: float) -> str:
        return f"{f(CENTER + rho * math.cos(angle))},{f(CENTER + rho * math.sin(angle))}"
    large = 1 if a1 - a0 > math.pi else 0
    if inner <= 0:
        return (f"M{f(CENTER)},{f(CENTER)} L{at(outer, a0)} "
                f"A{f(outer)},{f(outer)} 0 {large} 1 {at(outer, a1)} Z")
    return (f"M{at(inner, a0)} L{at(outer, a0)} A{f(outer)},{f(outer)} 0 {large} 1 "
            f"{at(outer, a1)} L{at(inner, a1)} A{f(inner)},{f(inner)} 0 {large} 0 "
            f"{at(inner, a0)} Z")


def _sectors(radar: Radar, marks: list[Mark], quadrant_href: Callable[[str], str],
             labels: Mapping[str, str]) -> list[str]:
    """Each quadrant a link to its page (the way in from a phone, where marks are small)."""
    quadrants = radar.config.quadrants
    out = ['<g class="radar-sectors">']
    for q, entry in enumerate(quadrants):
        a0, a1 = sector(q, len(quadrants))
        shown = sum(1 for m in marks if m.quadrant == q)
        name = f"{entry.label}: " + count(shown, labels.get("one_blip", "blip"),
                                          labels.get("blips", "blips"))
        out.append(f'<a href="{attr(quadrant_href(entry.id))}" aria-label="{attr(name)}" '
                   f'class="radar-sector {colour_class(q)}" data-quadrant="{attr(entry.id)}">'
                   f'<path d="{_wedge(0, RADIUS, a0, a1)}"/></a>')
    out.append("</g>")
    return out


def picture(radar: Radar, moves: Mapping[str, str], href: Callable[[str], str],
            labels: Mapping[str, str], *, key: bool = True,
            origins: Mapping[str, str] | None = None,
            quadrant_href: Callable[[str], str] | None = None) -> str:
    """The whole radar. ``moves``: blip id -> "new" | "moved-in" | "moved-out"; ``href``:
    blip id -> URL; ``labels``: the words of the key and names ("none", "new",
    "moved-in", "moved-out", "from", "blips", "one_blip"); ``key``: draw the key inside
    the picture (a page shows it as a list instead); ``origins``: blip id -> the ring it
    moved from; ``quadrant_href``: quadrant id -> URL of its page."""
    config = radar.config
    marks = place(radar)
    radii = ring_radii(len(config.rings))
    title = f"{config.title}: " + count(len(marks), labels.get("one_blip", "blip"),
                                        labels.get("blips", "blips"))
    out = _open((0, 0, SIZE, SIZE + (LEGEND_HEIGHT if key else 0)), title, "radar-picture")
    out.append('<g class="radar-bands">')
    for k in reversed(range(len(radii))):
        out.append(f'<circle class="radar-band-{k % 2}" cx="{f(CENTER)}" cy="{f(CENTER)}" '
                   f'r="{f(radii[k])}"/>')
    out.append('</g><g class="radar-axes">')
    for q in range(len(config.quadrants)):
        angle = sector(q, len(config.quadrants))[0]
        x, y = CENTER + RADIUS * math.cos(angle), CENTER + RADIUS * math.sin(angle)
        out.append(f'<line x1="{f(CENTER)}" y1="{f(CENTER)}" x2="{f(x)}" y2="{f(y)}"/>')
    out.append("</g>")
    if quadrant_href is not None:
        out += _sectors(radar, marks, quadrant_href, labels)
    out.append(f'<g class="radar-ring-labels" font-size="{f(LABEL_FONT)}" font-weight="bold" '
               'text-anchor="middle" aria-hidden="true">')
    inner, axis = [0.0, *radii], label_axis(len(config.quadrants))
    for k, ring in enumerate(config.rings):
        middle = (inner[k] + radii[k]) / 2
        x, y = CENTER + middle * math.cos(axis), CENTER + middle * math.sin(axis)
        out.append(f'<text x="{f(x)}" y="{f(y + 4)}">{attr(ring.label)}</text>')
    out.append('</g><g class="radar-quadrant-labels" font-size="15" font-weight="bold" '
               'text-anchor="middle" aria-hidden="true">')
    for q, quadrant in enumerate(config.quadrants):
        a0, a1 = sector(q, len(config.quadrants))
        mid = (a0 + a1) / 2
        x = min(max(CENTER + (RADIUS + 4) * math.cos(mid), 90), SIZE - 90)
        y = min(max(CENTER + (RADIUS + 4) * math.sin(mid), 18), SIZE - 8)
        out.append(f'<text class="{colour_class(q)}" x="{f(x)}" y="{f(y)}">'
                   f'{attr(quadrant.label)}</text>')
    out.append("</g>")
    out += _marks(radar, marks, moves, href, labels, origins or {}, 0.0, 11.0)
    if key:
        out += drawn.key_svg(labels, SIZE + 28, SIZE)
    out.append("</svg>")
    return "\n".join(out)


def zoom_picture(radar: Radar, quadrant: str, moves: Mapping[str, str],
                 href: Callable[[str], str], labels: Mapping[str, str], *,
                 origins: Mapping[str, str] | None = None) -> str:
    """The zoomed picture of one quadrant (``render.zoom``): its rings and its marks."""
    layout: Zoom = zoom(radar, quadrant)
    entry = radar.config.quadrants[layout.quadrant]
    title = f"{entry.label}: " + count(len(layout.marks), labels.get("one_blip", "blip"),
                                       labels.get("blips", "blips"))
    out = _open(layout.box, title, "radar-picture radar-zoom")
    out.append('<g class="radar-bands">')
    inner = [0.0, *layout.radii]
    for k in range(len(layout.radii)):
        out.append(f'<path class="radar-band-{k % 2}" '
                   f'd="{_wedge(inner[k], layout.radii[k], layout.start, layout.end)}"/>')
    anchor = label_anchor(layout)
    shift = {"end": -5.0, "start": 5.0, "middle": 0.0}[anchor]
    out.append(f'</g><g class="radar-ring-labels" font-size="{f(LABEL)}" font-weight="bold" '
               f'text-anchor="{anchor}" aria-hidden="true">')
    edge = layout.label_edge
    for k, ring in enumerate(radar.config.rings):
        middle = (inner[k] + layout.radii[k]) / 2
        x = CENTER + middle * math.cos(edge) + shift
        y = CENTER + middle * math.sin(edge) + LABEL * 0.35
        out.append(f'<text x="{f(x)}" y="{f(y)}">{attr(ring.label)}</text>')
    out.append("</g>")
    out += _marks(radar, layout.marks, moves, href, labels, origins or {}, layout.hit,
                  LABEL)
    out.append("</svg>")
    return "\n".join(out)
