"""Split a Markdown file into its YAML front matter and its body, keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass

from radar_as_code.problem import Problem

RULE = "front-matter"
_OPEN = "---"
_CLOSE = ("---", "...")


@dataclass(frozen=True)
class Split:
    yaml: str
    yaml_line: int  # 1-based line of the file where the YAML text starts
    body: str
    body_line: int  # 1-based line of the file where the body starts


def split(path: str, text: str) -> Split | Problem:
    lines = text.split("\n")
    if lines[0].rstrip() != _OPEN:
        return Problem(path, 1, 1, RULE, "error",
                       "file must start with YAML front matter: a line '---', the fields, "
                       "then a closing '---'")
    for index in range(1, len(lines)):
        if lines[index].rstrip() in _CLOSE:
            return Split(
                yaml="\n".join(lines[1:index]) + "\n",
                yaml_line=2,
                body="\n".join(lines[index + 1:]),
                body_line=index + 2,
            )
    return Problem(path, 1, 1, RULE, "error",
                   "front matter is never closed: add a line '---' after the fields")
