"""An import from end to end: read every source, date and order the releases, map rings and
quadrants, replay the releases into editions, write the repository, summarise.

Problems are collected at every step and the import stops before writing anything if
there are any; each names its source file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from radar_as_code.core.layout import slug
from radar_as_code.interchange import IMPORTERS, dates, function, history, sources, vocab
from radar_as_code.interchange.aoe import Folder
from radar_as_code.interchange.records import ImportRefused, Problems, Release, Where
from radar_as_code.interchange.replay import Mode, Replay
from radar_as_code.interchange.summary import Summary

DEFAULT_TITLE = "Technology Radar"


@dataclass
class Options:
    format: str
    sources: list[Path]
    into: Path
    title: str | None = None
    dates: dict[str, str] = field(default_factory=dict)  # source -> date
    partial: bool = False
    rings: list[str] | None = None
    quadrants: list[str] | None = None
    ring_aliases: list[tuple[str, str]] = field(default_factory=list)
    quadrant_aliases: list[tuple[str, str]] = field(default_factory=list)


def _read_files(options: Options, budget: sources.Budget, problems: Problems) -> list[Release]:
    read = function(IMPORTERS[options.format])
    releases: list[Release] = []
    for path in options.sources:
        try:
            release = read(path, budget, problems)
        except ImportRefused as exc:  # this source only: the others are still read
            problems.found.extend(exc.problems)
            continue
        assert isinstance(release, Release)
        named = dates.in_name(path.name)
        if release.date and named and named[:7] == release.date[:7]:
            release.date = named  # the name gives the day of the month the source gives
        release.date = options.dates.get(str(path)) or release.date or named
        if release.date is None:
            problems.add(Where(str(path)), "no date: name the file by its date (2024-04-01, "
                         "2024-04, 'Volume 34 (Apr 2026)') or give --date FILE=YYYY-MM-DD")
        releases.append(release)
    return releases


def _ordered(releases: list[Release], problems: Problems) -> list[Release]:
    seen: dict[str, Release] = {}
    for release in releases:
        if release.date in seen:
            problems.add(Where(release.origin), f"dated {release.date} like "
                         f"{seen[release.date].origin}: one edition per date (give --date "
                         "FILE=DATE to tell them apart)")
        elif release.date:
            seen[release.date] = release
    if len(releases) > sources.MAX_RELEASES:
        problems.add(Where(releases[-1].origin), f"more than {sources.MAX_RELEASES} releases")
    return sorted((r for r in releases if r.date), key=lambda r: r.date or "")


def _axes(options: Options, releases: list[Release]) -> tuple[vocab.Axis, vocab.Axis]:
    if options.format == "zalando":
        from radar_as_code.interchange import zalando

        return zalando.axis("quadrant", options.quadrants), zalando.axis("ring", options.rings)
    used = {slug(i.ring) for r in releases for i in r.items if i.ring}
    return vocab.byor_quadrants(options.quadrants), vocab.byor_rings(options.rings, used)


def run_import(options: Options) -> Summary:
    problems = Problems()
    budget = sources.Budget()
    folder: Folder | None = None
    if IMPORTERS[options.format][2] == "history":  # AOE's folder, Backstage's file
        if len(options.sources) != 1:
            problems.add(Where(str(options.sources[1])), f"--format {options.format} takes "
                         "one source: it holds every release")
            problems.check()
        read = function(IMPORTERS[options.format])(options.sources[0], budget, problems)
        assert isinstance(read, Folder)
        folder = read
        releases, (quadrants, rings) = folder.releases, (folder.quadrants, folder.rings)
        mode: Mode = "merge"
    else:
        releases = _read_files(options, budget, problems)
        quadrants, rings = _axes(options, releases)
        mode = "partial" if options.partial else "snapshot"
    vocab.aliases(rings, options.ring_aliases)
    vocab.aliases(quadrants, options.quadrant_aliases)
    releases = _ordered(releases, problems)
    if not problems and not any(r.items for r in releases):
        problems.add(Where(str(options.sources[0])), "no blip in any source: nothing to import")
    replay = Replay(mode, quadrants, rings, problems, folder.ids if folder else None)
    editions = [replay.release(release) for release in releases]
    problems.check()
    title = options.title or (folder.title if folder else None) or DEFAULT_TITLE
    plan = history.Plan(options.format, title, quadrants.entries, rings.entries, editions,
                        folder.files if folder else {},
                        folder.where if folder else Where(str(options.sources[0])))
    written = history.build(plan, options.into, problems)
    return _summary(options, plan, written, replay, releases, folder)


def _summary(options: Options, plan: history.Plan, written: list[int], replay: Replay,
             releases: list[Release], folder: Folder | None) -> Summary:
    summary = Summary(options.format, str(options.into))
    active: dict[str, bool] = {}
    for edition, count in zip(plan.editions, written, strict=True):
        active.update({i: s.active for i, s in edition.changed.items()})
        summary.add(edition, history.tag_name(edition.date), count, sum(active.values()))
    summary.blips, summary.active = len(active), sum(active.values())
    if folder is not None:
        summary.ids = [{"id": ident, "source": source, "made": ident != source}
                       for source, ident in sorted(folder.ids.items())]
    else:
        summary.ids = [{"id": ident, "source": name, "made": ident != slug(name)}
                       for ident, name in sorted(replay.names.items())]
    for where, message in [*(folder.notes if folder else []),
                           *(n for r in releases for n in r.notes), *replay.notes]:
        summary.note(where, message)
    return summary
