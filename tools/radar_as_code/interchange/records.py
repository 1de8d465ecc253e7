"""Imported radars before they become files: releases of items, and the problems found.

An item is what one release says about one blip. ``None`` means the release does not
say (AOE's release files may give only the fields that changed); readers of formats that
always give every field fill them all. Problems are values, collected while reading so
that a refused import lists every one at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from radar_as_code.core.problem import Problem
from radar_as_code.errors import RadarError

RULE = "import"
MAX_LISTED = 200  # problems shown; the rest are counted


@dataclass(frozen=True)
class Where:
    """A place in a source: a file as the user named it, and a 1-based line (0: the file)."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass
class Item:
    where: Where
    title: str | None
    ring: str | None  # a ring as the source writes it (name or id)
    quadrant: str | None
    body: str | None = None  # Markdown; None: not given by this release
    tags: tuple[str, ...] | None = None
    featured: bool | None = None
    related: tuple[str, ...] = ()  # names of related blips (BYOR's relatedBlips)
    ident: str | None = None  # the source's own id (AOE's file name)
    lines: dict[str, int] = field(default_factory=dict)  # field -> its line, where known

    def at(self, key: str) -> Where:
        return Where(self.where.path, self.lines.get(key, self.where.line))


@dataclass
class Release:
    date: str | None  # YYYY-MM-DD
    items: list[Item] = field(default_factory=list)
    origin: str = ""  # the file or folder, as the user named it
    name: str = ""  # what a blip records as its source (a file name, or release/file)
    notes: list[tuple[Where, str]] = field(default_factory=list)  # what was left out, and why
    item_files: bool = False  # each item is a file of the release (AOE): name/<id>.md

    def source_of(self, item: Item) -> str:
        """What a blip records as the source of this release's ``item``."""
        return f"{self.name}/{item.ident}.md" if self.item_files else self.name


class Problems:
    """Problems found while importing, in the order found."""

    def __init__(self) -> None:
        self.found: list[Problem] = []

    def add(self, where: Where, message: str) -> None:
        self.found.append(Problem(where.path, where.line, 0, RULE, "error", message))

    def __bool__(self) -> bool:
        return bool(self.found)

    def __len__(self) -> int:
        return len(self.found)

    def check(self) -> None:
        if self.found:
            raise ImportRefused(self.found)


class ImportRefused(RadarError):
    """The import cannot be complete: every problem, each at its source file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        problems = sorted(problems, key=lambda p: (p.path, p.line))
        self.problems = problems
        lines = [_line(p) for p in problems[:MAX_LISTED]]
        if len(problems) > MAX_LISTED:
            lines.append(f"... and {len(problems) - MAX_LISTED} more")
        count = len(problems)
        super().__init__(f"import refused, nothing written ({count} problem"
                         f"{'s' if count > 1 else ''}):\n  " + "\n  ".join(lines))


_HIDDEN = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def shown(text: str) -> str:
    """Text from a source fit for one line of a terminal: control, direction and
    surrogate characters written as escapes."""
    return _HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _line(problem: Problem) -> str:
    where = f"{problem.path}:{problem.line}" if problem.line else problem.path
    return shown(f"{where}: {problem.message}")


def refuse(where: Where, message: str) -> ImportRefused:
    problems = Problems()
    problems.add(where, message)
    return ImportRefused(problems.found)
