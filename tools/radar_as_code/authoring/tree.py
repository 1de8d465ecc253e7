"""The working tree as an authoring command reads it: before its writes and, in memory,
after them. A file is parsed once per command: its parse is kept under its path and its
``stat`` identity (inode, size, modification time), so checking the radar as it would be
after the writes parses only the files the command changes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from radar_as_code.core.layout import FOLDERS, os_path
from radar_as_code.core.load import ParseCache
from radar_as_code.core.reader import Listing, WorktreeReader

PARSED: ParseCache = {}  # for the life of one command (one process)


@dataclass
class StatReader(WorktreeReader):
    """The working tree, with each file named by its ``stat`` identity."""

    def object_id(self, path: str) -> str | None:
        try:
            st = os_path(self.root, path).lstat()
        except OSError:
            return None
        return f"stat:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"


@dataclass
class PlannedReader(StatReader):
    """The working tree with planned writes (path -> content; None: removed) laid over it."""

    planned: dict[str, bytes | None] = field(default_factory=dict)
    label: str = "working tree after the change"

    def listing(self) -> Listing:
        listing = super().listing()
        files = {p for p in listing.files if self.planned.get(p, b"") is not None}
        files |= {p for p, data in self.planned.items()
                  if data is not None and p.split("/", 1)[0] in FOLDERS}
        return Listing(frozenset(files), listing.problems)

    def object_id(self, path: str) -> str | None:
        return None if path in self.planned else super().object_id(path)

    def read_many(self, paths: Iterable[str]) -> dict[str, bytes]:
        wanted = list(paths)
        out = super().read_many(p for p in wanted if p not in self.planned)
        out.update({p: data for p in wanted if (data := self.planned.get(p)) is not None})
        return out
