"""Imported radars before they become files: releases of items."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from radar_as_code.errors import RadarError


class ImportError_(RadarError):
    """The source cannot be imported; the message names the file and row."""


@dataclass
class Item:
    title: str
    ring: str  # a ring name or id as the source writes it
    quadrant: str
    description: str = ""
    tags: tuple[str, ...] = ()
    retired: bool = False
    ident: str | None = None  # when the source names its items (AOE file names)
    link: str | None = None
    where: str = ""


@dataclass
class Release:
    date: str | None  # YYYY-MM-DD
    items: list[Item] = field(default_factory=list)
    origin: str = ""


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))[:70].strip("-") or "blip"


DATE = re.compile(r"(\d{4})[-_.](\d{2})(?:[-_.](\d{2}))?")


def date_in(name: str) -> str | None:
    match = DATE.search(name)
    if not match:
        return None
    year, month, dd = match.groups()
    return f"{year}-{month}-{dd or '01'}"
