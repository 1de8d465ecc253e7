"""Problems to text: human, JSON and GitHub workflow-command annotations.

Each format shows the first ``PER_FILE`` problems of a file and then says how many more
it has (compilers do the same): forty thousand unknown keys make fifty lines and a
count, not forty thousand lines. The JSON keeps the totals.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from radar_as_code.core.problem import Problem
from radar_as_code.core.tally import PER_FILE, Capped, Key, cap

FORMATS = ("text", "json", "github")
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """User content can reach a terminal or a CI log: show control characters escaped."""
    return UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256
                            else f"\\u{ord(m.group()):04x}", text)


Counted = Mapping[Key, int] | None  # problems only counted while collecting (core/tally.py)


def summary(problems: Sequence[Problem], per_file: int = PER_FILE,
            counted: Counted = None) -> str:
    capped = cap(problems, per_file, counted)
    errors, warnings = capped.errors, capped.warnings
    files = len({p.path for p in problems} | set(capped.omitted))
    if not errors + warnings:
        return "no problems"
    hidden = sum(capped.omitted.values())
    more = f" ({hidden:,} not shown: --max-per-file N shows more)" if hidden else ""
    return (f"{errors:,} error{'s' * (errors != 1)}, {warnings:,} "
            f"warning{'s' * (warnings != 1)} in {files:,} file{'s' * (files != 1)}{more}")


def _more(count: int) -> str:
    return f"... and {count:,} more in this file"


def _with_notes(capped: Capped, line: Callable[[Problem], str],
                note: Callable[[str, int], str]) -> str:
    """Each shown problem, and after a file's last one, how many of its problems are not
    shown."""
    lines: list[str] = []
    shown, omitted = capped.shown, dict(capped.omitted)
    for index, problem in enumerate(shown):
        lines.append(line(problem))
        last = index + 1 == len(shown) or shown[index + 1].path != problem.path
        if last and problem.path in omitted:
            lines.append(note(problem.path, omitted.pop(problem.path)))
    lines.extend(note(path, count) for path, count in sorted(omitted.items()))
    return "\n".join(lines)


def text(problems: Sequence[Problem], per_file: int = PER_FILE, counted: Counted = None) -> str:
    return _with_notes(
        cap(problems, per_file, counted),
        lambda p: f"{printable(p.path)}:{p.line}:{p.col}: {p.level}: {printable(p.message)} "
                  f"[{p.rule}]",
        lambda path, count: f"{printable(path)}: {_more(count)}")


def as_json(problems: Sequence[Problem], per_file: int = PER_FILE,
            counted: Counted = None) -> str:
    import json  # for this format only: start-up counts (tools/decisions/0006)

    capped = cap(problems, per_file, counted)
    return json.dumps({"problems": [p.as_dict() for p in capped.shown],
                       "errors": capped.errors, "warnings": capped.warnings,
                       "total": capped.errors + capped.warnings, "omitted": capped.omitted},
                      indent=2, ensure_ascii=False)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _annotation(p: Problem) -> str:
    kind = "error" if p.level == "error" else "warning"
    props = (f"file={_escape_property(p.path)},line={max(p.line, 1)},col={max(p.col, 1)},"
             f"title={_escape_property(p.rule)}")
    return f"::{kind} {props}::{_escape_data(printable(p.message))}"


def github(problems: Sequence[Problem], per_file: int = PER_FILE,
           counted: Counted = None) -> str:
    """GitHub Actions workflow commands: one annotation per problem shown, and a notice
    for the rest of a file."""
    return _with_notes(
        cap(problems, per_file, counted), _annotation,
        lambda path, count: f"::notice file={_escape_property(path)},line=1,col=1,"
                            f"title=radar::{_escape_data(_more(count))}")


def render(problems: Sequence[Problem], fmt: str, per_file: int = PER_FILE,
           counted: Counted = None) -> str:
    if fmt == "json":
        return as_json(problems, per_file, counted)
    if fmt == "github":
        return github(problems, per_file, counted)
    return text(problems, per_file, counted)
