"""Rings and quadrants of an imported radar, and how the source's words map to them.

A format with a config (AOE's config.json) or fixed positions (Zalando's indices) gives
them; for BYOR files they are the names the files use, checked against what BYOR draws:
the rings Adopt, Trial, Assess and Hold (Thoughtworks' later Caution is Hold renamed)
unless ``--rings`` names others, and at most four quadrants unless ``--quadrants`` names
them. A word that maps to nothing is a problem at its row; an alias (``--ring-alias
OLD=NEW``) must name a ring that exists, and OLD becomes a former id of NEW.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from radar_as_code.core.layout import slug
from radar_as_code.errors import UsageError
from radar_as_code.interchange.records import Problems, Where

DEFAULT_RINGS = ("Adopt", "Trial", "Assess", "Hold")
RENAMED = {"caution": "hold"}  # Thoughtworks renamed Hold to Caution (Volume 34)
MAX_QUADRANTS = 4


@dataclass
class Entry:
    id: str
    label: str
    description: str = ""
    former_ids: list[str] = field(default_factory=list)
    source_id: str | None = None  # where the source's id is not a valid id here

    def as_config(self) -> dict[str, object]:
        out: dict[str, object] = {"id": self.id, "label": self.label}
        if self.description:
            out["description"] = self.description
        if self.former_ids:
            out["former_ids"] = list(self.former_ids)
        return out


@dataclass
class Axis:
    """Rings or quadrants: the entries, and the source's words that name each."""

    what: str  # "ring" or "quadrant"
    entries: list[Entry]
    words: dict[str, str] = field(default_factory=dict)  # key(word) -> entry id
    open: int = 0  # how many more entries words may add (0: fixed)
    exact: bool = False  # words are ids compared exactly (AOE)

    def key(self, word: str) -> str:
        return word if self.exact else slug(word)

    def add(self, label: str, ident: str | None = None) -> Entry:
        entry = Entry(ident or slug(label), label)
        self.entries.append(entry)
        self.words[self.key(entry.id)] = entry.id
        return entry

    def find(self, word: str, where: Where, problems: Problems) -> str | None:
        key = self.key(word)
        if key in self.words:
            return self.words[key]
        if self.open and key:
            self.open -= 1
            return self.add(word[:1].upper() + word[1:]).id
        known = ", ".join(e.id for e in self.entries) or "none"
        hint = "" if self.exact else f"; give --{self.what}s or --{self.what}-alias"
        problems.add(where, f"unknown {self.what} '{word}' (known: {known}{hint})")
        return None

    def alias(self, old: str, new: str) -> None:
        target = self.words.get(self.key(new))
        if target is None:
            known = ", ".join(e.id for e in self.entries)
            raise UsageError(f"--{self.what}-alias {old}={new}: no {self.what} '{new}' "
                             f"({self.what}s: {known})")
        entry = next(e for e in self.entries if e.id == target)
        former = slug(old)
        if former and former != target and former not in entry.former_ids:
            entry.former_ids.append(former)
        self.words[self.key(old)] = target
        self.entries = [e for e in self.entries if e.id != former or e is entry]


def byor_rings(labels: list[str] | None, used: set[str]) -> Axis:
    """The rings of BYOR files: ``labels`` (--rings) or BYOR's four, Hold written Caution
    when the files say Caution."""
    if labels:
        axis = Axis("ring", [])
        for label in labels:
            axis.add(label)
        return axis
    axis = Axis("ring", [])
    for label in DEFAULT_RINGS:
        axis.add(label)
    for new, old in RENAMED.items():
        if new in used:
            entry = next(e for e in axis.entries if e.id == old)
            entry.id, entry.label = new, new.capitalize()
            axis.words[new] = new
            if old in used:
                entry.former_ids.append(old)
            axis.words[old] = new
    return axis


def byor_quadrants(labels: list[str] | None) -> Axis:
    if labels:
        axis = Axis("quadrant", [])
        for label in labels:
            axis.add(label)
        return axis
    return Axis("quadrant", [], open=MAX_QUADRANTS)


def aliases(axis: Axis, pairs: list[tuple[str, str]]) -> None:
    for old, new in pairs:
        axis.alias(old, new)
