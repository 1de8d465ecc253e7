"""Problems in bounded memory: the first ones of each file kept, the others counted.

A file of 512 KiB can hold 40,000 unknown keys or 80,000 broken links, and a pull request
can hold a thousand such files. Wherever problems are collected (each file read, each
rule run), only the first ``keep`` of each file and rule, in report order, are kept as
values; the others become counts by file, rule and level, so that the totals stay
right. Reports show the first ``PER_FILE`` of each file and say how many more it has, as
compilers do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from radar_as_code.core.problem import Level, Problem, order

PER_FILE = 50  # problems shown (and kept) per file by default

Key = tuple[str, str, Level]  # path, rule, level
Tally = dict[Key, int]  # problems counted but not kept


def add(tally: Tally, more: Mapping[Key, int]) -> None:
    for key, count in more.items():
        tally[key] = tally.get(key, 0) + count


def keep_first(problems: Iterable[Problem], tally: Tally, keep: int = PER_FILE) -> list[Problem]:
    """The first ``keep`` problems of each file and rule, in report order; the others are
    counted in ``tally``. At most twice ``keep`` of a file and rule are held at once."""
    groups: dict[tuple[str, str], list[Problem]] = {}

    def trim(group: list[Problem]) -> None:
        group.sort(key=order)
        for dropped in group[keep:]:
            key = (dropped.path, dropped.rule, dropped.level)
            tally[key] = tally.get(key, 0) + 1
        del group[keep:]

    for problem in problems:
        group = groups.setdefault((problem.path, problem.rule), [])
        group.append(problem)
        if len(group) >= 2 * keep:
            trim(group)
    out: list[Problem] = []
    for group in groups.values():
        trim(group)
        out.extend(group)
    return out


@dataclass(frozen=True)
class Capped:
    """Problems as shown: the first ``per_file`` of each file, the rest only counted."""

    shown: tuple[Problem, ...]
    omitted: dict[str, int]  # path -> problems of that file not shown
    errors: int  # in all, shown or not
    warnings: int


def cap(problems: Iterable[Problem], per_file: int = PER_FILE,
        counted: Mapping[Key, int] | None = None) -> Capped:
    """The first ``per_file`` problems of each file, of those given in report order; with
    ``counted``, the problems that were only counted while collecting."""
    shown: list[Problem] = []
    seen: dict[str, int] = {}
    levels: dict[Level, int] = {"error": 0, "warning": 0}
    for problem in problems:
        levels[problem.level] += 1
        count = seen[problem.path] = seen.get(problem.path, 0) + 1
        if count <= per_file:
            shown.append(problem)
    omitted = {path: count - per_file for path, count in seen.items() if count > per_file}
    for (path, _, level), count in (counted or {}).items():
        levels[level] += count
        omitted[path] = omitted.get(path, 0) + count
    return Capped(tuple(shown), omitted, levels["error"], levels["warning"])
