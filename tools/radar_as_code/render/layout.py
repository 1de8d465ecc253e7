"""Where each blip sits on the radar picture: deterministic, seeded by the blip's id.

Quadrants are equal sectors (any number), rings concentric bands (any number, the first
in the middle). Each quadrant-and-ring segment gets a grid of slots far enough apart for
marks never to overlap; a blip takes the slot its id hashes to, or the next free one, so
an unchanged blip keeps its place between builds and editions. A crowded segment gets
smaller marks (down to a floor) rather than overlapping ones. A blip with ``featured:
false`` (AOE's notion) is listed but not drawn.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from dataclasses import dataclass

from radar_as_code.core.model import Radar

SIZE = 800
CENTER = SIZE / 2
RADIUS = 360
MARK = 11.0  # default mark radius
MIN_MARK = 3.5
GAP = 5.0  # between marks: room for a move sign (render.marks.shapes) at 11 units
AXIS = 10.0  # room kept free along the lines between quadrants
LABEL_FONT = 11.0  # font size of the ring labels, which stand on one of those lines


@dataclass(frozen=True)
class Mark:
    id: str
    number: int
    x: float
    y: float
    r: float
    quadrant: int
    ring: int


def ring_radii(rings: int) -> list[float]:
    """Outer radius of each ring: inner rings wider, outer bands narrower."""
    return [RADIUS * ((k + 1) / rings) ** 0.75 for k in range(rings)]


def sector(quadrant: int, quadrants: int) -> tuple[float, float]:
    """Start and end angle of a quadrant: the first starts at 9 o'clock, clockwise."""
    step = 2 * math.pi / quadrants
    return math.pi + quadrant * step, math.pi + (quadrant + 1) * step


def label_axis(quadrants: int) -> float:
    """The line between quadrants that carries the ring labels: the one nearest 12 o'clock."""
    starts = [sector(q, quadrants)[0] for q in range(quadrants)]
    return min(starts, key=lambda a: abs(math.remainder(a - 1.5 * math.pi, 2 * math.pi)))


def label_clearance(radar: Radar) -> float:
    """Room kept free on each side of the label axis: half the widest ring label, from a
    generous estimate of a bold sans-serif's character width (0.62 em), plus a margin."""
    widest = max(len(r.label) for r in radar.config.rings)
    return min(60.0, widest * LABEL_FONT * 0.31 + 4.0)


def _on(angle: float, axis: float) -> bool:
    return math.isclose(math.remainder(angle - axis, 2 * math.pi), 0.0, abs_tol=1e-9)


def slots(r0: float, r1: float, a0: float, a1: float, mark: float,
          clear: tuple[float, float] = (AXIS, AXIS), gap: float = GAP
          ) -> list[tuple[float, float]]:
    """Slots for marks of radius ``mark`` between radii r0 and r1 and angles a0 and a1,
    keeping ``clear`` units free along the sector's first and second edge and ``gap``
    between marks."""
    pad = 2.0
    d = 2 * mark + gap
    inner = max(r0 + mark + pad, mark * 2)
    outer = r1 - mark - pad
    rows = [inner + k * d for k in range(int((outer - inner) // d) + 1)] if outer >= inner \
        else [(r0 + r1) / 2]
    out = []
    for rho in rows:
        first, second = (math.asin(min(1.0, (mark + c) / rho)) for c in clear)
        span = (a1 - a0) - first - second
        if span < 0:
            continue
        step = 2 * math.asin(min(1.0, d / (2 * rho)))  # angle whose chord is d
        count = max(1, int(span // step) + 1) if step > 0 else 1
        for i in range(count):
            angle = a0 + first + (span * i / (count - 1) if count > 1 else span / 2)
            out.append((CENTER + rho * math.cos(angle), CENTER + rho * math.sin(angle)))
    return out


def _fit(r0: float, r1: float, a0: float, a1: float, count: int,
         clear: tuple[float, float]) -> tuple[float, list[tuple[float, float]]]:
    """The largest mark (down to MIN_MARK) for which the segment has ``count`` slots, and
    the slots. A segment too narrow for even one mark beside its edges (many quadrants
    and rings) gets a single slot in its middle rather than none."""
    mark = MARK
    found = slots(r0, r1, a0, a1, mark, clear)
    while len(found) < count and mark > MIN_MARK:
        mark = max(MIN_MARK, mark * 0.9)
        found = slots(r0, r1, a0, a1, mark, clear)
    if not found:
        rho, angle = (r0 + r1) / 2, (a0 + a1) / 2
        found = [(CENTER + rho * math.cos(angle), CENTER + rho * math.sin(angle))]
    return mark, found


def seed(ident: str) -> int:
    return int.from_bytes(hashlib.sha256(ident.encode()).digest()[:8], "big")


def place(radar: Radar) -> list[Mark]:
    """One mark per numbered (active) blip."""
    config = radar.config
    quadrants = {q.id: i for i, q in enumerate(config.quadrants)}
    rings = {r.id: i for i, r in enumerate(config.rings)}
    radii = [0.0, *ring_radii(len(rings))]
    axis, labels = label_axis(len(quadrants)), label_clearance(radar)
    groups: dict[tuple[int, int], list[str]] = defaultdict(list)
    for ident in radar.numbers:
        meta = radar.blips[ident].meta
        if not meta.featured:
            continue
        groups[quadrants[meta.quadrant], rings[meta.ring]].append(ident)
    marks = []
    for (q, k), idents in sorted(groups.items()):
        a0, a1 = sector(q, len(quadrants))
        clear = (labels if _on(a0, axis) else AXIS, labels if _on(a1, axis) else AXIS)
        mark, found = _fit(radii[k], radii[k + 1], a0, a1, len(idents), clear)
        marks += seated(radar, idents, found, mark, q, k)
    return sorted(marks, key=lambda m: m.number)


def seated(radar: Radar, idents: list[str], found: list[tuple[float, float]], mark: float,
           quadrant: int, ring: int) -> list[Mark]:
    """Each blip in the slot its id hashes to, or the next free one."""
    taken: set[int] = set()
    out = []
    for ident in sorted(idents, key=lambda i: (seed(i), i)):
        slot = seed(ident) % len(found)
        while slot in taken and len(taken) < len(found):
            slot = (slot + 1) % len(found)
        taken.add(slot)
        x, y = found[slot]
        out.append(Mark(ident, radar.numbers[ident], round(x, 1), round(y, 1), round(mark, 1),
                        quadrant, ring))
    return out
