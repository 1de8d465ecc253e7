"""Thoughtworks Build-Your-Own-Radar: a CSV (or JSON array) with the columns name, ring,
quadrant, isNew, status and description. ``status`` is New, Moved In, Moved Out or No
Change relative to the previous edition; ``isNew`` is TRUE for new blips. One file is one
edition and lists the blips it shows (a blip absent from a file is not removed)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from radar_as_code.interchange.markup import description_html, html_to_markdown
from radar_as_code.interchange.records import ImportError_, Item, Release, load_json
from radar_as_code.interchange.source import Source

COLUMNS = ("name", "ring", "quadrant", "isNew", "status", "description")
STATUS = {"new": "New", "back": "New", "moved-in": "Moved In", "moved-out": "Moved Out"}


def rows(source: Source) -> list[dict[str, str]]:
    radar, moves = source.radar, source.moves()
    rings = {r.id: r.label for r in radar.config.rings}
    quadrants = {q.id: q.label for q in radar.config.quadrants}
    out = []
    for ident in radar.numbers:
        blip = radar.blips[ident]
        status = STATUS.get(moves.get(ident, ""), "No Change")
        out.append({"name": blip.meta.title, "ring": rings[blip.meta.ring].lower(),
                    "quadrant": quadrants[blip.meta.quadrant].lower(),
                    "isNew": "TRUE" if status == "New" else "FALSE", "status": status,
                    "description": description_html(blip)})
    return out


def export_csv(source: Source) -> dict[str, str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(source))
    return {"radar.csv": buffer.getvalue()}


def export_json(source: Source) -> dict[str, str]:
    return {"radar.json": json.dumps(rows(source), indent=2, ensure_ascii=False) + "\n"}


def _items(records: list[dict[str, Any]], origin: str, row_offset: int) -> list[Item]:
    items = []
    for number, record in enumerate(records):
        where = f"{origin}, row {number + row_offset}"
        if not isinstance(record, dict):
            raise ImportError_(f"{where}: not an object with the BYOR columns")
        missing = [c for c in ("name", "ring", "quadrant") if not str(record.get(c) or "").strip()]
        if missing:
            raise ImportError_(f"{where}: empty or missing {', '.join(missing)}")
        items.append(Item(title=str(record["name"]).strip(), ring=str(record["ring"]).strip(),
                          quadrant=str(record["quadrant"]).strip(),
                          description=html_to_markdown(str(record.get("description") or "")),
                          where=where))
    return items


def read_csv(text: str, origin: str, date: str | None) -> Release:
    reader = csv.DictReader(io.StringIO(text))
    try:
        header = [h.strip() for h in (reader.fieldnames or [])]
        missing = [c for c in ("name", "ring", "quadrant", "description") if c not in header]
        if missing:
            raise ImportError_(f"{origin}, row 1: missing column(s) {', '.join(missing)}")
        reader.fieldnames = header
        records = list(reader)
    except csv.Error as exc:
        raise ImportError_(f"{origin}, row {reader.line_num}: {exc}") from None
    return Release(date, _items(records, origin, 2), origin)


def read_json(text: str, origin: str, date: str | None) -> Release:
    data = load_json(text, origin)
    if not isinstance(data, list):
        raise ImportError_(f"{origin}: a BYOR JSON file is an array of blips")
    return Release(date, _items(data, origin, 1), origin)
