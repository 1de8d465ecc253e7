"""How a blip is drawn and read: its mark (a numbered dot, and the sign of its change), the
mark's accessible name, the key that explains the signs, and the picture's colours.

The signs read the same in every quadrant: "new" is a ring around the dot, "moved in" a
triangle pointing up at the dot's upper right, "moved out" a triangle pointing down at
its lower right; the key draws them with the same function. Colours are CSS custom
properties with the light scheme's values as fallbacks, so that the site's stylesheet
can switch them (dark scheme) and a picture on its own still has them.
"""

from __future__ import annotations

from collections.abc import Mapping

from radar_as_code.editions.report import from_to
from radar_as_code.editions.timeline import Comparison
from radar_as_code.render.text import attr

MOVES = ("new", "moved-in", "moved-out")
QUADRANT_COLOURS = 8  # classes radar-q0 ... radar-q7, reused beyond eight quadrants
_LIGHT = ("#1b6f6a", "#a14f00", "#4b40b8", "#a02a60", "#2c6140", "#7a5f00", "#005f86",
          "#6b3590")

# The picture's own style: every colour a custom property (the site's stylesheet sets
# them per colour scheme), with the light scheme's value as the fallback.
STYLE = "<style>" + "".join(
    f".radar-q{n}{{--radar-q:var(--radar-q{n},{colour})}}" for n, colour in enumerate(_LIGHT)
) + (
    ".radar-band-0{fill:var(--radar-band-a,#e9eef0)}"
    ".radar-band-1{fill:var(--radar-band-b,#f4f7f8)}"
    ".radar-bands circle,.radar-bands path{stroke:var(--radar-line,#b8c2c6);stroke-width:1}"
    ".radar-axes line{stroke:var(--radar-axis,#fff);stroke-width:3}"
    ".radar-ring-labels text{fill:var(--radar-ink,#27323a);stroke:var(--radar-paper,#f4f7f8);"
    "stroke-width:3px;paint-order:stroke}"
    ".radar-quadrant-labels text{fill:var(--radar-q)}"
    ".radar-dot{fill:var(--radar-q)}"
    ".radar-ring{fill:none;stroke:var(--radar-q);stroke-width:2}"
    ".radar-sign{fill:var(--radar-ink,#27323a);stroke:var(--radar-paper,#f4f7f8);"
    "stroke-width:1.2;stroke-linejoin:round}"
    ".radar-num{fill:var(--radar-on-q,#fff)}"
    ".radar-hit{fill:transparent}"
    ".radar-sector path{fill:transparent}"
    ".radar-key-dot{--radar-q:var(--radar-neutral,#5b6770)}"
    ".radar-key text{fill:var(--radar-ink,#27323a)}"
    "</style>")


def colour_class(quadrant: int) -> str:
    return f"radar-q{quadrant % QUADRANT_COLOURS}"


def f(value: float) -> str:
    """A coordinate, short and deterministic."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _triangle(cx: float, cy: float, size: float, up: bool) -> str:
    tip = -size if up else size
    base = 0.8 * size * (1 if up else -1)
    points = [(cx, cy + tip), (cx - size, cy + base), (cx + size, cy + base)]
    return ('<path class="radar-sign" d="M' + " L".join(f"{f(x)},{f(y)}" for x, y in points)
            + ' Z"/>')


def shapes(x: float, y: float, r: float, move: str | None, hit: float = 0.0) -> str:
    """The drawing of a mark without its number: an invisible hit area (``hit``: its
    radius, when larger than the dot), the dot, and the sign of its change."""
    out = []
    if hit > r:
        out.append(f'<circle class="radar-hit" cx="{f(x)}" cy="{f(y)}" r="{f(hit)}"/>')
    out.append(f'<circle class="radar-dot" cx="{f(x)}" cy="{f(y)}" r="{f(r)}"/>')
    if move == "new":
        out.append(f'<circle class="radar-ring" cx="{f(x)}" cy="{f(y)}" r="{f(r + 3)}"/>')
    elif move in ("moved-in", "moved-out"):
        # Beside the number, clear of its digits, and within 1.45 r of the dot's centre:
        # the layouts keep at least 0.45 r between marks (layout.GAP, zoom.GAP), so a
        # sign never covers the next mark.
        size = max(3.0, r * 0.5)
        offset = r * 0.95
        up = move == "moved-in"
        out.append(_triangle(x + offset, y - offset if up else y + offset, size, up))
    return "".join(out)


def origins(comparison: Comparison | None) -> dict[str, str]:
    """Blip id -> the ring it moved from (for "moved in from Trial")."""
    if comparison is None:
        return {}
    return {c.id: from_to(comparison.config, c)[0] for c in comparison.changes
            if c.kind in ("moved-in", "moved-out")}


def change_text(move: str | None, labels: Mapping[str, str], origin: str | None) -> str:
    """The words of a mark's sign: "New", "Moved in from Trial"; "" without a change."""
    if move not in MOVES:
        return ""
    word = labels[move]
    if origin and move != "new":
        word += f" {labels.get('from', 'from')} {origin}"
    return word


def name(number: int, title: str, ring: str, quadrant: str, change: str) -> str:
    """A mark's accessible name: "8. Polars (Adopt, Data, Moved in from Trial)"."""
    extra = f", {change}" if change else ""
    return f"{number}. {title} ({ring}, {quadrant}{extra})"


def key_items(labels: Mapping[str, str]) -> list[tuple[str | None, str]]:
    return [(None, labels["none"]), ("new", labels["new"]), ("moved-in", labels["moved-in"]),
            ("moved-out", labels["moved-out"])]


def key_html(labels: Mapping[str, str]) -> str:
    """The key as an HTML list, each sign drawn by the same function as the marks."""
    items = []
    for move, word in key_items(labels):
        icon = (f'<svg class="radar-key-mark" viewBox="-14 -14 28 28" width="24" height="24" '
                f'aria-hidden="true" focusable="false">'
                f'<g class="radar-key-dot">{shapes(0, 0, 8.0, move)}</g></svg>')
        items.append(f"<li>{icon} {attr(word)}</li>")
    return (f'<ul class="radar-key" aria-label="{attr(labels.get("legend", "Legend"))}">'
            + "".join(items) + "</ul>")


def key_svg(labels: Mapping[str, str], y: float, width: float) -> list[str]:
    """The key inside a picture (a picture on its own: the booklet, ``radar render``)."""
    out = ['<g class="radar-key" font-size="13">']
    step = width / 4.3
    for i, (move, word) in enumerate(key_items(labels)):
        x = 30 + i * step
        out.append(f'<g class="radar-key-dot">{shapes(x, y, 8.0, move)}</g>')
        out.append(f'<text x="{f(x + 18)}" y="{f(y + 4.5)}">{attr(word)}</text>')
    out.append("</g>")
    return out
