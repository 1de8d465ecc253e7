"""Releases, oldest first, to the state of every blip at every edition.

Three ways to read a release. A *snapshot* (BYOR files, Zalando releases: each is the
whole radar) lists every blip on the radar: one it no longer lists is retired at that
edition, and comes back when listed again. A *partial* release (``--partial``) lists only
what changed: an absent blip does not change. A *merge* release (AOE) gives, per item,
only the fields it changes: each field it does not give keeps its earlier value, as AOE's
generator merges them. A blip that the release does not change is not rewritten; in AOE,
a release file is a change in itself (AOE lists it in the item's history), so the blip's
``imported.source`` and ``reviewed`` then name that release.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from radar_as_code.core.layout import slug
from radar_as_code.interchange import identity
from radar_as_code.interchange.records import Item, Problems, Release, Where
from radar_as_code.interchange.vocab import Axis

Mode = Literal["snapshot", "partial", "merge"]


@dataclass(frozen=True)
class State:
    """A blip at one edition, as its file will say."""

    title: str  # as shown: the source's name, told apart from another blip's if needed
    name: str  # the source's name
    quadrant: str
    ring: str
    active: bool
    body: str  # the source's description (Markdown), "" if none
    tags: tuple[str, ...]  # as the source writes them
    featured: bool
    related: tuple[str, ...]  # blip ids
    source: str  # the release file it was read from
    source_id: str | None
    reviewed: str  # the date of the edition that last changed it
    where: Where = field(compare=False)
    retired: str | None = None  # the date of the edition that retired it


@dataclass
class Edition:
    date: str
    origin: str
    changed: dict[str, State]  # the blips this edition writes
    counts: dict[str, int]
    decisions: list[str] = field(default_factory=list)


@dataclass
class _Known:
    ident: str
    name: str
    order: int


class Replay:
    def __init__(self, mode: Mode, quadrants: Axis, rings: Axis, problems: Problems,
                 ids: dict[str, str] | None = None) -> None:
        self.mode, self.quadrants, self.rings, self.problems = mode, quadrants, rings, problems
        self.ids = ids or {}  # source id -> blip id (merge mode)
        self.blips: dict[str, State] = {}
        self.order: dict[str, int] = {}  # blip id -> creation order
        self.by_name: dict[str, list[str]] = {}  # name key -> blip ids, oldest first
        self.taken = identity.Ids()
        self.notes: list[tuple[Where, str]] = []
        self.names: dict[str, str] = {}  # blip id -> the name it was made from
        self.unrelated: set[tuple[str, str]] = set()  # (name, related name) noted

    def _labels(self) -> dict[str, str]:
        return {e.id: e.label for e in self.quadrants.entries}

    def release(self, release: Release) -> Edition:
        date = release.date or ""
        before = dict(self.blips)
        decisions: list[str] = []
        new: dict[str, State] = {}
        names: dict[str, str] = {}  # name key -> id, in this release
        for item in release.items:
            state = self._item(item, release, new, names, decisions)
            if state is not None:
                ident, value = state
                new[ident] = value
                names.setdefault(identity.name_key(value.name), ident)
        for ident, value in new.items():
            related = self._related(value, names, release)
            self.blips[ident] = replace(value, related=related)
        touched = set(new)
        if self.mode == "snapshot":
            for ident, value in before.items():
                if ident not in new and value.active:
                    self.blips[ident] = replace(value, active=False, source=release.name,
                                                where=Where(release.origin), retired=date)
                    touched.add(ident)
        touched |= self._retitle()
        changed: dict[str, State] = {}
        for ident in sorted(touched):
            value, old = self.blips[ident], before.get(ident)
            if old is not None and self.mode != "merge" and \
                    old == replace(value, reviewed=old.reviewed, source=old.source):
                self.blips[ident] = old  # listed again, unchanged: its file stays as it is
                continue
            if old is None or old != replace(value, reviewed=old.reviewed):
                value = replace(value, reviewed=date)
                self.blips[ident] = value
                changed[ident] = value
        return Edition(date, release.origin, changed, _counts(before, changed), decisions)

    def _item(self, item: Item, release: Release, new: dict[str, State],
              names: dict[str, str], decisions: list[str]) -> tuple[str, State] | None:
        quadrant = None if item.quadrant is None else \
            self.quadrants.find(item.quadrant, item.at("quadrant"), self.problems)
        ring = None if item.ring is None else self.rings.find(item.ring, item.at("ring"),
                                                              self.problems)
        if (item.quadrant is not None and quadrant is None) or \
                (item.ring is not None and ring is None):
            return None  # reported by find
        if self.mode == "merge":
            return self._merged(item, release, quadrant, ring)
        if quadrant is None or ring is None or item.title is None:
            return None
        ident = self._identify(item, quadrant, new, release, decisions)
        if ident is None:
            return None
        return ident, State(item.title, item.title, quadrant, ring, True, item.body or "",
                            item.tags or (), item.featured is not False, item.related,
                            release.name, None, "", item.where)

    def _identify(self, item: Item, quadrant: str, new: dict[str, State], release: Release,
                  decisions: list[str]) -> str | None:
        assert item.title is not None
        key = identity.name_key(item.title)
        same = [i for i in self.by_name.get(key, []) if i not in new]
        twin = next((i for i in self.by_name.get(key, []) if i in new
                     and new[i].quadrant == quadrant), None)
        if twin is not None:
            self.problems.add(item.where, f"'{item.title}' is listed twice in this quadrant "
                              f"(also at line {new[twin].where.line}): both rows would be "
                              f"the one blip '{twin}'")
            return None
        found = next((i for i in reversed(same) if self.blips[i].quadrant == quadrant), None)
        if found is None and same:
            latest = same[-1]
            old = self.blips[latest]
            others = sum(1 for i in release.items if i.title is not None
                         and identity.name_key(i.title) == key)
            different = (not old.active and old.body.strip() and (item.body or "").strip()
                         and old.body.strip() != (item.body or "").strip())
            if others == 1 and not different:
                found = latest
            elif different:
                decisions.append(f"{item.where}: '{item.title}' returns in another quadrant "
                                 f"with another description: a new blip, not '{latest}'")
        if found is not None:
            return found
        label = self._labels().get(quadrant, quadrant)
        wanted = slug(item.title) or "blip"  # a name in another script: blip, blip-2...
        ident = self.taken.claim(wanted, f"{wanted}-{quadrant}")
        if self.by_name.get(key) or ident != slug(item.title):
            decisions.append(f"{item.where}: '{item.title}' ({label}) is the blip '{ident}'")
        self.by_name.setdefault(key, []).append(ident)
        self.order[ident] = len(self.order)
        self.names[ident] = item.title
        return ident

    def _merged(self, item: Item, release: Release, quadrant: str | None,
                ring: str | None) -> tuple[str, State] | None:
        assert item.ident is not None
        ident = self.ids[item.ident]
        old = self.blips.get(ident)
        if old is None:
            if quadrant is None or ring is None:
                missing = " and ".join(w for w, v in (("segment", quadrant), ("ring", ring))
                                       if v is None)
                self.problems.add(item.where, f"no {missing}: an item's first release must "
                                  "give its segment (or quadrant) and ring")
                return None
            self.order[ident] = len(self.order)
            title = item.title or item.ident
            return ident, State(title, title, quadrant, ring, True, item.body or "",
                                item.tags or (), item.featured is not False, (),
                                release.source_of(item), item.ident, "", item.where)
        title = item.title or old.name
        return ident, replace(
            old, title=title, name=title, quadrant=quadrant or old.quadrant,
            ring=ring or old.ring, body=item.body or old.body,
            tags=old.tags if item.tags is None else item.tags,
            featured=old.featured if item.featured is None else item.featured,
            source=release.source_of(item), where=item.where)

    def _related(self, value: State, names: dict[str, str], release: Release) -> tuple[str, ...]:
        out: list[str] = []
        for name in value.related:
            key = identity.name_key(name)
            found = names.get(key) or next(iter(self.by_name.get(key, [])[-1:]), None)
            if found is None and (value.name, name) not in self.unrelated:
                self.unrelated.add((value.name, name))
                self.notes.append((value.where, f"related blip '{name}' is not (yet) on the "
                                   "radar: left out"))
            elif found is not None and found not in out:
                out.append(found)
        return tuple(out)

    def _retitle(self) -> set[str]:
        """Titles told apart where two blips share one; the ids whose title changed."""
        labels = self._labels()
        changed = set()
        ordered = sorted(self.blips, key=lambda i: self.order[i])
        titles = identity.titles([(i, self.blips[i].name,
                                   labels.get(self.blips[i].quadrant, "")) for i in ordered])
        for ident, title in titles.items():
            if self.blips[ident].title != title:
                self.blips[ident] = replace(self.blips[ident], title=title)
                changed.add(ident)
        return changed


def _counts(before: dict[str, State], changed: dict[str, State]) -> dict[str, int]:
    counts = dict.fromkeys(("new", "moved", "quadrant", "retired", "back", "retitled",
                            "revised"), 0)
    for ident, new in changed.items():
        old = before.get(ident)
        if old is None:
            counts["new"] += 1
            continue
        if old.active and not new.active:
            counts["retired"] += 1
        elif new.active and not old.active:
            counts["back"] += 1
        both = old.active and new.active  # a blip coming back elsewhere is "back"
        counts["moved"] += both and old.ring != new.ring
        counts["quadrant"] += both and old.quadrant != new.quadrant
        counts["retitled"] += old.title != new.title
        counts["revised"] += old.ring == new.ring and old.body != new.body
    return counts
