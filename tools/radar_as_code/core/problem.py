"""A problem found in the radar: a value, collected and reported with the others."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]
LEVELS: tuple[Level, ...] = ("error", "warning")


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, at a 1-based line and column of a repository-relative path.

    Line 0 means "the file as a whole" (for example, a file that cannot be decoded).
    """

    path: str
    line: int
    col: int
    rule: str
    level: Level
    message: str

    def as_dict(self) -> dict[str, str | int]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "rule": self.rule,
            "level": self.level,
            "message": self.message,
        }


def order(problem: Problem) -> tuple[str, int, int, str, str, str]:
    """The sort key of a problem (the same order as comparing them, several times faster)."""
    return (problem.path, problem.line, problem.col, problem.rule, problem.level,
            problem.message)


def has_errors(problems: list[Problem] | tuple[Problem, ...]) -> bool:
    return any(p.level == "error" for p in problems)
