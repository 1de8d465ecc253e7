"""Zalando's tech radar: ``config.json`` with ``{"date", "entries": [{"quadrant", "ring",
"label", "active", "link", "moved"}]}``; quadrant and ring are indices (0 to 3) and
``moved`` is -1 (moved out), 0, 1 (moved in) or 2 (new), derived here from the previous
edition. The visualisation has exactly four quadrants and four rings."""

from __future__ import annotations

import json
from typing import Any

from radar_as_code.errors import SetupError
from radar_as_code.interchange.records import ImportError_, Item, Release, load_json
from radar_as_code.interchange.source import Source

MOVED = {"new": 2, "back": 2, "moved-in": 1, "moved-out": -1}
RINGS = ("Adopt", "Trial", "Assess", "Hold")  # the visualisation's default ring names


def export(source: Source, link_base: str | None = None) -> dict[str, str]:
    radar, moves = source.radar, source.moves()
    config = radar.config
    if len(config.quadrants) != 4 or len(config.rings) != 4:
        raise SetupError("Zalando's radar has exactly 4 quadrants and 4 rings; this one has "
                         f"{len(config.quadrants)} and {len(config.rings)}")
    quadrants = {q.id: i for i, q in enumerate(config.quadrants)}
    rings = {r.id: i for i, r in enumerate(config.rings)}
    entries: list[dict[str, Any]] = []
    for ident in radar.numbers:
        blip = radar.blips[ident]
        entry: dict[str, Any] = {"quadrant": quadrants[blip.meta.quadrant],
                                 "ring": rings[blip.meta.ring], "label": blip.meta.title,
                                 "active": True, "moved": MOVED.get(moves.get(ident, ""), 0)}
        if link_base:
            entry["link"] = f"{link_base.rstrip('/')}/radar/{ident}/"
        entries.append(entry)
    document = {"date": source.date.replace("-", ".")[:7], "entries": entries}
    return {"config.json": json.dumps(document, indent=2, ensure_ascii=False) + "\n"}


def read(text: str, origin: str, date: str | None) -> Release:
    data = load_json(text, origin)
    entries = data.get("entries") if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise ImportError_(f"{origin}: no 'entries' list")
    if date is None and isinstance(data, dict) and isinstance(data.get("date"), str):
        stamp = data["date"].replace(".", "-")
        date = stamp if len(stamp) == 10 else f"{stamp[:7]}-01"
    items = []
    for number, entry in enumerate(entries):
        where = f"{origin}, entry {number + 1}"
        if not isinstance(entry, dict):
            raise ImportError_(f"{where}: not an object")
        quadrant, ring, label = entry.get("quadrant"), entry.get("ring"), entry.get("label")
        if not isinstance(quadrant, int) or not 0 <= quadrant <= 3:
            raise ImportError_(f"{where}: quadrant must be 0, 1, 2 or 3")
        if not isinstance(ring, int) or not 0 <= ring <= 3:
            raise ImportError_(f"{where}: ring must be 0, 1, 2 or 3")
        if not isinstance(label, str) or not label.strip():
            raise ImportError_(f"{where}: label must be a non-empty text")
        link = entry.get("link") if isinstance(entry.get("link"), str) else None
        items.append(Item(title=label.strip(), ring=RINGS[ring],
                          quadrant=f"Quadrant {quadrant + 1}", retired=entry.get("active") is False,
                          link=link, where=where))
    return Release(date, items, origin)
