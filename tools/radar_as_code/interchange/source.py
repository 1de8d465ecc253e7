"""What an export reads: a snapshot at an edition (or the working tree) and its history.

A blip whose file cannot be read is never left out silently: the export is refused with
the problems of those files (fix them, or export an edition where they were fine).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from radar_as_code.core.layout import file_id, is_blip_path
from radar_as_code.core.load import Loaded, load
from radar_as_code.core.model import Blip, Radar
from radar_as_code.core.reader import WorktreeReader
from radar_as_code.editions.archive import EditionSummary, editions
from radar_as_code.editions.diff import Change
from radar_as_code.editions.timeline import Timeline, day
from radar_as_code.errors import GitError, RadarError, SetupError


@dataclass(frozen=True)
class Source:
    radar: Radar
    date: str  # of the exported state: the edition's date, or today
    changes: tuple[Change, ...] = ()  # since the previous edition
    edition: str | None = None  # the exported edition (None: the working tree)
    timeline: Timeline | None = field(default=None, repr=False)  # None: no edition at all
    root: Path | None = None

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

    def changed_ids(self, before: EditionSummary | None, summary: EditionSummary) -> set[str]:
        """The blips whose files differ between two editions (all, from nothing)."""
        if before is None:
            return set(summary.state)
        assert self.timeline is not None
        return {file_id(p) for p in self.timeline.git.changed(before.tag.sha, summary.tag.sha)
                if is_blip_path(p)}

    def file(self, path: str) -> bytes | None:
        """A file of the exported state (an image a blip shows)."""
        if self.edition is None or self.timeline is None:
            assert self.root is not None
            return WorktreeReader(self.root).read_many([path]).get(path)
        _, tag = self.timeline.edition_pair(self.edition)
        return self.timeline.reader(tag.sha, tag.name).read_many([path]).get(path)


class ExportRefused(RadarError):
    """Some blips cannot be read: exporting without them would drop them silently."""


def _complete(loaded: Loaded, where: str) -> Radar:
    radar = loaded.radar
    if radar is None:
        raise SetupError(f"the radar's config at {where} is invalid: run `radar check`")
    missing = {p for i, paths in radar.blip_paths.items() if i not in radar.blips for p in paths}
    if missing:
        lines = [f"{p.path}:{p.line}:{p.col}: {p.message}" for p in loaded.problems
                 if p.path in missing and p.level == "error"]
        raise ExportRefused(f"{len(missing)} blip file(s) at {where} cannot be read, and an "
                            "export never leaves a blip out: fix them first\n  "
                            + "\n  ".join(lines or sorted(missing)))
    return radar


def read_source(root: Path, edition: str | None, today: str) -> Source:
    """The state to export: ``edition``; without one, the working tree, or the latest
    edition when nothing has changed since (its movements and date, as the site shows)."""
    timeline = Timeline(root)
    try:
        tags = timeline.editions()
    except GitError:
        tags = []
    since = timeline.compare(tags[-1].name, None).changes if edition is None and tags else ()
    if edition is None and tags and not since:
        edition = tags[-1].name  # nothing changed since: the latest edition, its movements
    if edition is not None:
        previous, tag = timeline.edition_pair(edition)
        radar = _complete(load(timeline.reader(tag.sha, tag.name)), tag.name)
        changes = timeline.compare(previous.name if previous else None, tag.name).changes
        date = day(tag.date)
    else:  # changed since the latest edition (or none yet): the working tree, today
        radar = _complete(load(WorktreeReader(root)), "the working tree")
        changes, date = since, today
    return Source(radar, date, tuple(changes), edition, timeline if tags else None, root)
