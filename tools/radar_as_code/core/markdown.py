"""Just enough Markdown for linting: headings, sections and link targets, with positions.

A line scanner rather than a full parser, for speed: it knows fenced and indented code
blocks, code spans, ATX and setext headings, inline links and images, and reference
definitions. The site renders bodies with a real Markdown engine; this module only has
to find what the rules check.

Bodies come from pull requests, so the scanner takes time in proportion to the body
whatever it holds: no pattern here can backtrack over what it has already read (code
spans and headings are matched by hand, link destinations with possessive quantifiers,
see ``_links``), and ``Body.steps`` counts the work for the tests and the benchmark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from radar_as_code.core.body import Body, Found, Link, Section

__all__ = ["Body", "Found", "Link", "LinkSpan", "Section", "find", "link_spans", "scan",
           "without_code_spans"]

_SPECIAL_START = frozenset("#`~ \t-=")
_FENCE = re.compile(r"^ {0,3}(`{3,}+|~{3,}+)")
_SETEXT = re.compile(r"^ {0,3}+(?:=++|-++)[ \t]*+$")
_BACKTICKS = re.compile(r"`+")
_LINK_TOKEN = re.compile(r"\\.|\[|\]\(?")  # an escape, an opening bracket, `]` or `](`
_DESTINATION = re.compile(  # what follows `](`: the target, an optional title, then `)`
    r"\s*+(<[^<>\n]*+>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*+\))*+)"
    r"(?:\s++(?:\"[^\"]*+\"|'[^']*+'|\([^()]*+\)))?\s*+\)"
)
_REF_DEF = re.compile(r"^ {0,3}+\[(?:[^\[\]\\]|\\.)++\]:[ \t]*+(<[^<>\n]*+>|\S++)")


def _blank_code_spans(line: str) -> tuple[str, int]:
    """The line with its code spans blanked out, and the number of backtick runs seen.

    A run of backticks opens a span that the next run of the same length closes
    (CommonMark); the next run of each length is found in one pass from the right, so a
    line of unmatched runs costs no more than a line of matched ones.
    """
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(line)]
    if len(runs) < 2:
        return line, len(runs)
    closer = [-1] * len(runs)
    last: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        closer[index] = last.get(length, -1)
        last[length] = index
    parts: list[str] = []
    done = index = 0
    while index < len(runs):
        end = closer[index]
        if end < 0:
            index += 1
            continue
        start, stop = runs[index][0], runs[end][1]
        parts += (line[done:start], " " * (stop - start))
        done, index = stop, end + 1
    parts.append(line[done:])
    return "".join(parts), len(runs)


def without_code_spans(line: str) -> str:
    """The line with its code spans blanked out (same length), in linear time."""
    return _blank_code_spans(line)[0]


def _atx(raw: str) -> tuple[int, str] | None:
    """An ATX heading's level and text (``## Text ##``), or None."""
    text = raw.lstrip(" ")
    if len(raw) - len(text) > 3 or not text.startswith("#"):
        return None
    rest = text.lstrip("#")
    level = len(text) - len(rest)
    if level > 6 or rest[:1] not in ("", " ", "\t"):
        return None
    rest = rest.strip(" \t")
    unclosed = rest.rstrip("#")
    if not unclosed:
        return level, ""
    if unclosed != rest and unclosed[-1] in " \t":
        rest = unclosed
    return level, rest.strip()


@dataclass(frozen=True)
class LinkSpan:
    """Where an inline link or image is in a line: ``[label](target "title")``."""

    start: int  # of the ``!`` of an image, else of ``[``
    label: tuple[int, int]  # the label with its brackets
    target: tuple[int, int]  # the destination as written (maybe ``<...>``)
    end: int  # after the closing ``)``


def link_spans(raw: str) -> tuple[list[LinkSpan], int]:
    """The inline links and images of a line, outside code spans, and the work done.

    Brackets are matched with a stack; each ``](`` closing an open bracket is tried as a
    link. A try that fails reads at most to the end of its destination, its title or its
    ``<...>`` target, and each of those stops at the next ``(`` group, quote of its kind or
    ``<``, which every later try begins with: the tries read each character a bounded
    number of times.
    """
    scanned, steps = _blank_code_spans(raw)
    found = []
    opened: list[int] = []
    resume = 0
    for token in _LINK_TOKEN.finditer(scanned):
        steps += 1
        start, kind = token.start(), token.group()
        if start < resume or kind[0] == "\\":
            continue
        if kind == "[":
            opened.append(start)
            continue
        if not opened:
            continue
        label = opened.pop()
        if kind == "](":
            target = _DESTINATION.match(scanned, token.end())
            if target:
                first = label - 1 if label and scanned[label - 1] == "!" else label
                found.append(LinkSpan(first, (label, start + 1), target.span(1), target.end()))
                opened.clear()
                resume = target.end()
    return found, steps


def _links(raw: str, number: int) -> tuple[list[Link], int]:
    """The link targets of a line (inline links, images, a reference definition), and the
    work done."""
    spans, steps = link_spans(raw)
    found = []
    ref = _REF_DEF.match(_blank_code_spans(raw)[0]) if "]:" in raw else None
    if ref:
        found.append(Link(ref.group(1).strip("<>"), number, ref.start(1) + 1))
    for span in spans:
        begin, end = span.target
        found.append(Link(raw[begin:end].strip("<>"), number, begin + 1))
    return found, steps


def scan(body: str, first_line: int = 1) -> Body:
    """A Markdown body whose first line is line ``first_line`` of its file, scanned now
    (``Body(text, first_line)`` scans it when first asked)."""
    scanned = Body(body, first_line)
    scanned.found  # noqa: B018 - the scan, done here
    return scanned


def find(body: str, first_line: int) -> Found:
    """What a body holds: its sections, links and level-1 headings."""
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
    steps = len(lines)

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
        atx = _atx(raw) if first in " #" else None
        if atx:
            level, text = atx
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
            found, work = _links(raw, number)
            links.extend(found)
            steps += work
    close(len(lines))
    return Found(tuple(sections), tuple(links), tuple(h1),
                 "\n".join(lines[:preamble_end]).strip(), steps)
