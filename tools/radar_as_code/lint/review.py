"""A change follows the review policy (only with `radar check --base REV`).

Relative to the base revision (on a pull request, the base branch): a blip whose ring
changes must also bump its ``reviewed`` date; a move into one of the
``decision_rings`` of the config (by default the first and the last ring) must cite an
accepted decision record in ``decisions``; and a blip that disappears while a new one
with the same title appears is a rename, which must record the old id under
``former_ids`` so that the blip keeps its history. (Removing a blip that other files
still reference is reported by the ``references`` rule.)

Fails, against a base where ``polars`` was in ``trial``, reviewed 2024-02-01:

```yaml
ring: adopt             # moved in, but...
reviewed: 2024-02-01    # ...the review date was not bumped
decisions: []           # ...and a move into adopt cites no accepted decision record
```
"""

from __future__ import annotations

from collections.abc import Iterator

from radar_as_code.core.problem import Level, Problem
from radar_as_code.lint.context import Context

ID = "review"
LEVEL: Level = "error"
NEEDS_GIT = True  # its cases are repositories with history (tests/test_timeline.py)


def check(ctx: Context) -> Iterator[Problem]:
    base = ctx.base
    if base is None:
        return
    radar = ctx.radar
    decision_rings = ctx.radar.config.rings_needing_decision()
    for change in base.changes:
        blip = radar.blips.get(change.id)
        if blip is None:
            continue
        if change.kind in ("moved-in", "moved-out"):
            old = base.radar.blips.get(change.id) or next(
                (base.radar.blips[f] for f in blip.meta.former_ids if f in base.radar.blips),
                None)
            if old is not None and blip.meta.reviewed <= old.meta.reviewed:
                yield Problem(blip.path, *blip.source.position(("reviewed",)), ID, LEVEL,
                              f"the ring changed from {change.from_ring} to {change.to_ring} "
                              f"since {base.ref}: set reviewed to the date of this review "
                              f"(it is still {blip.meta.reviewed.isoformat()})")
        if change.kind in ("moved-in", "moved-out", "new", "back") and \
                blip.meta.ring in decision_rings and blip.meta.status == "active":
            accepted = [d for d in blip.meta.decisions
                        if d in radar.decisions and radar.decisions[d].meta.status == "accepted"]
            if not accepted:
                yield Problem(blip.path, *blip.source.position(("decisions",)), ID, LEVEL,
                              f"a blip entering '{blip.meta.ring}' must cite an accepted "
                              "decision record under decisions (`radar adr new`)")
    removed = {c.id: c for c in base.changes if c.kind == "removed"}
    by_title = {c.title.casefold(): c for c in removed.values()}
    for change in base.changes:
        if change.kind != "new":
            continue
        blip = radar.blips.get(change.id)
        twin = by_title.get(change.title.casefold())
        if blip is not None and twin is not None:
            yield Problem(blip.path, 1, 1, ID, LEVEL,
                          f"'{twin.id}' was removed and '{blip.id}' added with the same "
                          f"title: if this is a rename, add '{twin.id}' to former_ids so the "
                          "blip keeps its history")
