"""Rationales have their Decision-Record sections, in order, none empty.

A blip's body holds the level-2 sections listed under ``blip_sections`` in
``radar/radar.yml`` (by default Context, Decision criteria, Options considered,
Decision, Consequences); a decision record's, those under ``adr_sections``. A blip
written by `radar import` lacks the sections its source did not have: until it is reviewed
(``reviewed`` after ``imported.date``), those are warnings. Headings are
written as configured (they may be localised), in the configured order, each once and
with some text. A decision record weighs at least ``adr_min_options`` options, one
``###`` heading each under its considered-options section. Other level-2 sections and a
level-1 heading in the body (the title comes from the front matter) are warnings.

Fails:

```markdown
## Context
Why we need a dataframe library.

## Decision            <- 'Decision criteria' and 'Options considered' are missing
                        <- 'Decision' is empty
## Consequences
...
```
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from radar_as_code.core.markdown import Body
from radar_as_code.core.model import Radar, SectionSpec
from radar_as_code.core.problem import Level, Problem
from radar_as_code.lint.context import Context

ID = "sections"
LEVEL: Level = "error"


def _check_body(path: str, body: Body, specs: tuple[SectionSpec, ...],
                what: str) -> Iterator[Problem]:
    expected = {spec.heading.casefold(): spec for spec in specs}
    found: dict[str, int] = {}
    order: list[str] = []
    for line in body.title_headings:
        yield Problem(path, line, 1, ID, "warning",
                      "level-1 heading in the body: the page title comes from the front "
                      "matter's title")
    for section in body.sections:
        key = section.heading.casefold()
        spec = expected.get(key)
        if spec is None:
            yield Problem(path, section.line, 1, ID, "warning",
                          f"section '{section.heading}' is not one of the {what} sections: "
                          + ", ".join(s.heading for s in specs))
            continue
        if spec.heading != section.heading:
            yield Problem(path, section.line, 1, ID, LEVEL,
                          f"heading '{section.heading}' should be written '{spec.heading}'")
        if spec.id in found:
            yield Problem(path, section.line, 1, ID, LEVEL,
                          f"section '{spec.heading}' appears twice (first at line "
                          f"{found[spec.id]})")
            continue
        found[spec.id] = section.line
        order.append(spec.id)
        if not section.text:
            yield Problem(path, section.line, 1, ID, LEVEL, f"section '{spec.heading}' is empty")
    missing = [s.heading for s in specs if s.required and s.id not in found]
    if missing:
        yield Problem(path, body.first_line, 1, ID, LEVEL,
                      f"missing {what} section{'s' if len(missing) > 1 else ''}: "
                      + ", ".join(f"'## {h}'" for h in missing))
    ranks = {spec.id: rank for rank, spec in enumerate(specs)}
    for before, after in itertools.pairwise(order):
        if ranks[after] < ranks[before]:
            yield Problem(path, found[after], 1, ID, LEVEL,
                          f"section '{specs[ranks[after]].heading}' should come before "
                          f"'{specs[ranks[before]].heading}'")
            break


def unreviewed_imports(radar: Radar) -> set[str]:
    """Paths of imported blips nobody has reviewed since: their missing sections are
    warnings (an import never invents text for a section its source does not have)."""
    return {b.path for b in radar.blips.values()
            if b.meta.imported is not None and b.meta.reviewed <= b.meta.imported.date}


def awaiting_review(problem: Problem, imported: set[str]) -> bool:
    """A missing section of an imported blip not reviewed yet (``imported``: their paths):
    known and expected after an import; the site publishes the blip as it is."""
    return problem.rule == "sections" and problem.level == "warning" and \
        problem.path in imported


def _softened(problems: Iterator[Problem]) -> Iterator[Problem]:
    for p in problems:
        if p.message.startswith("missing rationale section"):
            p = Problem(p.path, p.line, p.col, p.rule, "warning",
                        f"{p.message} (imported: a warning until the blip is reviewed)")
        yield p


def check(ctx: Context) -> Iterator[Problem]:
    config = ctx.radar.config
    options = next((s for s in config.adr_sections if s.id == "options"), None)
    imported = unreviewed_imports(ctx.radar)
    for path, body in ctx.radar.bodies.items():
        if path.startswith("radar/"):
            found = _check_body(path, body, config.blip_sections, "rationale")
            yield from _softened(found) if path in imported else found
            continue
        yield from _check_body(path, body, config.adr_sections, "decision-record")
        if options is None or not config.adr_min_options:
            continue
        section = next((s for s in body.sections
                        if s.heading.casefold() == options.heading.casefold()), None)
        if section is not None and len(section.subheadings) < config.adr_min_options:
            yield Problem(path, section.line, 1, ID, LEVEL,
                          f"'{options.heading}' weighs {len(section.subheadings)} option(s); "
                          f"give at least {config.adr_min_options}, one '###' heading each")
