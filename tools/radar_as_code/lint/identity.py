"""Ids are well-formed and unique; titles are unique.

A blip's id is its file name without ``.md``: lower-case letters and digits in words
joined by single hyphens. A decision record's file is named ``NNNN-slug.md`` and no two
records share a number. An id is used by one file only, across all folders, and is not
another blip's former id (``former_ids`` keep a renamed blip's history, so a new blip
cannot take an old id). No two blips, and no two decision records, share a title.

Fails:

```text
radar/data/polars.md and radar/tools/polars.md   -> id 'polars' used twice
radar/Polars_DataFrames.md                       -> not a valid id
adr/0007-use-x.md and adr/0007-use-y.md          -> number 0007 used twice
radar/pandas.md with former_ids: [polars]        -> 'polars' is a current blip
```
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import PurePosixPath

from radar_as_code.core.model import ADR_ID_PATTERN, ID_PATTERN, Blip, Decision
from radar_as_code.core.problem import Level, Problem
from radar_as_code.lint.context import Context

ID = "identity"
LEVEL: Level = "error"

_ID = re.compile(ID_PATTERN)
_ADR_ID = re.compile(ADR_ID_PATTERN)
_NAMED = 3  # other files named in a message; the rest are counted


def _duplicates(index: Mapping[str, tuple[str, ...]], what: str) -> Iterator[Problem]:
    for key, paths in index.items():
        for path in paths if len(paths) > 1 else ():
            others = [p for p in paths[:_NAMED + 1] if p != path][:_NAMED]
            rest = len(paths) - 1 - len(others)
            more = f" and {rest:,} more" if rest else ""
            yield Problem(path, 1, 1, ID, LEVEL,
                          f"{what} id '{key}' is also used by {', '.join(others)}{more}")


def _titles(docs: Iterable[Blip | Decision], what: str) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for doc in sorted(docs, key=lambda d: d.path):
        key = " ".join(doc.meta.title.casefold().split())
        if key in seen:
            yield Problem(doc.path, *doc.source.position(("title",)), ID, LEVEL,
                          f"{what} title '{doc.meta.title}' is also the title of {seen[key]}")
        else:
            seen[key] = doc.path


def check(ctx: Context) -> Iterator[Problem]:
    radar = ctx.radar
    for key, paths in radar.blip_paths.items():
        if not _ID.match(key):
            for path in paths:
                yield Problem(path, 1, 1, ID, LEVEL,
                              f"file name '{PurePosixPath(path).name}' is not a valid blip id: "
                              "use lower-case letters and digits in words joined by single "
                              "hyphens")
    numbers: dict[str, str] = {}
    free = max((int(k[:4]) for k in radar.decision_paths if k[:4].isdecimal()), default=0) + 1
    for key, paths in sorted(radar.decision_paths.items()):
        if not _ADR_ID.match(key):
            for path in paths:
                yield Problem(path, 1, 1, ID, LEVEL,
                              f"decision record '{PurePosixPath(path).name}' must be named "
                              "NNNN-slug.md (four digits, a hyphen, a lower-case slug)")
            continue
        number = key[:4]
        if number in numbers:
            yield Problem(paths[0], 1, 1, ID, LEVEL,
                          f"number {number} is also used by {numbers[number]}: give this "
                          f"record a free number with `radar adr renumber {key} {free:04d}`")
            free += 1
        else:
            numbers[number] = paths[0]
    yield from _duplicates(radar.blip_paths, "blip")
    yield from _duplicates(radar.decision_paths, "decision-record")
    claimed: dict[str, str] = {}
    for blip in sorted(radar.blips.values(), key=lambda b: b.path):
        for index, former in enumerate(blip.meta.former_ids):
            where = blip.source.position(("former_ids", index))
            if former == blip.id:
                yield Problem(blip.path, *where, ID, LEVEL,
                              f"former id '{former}' is this blip's own id")
            elif former in radar.blip_paths:
                yield Problem(blip.path, *where, ID, LEVEL,
                              f"former id '{former}' is the id of a current blip "
                              f"({radar.blip_paths[former][0]})")
            elif ctx.complete and former in claimed:
                yield Problem(blip.path, *where, ID, LEVEL,
                              f"former id '{former}' is also claimed by {claimed[former]}")
            else:
                claimed.setdefault(former, blip.path)
    if ctx.complete:
        yield from _titles(radar.blips.values(), "blip")
        yield from _titles(radar.decisions.values(), "decision-record")
