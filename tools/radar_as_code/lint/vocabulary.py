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

import difflib
from collections.abc import Iterator

from radar_as_code.core.problem import Level, Problem
from radar_as_code.lint.context import Context

ID = "vocabulary"
LEVEL: Level = "error"


def _unknown(what: str, value: str, known: list[str]) -> str:
    close = difflib.get_close_matches(value, known, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else f"; known: {', '.join(known)}"
    return f"unknown {what} '{value}'{hint}"


def check(ctx: Context) -> Iterator[Problem]:
    config = ctx.radar.config
    quadrants = [q.id for q in config.quadrants]
    rings = [r.id for r in config.rings]
    tags = set(config.tags)
    for blip in ctx.radar.blips.values():
        meta, doc = blip.meta, blip.source
        if meta.quadrant not in quadrants:
            yield Problem(blip.path, *doc.position(("quadrant",)), ID, LEVEL,
                          _unknown("quadrant", meta.quadrant, quadrants))
        if meta.ring not in rings:
            yield Problem(blip.path, *doc.position(("ring",)), ID, LEVEL,
                          _unknown("ring", meta.ring, rings))
        if tags:
            for index, tag in enumerate(meta.tags):
                if tag not in tags:
                    yield Problem(blip.path, *doc.position(("tags", index)), ID, LEVEL,
                                  _unknown("tag", tag, sorted(tags)) if len(tags) < 12 else
                                  f"unknown tag '{tag}': add it to the tags of "
                                  f"{ctx.radar.config_path} first")
