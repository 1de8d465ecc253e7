"""Active blips are reviewed at least every ``review_after`` (off by default).

A blip whose ``reviewed`` date is older than ``review_after`` in ``radar/radar.yml``
(12 months when unset) is due for review. The finding depends on the day the check runs,
so the rule is off unless the config gives it a level (``rules: {stale: warning}``); `radar
agenda` and the site show due reviews either way. After the review, `radar review ID`
records it (or `radar move ID RING` when the ring changes).

Fails (with ``review_after: 12 months``, on 2026-12-04):

```yaml
status: active
reviewed: 2025-06-30   # last reviewed more than 12 months ago
```
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from radar_as_code.core.model import Blip, RadarConfig
from radar_as_code.core.period import DEFAULT_REVIEW_AFTER, before
from radar_as_code.core.problem import Level, Problem
from radar_as_code.lint.context import Context

ID = "stale"
LEVEL: Level = "warning"  # only when the config sets a level
SHOWN_LEVEL = "off (warning when enabled)"


def period(config: RadarConfig) -> str:
    return config.review_after or DEFAULT_REVIEW_AFTER


def due(blips: list[Blip], config: RadarConfig, today: date) -> list[Blip]:
    """Active blips last reviewed before ``review_after`` ago, oldest review first."""
    cutoff = before(today, period(config))
    return sorted((b for b in blips if b.meta.status == "active" and b.meta.reviewed < cutoff),
                  key=lambda b: (b.meta.reviewed, b.id))


def check(ctx: Context) -> Iterator[Problem]:
    config = ctx.radar.config
    if ID not in config.rules:
        return
    for blip in due(list(ctx.radar.blips.values()), config, ctx.today):
        yield Problem(blip.path, *blip.source.position(("reviewed",)), ID, LEVEL,
                      f"last reviewed {blip.meta.reviewed.isoformat()}, more than "
                      f"{period(config)} ago: review it, then `radar review {blip.id}`")
