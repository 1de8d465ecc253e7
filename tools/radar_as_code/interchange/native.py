"""This tool's own JSON: every blip with its id, title, quadrant, ring, tags, related
blips, decision records, status, number on the radar, ``featured`` and ``imported`` (as
`radar show`), and its changes since the previous edition (``change``: the ring movement,
or else the one change; ``changes``: all of them)."""

from __future__ import annotations

import json

from radar_as_code.core import jsonview
from radar_as_code.interchange import exported
from radar_as_code.interchange.source import Source


def export(source: Source, link_base: str | None = None) -> dict[str, str]:
    data = jsonview.snapshot(source.radar)
    kinds = exported.kinds(source.changes)
    for blip in data["blips"]:
        found = kinds.get(blip["id"], set())
        blip["change"] = exported.ring_move(found) or next(iter(sorted(found)), None)
        blip["changes"] = sorted(found)
    data["date"] = source.date
    return {"radar.json": json.dumps(data, indent=2, ensure_ascii=False) + "\n"}
