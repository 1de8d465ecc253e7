"""All-or-nothing writes of several files, and recovery after a crash.

A command that changes several files (``rename`` rewrites a blip and every reference
to it) must leave either the old radar or the new one, even when it is killed. Like a
database's write-ahead log, in five steps, under a lock on the radar's folder
(``writeall.py`` takes them; this module holds the journal, its lock and recovery):

1. the journal ``.radar-journal`` in the radar's folder names every temporary file to
   come, beside its target, and every file to remove (synced to disk);
2. each temporary file is written and synced;
3. a ``commit`` line is appended to the journal and synced: from here on, the change
   is made;
4. each temporary file is renamed over its target, then the removed files are removed;
5. the journal is removed, last.

``recover`` runs before every ``radar`` command and the site build: a journal without
its ``commit`` line is rolled back (its temporary files removed: the old radar), one with
it is rolled forward (steps 4 and 5 done again, each harmless when already done: the new
radar). Either way it says so in one line and no temporary file is left. A journal that
names a path outside the radar's folder, or a temporary file not named as ours are, is
refused: it did not come from this module.

``RADAR_TEST_KILL_AFTER=N`` makes the process kill itself (SIGKILL) at its Nth file
operation here: the crash test uses it to stop a write at every point.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from radar_as_code.core.layout import os_path
from radar_as_code.errors import RadarError

NAME = ".radar-journal"
_HEADER = ["radar-journal", 1]
_TEMP = re.compile(r"^\.[^/]+\.[0-9a-f]{16}\.radar-tmp$")


class JournalError(RadarError):
    """A journal that cannot be applied or recovered."""


@dataclass(frozen=True)
class Plan:
    """What a journal says: temporaries and their targets, removals, created folders."""

    writes: tuple[tuple[str, str], ...]  # (temporary, target), repository-relative
    removes: tuple[str, ...]
    folders: tuple[str, ...]  # created for the change: removed again on a roll back
    committed: bool

    def lines(self) -> list[str]:
        entries: list[list[object]] = [_HEADER]
        entries += [["folder", f] for f in self.folders]
        entries += [["write", temp, target] for temp, target in self.writes]
        entries += [["remove", r] for r in self.removes]
        return [json.dumps(e, ensure_ascii=False) + "\n" for e in entries]


class Steps:
    """Counts file operations; the crash test makes the process die at one of them."""

    def __init__(self) -> None:
        value = os.environ.get("RADAR_TEST_KILL_AFTER", "")
        self.kill_at = int(value) if value.isdigit() else 0
        self.count = 0

    def __call__(self) -> None:
        self.count += 1
        if self.count == self.kill_at:
            import signal

            os.kill(os.getpid(), signal.SIGKILL)


@contextlib.contextmanager
def locked(root: Path) -> Iterator[None]:
    """The radar's folder locked against other writers and recoverers (flock on the
    folder itself: released by the system when the process dies, so never stale)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - no flock on this system: one writer assumed
        yield
        return
    fd = os.open(root, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def sync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def roll_forward(root: Path, plan: Plan, step: Steps | None = None) -> None:
    step = step or Steps()
    touched = {root}
    for temp, target in plan.writes:
        made, goal = os_path(root, temp), os_path(root, target)
        if made.exists() or made.is_symlink():
            step()
            made.replace(goal)
        touched.add(goal.parent)
    for path in plan.removes:
        step()
        gone = os_path(root, path)
        with contextlib.suppress(FileNotFoundError):
            gone.unlink()
        touched.add(gone.parent)
    for folder in sorted(touched):
        step()
        sync_folder(folder)
    step()
    (root / NAME).unlink()
    sync_folder(root)


def roll_back(root: Path, plan: Plan) -> None:
    for temp, _ in plan.writes:
        with contextlib.suppress(FileNotFoundError):
            os_path(root, temp).unlink()
    for folder in reversed(plan.folders):
        with contextlib.suppress(OSError):  # not empty: something else is in it now
            os_path(root, folder).rmdir()
    (root / NAME).unlink()
    sync_folder(root)


# What a change may touch: blips, decision records and the config, in their folders.
_CONTENT = {"file": re.compile(r"^(?:radar|adr)/[^/]+\.md$|^radar/radar\.yml$"),
            "temp": re.compile(r"^(?:radar|adr)/\.[^/]+\.[0-9a-f]{16}\.radar-tmp$"),
            "folder": re.compile(r"^(?:radar|adr)$")}


def safe_path(root: Path, path: object, kind: str = "file") -> str:
    """A path in the radar's folder that a change may touch (a blip, a decision record,
    the config; a temporary file beside one; their folder), reached without following a
    symbolic link: a journal may have been planted (committed in a pull request), and must
    not make any command write or remove another file."""
    text = path if isinstance(path, str) else ""
    pure = PurePosixPath(text)
    if not text or pure.is_absolute() or ".." in pure.parts or pure.parts[:1] == (".git",) \
            or "\\" in text or "\x00" in text or text != pure.as_posix():
        raise JournalError(f"'{text}' is outside the radar's folder: nothing was written "
                           f"(if {NAME} names it, that journal is not one this tool wrote)")
    if not _CONTENT[kind].match(text):
        raise JournalError(f"'{text}' is not a file of the radar (radar/, adr/) that this "
                           f"tool changes: nothing was written (if {NAME} names it, that "
                           "journal is not one this tool wrote; remove it)")
    for depth in range(1, len(pure.parts) + 1):
        if os_path(root, PurePosixPath(*pure.parts[:depth]).as_posix()).is_symlink():
            raise JournalError(f"'{PurePosixPath(*pure.parts[:depth])}' is a symbolic link: "
                               "links are never written through")
    return text


def read(root: Path) -> Plan | None:
    """The journal's plan; None if it has no complete header (nothing was prepared)."""
    if (root / NAME).is_symlink():
        raise JournalError(f"{NAME} is a symbolic link: not a journal this tool wrote")
    data = (root / NAME).read_bytes()
    entries: list[list[object]] = []
    for line in data.split(b"\n")[:-1]:  # a last line without its newline is torn
        try:
            entry = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise JournalError(f"{NAME} is not a journal this tool wrote: remove it after "
                               "checking the radar") from None
        entries.append(entry if isinstance(entry, list) else [])
    if not entries or entries[0] != _HEADER:
        return None
    writes, removes, folders, committed = [], [], [], False
    for entry in entries[1:]:
        kind, *args = entry or [None]
        kinds = {"write": ("temp", "file"), "folder": ("folder",)}.get(str(kind), ("file",))
        paths = [safe_path(root, a, k) for a, k in zip(args, kinds, strict=False)]
        if len(paths) != len(args):
            raise JournalError(f"{NAME} has an entry this tool does not write: {entry!r}")
        if kind == "write" and len(paths) == 2:
            temp, target = paths
            name = PurePosixPath(temp)
            if not _TEMP.match(name.name) or name.parent != PurePosixPath(target).parent:
                raise JournalError(f"{NAME} names '{temp}', not a temporary file of ours")
            writes.append((temp, target))
        elif kind == "remove" and len(paths) == 1:
            removes.append(paths[0])
        elif kind == "folder" and len(paths) == 1:
            folders.append(paths[0])
        elif kind == "commit" and not paths:
            committed = True
        else:
            raise JournalError(f"{NAME} has an entry this tool does not write: {entry!r}")
    return Plan(tuple(writes), tuple(removes), tuple(folders), committed)


def recover_locked(root: Path) -> str | None:
    if not (root / NAME).exists():
        return None
    plan = read(root)
    if plan is None:
        (root / NAME).unlink()
        return "rolled back (nothing had been written)"
    count = len(plan.writes) + len(plan.removes)
    if plan.committed:
        roll_forward(root, plan)
        return f"rolled forward ({count} file{'s' * (count != 1)} changed as planned)"
    roll_back(root, plan)
    return "rolled back (no file had been changed)"


def recover(root: Path) -> str | None:
    """Finish or undo a change a crashed command left; a one-line account, or None when
    there was nothing to do (the common case costs one ``stat``)."""
    if not (root / NAME).exists():
        return None
    root = root.absolute()
    with locked(root):
        outcome = recover_locked(root)
    return f"an interrupted change was {outcome}" if outcome else None
