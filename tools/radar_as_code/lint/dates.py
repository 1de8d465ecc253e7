"""Dates are not in the future, and a retirement date belongs to a retired blip.

A blip's ``reviewed`` and ``retired`` dates and a decision record's ``date`` record
something that happened: none may be later than today. One day of slack allows for time
zones (a review written on the morning of the 5th in Auckland is checked by CI while it
is still the 4th in UTC). ``retired`` (set by `radar retire`) is the day the blip left the
radar: a blip with that date has the status ``retired``.

Fails (on 2026-12-04):

```yaml
reviewed: 2027-12-03   # in the future: the date of the review, not of the next one
status: active
retired: 2026-11-30    # retired is set but the blip is active
```
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from radar_as_code.core.model import Blip, Decision
from radar_as_code.core.problem import Level, Problem
from radar_as_code.lint.context import Context

ID = "dates"
LEVEL: Level = "error"
SLACK = timedelta(days=1)  # time zones: the date is already tomorrow somewhere


def _future(doc: Blip | Decision, key: str, value: date | None, today: date
            ) -> Iterator[Problem]:
    if value is not None and value > today + SLACK:
        yield Problem(doc.path, *doc.source.position((key,)), ID, LEVEL,
                      f"{key}: {value.isoformat()} is in the future: write the day it "
                      "happened")


def check(ctx: Context) -> Iterator[Problem]:
    today = ctx.today
    for blip in ctx.radar.blips.values():
        meta = blip.meta
        yield from _future(blip, "reviewed", meta.reviewed, today)
        yield from _future(blip, "retired", meta.retired, today)
        if meta.retired is not None and meta.status != "retired":
            yield Problem(blip.path, *blip.source.position(("retired",)), ID, LEVEL,
                          f"retired is set but the status is '{meta.status}': remove "
                          "retired, or set status: retired (`radar retire`)")
    for decision in ctx.radar.decisions.values():
        yield from _future(decision, "date", decision.meta.date, today)
