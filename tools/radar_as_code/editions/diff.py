"""Two snapshots to movements: what changed for each blip. Pure: no git, no I/O.

Movements are never stored in files; they exist only as the result of a comparison.
Blips are matched by id, honouring ``former_ids``, so a rename is a rename, not a removal
plus an addition. A blip that both moved and was renamed gets one change per fact.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

from radar_as_code.core.model import Blip, Entry, Radar

Kind = Literal["new", "back", "removed", "retired", "renamed", "quadrant-changed",
               "moved-in", "moved-out", "revised"]
KINDS: tuple[Kind, ...] = ("new", "back", "moved-in", "moved-out", "quadrant-changed",
                           "renamed", "retired", "removed", "revised")


@dataclass(frozen=True)
class Change:
    id: str
    title: str
    kind: Kind
    from_ring: str | None = None
    to_ring: str | None = None
    from_quadrant: str | None = None
    to_quadrant: str | None = None
    former_id: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {"id": self.id, "title": self.title, "kind": self.kind,
                "from_ring": self.from_ring, "to_ring": self.to_ring,
                "from_quadrant": self.from_quadrant, "to_quadrant": self.to_quadrant,
                "former_id": self.former_id}


def _same(entries: tuple[Entry, ...], old: str, new: str) -> bool:
    """Is the old id the same quadrant or ring as the new one (maybe renamed)?"""
    return old == new or any(e.id == new and old in e.former_ids for e in entries)


def _index(entries: tuple[Entry, ...], fallback: tuple[Entry, ...], ident: str) -> int:
    for position, entry in enumerate(entries):
        if entry.id == ident or ident in entry.former_ids:
            return position
    return next((i for i, e in enumerate(fallback) if e.id == ident), len(entries))


def _pair(base: Radar, head: Radar, blip: Blip) -> tuple[Blip | None, str | None]:
    if blip.id in base.blips:
        return base.blips[blip.id], None
    for former in blip.meta.former_ids:
        if former in base.blips and former not in head.blip_paths:
            return base.blips[former], former
    return None, None


def _facts(base: Radar, head: Radar, old: Blip, new: Blip, former: str | None) -> list[Change]:
    meta, was = new.meta, old.meta
    rings, quadrants = head.config.rings, head.config.quadrants

    def change(kind: Kind, **extra: str | None) -> Change:
        return Change(new.id, meta.title, kind, **extra)

    out = []
    if former:
        out.append(change("renamed", former_id=former))
    if was.status == "active" and meta.status == "retired":
        out.append(change("retired", from_ring=was.ring, to_ring=meta.ring))
    elif was.status == "retired" and meta.status == "active":
        out.append(change("back", from_ring=was.ring, to_ring=meta.ring))
    if not _same(quadrants, was.quadrant, meta.quadrant):
        out.append(change("quadrant-changed", from_quadrant=was.quadrant,
                          to_quadrant=meta.quadrant))
    moved = not _same(rings, was.ring, meta.ring)
    if moved:
        before = _index(rings, base.config.rings, was.ring)
        after = _index(rings, rings, meta.ring)
        out.append(change("moved-in" if after < before else "moved-out",
                          from_ring=was.ring, to_ring=meta.ring))
    elif was.decisions != meta.decisions or not old.body.same_sections(new.body):
        out.append(change("revised", from_ring=was.ring, to_ring=meta.ring))
    return out


def compare(base: Radar, head: Radar, *, seen_before: Collection[str] = ()) -> tuple[
        list[Change], int]:
    """The changes from ``base`` to ``head`` and the number of blips that did not change.

    Only the blips each snapshot holds are compared; ids that are indexed but not held
    (unreadable files) are left out, since they are reported as problems. ``seen_before``
    names ids that existed before ``base``: such a blip appearing again is "back".
    """
    changes: list[Change] = []
    unchanged = 0
    paired: set[str] = set()
    for blip in sorted(head.blips.values(), key=lambda b: b.id):
        old, former = _pair(base, head, blip)
        if old is None:
            names = {blip.id, *blip.meta.former_ids}
            if names & set(base.blip_paths):
                continue  # unreadable at the base: a problem, not a change
            kind: Kind = "back" if names & set(seen_before) else "new"
            changes.append(Change(blip.id, blip.meta.title, kind, to_ring=blip.meta.ring,
                                  to_quadrant=blip.meta.quadrant))
            continue
        paired.add(old.id)
        facts = _facts(base, head, old, blip, former)
        changes.extend(facts)
        unchanged += not facts
    for old in sorted(base.blips.values(), key=lambda b: b.id):
        if old.id in paired or old.id in head.blip_paths:
            continue
        changes.append(Change(old.id, old.meta.title, "removed", from_ring=old.meta.ring,
                              from_quadrant=old.meta.quadrant))
    return changes, unchanged
