"""Imported radars before they become files: releases of items."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

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


MAX_JSON = 20 * 1024 * 1024


def load_json(text: str, origin: str) -> Any:
    """JSON from a file to import: a clear error for anything that is not plain JSON."""
    if len(text) > MAX_JSON:
        raise ImportError_(f"{origin}: larger than {MAX_JSON // 1024 // 1024} MiB")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportError_(f"{origin}, line {exc.lineno}: not JSON ({exc.msg})") from None
    except (ValueError, RecursionError) as exc:  # huge numbers, deep nesting
        raise ImportError_(f"{origin}: cannot be read as JSON ({type(exc).__name__})") from None


DATE = re.compile(r"(\d{4})[-_.](\d{2})(?:[-_.](\d{2}))?")


def date_in(name: str) -> str | None:
    match = DATE.search(name)
    if not match:
        return None
    year, month, dd = match.groups()
    return f"{year}-{month}-{dd or '01'}"
