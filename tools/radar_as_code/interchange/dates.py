"""The date of a release, from what the source says: never invented.

Accepted, in this order: an explicit ``--date FILE=DATE``; a date the format itself
records (Zalando's ``date``, AOE's release folder); the file's name, as an ISO date
(``2024-04-01``), a month (``2024-04``, ``2024.04``, ``2024_04``) or Thoughtworks' volume
names (``Volume 34 (Apr 2026)``). A month stands for its first day.
"""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)")
_MONTH = re.compile(r"(?<!\d)(\d{4})[-_.](\d{2})(?![-_.]?\d)")
_NAMED = re.compile(r"\b([A-Za-z]{3,9})\.?[ _-]+(\d{4})(?!\d)")
MONTHS = {name: number for number, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
     ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
     ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for name in names}


def _day(year: str, month: str, dd: str = "01") -> str | None:
    try:
        return date(int(year), int(month), int(dd)).isoformat()
    except ValueError:
        return None


def parse(text: str) -> str | None:
    """``YYYY-MM-DD`` or ``YYYY-MM`` (also with ``.`` or ``_``) as a real day, else None."""
    text = text.strip()
    full = re.fullmatch(r"(\d{4})[-_.](\d{2})(?:[-_.](\d{2}))?", text)
    if not full:
        return None
    year, month, dd = full.groups()
    return _day(year, month, dd or "01")


def in_name(name: str) -> str | None:
    """The date a file or folder name gives, or None."""
    iso = _ISO.search(name)
    if iso:
        return _day(*iso.groups())
    month = _MONTH.search(name)
    if month:
        return _day(*month.groups())
    for named in _NAMED.finditer(name):
        number = MONTHS.get(named.group(1).lower())
        if number:
            return _day(named.group(2), f"{number:02d}")
    return None
