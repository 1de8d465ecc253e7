"""Links in bodies are safe and every relative link resolves.

A relative Markdown link or image in a blip or decision record must point to a file
that exists and is published: a blip, a decision record, or a file under ``docs/``.
It may not climb out of the repository. Absolute paths (``/x``) break when the site is
served from a sub-folder: use a relative link. Only ``http``, ``https`` and ``mailto``
are allowed as schemes (never ``javascript:``, ``data:`` or ``file:``).

Fails:

```markdown
See [Streamlit](steamlit.md)           <- no such file
See [passwords](../../etc/passwd)      <- outside the repository
[click](javascript:alert(1))           <- scheme not allowed
```
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from urllib.parse import unquote

from radar_as_code.core.markdown import Link
from radar_as_code.core.problem import Level, Problem
from radar_as_code.lint.context import Context

ID = "links"
LEVEL: Level = "error"

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def resolve(source: str, target: str) -> str | None:
    """The repository path a relative link points to; None if it leaves the repository."""
    target = unquote(target.split("#", 1)[0].split("?", 1)[0])
    if not target:
        return source
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
    if joined == ".." or joined.startswith("../") or joined.startswith("/"):
        return None
    return joined


def folders(files: frozenset[str]) -> frozenset[str]:
    """Every folder that holds a file, at any depth: a link to one is published."""
    out: set[str] = set()
    for path in files:
        while "/" in path:
            path = path.rsplit("/", 1)[0]
            if path in out:
                break
            out.add(path)
    return frozenset(out)


def problem(source: str, link: Link, files: frozenset[str],
            published: frozenset[str]) -> str | None:
    """What is wrong with a link, or None (``published``: ``folders(files)``)."""
    target = link.target.strip()
    scheme = _SCHEME.match(target)
    if scheme:
        name = scheme.group(1).lower()
        return None if name in SAFE_SCHEMES else f"link scheme '{name}:' is not allowed"
    if target.startswith("//") or target.startswith("#") or not target:
        return None
    if target.startswith("/") or target.startswith("\\"):
        return f"'{target}' is an absolute path: use a relative link"
    path = resolve(source, target)
    if path is None:
        return f"'{target}' points outside the repository"
    if path in files:
        return None
    if not path.startswith(("radar/", "adr/", "docs/")):
        return (f"'{target}' points to {path}, which is not published (only radar/, adr/ "
                "and docs/ are)")
    if path.rstrip("/") in published:
        return None  # a folder: published as its index page
    return f"'{target}' points to {path}, which does not exist"


def check(ctx: Context) -> Iterator[Problem]:
    files = ctx.radar.files
    published = folders(files)
    for path, body in ctx.radar.bodies.items():
        for link in body.links:
            message = problem(path, link, files, published)
            if message:
                yield Problem(path, link.line, link.col, ID, LEVEL, message)
