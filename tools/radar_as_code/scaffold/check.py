"""The new radar, checked before anything is written: the options (ids, labels, the
edition pattern) make a radar that `radar check --strict` passes, or `radar init` says
what is wrong and writes nothing. Its config also gives the navigation an existing site
needs."""

from __future__ import annotations

import re
from pathlib import Path

from radar_as_code.authoring.tree import PlannedReader
from radar_as_code.core.load import load
from radar_as_code.core.model import Radar
from radar_as_code.errors import UsageError
from radar_as_code.lint import checking
from radar_as_code.lint.report import text
from radar_as_code.scaffold.files import Options
from radar_as_code.scaffold.plan import Place
from radar_as_code.scaffold.plan import site_lines as lines


def planned_radar(folder: Path, files: dict[str, str]) -> Radar:
    reader = PlannedReader(folder, planned={p: t.encode("utf-8") for p, t in files.items()})
    loaded = load(reader)
    problems = checking.problems(loaded)
    if problems or loaded.radar is None:
        raise UsageError("these options make a radar with problems; nothing was written:\n"
                         + text(problems))
    return loaded.radar


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
