"""Blips are written in Markdown, not raw HTML.

Raw HTML tags and comments in a blip's body are reported (code blocks and code spans are
not HTML): the site removes every tag outside its allow-list when it publishes a page,
so raw HTML is at best noise and at worst a tag that silently disappears, and it is how
markup from another tool (an import, a pasted description) hides in a rationale. Write
the Markdown equivalent; autolinks such as ``<https://example.org>`` are Markdown.

Fails:

```markdown
## Context

Read <a href="https://example.org">the study</a>.   <- raw HTML: write [the study](...)
<script>alert(1)</script>                          <- an error: the site drops it
```

A ``<script>`` or ``<style>`` is an error, not a warning: the site removes it with all
that follows it up to its closing tag, so an unclosed one would take the rest of the
rationale with it.
"""

from __future__ import annotations

from collections.abc import Iterator

from radar_as_code.core.problem import Level, Problem
from radar_as_code.lint.context import Context

ID = "raw-html"
LEVEL: Level = "warning"


def check(ctx: Context) -> Iterator[Problem]:
    for path, body in ctx.radar.bodies.items():
        if not path.startswith("radar/") or "<" not in body.text:
            continue
        from radar_as_code.core import htmlpolicy  # only for a body with tags: start-up

        text = body.text
        line = line_start = seen = 0  # counted from the last tag on: tags come in order
        for tag in htmlpolicy.tags(text):
            if tag.closing:
                continue  # its opening tag is reported
            line += text.count("\n", seen, tag.start)
            line_start = max(line_start, text.rfind("\n", seen, tag.start) + 1)
            seen = tag.start
            col = tag.start - line_start + 1
            if tag.name in htmlpolicy.DROPPED_WITH_CONTENT:
                yield Problem(path, body.first_line + line, col, ID, "error",
                              f"raw HTML <{tag.name}> in a blip: the site removes it with "
                              f"everything after it, up to </{tag.name}> or to the end of "
                              "the page when there is none; remove it")
                continue
            what = "an HTML comment" if tag.name == "!--" else \
                f"raw HTML <{tag.name}>"
            hint = "" if tag.name in htmlpolicy.TAGS and tag.name != "!--" else \
                " (not on the site's allow-list: removed when published)"
            yield Problem(path, body.first_line + line, col, ID, LEVEL,
                          f"{what} in a blip: write Markdown instead{hint}")
