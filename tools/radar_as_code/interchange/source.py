"""What an export reads: a snapshot at an edition (or the working tree) and its history."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from radar_as_code.core.load import load
from radar_as_code.core.model import Blip, Radar
from radar_as_code.core.reader import WorktreeReader
from radar_as_code.editions.archive import EditionSummary, editions
from radar_as_code.editions.diff import Change
from radar_as_code.editions.timeline import Timeline, day
from radar_as_code.errors import GitError, SetupError


@dataclass(frozen=True)
class Source:
    radar: Radar
    date: str  # of the exported state: the edition's date, or today
    changes: tuple[Change, ...] = ()  # since the previous edition
    edition: str | None = None  # the exported edition (None: the working tree)
    timeline: Timeline | None = field(default=None, repr=False)  # None: no edition at all

    def moves(self) -> dict[str, str]:
        return {c.id: c.kind for c in self.changes}

    @cached_property
    def history(self) -> tuple[EditionSummary, ...]:
        """Every edition up to the exported one. Only the formats with a timeline (AOE,
        Backstage) ask for it: it reads the first edition whole."""
        if self.timeline is None:
            return ()
        summaries = editions(self.timeline)
        names = [s.tag.name for s in summaries]
        return tuple(summaries[:names.index(self.edition) + 1] if self.edition else summaries)

    def blips_at(self, summary: EditionSummary, ids: set[str]) -> dict[str, Blip]:
        """Some blips as they were written at an edition."""
        if self.timeline is None:
            return {}
        reader = self.timeline.reader(summary.tag.sha, summary.tag.name)
        paths = [p for i in ids for p in reader.listing().blip_paths.get(i, ())]
        snapshot = load(reader, only=paths, follow=False, cache=self.timeline.cache).radar
        return dict(snapshot.blips) if snapshot else {}


def read_source(root: Path, edition: str | None, today: str) -> Source:
    timeline = Timeline(root)
    try:
        tags = timeline.editions()
    except GitError:
        tags = []
    if edition is not None:
        previous, tag = timeline.edition_pair(edition)
        radar = load(timeline.reader(tag.sha, tag.name)).radar
        changes = timeline.compare(previous.name if previous else None, tag.name).changes
        date = day(tag.date)
    else:
        radar = load(WorktreeReader(root)).radar
        changes = timeline.compare(tags[-1].name, None).changes if tags else ()
        date = today
    if radar is None:
        raise SetupError("the radar's config is invalid: run `radar check`")
    return Source(radar, date, tuple(changes), edition, timeline if tags else None)
