"""A new decision record does not take a number used on the base branch (with `--base`).

Two pull requests that each run `radar adr new` get the same next number; each passes
its checks, and the second to merge breaks the base branch. `radar check --base REV`
compares the records this change adds with those at ``REV`` (on a pull request, the base
branch as it is now): a new record whose number was taken there meanwhile must move to a
free number, with `radar adr renumber`, which also rewrites every reference to it.

Fails, when the base branch gained ``adr/0002-use-dvc.md`` after this branch started:

```text
adr/0002-prefer-polars.md   (added by this branch)
```
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from radar_as_code.core.problem import Level, Problem
from radar_as_code.lint.context import Context

ID = "adr-numbers"
LEVEL: Level = "error"
NEEDS_GIT = True  # its cases are repositories with history (tests/test_cycle.py)


def numbers(*indexes: Iterable[str]) -> set[int]:
    """The record numbers used in indexes of record ids."""
    return {int(key[:4]) for index in indexes for key in index if key[:4].isdecimal()}


def check(ctx: Context) -> Iterator[Problem]:
    base = ctx.base
    if base is None:
        return
    here, there = ctx.radar.decision_paths, base.radar.decision_paths
    taken: dict[str, str] = {}
    for key, paths in sorted(there.items()):
        if key[:4].isdecimal():
            taken.setdefault(key[:4], paths[0])
    free = max(numbers(here, there), default=0) + 1
    for key, paths in sorted(here.items()):
        number = key[:4]
        if key in there or number not in taken or taken[number] in paths:
            continue
        yield Problem(paths[0], 1, 1, ID, LEVEL,
                      f"number {number} was taken on {base.ref} by {taken[number]} since this "
                      f"branch started: renumber this record with `radar adr renumber {key} "
                      f"{free:04d}`")
        free += 1
