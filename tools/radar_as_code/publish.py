"""What the site is built from: the valid snapshot of the working tree and its history."""

from __future__ import annotations

import logging
from pathlib import Path

from radar_as_code import lint
from radar_as_code.errors import GitError, SetupError
from radar_as_code.layout import CONFIG_PATH
from radar_as_code.lint.context import Context
from radar_as_code.load import load
from radar_as_code.reader import WorktreeReader
from radar_as_code.render.pages import Chronicle, Site
from radar_as_code.report import text
from radar_as_code.timeline import Timeline, editions

log = logging.getLogger("mkdocs.plugins.radar")


def read_site(root: Path, *, history: bool = True, edit_url: str | None = None) -> Site:
    """The radar at ``root``, checked: any error stops the build with every problem."""
    loaded = load(WorktreeReader(root))
    problems = list(loaded.problems)
    if loaded.radar is not None:
        problems = lint.run(Context(loaded.radar, True), [
            *loaded.problems,
            *lint.config_problems(loaded.radar.config, loaded.config_doc, CONFIG_PATH)], None)
    errors = [p for p in problems if p.level == "error"]
    if errors or loaded.radar is None:
        raise SetupError(f"the radar has {len(errors)} error(s); fix them "
                         f"(`radar check`):\n{text(errors)}")
    return Site(loaded.radar, chronicle(root) if history else Chronicle(), edit_url)


def chronicle(root: Path) -> Chronicle:
    """Editions and the changes since the last one; none outside a git repository."""
    timeline = Timeline(root)
    try:
        summaries = tuple(editions(timeline))
    except GitError as exc:
        log.info("radar: no history for the site: %s", exc)
        return Chronicle()
    latest = summaries[-1]
    head = timeline.git.resolve("HEAD")
    dirty = bool(timeline.git.changed(head, None))
    base = summaries[-2] if latest.tag.sha == head and not dirty and len(summaries) > 1 \
        else latest
    return Chronicle(summaries, timeline.compare(base.tag.name, None).light())
