"""Where things are in a radar repository: which paths are blips, records, the config."""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

CONFIG_PATH = "radar/radar.yml"
FOLDERS = ("radar", "adr", "docs")  # what the radar reads, and all that the site publishes
_IGNORED_ENDS = ("/README.md",)  # files in the folders that are neither blips nor records
_ADR_NAME = re.compile(r"^adr/[^/]+\.md$")


def is_blip_path(path: str) -> bool:
    # Asked of every file of a listing: string tests only (the name is after a "/").
    return path.startswith("radar/") and path.endswith(".md") and \
        not path.endswith(_IGNORED_ENDS)


def is_decision_path(path: str) -> bool:
    return path.startswith("adr/") and bool(_ADR_NAME.match(path)) and \
        not path.endswith(_IGNORED_ENDS)


def file_id(path: str) -> str:
    """The id of a blip or record: its file name without the extension."""
    return path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def slug(text: str, limit: int = 70) -> str:
    """An id made from a title: ASCII lower-case words joined by hyphens ('' if none)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))[:limit].strip("-")


def index(paths: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Paths by id; an id with several paths is a problem the identity rule reports."""
    out: dict[str, list[str]] = {}
    for path in sorted(paths):
        out.setdefault(file_id(path), []).append(path)
    return {key: tuple(value) for key, value in out.items()}


# Repository paths are text decoded from the file names' bytes as UTF-8 (bytes that are
# not UTF-8 kept as surrogates), as git does, whatever the locale: a radar reads the same
# under LC_ALL=C. The system's own file-name encoding (ASCII under LC_ALL=C without
# Python's UTF-8 mode) is used only at the boundary, by these two.
_UTF8_NAMES = sys.getfilesystemencoding().lower().replace("-", "") == "utf8"


def repo_name(os_name: str) -> str:
    """A file name as the system gave it (``os.scandir``, the command line) in the
    repository's UTF-8 form."""
    if _UTF8_NAMES:
        return os_name
    return os.fsencode(os_name).decode("utf-8", "surrogateescape")


def os_path(root: Path, path: str) -> Path:
    """A repository path under ``root``, as the system's file functions take it."""
    if _UTF8_NAMES:
        return root / path
    return root / os.fsdecode(path.encode("utf-8", "surrogateescape"))
