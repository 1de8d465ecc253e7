"""Zalando's tech radar: ``config.json`` with ``{"date": "YYYY.MM", "entries": [{"label",
"quadrant", "ring", "active", "link", "moved"}]}``, one file per release, each the whole
radar. ``quadrant`` and ``ring`` are indices 0 to 3 into the lists the page gives
``radar_visualization`` (quadrant 0 is the bottom right one, counting clockwise; ring 0 is
the innermost): the import keeps that order, the export writes it back. ``moved`` (-1, 0,
1, 2 for new) is derived on export and ignored on import. ``active: false`` (drawn grey)
is ``featured: false``. ``link`` becomes the blip's text, and the export's ``link`` is the
blip's first web link (or its page on the site, with ``--link-base``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from radar_as_code.errors import SetupError
from radar_as_code.interchange import dates, exported, fields, jsonscan, sources
from radar_as_code.interchange.markup import escape, url
from radar_as_code.interchange.records import Item, Problems, Release, Where, refuse
from radar_as_code.interchange.source import Source
from radar_as_code.interchange.vocab import Axis

MOVED = {"new": 2, "back": 2, "moved-in": 1, "moved-out": -1}
QUADRANTS = ("Bottom Right", "Bottom Left", "Top Left", "Top Right")  # Zalando's README
RINGS = ("Adopt", "Trial", "Assess", "Hold")
_WEB = re.compile(r"\]\((https?://[^)\s]+)\)|<(https?://[^>\s]+)>")


def axis(what: str, labels: list[str] | None) -> Axis:
    """Four fixed positions, named by ``--quadrants``/``--rings`` or by default."""
    names = labels or list(QUADRANTS if what == "quadrant" else RINGS)
    if len(names) != 4:
        raise SetupError(f"Zalando's radar has 4 {what}s: give 4 names, not {len(names)}")
    found = Axis(what, [], exact=True)
    for index, label in enumerate(names):
        entry = found.add(label)
        found.words[str(index)] = entry.id
    return found


def _link(blip_text: str) -> str | None:
    match = _WEB.search(blip_text)
    return (match.group(1) or match.group(2)) if match else None


def export(source: Source, link_base: str | None = None) -> dict[str, str]:
    radar, kinds = source.radar, exported.kinds(source.changes)
    config = radar.config
    if len(config.quadrants) != 4 or len(config.rings) != 4:
        raise SetupError("Zalando's radar has exactly 4 quadrants and 4 rings; this one has "
                         f"{len(config.quadrants)} and {len(config.rings)}")
    quadrants = {q.id: i for i, q in enumerate(config.quadrants)}
    rings = {r.id: i for i, r in enumerate(config.rings)}
    entries: list[dict[str, Any]] = []
    order = sorted(radar.numbers, key=lambda i: (quadrants[radar.blips[i].meta.quadrant],
                                                  radar.blips[i].meta.title.casefold(), i))
    for ident in order:  # as Zalando's file is: by quadrant, then label
        blip = radar.blips[ident]
        entry: dict[str, Any] = {"quadrant": quadrants[blip.meta.quadrant],
                                 "ring": rings[blip.meta.ring], "label": exported.name(blip)}
        link = f"{link_base.rstrip('/')}/radar/{ident}/" if link_base else _link(blip.body.text)
        if link:
            entry["link"] = link
        entry["active"] = blip.meta.featured
        entry["moved"] = MOVED.get(exported.ring_move(kinds.get(ident, set())) or "", 0)
        entries.append(entry)
    document = {"date": source.date.replace("-", ".")[:7], "entries": entries}
    return {"config.json": json.dumps(document, indent=2, ensure_ascii=False) + "\n"}


def _entry(entry: object, here: Where, problems: Problems) -> Item | None:
    if not isinstance(entry, dict):
        problems.add(here, "an entry must be an object")
        return None
    before = len(problems)
    quadrant, ring = entry.get("quadrant"), entry.get("ring")
    for what, value in (("quadrant", quadrant), ("ring", ring)):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 3:
            problems.add(here, f"{what} must be 0, 1, 2 or 3, not {value!r:.40}")
    label = fields.title(entry.get("label"), here, problems, "label")
    link = fields.text(entry.get("link"), here, "link", problems)
    active = entry.get("active", True)
    if not isinstance(active, bool):
        problems.add(here, f"active must be true or false, not {active!r:.40}")
    if len(problems) > before or label is None:
        return None
    body = ""
    if link is not None:
        safe = url(link)
        if safe is None:
            problems.add(here, f"link '{link[:80]}' is not an absolute http(s) URL")
            return None
        body = f"[{escape(label)}]({safe})"
    return Item(here, label, str(ring), str(quadrant), body, (), active is not False)


def read(path: Path, budget: sources.Budget, problems: Problems) -> Release:
    where = Where(str(path))
    text = sources.read_text(path, where, sources.MAX_FILE, budget)
    data, listed = jsonscan.document(text, where, "entries")
    if isinstance(data, dict) and isinstance(data.get("entries"), list):
        stamp = data.get("date")
        when = dates.parse(stamp) if isinstance(stamp, str) else None
        if stamp is not None and when is None:
            problems.add(where, f"date {stamp!r:.40} is not a date (YYYY.MM or YYYY-MM-DD)")
    elif isinstance(data, list):
        when = None
    else:
        raise refuse(where, "a Zalando radar is an object with an 'entries' list")
    release = Release(when, [], str(path), path.name)
    for line, entry in listed:
        item = _entry(entry, Where(where.path, line), problems)
        if item is not None:
            release.items.append(item)
    return release
