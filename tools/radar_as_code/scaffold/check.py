"""The new radar, checked before anything is written: the options (ids, labels, the
edition pattern) make a radar that `radar check --strict` passes, or `radar init` says
what is wrong and writes nothing. Its config also gives the navigation an existing site
needs."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from radar_as_code.authoring.tree import PlannedReader
from radar_as_code.core.load import load
from radar_as_code.core.model import Radar
from radar_as_code.errors import UsageError
from radar_as_code.lint import checking
from radar_as_code.lint.report import text
from radar_as_code.scaffold.files import Options
from radar_as_code.scaffold.plan import Place
from radar_as_code.scaffold.plan import site_lines as lines
from radar_as_code.scaffold.presets import Choices, Entry


def planned_radar(folder: Path, files: dict[str, str], *, kept: bool = False) -> Radar:
    """The radar as it will be. A new one must be clean; a radar that is kept
    (``--keep-radar``) must have no error (its warnings, such as the sections an import
    leaves to write, are its own)."""
    reader = PlannedReader(folder, planned={p: t.encode("utf-8") for p, t in files.items()})
    loaded = load(reader)
    problems = checking.problems(loaded)
    if kept:
        problems = [p for p in problems if p.level == "error"]
    if problems or loaded.radar is None:
        what = "the radar that is there has" if kept else "these options make a radar with"
        raise UsageError(f"{what} problems; nothing was written:\n" + text(problems))
    return loaded.radar


def kept_choices(folder: Path) -> tuple[Choices, str]:
    """What a radar that is already there chose (``--keep-radar``): its title, quadrants,
    rings, edition tags and language, and its description, from its radar.yml."""
    loaded = load(PlannedReader(folder, planned={}), only=[], follow=False)  # the config
    if loaded.radar is None:
        raise UsageError("--keep-radar: radar/radar.yml cannot be read; nothing was "
                         "written:\n" + text(list(loaded.problems)))
    config = loaded.radar.config

    def entries(found: tuple[Any, ...]) -> tuple[Entry, ...]:
        return tuple(Entry(e.id, e.label, e.description) for e in found)

    return Choices("", config.title, entries(config.quadrants), entries(config.rings),
                   config.edition_tag, config.language), config.description


def site_lines(options: Options, place: Place, radar: Radar) -> str:
    """The lines to add to an existing mkdocs.yml ("" when the radar gets its own site)."""
    if place.site is None:
        return ""
    from radar_as_code.render import pages
    from radar_as_code.site import mount

    has_nav = re.search(r"^nav\s*:", place.site.read_text(encoding="utf-8", errors="replace"),
                        re.M) is not None
    section = mount.nav(options.site_prefix,
                        [*pages.generated_nav(pages.Site(radar)), pages.RULES], [],
                        radar.config.title)
    return lines(options, place, section if has_nav else None)
