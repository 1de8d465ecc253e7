"""Where each blip sits on the zoomed picture of one quadrant (the quadrant's page): its
sector alone, drawn at a scale where a mark is a 24 px tap target and its number at
least 11 px high on a 390 px wide phone.

Marks keep one size; rings are as wide as their blips need, so a crowded ring takes
more of the radius than a quiet one (50 blips in one segment stay legible). Placement is
seeded by the blip's id, as on the whole picture, so a blip keeps its place from build to
build. Pure and deterministic.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from radar_as_code.core.model import Radar
from radar_as_code.render.layout import (
    AXIS,
    CENTER,
    RADIUS,
    Mark,
    seated,
    sector,
    slots,
)

MARK = 11.0  # radius of a mark, in the picture's units (about one CSS pixel on a phone)
MIN_MARK = 8.0
GAP = 5.0  # between marks: hit areas of radius MARK + GAP / 2 never overlap, and a
# move sign (within 1.45 MARK of its dot's centre) never covers the next mark
WIDTH = 372.0  # the widest the picture may be, in units (358 px of a 390 px phone)
MARGIN = 6.0
LABEL = 12.0  # font size of the ring labels


@dataclass(frozen=True)
class Zoom:
    quadrant: int
    start: float  # the sector's angles
    end: float
    radii: tuple[float, ...]  # outer radius of each ring
    marks: tuple[Mark, ...]
    box: tuple[float, float, float, float]  # the view box: x, y, width, height
    label_edge: float  # the angle of the sector's edge that carries the ring labels

    @property
    def hit(self) -> float:
        return (self.marks[0].r if self.marks else MARK) + GAP / 2


def sector_box(a0: float, a1: float, radius: float) -> tuple[float, float, float, float]:
    """The bounding box (x0, y0, x1, y1) of a sector around the picture's centre."""
    angles = [a0, a1] + [k * math.pi / 2 for k in range(-4, 9)
                         if a0 < k * math.pi / 2 < a1]
    xs = [CENTER] + [CENTER + radius * math.cos(a) for a in angles]
    ys = [CENTER] + [CENTER + radius * math.sin(a) for a in angles]
    return min(xs), min(ys), max(xs), max(ys)


def label_room(radar: Radar) -> float:
    """Room kept free beside the edge carrying the ring labels: the widest label, from a
    generous estimate of a bold sans-serif's character width (0.62 em), plus a margin."""
    widest = max(len(r.label) for r in radar.config.rings)
    return min(110.0, widest * LABEL * 0.62 + 8.0)


def _needed(counts: list[int], a0: float, a1: float, mark: float,
            clear: tuple[float, float]) -> list[float]:
    """The smallest outer radius of each ring that seats its blips."""
    out: list[float] = []
    inner = 0.0
    for count in counts:
        start = inner + 2 * mark + 6
        last = math.ceil((8 * RADIUS - 2 * mark - 6) / 2.0)  # at most inner + 8 * RADIUS

        def seats(step: int, inner: float = inner, start: float = start,
                  count: int = count) -> bool:
            return len(slots(inner, start + 2.0 * step, a0, a1, mark, clear, GAP)) >= count
        out.append(start + 2.0 * _first(seats, last))
        inner = out[-1]
    return out


def _first(seats: Callable[[int], bool], last: int) -> int:
    """The first step (0 to ``last``) whose ring seats its blips, else ``last``: steps one
    by one while the ring is thin (a ring thinner than a mark has a single middle row,
    where the count is not monotonic), then by doubling and halving (the number of slots
    grows with the outer radius), so that a ring of thousands of blips takes a few dozen
    layouts rather than hundreds."""
    linear = min(8, last)
    for step in range(linear):
        if seats(step):
            return step
    low, high = linear - 1, linear  # seats(low) is False
    while high < last and not seats(high):
        low, high = high, min(last, high * 2)
    if high >= last:
        high = last
        if not seats(last):
            return last
    while high - low > 1:
        middle = (low + high) // 2
        if seats(middle):
            high = middle
        else:
            low = middle
    return high


def _radii(counts: list[int], a0: float, a1: float, radius: float,
           clear: tuple[float, float]) -> tuple[list[float], float]:
    """Outer radius of each ring, and the mark's radius: marks shrink (down to MIN_MARK)
    only when the rings cannot seat their blips within ``radius``; room to spare is shared
    out, outer rings taking a little more."""
    mark = MARK
    needed = _needed(counts, a0, a1, mark, clear)
    while needed[-1] > radius and mark > MIN_MARK:
        mark = max(MIN_MARK, mark - 1.0)
        needed = _needed(counts, a0, a1, mark, clear)
    if needed[-1] >= radius:
        return needed, mark
    spare, rings = radius - needed[-1], len(counts)
    spread = [outer + spare * (k + 1) / rings for k, outer in enumerate(needed)]
    inner = [0.0, *spread]
    if all(len(slots(inner[k], spread[k], a0, a1, mark, clear, GAP)) >= counts[k]
           for k in range(rings)):
        return spread, mark
    return [*needed[:-1], radius], mark


def zoom(radar: Radar, ident: str) -> Zoom:
    """The zoomed layout of quadrant ``ident``: its numbered blips that are drawn."""
    config = radar.config
    q = next(i for i, entry in enumerate(config.quadrants) if entry.id == ident)
    a0, a1 = sector(q, len(config.quadrants))
    x0, _, x1, _ = sector_box(a0, a1, 1.0)
    radius = min(RADIUS, (WIDTH - 2 * MARGIN) / max(x1 - x0, 0.5))
    # The ring labels stand on the edge nearest the vertical, written across it.
    edge = min((a0, a1), key=lambda a: abs(math.cos(a)))
    room = label_room(radar)
    clear = (room if edge == a0 else AXIS, room if edge == a1 else AXIS)
    rings = {r.id: k for k, r in enumerate(config.rings)}
    groups: list[list[str]] = [[] for _ in config.rings]
    for blip_id in radar.numbers:
        meta = radar.blips[blip_id].meta
        if meta.quadrant == ident and meta.featured:
            groups[rings[meta.ring]].append(blip_id)
    radii, mark = _radii([len(g) for g in groups], a0, a1, radius, clear)
    inner = [0.0, *radii]
    marks: list[Mark] = []
    for k, idents in enumerate(groups):
        if idents:
            found = slots(inner[k], radii[k], a0, a1, mark, clear, GAP)
            marks += seated(radar, idents, found, mark, q, k)
    bx0, by0, bx1, by1 = sector_box(a0, a1, radii[-1])
    box = (bx0 - MARGIN, by0 - MARGIN, bx1 - bx0 + 2 * MARGIN, by1 - by0 + 2 * MARGIN)
    return Zoom(q, a0, a1, tuple(radii), tuple(sorted(marks, key=lambda m: m.number)),
                box, edge)


def label_anchor(zoom: Zoom) -> str:
    """Ring labels are written inside the sector: from the edge towards its middle."""
    middle = (zoom.start + zoom.end) / 2
    if abs(math.cos(zoom.label_edge)) > 0.7:  # a horizontal edge: labels across it
        return "middle"
    return "end" if math.cos(middle) < math.cos(zoom.label_edge) else "start"

