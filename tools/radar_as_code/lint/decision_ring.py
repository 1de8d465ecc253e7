"""The ring stated at the start of the Decision section is the blip's ring.

Rationales often open their Decision section with the ring in bold (``**Adopt.**``,
``**Trial**, for teams that...`` or ``Ring: **Hold**.``). When they do, it must be the
ring of the front matter: after a move, a page must not say "Adopt" under a Trial badge.
`radar move` updates such a statement itself. The section is the one with the id
``decision`` in ``blip_sections``; a bold word that is no ring's label or id is not a
statement of the ring.

Fails:

```markdown
---
ring: trial
---
## Decision

**Adopt.** Use it for every new project.
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from radar_as_code.core.model import Blip, RadarConfig
from radar_as_code.core.problem import Level, Problem
from radar_as_code.lint.context import Context

ID = "decision-ring"
LEVEL: Level = "error"
_STATEMENT = re.compile(r"^(?P<lead>\s*(?:(?P<label>[^\W\d_][\w ]{0,29}):\s*)?\*\*)"
                        r"(?P<word>[^*\n]+?)[.,:;!]?\*\*")


@dataclass(frozen=True)
class Stated:
    """A ring named at the start of the Decision section: where its word is written."""

    line: int
    col: int
    word: str
    ring: str  # the id of the ring it names


def stated(blip: Blip, config: RadarConfig) -> Stated | None:
    """The ring a blip's Decision section opens with, if it opens with one."""
    spec = next((s for s in config.blip_sections if s.id == "decision"), None)
    if spec is None:
        return None
    body = blip.body
    section = next((s for s in body.sections
                    if s.heading.casefold() == spec.heading.casefold()), None)
    if section is None or not _STATEMENT.match(section.text):
        return None  # most sections: no split of the body into lines
    lines = body.text.split("\n")
    index = section.line - body.first_line + 1
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index >= len(lines):
        return None
    match = _STATEMENT.match(lines[index])
    if match is None:
        return None
    label = match.group("label")
    if label is not None and label.strip().casefold() not in (
            "ring", config.labels.ring.casefold()):
        return None
    word = match.group("word").strip()
    ring = next((r.id for r in config.rings
                 if word.casefold() in (r.id.casefold(), r.label.casefold())), None)
    if ring is None or word != match.group("word"):
        return None
    return Stated(index + body.first_line, match.end("lead") + 1, word, ring)


def check(ctx: Context) -> Iterator[Problem]:
    config = ctx.radar.config
    labels = {r.id: r.label for r in config.rings}
    for blip in ctx.radar.blips.values():
        found = stated(blip, config)
        if found is None or found.ring == blip.meta.ring:
            continue
        expected = labels.get(blip.meta.ring, blip.meta.ring)
        yield Problem(blip.path, found.line, found.col, ID, LEVEL,
                      f"the Decision section says '{found.word}' but the ring is "
                      f"'{blip.meta.ring}': write '{expected}' there, or move the blip "
                      f"(`radar move {blip.id} {found.ring}`)")
