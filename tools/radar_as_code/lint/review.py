"""A change follows the review policy (only with `radar check --base REV`).

Relative to the base revision (on a pull request, the base branch): a blip whose ring
changes must also bump its ``reviewed`` date (a blip already reviewed today, such as one
created today, needs no new date; `radar review ID` records a review without a move); a
move into one of the
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
from radar_as_code.lint.dates import SLACK

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
            reviewed = blip.meta.reviewed
            if old is not None and reviewed <= old.meta.reviewed and \
                    reviewed < ctx.today - SLACK:
                yield Problem(blip.path, *blip.source.position(("reviewed",)), ID, LEVEL,
                              f"the ring changed from {change.from_ring} to {change.to_ring} "
                              f"since {base.ref}: set reviewed to the date of this review "
                              f"(it is still {reviewed.isoformat()}): `radar review {blip.id}`")
        if change.kind in ("moved-in", "moved-out", "new", "back") and \
                blip.meta.ring in decision_rings and blip.meta.status == "active":
            accepted = [d for d in blip.meta.decisions
                        if d in radar.decisions and radar.decisions[d].meta.status == "accepted"]
            if not accepted:
                yield Problem(blip.path, *blip.source.position(("decisions",)), ID, LEVEL,
                              f"a blip entering '{blip.meta.ring}' must cite an accepted "
                              f"decision record under decisions: {_remedy(ctx, blip.id)}")
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


def _remedy(ctx: Context, ident: str) -> str:
    """What to do: the status of each record the blip cites and the command that helps."""
    blip = ctx.radar.blips[ident]
    decisions = ctx.radar.decisions
    cited = [decisions[d] for d in blip.meta.decisions if d in decisions]
    if not cited:
        return (f"write one (`radar adr new TITLE --blip {ident}`), then accept it "
                "(`radar adr accept NNNN`)")
    notes = []
    for record in cited:
        status = record.meta.status
        if status == "proposed":
            notes.append(f"{record.id} is proposed: accept it with "
                         f"`radar adr accept {record.id}`")
        elif status == "superseded" and record.meta.superseded_by:
            notes.append(f"{record.id} is superseded: cite {record.meta.superseded_by[0]} "
                         "instead")
        else:
            notes.append(f"{record.id} is {status}: write a new record (`radar adr new TITLE "
                         f"--blip {ident}`)")
    return "; ".join(notes)
