"""Where radar files come from: the working tree here; a git revision in ``editions/git.py``.

A reader lists the files of the radar's folders and reads them. Both kinds give the
loader the same thing, so every command sees a revision exactly as it sees the tree.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Protocol

from radar_as_code.core import layout
from radar_as_code.core.problem import Problem
from radar_as_code.core.textfile import MAX_BYTES

FOLDERS = layout.FOLDERS


@dataclass(frozen=True)
class Listing:
    files: frozenset[str]  # repo-relative POSIX paths of regular files
    problems: tuple[Problem, ...] = ()

    @cached_property
    def blip_paths(self) -> dict[str, tuple[str, ...]]:
        return layout.index(p for p in self.files if layout.is_blip_path(p))

    @cached_property
    def decision_paths(self) -> dict[str, tuple[str, ...]]:
        return layout.index(p for p in self.files if layout.is_decision_path(p))

    def changed(self, gone: frozenset[str], new: frozenset[str],
                problems: tuple[Problem, ...]) -> Listing:
        """This listing without the files ``gone`` and with the files ``new``: its indexes
        updated for those paths rather than built again from every file."""
        out = Listing((self.files - gone) | new, problems)
        for name, kind in (("blip_paths", layout.is_blip_path),
                           ("decision_paths", layout.is_decision_path)):
            index: dict[str, tuple[str, ...]] = dict(getattr(self, name))  # built once
            for path in (gone | new):
                if not kind(path):
                    continue
                key = layout.file_id(path)
                paths = set(index.pop(key, ())) - gone | ({path} & new)
                if paths:
                    index[key] = tuple(sorted(paths))
            out.__dict__[name] = index  # the cached_property's value
        return out


class Reader(Protocol):
    label: str

    def listing(self) -> Listing: ...

    def read_many(self, paths: Iterable[str]) -> dict[str, bytes]: ...

    def object_id(self, path: str) -> str | None:
        """A name for the file's content (a git blob id), or None if it has none."""


@dataclass
class WorktreeReader:
    """Reads files from a directory; never follows a symbolic link."""

    root: Path
    label: str = "working tree"
    _cache: dict[str, bytes] = field(default_factory=dict, repr=False)

    def listing(self) -> Listing:
        files: set[str] = set()
        problems: list[Problem] = []
        todo = list(FOLDERS)
        while todo:
            rel = todo.pop()
            try:
                entries = list(os.scandir(layout.os_path(self.root, rel)))
            except (FileNotFoundError, NotADirectoryError):
                continue
            for entry in entries:
                path = f"{rel}/{layout.repo_name(entry.name)}"
                if entry.is_symlink():
                    if entry.is_dir() or entry.name.endswith((".md", ".yml", ".yaml")):
                        problems.append(_symlink(path))
                elif entry.is_dir():
                    if not entry.name.startswith(".") and entry.name != "__pycache__":
                        todo.append(path)
                elif entry.is_file():
                    files.add(path)
        for folder in FOLDERS:
            if (self.root / folder).is_symlink():
                problems.append(_symlink(folder))
        return Listing(frozenset(files), tuple(sorted(problems)))

    def object_id(self, path: str) -> str | None:
        return None  # files on disk can change: never cached

    def read_many(self, paths: Iterable[str]) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        for path in paths:
            try:
                fd = os.open(layout.os_path(self.root, path),
                             os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            except OSError:
                continue  # gone or unreadable: the loader reports what is missing
            with os.fdopen(fd, "rb") as handle:
                out[path] = handle.read(MAX_BYTES + 1)
        return out


def _symlink(path: str) -> Problem:
    return Problem(path, 1, 1, "file", "error",
                   "is a symbolic link: links are never followed, commit the file itself")
