"""Backstage's tech-radar data as a radar with its history: one ``TechRadarLoaderResponse``
JSON file (``quadrants``, ``rings``, ``entries``) holds every entry's ``timeline``, the
ring it had at each dated point.

Every date found in a timeline is an edition; at each, the entries with a point on that
date change, and the others stay as they were (nothing leaves: Backstage has no retired
entry). Points are ordered by their dates; Backstage draws ``timeline[0]``, so a file whose
first point is not its latest is noted. An entry's ``id`` is its stable id (mapped where it
is not valid here, the source id kept); its ``description`` (Markdown) is the blip's text
at every edition, followed by the point's own ``description`` where the point has one, and
by its ``url`` and ``links`` as a list of links. Links in the text to another entry's id
become links to its blip; a link with a scheme other than http(s) or mailto, or to a page
no entry names, is kept as text, and an unsafe ``url`` or ``links`` entry left out (each
noted). ``moved`` is derived, never read; ring colours are not imported (the site draws
its own).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from radar_as_code.core import htmlpolicy
from radar_as_code.interchange import dates, fields, identity, jsonscan, sources
from radar_as_code.interchange.aoe import Folder, axis_of
from radar_as_code.interchange.aoe_links import Linker
from radar_as_code.interchange.markup import escape, url
from radar_as_code.interchange.records import Item, Problems, Release, Where, refuse
from radar_as_code.interchange.vocab import Axis

ENTRY_KEYS = frozenset({"key", "id", "quadrant", "title", "url", "timeline", "description",
                        "links"})
POINT_KEYS = frozenset({"date", "ringId", "description", "moved"})


def point_date(value: object) -> str | None:
    """A timeline date as Backstage reads one (``2020-08-06``, ``2020-08-06T00:00:00.000Z``,
    with an offset): the day in UTC, or None."""
    if not isinstance(value, str):
        return None
    day = dates.parse(value)
    if day is not None and len(value.strip()) == 10:
        return day
    try:
        moment = datetime.fromisoformat(value.strip())
        if moment.tzinfo is not None:
            moment = moment.astimezone(UTC)
    except (ValueError, OverflowError):  # not a date; in UTC, before year 1 or after 9999
        return None
    return moment.date().isoformat()


def _pairs(value: object, where: Where, what: str, problems: Problems) -> list[
        tuple[str, str, str]]:
    """(id, name, description) of the quadrants or rings."""
    if not isinstance(value, list) or not value:
        problems.add(where, f"{what} must be a non-empty list of {{id, name}} objects")
        return []
    out: list[tuple[str, str, str]] = []
    for entry in value:
        ident = entry.get("id") if isinstance(entry, dict) else None
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(ident, str) or not ident.strip() or not isinstance(name, str):
            problems.add(where, f"every entry of {what} needs an id and a name (text)")
            continue
        if name.isupper():  # Backstage's rings are written ADOPT, TRIAL...
            name = name.capitalize()
        text = entry.get("description")
        out.append((ident, name.strip() or ident, text if isinstance(text, str) else ""))
    return out


def _links(entry: dict[str, Any], title: str, where: Where, problems: Problems,
           notes: list[tuple[Where, str]]) -> list[str]:
    found: list[tuple[str, object]] = []
    if entry.get("url") not in (None, "", "#"):
        found.append((title, entry.get("url")))
    links = entry.get("links")
    if links is not None and not isinstance(links, list):
        problems.add(where, "links must be a list of {url, title} objects")
    for link in links if isinstance(links, list) else []:
        if not isinstance(link, dict):
            problems.add(where, "links must be a list of {url, title} objects")
            continue
        text = link.get("title") if isinstance(link.get("title"), str) else None
        found.append((text or str(link.get("url")), link.get("url")))
    out = []
    for text, target in found:
        safe = url(target) if isinstance(target, str) else None
        if safe is None:
            notes.append((where, f"link {str(target)[:80]!r} is not an absolute http(s) URL: "
                          "left out"))
            continue
        out.append(f"- [{escape(' '.join(text.split()))}]({safe})")
    return out


class _Entry:
    """One entry, checked: its points (date, ring, description) oldest first."""

    def __init__(self, entry: dict[str, Any], where: Where, problems: Problems,
                 notes: list[tuple[Where, str]]) -> None:
        self.where = where
        self.ident = entry.get("id") if isinstance(entry.get("id"), str) else None
        if not self.ident or not self.ident.strip():
            problems.add(where, "an entry needs an id (text)")
        self.title = fields.title(entry.get("title"), where, problems, "title")
        quadrant = entry.get("quadrant")
        self.quadrant = quadrant if isinstance(quadrant, str) else None
        if self.quadrant is None:
            problems.add(where, "an entry needs a quadrant (a quadrant's id)")
        text = fields.text(entry.get("description"), where, "description", problems) or ""
        self.description = text.strip()
        self.links = _links(entry, self.title or "", where, problems, notes)
        self.points: list[tuple[str, str, str]] = []
        self.first_shown: str | None = None  # the ring Backstage draws (timeline[0])
        self._timeline(entry.get("timeline"), problems)

    def _timeline(self, timeline: object, problems: Problems) -> None:
        if not isinstance(timeline, list) or not timeline:
            problems.add(self.where, "timeline must be a non-empty list of {date, ringId}")
            return
        by_date: dict[str, tuple[str, str]] = {}
        for index, point in enumerate(timeline):
            if not isinstance(point, dict):
                problems.add(self.where, f"timeline[{index}] must be an object")
                continue
            day, ring = point_date(point.get("date")), point.get("ringId")
            if day is None:
                problems.add(self.where, f"timeline[{index}]: date {point.get('date')!r:.40} "
                             "is not a date (YYYY-MM-DD or an ISO date and time)")
            if not isinstance(ring, str) or not ring:
                problems.add(self.where, f"timeline[{index}] needs a ringId (a ring's id)")
            note = fields.text(point.get("description"), self.where,
                               f"timeline[{index}].description", problems) or ""
            if day is None or not isinstance(ring, str) or not ring:
                continue
            if index == 0:
                self.first_shown = ring
            if day in by_date and by_date[day][0] != ring:
                problems.add(self.where, f"timeline: two points dated {day} with different "
                             f"rings ({by_date[day][0]}, {ring}): one ring per date")
            by_date[day] = (ring, note.strip())
        self.points = [(day, ring, note) for day, (ring, note) in sorted(by_date.items())]


def read(path: Path, budget: sources.Budget, problems: Problems) -> Folder:
    where = Where(str(path))
    text = sources.read_text(path, where, sources.MAX_FILE, budget)
    data, listed = jsonscan.document(text, where, "entries")
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise refuse(where, "Backstage's tech-radar data is an object with quadrants, rings "
                     "and an entries list")
    quadrants = axis_of("quadrant", _pairs(data.get("quadrants"), where, "quadrants", problems))
    rings = axis_of("ring", _pairs(data.get("rings"), where, "rings", problems))
    notes: list[tuple[Where, str]] = []
    if isinstance(data.get("rings"), list) and any(isinstance(r, dict) and "color" in r
                                                   for r in data["rings"]):
        notes.append((where, "ring colours are not imported: the site draws its own"))
    found: list[_Entry] = []
    seen: dict[str, int] = {}
    for line, raw in listed:
        here = Where(where.path, line)
        if not isinstance(raw, dict):
            problems.add(here, "an entry must be an object")
            continue
        for key in sorted(set(raw) - ENTRY_KEYS, key=str):
            notes.append((here, f"field '{key}' is not one of Backstage's: not imported"))
        entry = _Entry(raw, here, problems, notes)
        if entry.quadrant is not None and not _known(quadrants, entry.quadrant, here, problems):
            entry.quadrant = None
        unknown = [ring for _, ring, _ in entry.points if not _known(rings, ring, here, problems)]
        if unknown:  # each reported
            entry.points = []
        if entry.ident is not None and entry.ident in seen:
            problems.add(here, f"id '{entry.ident}' is also the id of the entry at line "
                         f"{seen[entry.ident]}: ids are unique")
            continue
        if entry.ident is not None:
            seen[entry.ident] = line
        if entry.points and entry.first_shown not in (None, entry.points[-1][1]):
            notes.append((here, f"timeline[0] (the ring Backstage draws, "
                          f"{entry.first_shown}) is not the latest point "
                          f"({entry.points[-1][0]}, {entry.points[-1][1]}): imported by date"))
        found.append(entry)
    ids = identity.source_ids(sorted(e.ident for e in found if e.ident))
    linker = Linker(ids, None, None, budget, problems, site_hint="")  # others: as text
    releases = _releases(found, where, notes, linker)
    notes.extend(dict.fromkeys(linker.notes))  # a link of every edition noted once
    return Folder(releases, quadrants, rings, None, ids, {}, notes, where)


def _known(axis: Axis, word: str, where: Where, problems: Problems) -> bool:
    if word in axis.words:
        return True
    known = ", ".join(axis.words) or "none"
    problems.add(where, f"unknown {axis.what} '{word}' (the file's {axis.what}s: {known})")
    return False


def _releases(found: list[_Entry], where: Where, notes: list[tuple[Where, str]],
              linker: Linker) -> list[Release]:
    by_date: dict[str, list[Item]] = {}
    for entry in found:
        if entry.ident is None or entry.title is None or entry.quadrant is None:
            continue
        for index, (day, ring, note) in enumerate(entry.points):
            text = "\n\n".join(p for p in (entry.description, note, "\n".join(entry.links)) if p)
            text = linker.body(text, entry.where)
            body, changed = htmlpolicy.sanitise_markdown(text)
            if changed and index == len(entry.points) - 1:
                notes.append((entry.where, f"{changed} HTML tag(s) outside the site's "
                              "allow-list removed or cut to it"))
            first = index == 0
            by_date.setdefault(day, []).append(Item(
                entry.where, entry.title if first else None, ring,
                entry.quadrant if first else None, body or None, None, None, (), entry.ident,
                {}))
    return [Release(day, items, where.path, Path(where.path).name)
            for day, items in sorted(by_date.items())]
