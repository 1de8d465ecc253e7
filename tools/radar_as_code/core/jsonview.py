"""A snapshot as plain JSON-ready data: what `radar show --format json` prints."""

from __future__ import annotations

from typing import Any

from radar_as_code.core.model import Blip, Decision, Radar


def blip(radar: Radar, item: Blip) -> dict[str, Any]:
    meta = item.meta
    return {
        "id": item.id,
        "title": meta.title,
        "quadrant": meta.quadrant,
        "ring": meta.ring,
        "status": meta.status,
        "tags": list(meta.tags),
        "related": list(meta.related),
        "decisions": list(meta.decisions),
        "former_ids": list(meta.former_ids),
        "reviewed": meta.reviewed.isoformat(),
        "retired": meta.retired.isoformat() if meta.retired else None,
        "featured": meta.featured,
        "imported": meta.imported.model_dump(mode="json", exclude_none=True)
        if meta.imported else None,
        "number": radar.numbers.get(item.id),
        "path": item.path,
    }


def decision(item: Decision) -> dict[str, Any]:
    meta = item.meta
    return {
        "id": item.id,
        "title": meta.title,
        "status": meta.status,
        "date": meta.date.isoformat(),
        "deciders": list(meta.deciders),
        "blips": list(meta.blips),
        "supersedes": list(meta.supersedes),
        "superseded_by": list(meta.superseded_by),
        "path": item.path,
    }


def ordered_blips(radar: Radar) -> list[Blip]:
    """Numbered blips in number order, then the others (retired...) by id."""
    numbers = radar.numbers
    return sorted(radar.blips.values(),
                  key=lambda b: (b.id not in numbers, numbers.get(b.id, 0), b.id))


def snapshot(radar: Radar) -> dict[str, Any]:
    return {
        "config": radar.config.model_dump(mode="json", by_alias=True),
        "blips": [blip(radar, b) for b in ordered_blips(radar)],
        "decisions": [decision(d) for d in sorted(radar.decisions.values(), key=lambda d: d.id)],
    }
