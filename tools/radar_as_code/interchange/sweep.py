"""Removing what killed imports left: every `radar` command calls ``sweep`` first.

An import records its temporary folder and process id under the user's state folder
before it makes the folder (`workspace.py`); a folder whose process is gone is removed.
Kept small: it is imported by every command.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

PREFIX = ".radar-import-"


def registry() -> Path:
    state = os.environ.get("XDG_STATE_HOME")
    base = Path(state) if state else Path("~").expanduser() / ".local" / "state"
    return base / "radar-as-code" / "imports"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep() -> int:
    """Remove the folders of imports whose process is gone; how many were removed."""
    try:
        entries = list(os.scandir(registry()))
    except OSError:
        return 0
    removed = 0
    for entry in entries:
        try:
            pid_text, _, folder = Path(entry.path).read_text(encoding="utf-8").partition("\n")
            pid = int(pid_text)
        except (OSError, ValueError):
            continue
        if _alive(pid) and pid != os.getpid():
            continue
        target = Path(folder)
        if target.name.startswith(PREFIX) and target.is_dir() and not target.is_symlink():
            if not remove(target):
                continue  # something still writes there: the next command tries again
            removed += 1
        Path(entry.path).unlink(missing_ok=True)
    return removed


def remove(folder: Path) -> bool:
    """Remove a folder; a git started for it may still be finishing (a signal can arrive
    while it is being started, before it can be stopped): try again for two seconds."""
    import shutil

    for _ in range(40):
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            return True
        time.sleep(0.05)
    return False
