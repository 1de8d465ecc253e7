"""Descriptions between formats: Markdown bodies out, HTML descriptions in."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from radar_as_code.core.model import Blip

_INLINE = {"strong": "**", "b": "**", "em": "*", "i": "*", "code": "`"}
_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
           "blockquote", "pre", "table", "tr"}


def description(blip: Blip) -> str:
    """The rationale as Markdown (context first), for formats with one description."""
    return blip.body.text.strip()


def description_html(blip: Blip) -> str:
    """The rationale as simple HTML, for formats whose descriptions are HTML."""
    import markdown  # only the exporters that need HTML pay for it

    return str(markdown.markdown(description(blip), extensions=["tables"]))


class _ToMarkdown(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.href: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            href = dict(attrs).get("href")
            safe = href if href and re.match(r"^(https?:|mailto:)", href) else None
            self.href.append(safe)
            if safe:
                self.out.append("[")
        elif tag == "li":
            self.out.append("\n- ")
        else:
            self._mark(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            href = self.href.pop() if self.href else None
            if href:
                self.out.append(f"]({href})")
        elif tag != "li":
            self._mark(tag)

    def _mark(self, tag: str) -> None:
        if tag in _INLINE:
            self.out.append(_INLINE[tag])
        elif tag in _BLOCKS:
            self.out.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.out.append(re.sub(r"\s+", " ", data))


def html_to_markdown(text: str) -> str:
    """HTML (as BYOR and Zalando descriptions are) to Markdown; other tags are dropped."""
    if "<" not in text:
        return html.unescape(text).strip()
    parser = _ToMarkdown()
    parser.feed(text)
    parser.close()
    joined = "".join(parser.out)
    lines = [line.strip() for line in joined.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
