"""Thoughtworks Build-Your-Own-Radar: a CSV (or a JSON list) with the columns name, ring,
quadrant, isNew, status and description, one file per edition, each the whole radar.

``status`` (New, Moved In, Moved Out, No Change) and ``isNew`` are derived on export and
ignored on import (movements are computed from the editions); ``description`` is HTML
(BYOR keeps b, i, em, strong, a, h1-h6, ul, li, br, p and u). The Thoughtworks volumes also
carry ``relatedBlips``, names separated by ';': they become the blips' ``related``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from radar_as_code.interchange import exported, fields, jsonscan, sources
from radar_as_code.interchange.describe import html_of
from radar_as_code.interchange.records import Item, Problems, Release, Where, refuse
from radar_as_code.interchange.source import Source

COLUMNS = ("name", "ring", "quadrant", "isNew", "status", "description")
REQUIRED = ("name", "ring", "quadrant", "description")
KNOWN = frozenset({*COLUMNS, "relatedBlips", "previousRing", "topic", "size"})
STATUS = {"new": "New", "back": "New", "moved-in": "Moved In", "moved-out": "Moved Out"}
TAGS = frozenset({"b", "i", "em", "strong", "a", "h1", "h2", "h3", "h4", "h5", "h6", "li",
                  "ul", "br", "p", "u"})


def rows(source: Source) -> list[dict[str, str]]:
    radar, kinds = source.radar, exported.kinds(source.changes)
    rings = {r.id: r.label for r in radar.config.rings}
    quadrants = {q.id: q.label for q in radar.config.quadrants}
    names = {b.id: exported.name(b) for b in radar.blips.values()}
    related = any(radar.blips[i].meta.related for i in radar.numbers)
    out = []
    for ident in radar.numbers:
        blip = radar.blips[ident]
        status = STATUS.get(exported.ring_move(kinds.get(ident, set())) or "", "No Change")
        row = {"name": names[ident], "ring": rings[blip.meta.ring].lower(),
               "quadrant": quadrants[blip.meta.quadrant].lower(),
               "isNew": "TRUE" if status == "New" else "FALSE", "status": status,
               "description": html_of(blip, TAGS)}
        if related:
            row["relatedBlips"] = ";".join(names[r] for r in blip.meta.related if r in names)
        out.append(row)
    return out


def export_csv(source: Source, link_base: str | None = None) -> dict[str, str]:
    found = rows(source)
    buffer = io.StringIO()
    columns = [*COLUMNS, *(["relatedBlips"] if found and "relatedBlips" in found[0] else [])]
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: exported.cell(v) for k, v in row.items()} for row in found)
    return {"radar.csv": buffer.getvalue()}


def export_json(source: Source, link_base: str | None = None) -> dict[str, str]:
    found: list[dict[str, Any]] = list(rows(source))
    for row in found:
        if "relatedBlips" in row:
            row["relatedBlips"] = [n for n in row["relatedBlips"].split(";") if n]
    return {"radar.json": json.dumps(found, indent=2, ensure_ascii=False) + "\n"}


def _item(record: dict[str, Any], where: Where, problems: Problems, release: Release,
          unescape: bool) -> Item | None:
    def value(key: str) -> object:
        found = record.get(key)
        return exported.uncell(found) if unescape and isinstance(found, str) else found

    before = len(problems)
    name = fields.title(value("name"), where, problems)
    ring = fields.title(value("ring"), where, problems, "ring")
    quadrant = fields.title(value("quadrant"), where, problems, "quadrant")
    body = fields.description(value("description"), where, problems, release)
    related = fields.names(value("relatedBlips"), where, problems, "relatedBlips")
    if len(problems) > before or name is None or ring is None or quadrant is None:
        return None
    return Item(where, name, ring.strip(), quadrant.strip(), body, (), None, related)


def _unknown(columns: list[str], where: Where, release: Release) -> None:
    extra = [c for c in columns if c not in KNOWN]
    if extra:
        release.notes.append((where, f"column(s) {', '.join(extra)} are not part of BYOR's "
                              "format: not imported"))


@contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    previous = csv.field_size_limit(limit)  # process-wide: restored right after
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def read_csv(path: Path, budget: sources.Budget, problems: Problems) -> Release:
    where = Where(str(path))
    release = Release(None, [], str(path), path.name)
    reader = csv.reader(sources.lines(path, where, budget, problems), strict=True)
    with _field_limit(fields.MAX_TEXT):
        try:
            header = [h.strip() for h in next(reader, [])]
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                problems.add(Where(where.path, 1), f"missing column(s) {', '.join(missing)} "
                             f"(a BYOR file has {', '.join(COLUMNS)})")
                return release
            _unknown(header, Where(where.path, 1), release)
            start = reader.line_num + 1
            for row in reader:
                here = Where(where.path, start)
                start = reader.line_num + 1
                if not row or row == [""]:
                    continue
                if len(row) != len(header):
                    problems.add(here, f"the row has {len(row)} fields, the header "
                                 f"{len(header)} (an unquoted comma in a name or description?)")
                    continue
                if len(release.items) >= sources.MAX_ROWS:
                    raise refuse(here, f"more than {sources.MAX_ROWS:,} rows in one file")
                item = _item(dict(zip(header, row, strict=True)), here, problems, release, True)
                if item is not None:
                    release.items.append(item)
        except csv.Error as exc:
            problems.add(Where(where.path, reader.line_num or 1), f"not CSV ({exc})")
    return release


def read_json(path: Path, budget: sources.Budget, problems: Problems) -> Release:
    where = Where(str(path))
    text = sources.read_text(path, where, sources.MAX_FILE, budget)
    data, entries = jsonscan.document(text, where)
    release = Release(None, [], str(path), path.name)
    if not isinstance(data, list):
        raise refuse(where, "a BYOR JSON file is a list of blips")
    columns: set[str] = set()
    unquoted = 0
    for line, record in entries:
        here = Where(where.path, line)
        if not isinstance(record, dict):
            problems.add(here, "not an object with the BYOR columns")
            continue
        columns.update(record)
        found = csv_unquoted(record.get("description"))
        if found is not None:
            record, unquoted = {**record, "description": found}, unquoted + 1
        item = _item(record, here, problems, release, False)
        if item is not None:
            release.items.append(item)
    _unknown(sorted(columns), where, release)
    if unquoted:
        release.notes.append((where, f"{unquoted} description(s) still quoted as CSV cells "
                              '("...", with "" for "): unquoted'))
    return release


_CSV_CELL = re.compile(r'"((?:[^"]|"")*)"', re.S)


def csv_unquoted(value: object) -> str | None:
    """A description a CSV-to-JSON conversion left quoted as a CSV cell (Thoughtworks'
    JSON volumes: ``"<a href=""https://..."">..."``), unquoted; None for any other
    value (a text with a lone ``"`` inside is not such a cell)."""
    if not isinstance(value, str):
        return None
    found = _CSV_CELL.fullmatch(value.strip())
    return found.group(1).replace('""', '"') if found else None
