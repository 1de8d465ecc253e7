"""Counting work without a clock, for the tests that bound how work grows with input.

``calls(fn)`` counts every Python and built-in function call ``fn`` makes (a profiler
hook, deterministic); a reader or a scanner reports its own steps (``YamlDoc.steps``,
``Body.steps``) for the work done inside C code, which no hook sees. ``MemoryReader`` is
a radar held in a dict, so that the whole check runs on hundreds of files without a
disk.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import FrameType
from typing import Any

from conftest import BASE
from radar_as_code.core.reader import Listing

BASE_FILES = {p.relative_to(BASE).as_posix(): p.read_bytes()
              for p in sorted(BASE.rglob("*")) if p.is_file()}


def calls(fn: Callable[[], Any]) -> int:
    """The number of function calls, Python or built-in, made while ``fn`` runs."""
    count = 0

    def hook(frame: FrameType, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(hook)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count


@dataclass
class MemoryReader:
    files: dict[str, bytes]
    label: str = "memory"

    def listing(self) -> Listing:
        return Listing(frozenset(self.files))

    def read_many(self, paths: Iterable[str]) -> dict[str, bytes]:
        return {p: self.files[p] for p in paths if p in self.files}

    def object_id(self, path: str) -> str | None:
        return None
