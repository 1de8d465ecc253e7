"""Just enough Markdown for linting: headings, sections and link targets, with positions.

A line scanner rather than a full parser, for speed: it knows fenced and indented code
blocks, code spans, ATX and setext headings, inline links and images, and reference
definitions. The site renders bodies with a real Markdown engine; this module only has
to find what the rules check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SPECIAL_START = frozenset("#`~ \t-=")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_INLINE_LINK = re.compile(
    r"(!?)\[(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*\]"
    r"\(\s*(<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
)
_REF_DEF = re.compile(r"^ {0,3}\[(?:[^\[\]\\]|\\.)+\]:[ \t]*(<[^<>\n]*>|\S+)")


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
class Body:
    sections: tuple[Section, ...]
    links: tuple[Link, ...]
    title_headings: tuple[int, ...]  # lines of level-1 headings
    preamble: str  # text before the first level-2 heading
    first_line: int  # line of the file where the body starts
    text: str = field(default="", repr=False, compare=False)  # the body as written


def _blank_code_spans(line: str) -> str:
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def _links(raw: str, number: int) -> list[Link]:
    scanned = _blank_code_spans(raw)
    found = []
    ref = _REF_DEF.match(scanned)
    if ref:
        found.append(Link(ref.group(1).strip("<>"), number, ref.start(1) + 1))
    for match in _INLINE_LINK.finditer(scanned):
        found.append(Link(match.group(2).strip("<>"), number, match.start(2) + 1))
    return found


def scan(body: str, first_line: int = 1) -> Body:
    """Scan a Markdown body whose first line is line ``first_line`` of its file."""
    lines = body.split("\n")
    sections: list[Section] = []
    links: list[Link] = []
    h1: list[int] = []
    current: tuple[str, int] | None = None
    start = 0
    subs: list[str] = []
    preamble_end = len(lines)
    fence: str | None = None
    previous_text = False  # was the line before a paragraph line (for setext headings)?

    def close(end: int) -> None:
        if current is not None:
            sections.append(Section(current[0], current[1],
                                    "\n".join(lines[start:end]).strip(), tuple(subs)))

    for index, raw in enumerate(lines):
        first = raw[:1]
        if fence is None and (first not in _SPECIAL_START or (
                first in "-=" and not previous_text)) and "](" not in raw and "]:" not in raw:
            previous_text = bool(raw) and not raw.isspace()
            continue  # plain text or a list item: the common case
        number = index + first_line
        if fence is not None:
            if raw.strip().startswith(fence) and set(raw.strip()) == {fence[0]}:
                fence = None
            continue
        opened = _FENCE.match(raw)
        if opened:
            fence = opened.group(1)
            previous_text = False
            continue
        if raw.startswith(("    ", "\t")) and not previous_text:
            continue  # indented code block
        level, text = 0, ""
        atx = _ATX.match(raw)
        if atx:
            level, text = len(atx.group(1)), (atx.group(2) or "").strip()
        elif previous_text and _SETEXT.match(raw):
            level, text = (1 if raw.strip()[0] == "=" else 2), lines[index - 1].strip()
            number -= 1
        if level:
            previous_text = False
            if level == 1:
                h1.append(number)
            if level <= 2:
                close(index - 1 if not atx else index)
                preamble_end = min(preamble_end, index - (0 if atx else 1))
                current, start, subs = ((text, number) if level == 2 else None), index + 1, []
            elif level == 3 and current is not None:
                subs.append(text)
            continue
        previous_text = bool(raw.strip())
        if "](" in raw or "]:" in raw:
            links.extend(_links(raw, number))
    close(len(lines))
    return Body(tuple(sections), tuple(links), tuple(h1),
                "\n".join(lines[:preamble_end]).strip(), first_line, body)
