"""Reading import sources safely: regular files only, in bounded memory, UTF-8 always.

A source is opened without blocking and refused unless it is a regular file (a FIFO
would hang the import, ``/dev/zero`` would fill memory, a folder is not a file). Sizes are
checked before and while reading: a file larger than its cap is refused without being
read whole. Text is decoded as UTF-8 (a BOM is accepted) whatever the locale, line by line
for CSV so that a bad byte is reported at its line.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from radar_as_code.interchange.records import Problems, Where, refuse

MAX_FILE = 16 * 1024 * 1024  # one source file (CSV, JSON)
MAX_MARKDOWN = 512 * 1024  # one AOE release file, as for the radar's own files
MAX_IMAGE = 8 * 1024 * 1024  # one image an AOE item shows
MAX_TOTAL = 64 * 1024 * 1024  # all sources of one import together
MAX_LINE = 1024 * 1024  # one line of a CSV file
MAX_ROWS = 20_000  # rows (entries) of one source file
MAX_FILES = 20_000  # files of one AOE release folder
MAX_RELEASES = 1_000

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


class Budget:
    """Bytes read by one import, all sources together."""

    def __init__(self, limit: int = MAX_TOTAL) -> None:
        self.limit = limit
        self.used = 0

    def take(self, where: Where, size: int) -> None:
        self.used += size
        if self.used > self.limit:
            raise refuse(where, f"the sources are larger than {self.limit // 2**20} MiB in "
                         "all: import them in parts")


def open_regular(path: Path, where: Where, *, follow: bool = True) -> tuple[int, int]:
    """An open descriptor of a regular file and its size; refused otherwise."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if not follow and Path(path).is_symlink():
            raise refuse(where, "is a symbolic link: links are not followed") from None
        raise refuse(where, f"cannot be read ({exc.strerror})") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
        raise refuse(where, f"is {kind}, not a regular file: give a file")
    os.set_blocking(fd, True)
    return fd, info.st_size


def read_bytes(path: Path, where: Where, limit: int, budget: Budget, *,
               follow: bool = True) -> bytes:
    fd, size = open_regular(path, where, follow=follow)
    with os.fdopen(fd, "rb") as handle:
        if size > limit:
            raise refuse(where, f"is larger than {_size(limit)}")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise refuse(where, f"is larger than {_size(limit)}")
    budget.take(where, len(data))
    return data


def decode(data: bytes, where: Where) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise refuse(Where(where.path, line), f"is not UTF-8 (byte 0x{data[exc.start]:02x}"
                     ")") from None
    return text.removeprefix("\ufeff")


def read_text(path: Path, where: Where, limit: int, budget: Budget, *,
              follow: bool = True) -> str:
    return decode(read_bytes(path, where, limit, budget, follow=follow), where)


def lines(path: Path, where: Where, budget: Budget, problems: Problems) -> Iterator[str]:
    """The lines of a text file, each decoded as it is read (line endings kept, as the
    csv module wants them). A line that is not UTF-8 is a problem at that line (and is
    read with replacement characters, so that the rest of the file is still checked)."""
    fd, size = open_regular(path, where)
    with os.fdopen(fd, "rb") as handle:
        if size > MAX_FILE:
            raise refuse(where, f"is larger than {_size(MAX_FILE)}")
        number = read = 0
        while True:
            raw = handle.readline(MAX_LINE + 1)
            if not raw:
                return
            number += 1
            read += len(raw)
            budget.take(where, len(raw))
            if read > MAX_FILE:  # the file grows while it is read
                raise refuse(where, f"is larger than {_size(MAX_FILE)}")
            if len(raw) > MAX_LINE:
                raise refuse(Where(where.path, number), f"line is longer than {_size(MAX_LINE)}")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                problems.add(Where(where.path, number),
                             f"not UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})")
                text = raw.decode("utf-8", "replace")
            yield text.removeprefix("\ufeff") if number == 1 else text


def _size(limit: int) -> str:
    return f"{limit // 2**20} MiB" if limit >= 2**20 else f"{limit // 1024} KiB"
