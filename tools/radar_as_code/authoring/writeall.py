"""Writing several files all or nothing: the five steps of ``journal.py``'s protocol
(journal, temporary files, commit line, renames, journal removed), under its lock."""

from __future__ import annotations

import os
import secrets
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Protocol

from radar_as_code.authoring.journal import (
    NAME,
    JournalError,
    Plan,
    Steps,
    locked,
    recover_locked,
    roll_back,
    roll_forward,
    safe_path,
    sync_folder,
)
from radar_as_code.core.layout import os_path


class Change(Protocol):
    """A file to write (``authoring.operations.Write``)."""

    @property
    def path(self) -> str: ...

    @property
    def content(self) -> bytes: ...

    @property
    def remove(self) -> str | None: ...



def write_file(path: Path, data: bytes, mode: int, step: Steps) -> None:
    step()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                 mode)
    try:
        step()
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        step()
        os.fsync(fd)
    finally:
        os.close(fd)


def plan_of(root: Path, changes: Sequence[Change]) -> Plan:
    writes, removes, folders = [], [], []
    for change in changes:
        target = PurePosixPath(safe_path(root, change.path))
        temp = target.parent / f".{target.name}.{secrets.token_hex(8)}.radar-tmp"
        writes.append((temp.as_posix(), change.path))
        parent = target.parent
        missing = []
        while parent.parts and not os_path(root, parent.as_posix()).is_dir():
            missing.append(parent.as_posix())
            parent = parent.parent
        folders += [f for f in reversed(missing) if f not in folders]
        if change.remove and change.remove != change.path:
            removes.append(safe_path(root, change.remove))
    return Plan(tuple(writes), tuple(removes), tuple(folders), committed=False)


def write_all(root: Path, changes: Sequence[Change]) -> None:
    """Write every change or none, whatever happens to the process meanwhile."""
    if not changes:
        return
    root = root.absolute()
    step = Steps()
    with locked(root):
        if recover_locked(root):  # a command that crashed since this one started
            raise JournalError("another radar command's interrupted change was just "
                               "finished; nothing was written: run the command again")
        plan = plan_of(root, changes)
        journal = root / NAME
        write_file(journal, "".join(plan.lines()).encode("utf-8"), 0o644, step)
        step()
        sync_folder(root)
        try:
            for folder in plan.folders:
                step()
                os_path(root, folder).mkdir()
            for (temp, target), change in zip(plan.writes, changes, strict=True):
                existing = os_path(root, target)
                mode = existing.stat().st_mode & 0o7777 if existing.exists() else 0o644
                write_file(os_path(root, temp), change.content, mode, step)
            step()
            with journal.open("ab") as handle:
                handle.write(b'["commit"]\n')
                handle.flush()
                step()
                os.fsync(handle.fileno())
        except BaseException:
            roll_back(root, plan)
            raise
        roll_forward(root, plan, step)
