"""No placeholder text is left: what `radar new` and `radar adr new` ask to fill in.

The templates of the authoring commands mark every text to write with ``TODO``
(``TODO: What problem does this address...``, ``deciders: [TODO]``, ``### TODO: option
1``). A ``TODO`` left in a body (outside code), a title or the deciders is unfinished
text, and so are the placeholders of earlier versions of the templates ("Chosen option:
..., because ...", ``deciders: [To be named]``, ``### Option 1``). The level is
``warning`` on a workstation (a draft may be committed) and ``error`` in continuous
integration, when the environment variable ``CI`` is set (GitHub Actions, GitLab CI and
most others set ``CI=true``), so unfinished text never reaches the published site;
``radar check --strict`` and the site's strict build also refuse it. A level set under
``rules:`` in the config applies everywhere.

Fails:

```markdown
## Context

TODO: What problem does this address, for whom, and why now?
```
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from radar_as_code.core.markdown import Body, without_code_spans
from radar_as_code.core.model import Blip, Decision
from radar_as_code.core.problem import Level, Problem
from radar_as_code.lint.context import Context

ID = "unfinished"
LEVEL: Level = "warning"  # "error" under CI
SHOWN_LEVEL = "warning (error when CI is set)"
MARKER = "TODO"
_MARKER = re.compile(r"(?<![\w-])TODO(?![\w-])")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# The placeholders of the templates before they were marked with TODO.
LEGACY = frozenset({
    "What problem does this address, for whom, and why now?", "- What must a good answer do?",
    "- **Option**: strengths and limits of each alternative considered.",
    "Our view, and why it earns its ring.",
    "- Limits, caveats, what to watch, when to review again.", "To be written.",
    "The problem and its forces.", "- What the choice must achieve.",
    "Chosen option: ..., because ...", "- Good: ...", "- Bad: ...", "Strengths and limits.",
    "### Option 1", "### Option 2", "### Option 3", "To be named",
})
_FALSE = frozenset({"", "0", "false", "no", "off"})
_ANY = re.compile("|".join([MARKER, *map(re.escape, sorted(LEGACY))]))  # one pass, in C


def level() -> Level:
    """``error`` in continuous integration (``CI`` set), else ``warning``."""
    return "warning" if os.environ.get("CI", "").strip().lower() in _FALSE else "error"


def placeholder(text: str) -> bool:
    return bool(_MARKER.search(text)) or text.strip() in LEGACY


def _excerpt(text: str) -> str:
    text = text.strip()
    return text if len(text) <= 60 else text[:57] + "..."


def lines(body: Body) -> Iterator[tuple[int, int, str]]:
    """(line, column, text) of each placeholder in a body, outside code."""
    if not _ANY.search(body.text):
        return  # nearly every finished body: no line-by-line scan
    fence: str | None = None
    previous_blank = True
    for index, raw in enumerate(body.text.split("\n")):
        opened = _FENCE.match(raw)
        if fence is not None:
            if opened and raw.strip() and set(raw.strip()) == {fence[0]} and \
                    raw.strip().startswith(fence):
                fence = None
            continue
        if opened:
            fence = opened.group(1)
            continue
        if raw.startswith(("    ", "\t")) and previous_blank:
            continue  # an indented code block
        previous_blank = not raw.strip()
        scanned = without_code_spans(raw)
        found = _MARKER.search(scanned)
        if found or raw.strip() in LEGACY:
            yield index + body.first_line, (found.start() + 1 if found else
                                            len(raw) - len(raw.lstrip()) + 1), raw


def check(ctx: Context) -> Iterator[Problem]:
    found = level()
    for path, body in ctx.radar.bodies.items():
        for line, col, text in lines(body):
            yield Problem(path, line, col, ID, found,
                          f"unfinished text: '{_excerpt(text)}' is a placeholder; write "
                          "what it asks for")
    docs: list[Blip | Decision] = [*ctx.radar.blips.values(), *ctx.radar.decisions.values()]
    for doc in docs:
        values: list[tuple[tuple[str | int, ...], str]] = [(("title",), doc.meta.title)]
        deciders = getattr(doc.meta, "deciders", ())
        values += [(("deciders", i), name) for i, name in enumerate(deciders)]
        for loc, value in values:
            if placeholder(value):
                yield Problem(doc.path, *doc.source.position(loc), ID, found,
                              f"unfinished text: {loc[0]} '{_excerpt(value)}' is a "
                              "placeholder; write what it asks for")
