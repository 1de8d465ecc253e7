"""This tool's own JSON: every blip with its id, title, quadrant, ring, tags, related
blips, decision records, status and number on the radar (as `radar show`)."""

from __future__ import annotations

import json

from radar_as_code.core import jsonview
from radar_as_code.interchange.source import Source


def export(source: Source) -> dict[str, str]:
    data = jsonview.snapshot(source.radar)
    moves = source.moves()
    for blip in data["blips"]:
        blip["change"] = moves.get(blip["id"])
    data["date"] = source.date
    return {"radar.json": json.dumps(data, indent=2, ensure_ascii=False) + "\n"}
