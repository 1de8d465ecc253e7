"""Problems to text: human, JSON and GitHub workflow-command annotations."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from radar_as_code.core.problem import Problem

FORMATS = ("text", "json", "github")
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """User content can reach a terminal or a CI log: show control characters escaped."""
    return UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256
                            else f"\\u{ord(m.group()):04x}", text)


def summary(problems: Sequence[Problem]) -> str:
    errors = sum(p.level == "error" for p in problems)
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    if not problems:
        return "no problems"
    return (f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
            f"in {files} file{'s' * (files != 1)}")


def text(problems: Sequence[Problem]) -> str:
    lines = [f"{printable(p.path)}:{p.line}:{p.col}: {p.level}: {printable(p.message)} [{p.rule}]"
             for p in problems]
    return "\n".join(lines)


def as_json(problems: Sequence[Problem]) -> str:
    errors = sum(p.level == "error" for p in problems)
    return json.dumps({"problems": [p.as_dict() for p in problems], "errors": errors,
                       "warnings": len(problems) - errors}, indent=2, ensure_ascii=False)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(problems: Sequence[Problem]) -> str:
    """GitHub Actions workflow commands: one annotation per problem."""
    lines = []
    for p in problems:
        kind = "error" if p.level == "error" else "warning"
        props = (f"file={_escape_property(p.path)},line={max(p.line, 1)},col={max(p.col, 1)},"
                 f"title={_escape_property(p.rule)}")
        lines.append(f"::{kind} {props}::{_escape_data(printable(p.message))}")
    return "\n".join(lines)


def render(problems: Sequence[Problem], fmt: str) -> str:
    if fmt == "json":
        return as_json(problems)
    if fmt == "github":
        return github(problems)
    return text(problems)
