"""Backstage's tech-radar plugin: a ``TechRadarLoaderResponse`` JSON with ``quadrants``
(id, name), ``rings`` (id, name, color, description) and ``entries`` (key, id, quadrant,
title, url, description, timeline). The timeline lists the blip's ring at each edition,
latest first: one point per ring change, with ``moved`` 1 (up, toward the first ring), -1
(down) or 0 (the first point). Retired blips are not on the radar and are left out."""

from __future__ import annotations

import json
from typing import Any

from radar_as_code.editions.timeline import day
from radar_as_code.interchange import exported
from radar_as_code.interchange.describe import markdown_of
from radar_as_code.interchange.source import Source

COLOURS = ("#5ba300", "#009eb0", "#c7ba00", "#e09b96", "#8a6d00", "#6b3590")


def export(source: Source, link_base: str | None = None) -> dict[str, str]:
    radar = source.radar
    config = radar.config
    order = {r.id: i for i, r in enumerate(config.rings)}
    entries: list[dict[str, Any]] = []
    for blip in sorted(radar.blips.values(), key=lambda b: b.id):
        if blip.meta.status != "active":
            continue
        names = {blip.id, *blip.meta.former_ids}
        points: list[tuple[str, str]] = []  # (date, ring), oldest first
        for summary in source.history:
            found = next((summary.state[n] for n in sorted(names) if n in summary.state), None)
            if found and found[2] == "active" and (not points or points[-1][1] != found[1]):
                points.append((day(summary.tag.date), found[1]))  # a new ring only
        if not points or points[-1][1] != blip.meta.ring:
            points.append((source.date, blip.meta.ring))
        timeline = []
        for index, (when, ring) in enumerate(points):
            moved = 0
            if index:
                before, after = order.get(points[index - 1][1], 0), order.get(ring, 0)
                moved = 1 if after < before else -1 if after > before else 0
            timeline.append({"moved": moved, "ringId": ring, "date": when})
        ident = exported.source_id(blip, "backstage")
        entry: dict[str, Any] = {"key": ident, "id": ident, "quadrant": blip.meta.quadrant,
                                 "title": exported.name(blip), "description": markdown_of(blip),
                                 "timeline": list(reversed(timeline))}
        if link_base:
            entry["url"] = f"{link_base.rstrip('/')}/radar/{blip.id}/"
        entries.append(entry)
    document = {
        "quadrants": [{"id": q.id, "name": q.label} for q in config.quadrants],
        "rings": [{"id": r.id, "name": r.label.upper(), "color": COLOURS[i % len(COLOURS)],
                   "description": r.description} for i, r in enumerate(config.rings)],
        "entries": entries,
    }
    return {"tech-radar.json": json.dumps(document, indent=2, ensure_ascii=False) + "\n"}
