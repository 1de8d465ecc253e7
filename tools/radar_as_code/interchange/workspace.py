"""The one temporary folder an import builds in, and what removes it.

The folder is made next to the destination (in its nearest existing parent, so that the
finished radar is moved into place by a rename and no folder is created before the import
succeeds). It is removed when the import ends in any way: an error, Ctrl-C (SIGINT),
SIGTERM or SIGHUP (turned into an exit that runs the clean-up). Only SIGKILL cannot be
caught: for it, each import records its folder and process id under the user's state
folder, and every `radar` command first removes the folders whose process is gone.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from radar_as_code.interchange.sweep import PREFIX, registry, remove

_SIGNALS = ("SIGTERM", "SIGHUP")


def _anchor(into: Path) -> Path:
    """The nearest folder above ``into`` that exists."""
    for folder in into.absolute().parents:
        if folder.is_dir():
            return folder
    return Path("/")


class _Ended(SystemExit):
    """A SIGTERM or SIGHUP: the import stops, cleans up, and the process exits."""


def _stop(signum: int, frame: FrameType | None) -> None:
    raise _Ended(128 + signum)


@contextlib.contextmanager
def workspace(into: Path) -> Iterator[Path]:
    """A new empty folder on the same disk as ``into``; removed on any exit."""
    import secrets
    import signal

    folder = Path(os.path.realpath(_anchor(into))) / f"{PREFIX}{secrets.token_hex(6)}"
    entry = registry() / f"{os.getpid()}-{folder.name}"
    previous = {name: signal.getsignal(getattr(signal, name)) for name in _SIGNALS
                if hasattr(signal, name)}
    try:
        for name in previous:
            signal.signal(getattr(signal, name), _stop)
    except ValueError:  # not the main thread: the caller handles signals
        previous = {}
    try:
        with contextlib.suppress(OSError):  # first: a kill at any later moment is swept
            entry.parent.mkdir(parents=True, exist_ok=True)
            entry.write_text(f"{os.getpid()}\n{folder}", encoding="utf-8")
        folder.mkdir(mode=0o700)
        yield folder
    finally:
        if remove(folder):
            with contextlib.suppress(OSError):
                entry.unlink()
        for name, handler in previous.items():
            signal.signal(getattr(signal, name), handler)


def finish(folder: Path, into: Path) -> None:
    """Move the built radar into place: ``into`` must not exist, or be an empty folder."""
    folder.chmod(0o755)
    into = into.absolute()
    into.parent.mkdir(parents=True, exist_ok=True)
    if into.is_dir() and not into.is_symlink():
        into.rmdir()  # empty, as checked before the import started
    folder.replace(into)
