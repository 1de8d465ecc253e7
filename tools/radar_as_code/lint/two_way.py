"""Links between blips and decision records agree in both directions.

When a decision record names a blip under ``blips``, that blip lists the record under
``decisions``, and the other way round. When a record ``supersedes`` another, the other
names it under ``superseded_by``, and the other way round. A record with
``superseded_by`` has the status ``superseded``, and a ``superseded`` record names its
successor. The problem is reported on the side that has the link.

Fails:

```yaml
# adr/0001-prefer-polars.md
blips: [polars]
# radar/polars.md
decisions: []      # polars does not list 0001-prefer-polars
```
"""

from __future__ import annotations

from collections.abc import Iterator

from radar_as_code.core.problem import Level, Problem
from radar_as_code.lint.context import Context

ID = "two-way"
LEVEL: Level = "error"


def check(ctx: Context) -> Iterator[Problem]:
    radar = ctx.radar
    for blip in radar.blips.values():
        for index, ref in enumerate(blip.meta.decisions):
            decision = radar.decisions.get(ref)
            if decision is not None and blip.id not in decision.meta.blips:
                yield Problem(blip.path, *blip.source.position(("decisions", index)), ID, LEVEL,
                              f"decision record '{ref}' does not list this blip under its "
                              "blips: add it there, or remove it here")
    for decision in radar.decisions.values():
        meta = decision.meta
        for index, ref in enumerate(meta.blips):
            other = radar.blips.get(ref)
            if other is not None and decision.id not in other.meta.decisions:
                yield Problem(decision.path, *decision.source.position(("blips", index)), ID,
                              LEVEL, f"blip '{ref}' does not list this record under its "
                              "decisions: add it there, or remove it here")
        for key, back in (("supersedes", "superseded_by"), ("superseded_by", "supersedes")):
            for index, ref in enumerate(getattr(meta, key)):
                successor = radar.decisions.get(ref)
                if successor is not None and decision.id not in getattr(successor.meta, back):
                    yield Problem(decision.path, *decision.source.position((key, index)), ID,
                                  LEVEL, f"{key}: '{ref}' does not name this record under "
                                  f"{back}")
        if meta.status == "superseded" and not meta.superseded_by:
            yield Problem(decision.path, *decision.source.position(("status",)), ID, LEVEL,
                          "status is 'superseded' but superseded_by names no record")
        if meta.superseded_by and meta.status != "superseded":
            yield Problem(decision.path, *decision.source.position(("status",)), ID, LEVEL,
                          f"superseded_by is set, so the status should be 'superseded', "
                          f"not '{meta.status}'")
