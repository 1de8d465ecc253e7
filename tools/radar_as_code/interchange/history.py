"""Editions to a radar repository: one commit and one ``edition-DATE`` tag per release.

The whole history is written by one ``git fast-import`` (each commit holds only the files
its edition changes), then checked out; the radar is checked as `radar check` would, and
the free text of every file version on the way as the model checks it. All of it happens
in one temporary folder (`workspace.py`); the destination appears only when all is well.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from radar_as_code.core.layout import CONFIG_PATH
from radar_as_code.core.load import load
from radar_as_code.core.reader import WorktreeReader
from radar_as_code.editions.git import Git
from radar_as_code.interchange import blipfile, workspace
from radar_as_code.interchange.records import Problems, Where
from radar_as_code.interchange.replay import Edition, State
from radar_as_code.interchange.vocab import Entry
from radar_as_code.lint import checking, unfinished

_WHO = b"radar import <radar@invalid>"


@dataclass
class Plan:
    format: str
    title: str
    quadrants: list[Entry]
    rings: list[Entry]
    editions: list[Edition]
    files: dict[str, bytes] = field(default_factory=dict)  # other files: images...
    where: Where = field(default_factory=lambda: Where(""))  # the config's source

    def tags(self) -> list[str]:
        found: set[str] = set()
        for edition in self.editions:
            for state in edition.changed.values():
                found.update(blipfile.tag_ids(state.tags))
        return sorted(found)


def tag_name(date: str) -> str:
    return f"edition-{date}"


def _data(payload: bytes) -> bytes:
    return b"data %d\n%s\n" % (len(payload), payload)


def _stamp(date: str) -> bytes:
    moment = datetime.fromisoformat(f"{date}T12:00:00+00:00").astimezone(UTC)
    return b"%s %d +0000" % (_WHO, int(moment.timestamp()))


class _Stream:
    """The fast-import stream of the plan; every file version is checked as it goes."""

    def __init__(self, plan: Plan, problems: Problems) -> None:
        self.plan, self.problems = plan, problems
        self.written: list[int] = []  # files per edition
        self.final: dict[str, State] = {}
        self.valid: set[str] = set()

    def chunks(self) -> Iterator[bytes]:
        plan = self.plan
        config = blipfile.config(plan.title, plan.quadrants, plan.rings, plan.tags())
        for mark, edition in enumerate(plan.editions, start=1):
            stamp = _stamp(edition.date)
            message = f"Edition {edition.date}, imported from {Path(edition.origin).name}\n"
            out = [b"commit refs/heads/main\nmark :%d\nauthor %s\ncommitter %s\n" % (
                mark, stamp, stamp), _data(message.encode())]
            if mark > 1:
                out.append(b"from :%d\n" % (mark - 1))
            else:
                out.append(_file(CONFIG_PATH, config.encode()))
                out.extend(_file(path, data) for path, data in sorted(plan.files.items()))
            for ident, state in sorted(edition.changed.items()):
                text = blipfile.blip(ident, state, plan.format).encode()
                self._check(ident, state, text)
                self.final[ident] = state
                out.append(_file(f"radar/{ident}.md", text))
            self.written.append(len(edition.changed))
            tag = tag_name(edition.date)
            out.append(b"\ntag %s\nfrom :%d\ntagger %s\n" % (tag.encode(), mark, stamp))
            out.append(_data(f"Edition {edition.date}\n".encode()))
            yield b"".join(out)

    def _check(self, ident: str, state: State, text: bytes) -> None:
        """The free text of a version (titles, source names) checked as the model checks
        it; everything else is made valid. Each distinct value is checked once."""
        for value in (state.title, state.name, state.source, state.source_id, *state.tags):
            if value is not None and value not in self.valid:
                message = _line_problem(value)
                if message:
                    self.problems.add(state.where, f"cannot be written as a blip: {message}")
                else:
                    self.valid.add(value)


@cache
def _line_adapter() -> TypeAdapter[str]:
    from radar_as_code.core.spec import Line

    return TypeAdapter(Line)


def _line_problem(value: str) -> str | None:
    try:
        _line_adapter().validate_python(value)
    except ValidationError as exc:
        return f"'{value[:60]}': {exc.errors()[0]['msg']}"
    return None


def _file(path: str, data: bytes) -> bytes:
    return b"M 100644 inline %s\n%s" % (path.encode(), _data(data))


def build(plan: Plan, into: Path, problems: Problems) -> list[int]:
    """Write the radar into ``into``; the number of blip files each edition wrote."""
    with workspace.workspace(into) as work:
        git = Git(work)
        git.init()
        stream = _Stream(plan, problems)
        git.fast_import(stream.chunks())
        problems.check()
        git.check_out()
        _final_check(work, stream.final, plan, problems)
        problems.check()
        workspace.finish(work, into)
        return stream.written


def _final_check(work: Path, final: dict[str, State], plan: Plan, problems: Problems) -> None:
    """The radar as `radar check` sees it; errors are told at the source's place."""
    for problem in checking.problems(load(WorktreeReader(work))):
        if problem.level != "error" or problem.rule == unfinished.ID:
            continue  # the source's own words ("TODO") are its text, kept as written
        ident = problem.path.removeprefix("radar/").removesuffix(".md")
        where = final[ident].where if ident in final else plan.where
        problems.add(where, f"the imported radar would not pass `radar check`: "
                     f"{problem.message} ({problem.path}:{problem.line}) [{problem.rule}]")
