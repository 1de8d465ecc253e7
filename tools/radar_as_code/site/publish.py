"""What the site is built from: the valid snapshot of the working tree and its history."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from radar_as_code.core.load import load
from radar_as_code.core.reader import WorktreeReader
from radar_as_code.editions.timeline import Timeline, editions
from radar_as_code.errors import GitError, SetupError
from radar_as_code.lint import checking
from radar_as_code.lint.report import text
from radar_as_code.render.page import Chronicle, Site

log = logging.getLogger("mkdocs.plugins.radar")


def read_site(root: Path, *, history: bool = True, edit_url: str | None = None) -> Site:
    """The radar at ``root``, checked: any error stops the build with every problem."""
    loaded = load(WorktreeReader(root))
    found = checking.problems(loaded)
    errors = [p for p in found if p.level == "error"]
    if errors or loaded.radar is None:
        raise SetupError(f"the radar has {len(errors)} error(s); fix them "
                         f"(`radar check`):\n{text(errors)}")
    for warning in found:  # `mkdocs build --strict` fails on them (unfinished text...)
        log.warning("radar: %s", text([warning]))
    return Site(loaded.radar, chronicle(root) if history else Chronicle(), edit_url,
                date.today())


def chronicle(root: Path) -> Chronicle:
    """Editions and the changes since the last one; none outside a git repository."""
    timeline = Timeline(root)
    try:
        summaries = tuple(editions(timeline))
    except GitError as exc:
        log.info("radar: no history for the site: %s", exc)
        return Chronicle()
    if not summaries:
        log.info("radar: no history for the site: %s", timeline.no_edition_hint())
        return Chronicle()
    since = timeline.compare(summaries[-1].tag.name, None)
    if not since.changes and len(summaries) > 1:
        # The working tree is the last edition: its marks are that edition's news.
        since = timeline.compare(summaries[-2].tag.name, None)
    return Chronicle(summaries, since.light())
