"""What the site is built from: the valid snapshot of the working tree and its history.

The site presents the latest edition (``docs/editions.md``): its radar, numbers and marks
come from the edition tag, its changes from comparing that tag with the edition before;
what was merged since is "upcoming", the same comparison as `radar diff` with no argument.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from pathlib import Path

from radar_as_code.authoring.journal import recover
from radar_as_code.core.load import load
from radar_as_code.core.model import Radar
from radar_as_code.core.reader import WorktreeReader
from radar_as_code.editions.archive import EditionSummary, editions
from radar_as_code.editions.timeline import Timeline
from radar_as_code.errors import GitError, SetupError
from radar_as_code.lint import checking, sections
from radar_as_code.lint.report import text
from radar_as_code.render.page import Chronicle, Site, renamed

log = logging.getLogger("mkdocs.plugins.radar")


def read_site(root: Path, *, history: bool = True, edit_url: str | None = None,
              upcoming: bool = True) -> Site:
    """The radar at ``root``, checked: any error stops the build with every problem."""
    outcome = recover(root)  # what a crashed `radar` command left, first
    if outcome:
        log.info("radar: %s", outcome)
    loaded = load(WorktreeReader(root))
    found, counted = checking.findings(loaded)
    errors = [p for p in found if p.level == "error"]
    counted_errors = {key: n for key, n in counted.items() if key[2] == "error"}
    if errors or counted_errors or loaded.radar is None:
        total = len(errors) + sum(counted_errors.values())
        raise SetupError(f"the radar has {total} error(s); fix them "
                         f"(`radar check`):\n{text(errors, counted=counted_errors)}")
    radar = loaded.radar
    imported = sections.unreviewed_imports(radar)
    awaiting: set[str] = set()  # an import's text as its source had it: published as it is
    for warning in found:  # `mkdocs build --strict` fails on them (unfinished text...)
        if sections.awaiting_review(warning, imported):
            awaiting.add(warning.path)
        else:
            log.warning("radar: %s", text([warning]))
    if awaiting:
        log.info("radar: %d imported blip(s) await review: their rationale lacks sections "
                 "(`radar check` lists them)", len(awaiting))
    if counted:  # warnings past the first 50 of a file and rule
        log.warning("radar: and %s more warnings (`radar check`)", sum(counted.values()))
    return Site(radar, chronicle(root, radar, upcoming) if history else Chronicle(), edit_url,
                date.today())


def chronicle(root: Path, radar: Radar, upcoming: bool = True) -> Chronicle:
    """Every edition, the latest one as the site shows it, and what was merged since; no
    edition outside a git repository or before the first tag."""
    timeline = Timeline(root)
    try:
        summaries = tuple(editions(timeline, notes=True))
    except GitError as exc:
        log.info("radar: no history for the site: %s", exc)
        return Chronicle(hide_upcoming=not upcoming)
    if timeline.skipped_note():
        log.info("radar: %s", timeline.skipped_note())
    if not summaries:
        log.info("radar: no history for the site: %s", timeline.no_edition_hint())
        return Chronicle(hide_upcoming=not upcoming)
    latest = summaries[-1]
    ahead = timeline.compare(latest.tag.name, None).light() if upcoming else None
    return Chronicle(summaries, shown(latest, radar), ahead, hide_upcoming=not upcoming)


def shown(latest: EditionSummary, radar: Radar) -> Radar:
    """The latest edition's radar, each blip's path that of its page on the site: the
    working tree's file of the same blip (renamed since: by its former id), or the
    edition's own path, where the site makes a page for a blip the tree no longer has."""
    formers = renamed(radar)
    blips = {}
    for ident, blip in latest.radar.blips.items():
        now = radar.blips.get(ident) or formers.get(ident)
        blips[ident] = replace(blip, path=now.path) if now and now.path != blip.path else blip
    return replace(latest.radar, blips=blips,
                   blip_paths={i: (b.path,) for i, b in blips.items()})
