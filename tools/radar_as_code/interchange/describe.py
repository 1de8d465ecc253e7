"""A blip's text between this tool and formats with one description.

On import, a source's description becomes the blip's ``## Context`` section, its own
headings moved two levels down (``#`` becomes ``###``) so that they stay inside it; no
other section is written (an import invents no text). On export, a blip whose body is
only that section gives its text back with the headings moved up again, so a
description survives a round trip; any other blip gives its whole body.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from radar_as_code.core import htmlpolicy
from radar_as_code.core.model import Blip

_ATX = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
CONTEXT = "Context"
HEADING_SHIFT = 2


def shift_headings(text: str, by: int) -> str:
    """ATX headings moved ``by`` levels (kept between 1 and 6), setext headings written as
    ATX ones; code blocks untouched."""
    lines = text.split("\n")
    code = htmlpolicy.code_mask(text)
    out: list[str] = []
    for index, line in enumerate(lines):
        if code[index]:
            out.append(line)
            continue
        previous = out[-1] if out else ""
        setext = _SETEXT.match(line)
        if setext and previous.strip() and not code[index - 1] and \
                not _ATX.match(previous) and index > 0:
            level = 1 if setext.group(1).startswith("=") else 2
            out[-1] = "#" * min(6, max(1, level + by)) + " " + previous.strip()
            continue
        out.append(_ATX.sub(lambda m: m.group(1) + "#" * min(6, max(1, len(m.group(2)) + by)),
                            line))
    return "\n".join(out)


def body_from(text: str, heading: str = CONTEXT) -> str:
    """A blip body for a source's description (Markdown): one section, or nothing."""
    text = text.strip()
    if not text:
        return ""
    return f"\n## {heading}\n\n{shift_headings(text, HEADING_SHIFT)}\n"


def markdown_of(blip: Blip) -> str:
    """The blip's text for a format with one Markdown description."""
    body = blip.body
    sections = body.sections
    if len(sections) == 1 and sections[0].heading == CONTEXT and not body.preamble and \
            not body.title_headings:
        return shift_headings(sections[0].text, -HEADING_SHIFT).strip()
    return body.text.strip()


class _Filter(HTMLParser):
    """HTML cut to a smaller allow-list (BYOR's): other tags leave only their text."""

    def __init__(self, tags: frozenset[str]) -> None:
        super().__init__(convert_charrefs=False)
        self.tags = tags
        self.out: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = "ul" if tag == "ol" else tag
        if tag in htmlpolicy.DROPPED_WITH_CONTENT:
            self.skip += 1
        elif tag in self.tags and not self.skip:
            href = dict(attrs).get("href") if tag == "a" else None
            safe = href is not None and htmlpolicy.safe_url(href)
            self.out.append(f'<a href="{_attr(href)}">' if safe and href is not None
                            else f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        tag = "ul" if tag == "ol" else tag
        if tag in htmlpolicy.DROPPED_WITH_CONTENT:
            self.skip = max(0, self.skip - 1)
        elif tag in self.tags and not self.skip and tag != "br":
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(data.replace("<", "&lt;").replace(">", "&gt;"))

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def html_of(blip: Blip, tags: frozenset[str]) -> str:
    """The blip's text as HTML with only ``tags`` (links keep safe ``href``s)."""
    import markdown  # only the exporters that write HTML pay for it

    rendered = str(markdown.markdown(markdown_of(blip), extensions=["tables"]))
    parser = _Filter(tags)
    parser.feed(rendered)
    parser.close()
    return "".join(parser.out).strip()
