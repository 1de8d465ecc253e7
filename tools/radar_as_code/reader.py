"""Where radar files come from: the working tree here; a git revision in ``git.py``.

A reader lists the files of the radar's folders and reads them. Both kinds give the
loader the same thing, so every command sees a revision exactly as it sees the tree.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from radar_as_code.problem import Problem
from radar_as_code.textfile import MAX_BYTES

FOLDERS = ("radar", "adr", "docs")


@dataclass(frozen=True)
class Listing:
    files: frozenset[str]  # repo-relative POSIX paths of regular files
    problems: tuple[Problem, ...] = ()


class Reader(Protocol):
    label: str

    def listing(self) -> Listing: ...

    def read_many(self, paths: Iterable[str]) -> dict[str, bytes]: ...


@dataclass
class WorktreeReader:
    """Reads files from a directory; never follows a symbolic link."""

    root: Path
    label: str = "working tree"
    _cache: dict[str, bytes] = field(default_factory=dict, repr=False)

    def listing(self) -> Listing:
        files: set[str] = set()
        problems: list[Problem] = []
        for folder in FOLDERS:
            top = self.root / folder
            if top.is_symlink():
                problems.append(_symlink(folder))
                continue
            for dirpath, dirnames, filenames in os.walk(top):
                rel = Path(dirpath).relative_to(self.root).as_posix()
                for name in sorted(dirnames):
                    if (Path(dirpath) / name).is_symlink():
                        problems.append(_symlink(f"{rel}/{name}"))
                dirnames[:] = sorted(d for d in dirnames
                                     if not d.startswith(".") and d != "__pycache__")
                for name in filenames:
                    path = f"{rel}/{name}"
                    if (Path(dirpath) / name).is_symlink():
                        if name.endswith((".md", ".yml", ".yaml")):
                            problems.append(_symlink(path))
                        continue
                    files.add(path)
        return Listing(frozenset(files), tuple(problems))

    def read_many(self, paths: Iterable[str]) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        for path in paths:
            try:
                fd = os.open(self.root / path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            except OSError:
                continue  # gone or unreadable: the loader reports what is missing
            with os.fdopen(fd, "rb") as handle:
                out[path] = handle.read(MAX_BYTES + 1)
        return out


def _symlink(path: str) -> Problem:
    return Problem(path, 1, 1, "file", "error",
                   "is a symbolic link: links are never followed, commit the file itself")
