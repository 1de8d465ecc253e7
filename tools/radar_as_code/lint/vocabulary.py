"""Quadrants, rings and tags come from the radar's config.

A blip's ``quadrant`` and ``ring`` must be ids listed in ``radar/radar.yml``. When the
config lists a tag vocabulary, every tag must be in it: add a new tag there first, so
that tags stay few and findable.

Fails (with quadrants data, algorithms and rings adopt, trial, assess, hold):

```yaml
quadrant: tools     # unknown quadrant 'tools'
ring: adopted       # unknown ring 'adopted' (did you mean 'adopt'?)
tags: [LLM]         # not a valid tag; 'llm' is
```
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace

from radar_as_code.core import suggest
from radar_as_code.core.model import Radar
from radar_as_code.core.problem import Level, Problem
from radar_as_code.lint.context import Context

ID = "vocabulary"
LEVEL: Level = "error"


def _unknown(what: str, value: str, known: Mapping[str, str] | list[str],
             budget: suggest.Budget) -> str:
    close = (suggest.hint(value, known) if budget.take() else "") or \
        "; known: " + ", ".join(known)
    return f"unknown {what} '{value}'{close}"


_NOT_AN_ID = re.compile(r"^(quadrant|ring|(?:tags|related|decisions)\[[0-9]+\]): '(.*)' "
                        r"is not (a valid|a decision-record) id\b")


def _choices(radar: Radar, what: str) -> Mapping[str, str] | list[str]:
    """The ids a key names, with their labels (``what``: quadrant, ring, tags, related or
    decisions)."""
    config = radar.config
    if what in ("quadrant", "ring"):
        return {e.id: e.label for e in (config.quadrants if what == "quadrant" else config.rings)}
    if what == "related":
        return {b.id: b.meta.title for b in radar.blips.values()}
    if what == "decisions":
        return {d.id: d.meta.title for d in radar.decisions.values()}
    return list(config.tags)


def with_label_hints(problems: Iterable[Problem], radar: Radar) -> Iterator[Problem]:
    """Schema problems of a ring, quadrant, tag, related blip or decision record written
    as a label (``ring: Trial``, ``related: [DVC]``, what other radar tools use) with the
    id it means. The ids are gathered only where such a problem is found."""
    budget = suggest.Budget()
    gathered: dict[str, Mapping[str, str] | list[str]] = {}  # by key, once
    for problem in problems:
        match = _NOT_AN_ID.match(problem.message) if problem.rule == "schema" else None
        if match is None or not budget.take():  # hints while they last: linear time
            yield problem
            continue
        key, value = match.group(1), match.group(2)
        what = key.split("[")[0]
        if what not in gathered:
            gathered[what] = _choices(radar, what)
        choices = gathered[what]
        numbered = [i for i in choices if i.startswith(f"{value}-")] \
            if what == "decisions" else []  # `0002` for 0002-use-x
        meant = numbered[0] if numbered else suggest.closest(value, choices)
        yield replace(problem, message=f"{key}: '{value}' is not {match.group(3)} id (did "
                                       f"you mean '{meant}'?)") if meant else problem


def check(ctx: Context) -> Iterator[Problem]:
    config = ctx.radar.config
    quadrants = {q.id: q.label for q in config.quadrants}
    rings = {r.id: r.label for r in config.rings}
    tags = set(config.tags)
    known = sorted(tags)
    budget = suggest.Budget()
    for blip in ctx.radar.blips.values():
        meta, doc = blip.meta, blip.source
        if meta.quadrant not in quadrants:
            yield Problem(blip.path, *doc.position(("quadrant",)), ID, LEVEL,
                          _unknown("quadrant", meta.quadrant, quadrants, budget))
        if meta.ring not in rings:
            yield Problem(blip.path, *doc.position(("ring",)), ID, LEVEL,
                          _unknown("ring", meta.ring, rings, budget))
        if tags:
            for index, tag in enumerate(meta.tags):
                if tag not in tags:
                    yield Problem(blip.path, *doc.position(("tags", index)), ID, LEVEL,
                                  _unknown("tag", tag, known, budget) if len(tags) < 12 else
                                  f"unknown tag '{tag}'"
                                  f"{suggest.hint(tag, known) if budget.take() else ''}: add "
                                  f"it to the tags of {ctx.radar.config_path} first")
