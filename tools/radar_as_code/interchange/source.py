"""What an export reads: a snapshot at an edition (or the working tree) and its history."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from radar_as_code.diff import Change
from radar_as_code.errors import GitError, SetupError
from radar_as_code.git import GitReader
from radar_as_code.load import load
from radar_as_code.model import Blip, Radar
from radar_as_code.reader import WorktreeReader
from radar_as_code.timeline import EditionSummary, Timeline, day, editions


@dataclass(frozen=True)
class Source:
    radar: Radar
    date: str  # of the exported state: the edition's date, or today
    changes: tuple[Change, ...] = ()  # since the previous edition
    history: tuple[EditionSummary, ...] = ()  # editions up to the exported one
    timeline: Timeline | None = field(default=None, repr=False)

    def moves(self) -> dict[str, str]:
        return {c.id: c.kind for c in self.changes}

    def blips_at(self, summary: EditionSummary, ids: set[str]) -> dict[str, Blip]:
        """Some blips as they were written at an edition."""
        if self.timeline is None:
            return {}
        reader = GitReader(self.timeline.git, summary.tag.sha, summary.tag.name)
        paths = [p for i in ids for p in reader.listing().blip_paths.get(i, ())]
        snapshot = load(reader, only=paths, follow=False).radar
        return dict(snapshot.blips) if snapshot else {}


def read_source(root: Path, edition: str | None, today: str) -> Source:
    timeline = Timeline(root)
    try:
        summaries = editions(timeline)
    except GitError:
        summaries = []
    if edition is not None:
        chosen = [s for s in summaries if s.tag.name == edition]
        if not chosen:
            raise SetupError(f"'{edition}' is not an edition: "
                             + (", ".join(s.tag.name for s in summaries) or "none"))
        upto = summaries[:summaries.index(chosen[0]) + 1]
        radar = load(GitReader(timeline.git, chosen[0].tag.sha, edition)).radar
        changes = chosen[0].since_previous.changes if chosen[0].since_previous else ()
        date = day(chosen[0].tag.date)
    else:
        upto = summaries
        radar = load(WorktreeReader(root)).radar
        changes = timeline.compare(summaries[-1].tag.name, None).changes if summaries else ()
        date = today
    if radar is None:
        raise SetupError("the radar's config is invalid: run `radar check`")
    return Source(radar, date, tuple(changes), tuple(upto), timeline if summaries else None)
