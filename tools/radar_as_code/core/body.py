"""A Markdown body and what it holds: sections, links and level-1 headings, with their
lines (found by ``core/markdown.py``).

A body is scanned when first asked what it holds, not when it is read: a comparison of
two editions reads many bodies whose text alone tells that they did not change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Link:
    target: str
    line: int
    col: int


@dataclass(frozen=True)
class Section:
    heading: str
    line: int  # line of the heading
    text: str  # everything up to the next heading of level 1 or 2
    subheadings: tuple[str, ...]  # level-3 headings inside it


@dataclass(frozen=True)
class Found:
    """What a scan finds in a body."""

    sections: tuple[Section, ...]
    links: tuple[Link, ...]
    title_headings: tuple[int, ...]  # lines of level-1 headings
    preamble: str  # text before the first level-2 heading
    steps: int = field(default=0, compare=False)  # work done: lines and tokens


@dataclass(frozen=True, eq=False)
class Body:
    """A Markdown body as written. Two bodies are equal when they hold the same things
    from the same line on (their texts may differ in what the scan ignores)."""

    text: str = field(default="", repr=False)
    first_line: int = 1  # line of the file where the body starts

    @cached_property
    def found(self) -> Found:
        from radar_as_code.core.markdown import find

        return find(self.text, self.first_line)

    @property
    def sections(self) -> tuple[Section, ...]:
        return self.found.sections

    @property
    def links(self) -> tuple[Link, ...]:
        return self.found.links

    @property
    def title_headings(self) -> tuple[int, ...]:
        return self.found.title_headings

    @property
    def preamble(self) -> str:
        return self.found.preamble

    @property
    def steps(self) -> int:
        return self.found.steps

    def same_sections(self, other: Body) -> bool:
        """Same sections (headings and texts, wherever the body starts: a field added to
        the front matter moves it, and revises nothing); scanned only where the texts
        differ."""
        if self.text == other.text:
            return True
        return [(s.heading, s.text) for s in self.sections] == \
            [(s.heading, s.text) for s in other.sections]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Body):
            return NotImplemented
        if self.first_line != other.first_line:
            return False
        return self.text == other.text or self.found == other.found

    def __hash__(self) -> int:
        return hash((self.first_line, self.found))
