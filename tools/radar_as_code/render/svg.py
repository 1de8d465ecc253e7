"""The radar picture as SVG: rings, quadrants and one numbered, linked mark per blip.

Pure and deterministic: the same snapshot gives the same bytes. Every text that comes
from the radar's files is escaped. No script, no external resource.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from radar_as_code.core.model import Radar
from radar_as_code.render.layout import (
    CENTER,
    LABEL_FONT,
    RADIUS,
    SIZE,
    Mark,
    label_axis,
    place,
    ring_radii,
    sector,
)
from radar_as_code.render.text import attr, count

PALETTE = ("#1b6f6a", "#a14f00", "#4b40b8", "#a02a60", "#2c6140", "#7a5f00", "#005f86",
           "#6b3590")
BANDS = ("#e9eef0", "#f2f5f6", "#e9eef0", "#f2f5f6")
LEGEND_HEIGHT = 56
MOVES = ("new", "moved-in", "moved-out")


def colour(quadrant: int) -> str:
    return PALETTE[quadrant % len(PALETTE)]


def _f(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _decoration(mark: Mark, move: str | None, fill: str) -> str:
    if move == "new":
        return (f'<circle cx="{_f(mark.x)}" cy="{_f(mark.y)}" r="{_f(mark.r + 2.5)}" '
                f'fill="none" stroke="{fill}" stroke-width="1.5"/>')
    if move not in ("moved-in", "moved-out"):
        return ""
    dx, dy = mark.x - CENTER, mark.y - CENTER
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    if move == "moved-in":
        ux, uy = -ux, -uy  # point toward the centre
    base, tip, half = mark.r + 1.5, mark.r + 6.5, 3.5
    bx, by = mark.x + ux * base, mark.y + uy * base
    points = [(mark.x + ux * tip, mark.y + uy * tip), (bx - uy * half, by + ux * half),
              (bx + uy * half, by - ux * half)]
    return ('<path d="M' + " L".join(f"{_f(x)},{_f(y)}" for x, y in points) +
            f' Z" fill="{fill}"/>')


def _legend(labels: Mapping[str, str]) -> list[str]:
    y = SIZE + 28
    out = ['<g class="radar-legend" font-size="13" fill="#222">']
    samples = [(None, labels["none"]), ("new", labels["new"]),
               ("moved-in", labels["moved-in"]), ("moved-out", labels["moved-out"])]
    for i, (move, label) in enumerate(samples):
        x = 60 + i * 185
        mark = Mark("legend", 0, x, y, 8.0, 0, 0)
        out.append(f'<circle cx="{x}" cy="{y}" r="8" fill="#555"/>')
        out.append(_decoration(mark, move, "#555"))
        out.append(f'<text x="{x + 18}" y="{y + 4.5}">{attr(label)}</text>')
    out.append("</g>")
    return out


def picture(radar: Radar, moves: Mapping[str, str], href: Callable[[str], str],
            labels: Mapping[str, str]) -> str:
    """``moves``: blip id -> "new" | "moved-in" | "moved-out"; ``href``: blip id -> URL;
    ``labels``: "none", "new", "moved-in", "moved-out" -> legend words."""
    config = radar.config
    marks = place(radar)
    radii = ring_radii(len(config.rings))
    title = f"{config.title}: " + count(len(marks), labels.get("one_blip", "blip"),
                                        labels.get("blips", "blips"))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="radar-picture" '
           f'viewBox="0 0 {SIZE} {SIZE + LEGEND_HEIGHT}" role="group" '
           f'aria-label="{attr(title)}" font-family="sans-serif">']
    out.append('<g class="radar-rings">')
    for k in reversed(range(len(radii))):
        out.append(f'<circle cx="{_f(CENTER)}" cy="{_f(CENTER)}" r="{_f(radii[k])}" '
                   f'fill="{BANDS[k % len(BANDS)]}" stroke="#b8c2c6" stroke-width="1"/>')
    for q in range(len(config.quadrants)):
        angle = sector(q, len(config.quadrants))[0]
        x, y = CENTER + RADIUS * math.cos(angle), CENTER + RADIUS * math.sin(angle)
        out.append(f'<line x1="{_f(CENTER)}" y1="{_f(CENTER)}" x2="{_f(x)}" y2="{_f(y)}" '
                   'stroke="#fff" stroke-width="3"/>')
    out.append("</g>")
    out.append(f'<g class="radar-ring-labels" font-size="{_f(LABEL_FONT)}" fill="#3d4a50" '
               'text-anchor="middle" aria-hidden="true" stroke="#f2f5f6" stroke-width="3" '
               'paint-order="stroke">')
    inner, axis = [0.0, *radii], label_axis(len(config.quadrants))
    for k, ring in enumerate(config.rings):
        middle = (inner[k] + radii[k]) / 2
        x, y = CENTER + middle * math.cos(axis), CENTER + middle * math.sin(axis)
        out.append(f'<text x="{_f(x)}" y="{_f(y + 4)}" font-weight="bold">'
                   f'{attr(ring.label)}</text>')
    out.append("</g>")
    out.append('<g class="radar-quadrant-labels" font-size="15" font-weight="bold" '
               'text-anchor="middle">')
    for q, quadrant in enumerate(config.quadrants):
        a0, a1 = sector(q, len(config.quadrants))
        mid = (a0 + a1) / 2
        x = CENTER + (RADIUS + 4) * math.cos(mid)
        y = CENTER + (RADIUS + 4) * math.sin(mid)
        x = min(max(x, 90), SIZE - 90)
        y = min(max(y, 18), SIZE - 8)
        out.append(f'<text x="{_f(x)}" y="{_f(y)}" fill="{colour(q)}">'
                   f'{attr(quadrant.label)}</text>')
    out.append("</g>")
    rings = {r.id: r.label for r in config.rings}
    quadrants = {q.id: q.label for q in config.quadrants}
    out.append('<g class="radar-blips" font-size="11" font-weight="bold" text-anchor="middle">')
    for mark in marks:
        blip = radar.blips[mark.id]
        move = moves.get(mark.id)
        fill = colour(mark.quadrant)
        extra = f", {labels[move]}" if move in MOVES else ""
        name = (f"{mark.number}. {blip.meta.title} ({rings[blip.meta.ring]}, "
                f"{quadrants[blip.meta.quadrant]}{extra})")
        size = _f(min(11.0, mark.r * 1.05))
        out.append(f'<a href="{attr(href(mark.id))}" aria-label="{attr(name)}" '
                   f'class="radar-blip" data-blip="{attr(mark.id)}">'
                   f'<title>{attr(blip.meta.title)}</title>'
                   f'<circle cx="{_f(mark.x)}" cy="{_f(mark.y)}" r="{_f(mark.r)}" fill="{fill}"/>'
                   f'{_decoration(mark, move, fill)}'
                   f'<text x="{_f(mark.x)}" y="{_f(mark.y + mark.r * 0.38)}" fill="#fff" '
                   f'font-size="{size}">{mark.number}</text></a>')
    out.append("</g>")
    out.extend(_legend(labels))
    out.append("</svg>")
    return "\n".join(line for line in out if line)
