"""Split a Markdown file into its YAML front matter and its body, keeping line numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from radar_as_code.core.problem import Problem

RULE = "front-matter"
_OPEN = "---"
_CLOSING = re.compile(r"\n(?:---|\.\.\.)[ \t]*(?=\n|$)")


@dataclass(frozen=True)
class Split:
    yaml: str
    yaml_line: int  # 1-based line of the file where the YAML text starts
    body: str
    body_line: int  # 1-based line of the file where the body starts


def split(path: str, text: str) -> Split | Problem:
    first, _, rest = text.partition("\n")
    if first.rstrip() != _OPEN:
        return Problem(path, 1, 1, RULE, "error",
                       "file must start with YAML front matter: a line '---', the fields, "
                       "then a closing '---'")
    match = _CLOSING.search("\n" + rest)  # the leading newline lets line 2 close it
    if match:
        yaml = rest[:max(match.start() - 1, 0)]
        lines = yaml.count("\n") + 1 if match.start() else 0
        body = rest[match.end():]  # rest is one shorter than what was searched
        return Split(yaml=yaml + "\n" if lines else "", yaml_line=2, body=body,
                     body_line=lines + 3)
    return Problem(path, 1, 1, RULE, "error",
                   "front matter is never closed: add a line '---' after the fields")
