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
from dataclasses import dataclass, field
from pathlib import Path

from radar_as_code.authoring.operations import AuthoringError, Write
from radar_as_code.core.layout import FOLDERS
from radar_as_code.core.load import load
from radar_as_code.core.problem import Problem
from radar_as_code.core.reader import Listing, WorktreeReader
from radar_as_code.lint import checking, unfinished
from radar_as_code.lint.report import text


@dataclass
class PlannedReader:
    """The working tree with the planned writes applied, in memory."""

    root: Path
    writes: list[Write]
    label: str = "working tree after the change"
    _disk: WorktreeReader = field(init=False)

    def __post_init__(self) -> None:
        self._disk = WorktreeReader(self.root)

    def listing(self) -> Listing:
        listing = self._disk.listing()
        files = set(listing.files) - {w.remove for w in self.writes if w.remove}
        files |= {w.path for w in self.writes if w.path.split("/", 1)[0] in FOLDERS}
        return Listing(frozenset(files), listing.problems)

    def object_id(self, path: str) -> str | None:
        return None

    def read_many(self, paths: Iterable[str]) -> dict[str, bytes]:
        planned = {w.path: w.content for w in self.writes}
        wanted = list(paths)
        out = self._disk.read_many(p for p in wanted if p not in planned)
        out.update({p: planned[p] for p in wanted if p in planned})
        return out


def _errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.level == "error" and p.rule != unfinished.ID]


def check(root: Path, writes: list[Write]) -> None:
    """Raise if the writes would add an error to the radar; say which."""
    if not writes:
        return
    after = _errors(checking.problems(load(PlannedReader(root, writes))))
    if not after:
        return
    moved = {w.remove: w.path for w in writes if w.remove}
    before = Counter((moved.get(p.path, p.path), p.rule, p.message)
                     for p in _errors(checking.problems(load(WorktreeReader(root)))))
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
