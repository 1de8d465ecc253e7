"""What the next edition review must look at: the changes since the last edition, the
blips due for review, the decision records still proposed, and the blips that rest on a
superseded or deprecated record. Computed from the working tree and git; no I/O of its
own beyond reading them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from radar_as_code.core.layout import CONFIG_PATH
from radar_as_code.core.load import load
from radar_as_code.core.model import Blip, Decision, RadarConfig
from radar_as_code.core.reader import WorktreeReader
from radar_as_code.editions.timeline import Comparison, Timeline
from radar_as_code.errors import GitError, SetupError
from radar_as_code.lint import stale


@dataclass(frozen=True)
class Agenda:
    config: RadarConfig
    today: date
    edition: str | None  # the last edition; None before the first (or outside git)
    note: str | None  # why there is no edition to compare with
    since: Comparison | None  # None outside git
    review_after: str
    due: tuple[Blip, ...]  # active, not reviewed for longer than review_after
    proposed: tuple[Decision, ...]
    citing: tuple[tuple[Blip, Decision], ...]  # active blips citing a record no longer held


def agenda(root: Path, today: date) -> Agenda:
    loaded = load(WorktreeReader(root))
    radar = loaded.radar
    if radar is None:
        raise SetupError(f"{CONFIG_PATH} is invalid: run `radar check`")
    timeline = Timeline(root)
    note: str | None = None
    since: Comparison | None = None
    latest = None
    try:
        latest = timeline.latest_edition()
        if latest is None:
            note = timeline.no_edition_hint()
        since = timeline.compare(latest.name if latest else None, None).light()
    except GitError as exc:
        note = str(exc)
    blips = sorted(radar.blips.values(), key=lambda b: b.id)
    citing = tuple((blip, radar.decisions[ref]) for blip in blips
                   if blip.meta.status == "active" for ref in blip.meta.decisions
                   if ref in radar.decisions and radar.decisions[ref].meta.status in (
                       "superseded", "deprecated"))
    return Agenda(
        config=radar.config, today=today, edition=latest.name if latest else None,
        note=note, since=since,
        review_after=stale.period(radar.config),
        due=tuple(stale.due(blips, radar.config, today)),
        proposed=tuple(sorted((d for d in radar.decisions.values()
                               if d.meta.status == "proposed"), key=lambda d: d.id)),
        citing=citing)
