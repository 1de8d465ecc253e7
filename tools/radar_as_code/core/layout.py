"""Where things are in a radar repository: which paths are blips, records, the config."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

CONFIG_PATH = "radar/radar.yml"
FOLDERS = ("radar", "adr", "docs")  # what the radar reads, and all that the site publishes
_IGNORED = frozenset({"README.md"})
_ADR_NAME = re.compile(r"^adr/[^/]+\.md$")


def is_blip_path(path: str) -> bool:
    return path.startswith("radar/") and path.endswith(".md") and \
        path.rsplit("/", 1)[-1] not in _IGNORED


def is_decision_path(path: str) -> bool:
    return bool(_ADR_NAME.match(path)) and path.rsplit("/", 1)[-1] not in _IGNORED


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
