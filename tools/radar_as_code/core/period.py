"""Periods written in the config, such as ``review_after: 12 months``."""

from __future__ import annotations

import re
from datetime import date, timedelta

PATTERN = r"^[1-9][0-9]{0,3} (?:day|week|month|year)s?$"
_PARTS = re.compile(r"^([0-9]+) (day|week|month|year)s?$")
DEFAULT_REVIEW_AFTER = "12 months"


def before(day: date, period: str) -> date:
    """The date ``period`` before ``day`` (a month back from 31 March is 28 or 29
    February)."""
    match = _PARTS.match(period)
    if match is None:
        raise ValueError(f"'{period}' is not a period such as '12 months'")
    count, unit = int(match.group(1)), match.group(2)
    if unit in ("day", "week"):
        return day - timedelta(days=count * (7 if unit == "week" else 1))
    months = day.year * 12 + day.month - 1 - count * (12 if unit == "year" else 1)
    year, month = divmod(months, 12)
    month += 1
    if year < date.min.year:
        return date.min
    import calendar  # only here: start-up counts (tools/decisions/0006)

    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
