"""The radar as it would be after an operation's writes, checked before anything is
written: an authoring command leaves the radar check-clean, or writes nothing.

The planned files are laid over the working tree in memory and the whole radar is read
and checked as `radar check` would. Errors that were already there before (the radar
was broken before the command) do not stop it; any new error does, and is shown. The
placeholders of a new file (rule ``unfinished``) are expected: that is the point of a
template.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from radar_as_code.authoring.operations import AuthoringError, Write
from radar_as_code.authoring.tree import PARSED, PlannedReader, StatReader
from radar_as_code.core.load import load
from radar_as_code.core.problem import Problem
from radar_as_code.lint import checking, unfinished
from radar_as_code.lint.report import text


def _errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.level == "error" and p.rule != unfinished.ID]


def check(root: Path, writes: list[Write]) -> None:
    """Raise if the writes would add an error to the radar; say which."""
    if not writes:
        return
    planned: dict[str, bytes | None] = {w.remove: None for w in writes if w.remove}
    planned.update({w.path: w.content for w in writes})
    after = _errors(checking.problems(load(PlannedReader(root, planned=planned),
                                           cache=PARSED)))
    if not after:
        return
    moved = {w.remove: w.path for w in writes if w.remove}
    before = Counter((moved.get(p.path, p.path), p.rule, p.message)
                     for p in _errors(checking.problems(load(StatReader(root), cache=PARSED))))
    new = []
    for problem in after:
        key = (problem.path, problem.rule, problem.message)
        if before[key]:
            before[key] -= 1
        else:
            new.append(problem)
    if new:
        raise AuthoringError(f"this would leave the radar with {len(new)} new "
                             f"error{'s' * (len(new) != 1)}; nothing was written:\n"
                             f"{text(new)}")
