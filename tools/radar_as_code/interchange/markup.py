"""HTML descriptions (BYOR, Zalando) to Markdown, with nothing live left in them.

Entities are decoded first (``&lt;script&gt;`` is the text ``<script>``), then every piece
of text is escaped for Markdown, so text never becomes a tag, a link or emphasis. Tags
become Markdown where Markdown has an equivalent; links and images keep only the URL
schemes of the site's allow-list (`core/htmlpolicy.py`) and only absolute URLs (a
relative link pointed into the other tool's site); the content of ``script`` and
``style`` is dropped as the site's sanitiser drops it; any other tag keeps its text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from radar_as_code.core import htmlpolicy

_INLINE = {"strong": "**", "b": "**", "em": "*", "i": "*"}
_BLOCKS = frozenset({"p", "div", "br", "hr", "table", "tr", "section", "article", "header",
                     "footer", "figure", "figcaption", "dl", "dt", "dd", "details", "summary"})
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
_SPACES = re.compile(r"\s+")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SPECIAL = frozenset("\\`*[]<&_")
_LINE_START = re.compile(r"^(\s*)([#>+=|-]|\d+[.)])")


def escape(text: str) -> str:
    """Literal text as Markdown: no markup, no tag, no entity."""
    if _SPECIAL.isdisjoint(text):
        return text
    text = text.replace("\\", "\\\\").replace("`", "\\`").replace("*", "\\*")
    text = _ENTITY.sub("&amp;", text)
    text = text.replace("[", "\\[").replace("]", "\\]").replace("<", "&lt;")
    return _UNDERSCORE.sub(r"\\_", text) if "_" in text else text


def url(value: str) -> str | None:
    """An absolute URL with an allowed scheme, made safe inside ``](...)``; else None."""
    value = value.strip()
    if not re.match(r"^(https?://|mailto:)", value, re.I) or not htmlpolicy.safe_url(value):
        return None
    return re.sub(r"[\x00-\x20<>()\x7f]", lambda m: f"%{ord(m.group()):02X}", value)


def _fence(code: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", code)), default=0)
    return "`" * max(3, longest + 1)


class _ToMarkdown(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.buffers: list[list[str]] = [[]]
        self.frames: list[str] = []  # tags whose content goes to its own buffer
        self.links: list[str | None] = []
        self.lists: list[list[int]] = []  # per open list: [next number] or [] (bullets)
        self.skip = 0
        self.at_start = True
        self.dropped = 0  # links and images left out (unsafe or relative)
        self.code_link: str | None = None

    @property
    def out(self) -> list[str]:
        return self.buffers[-1]

    def _raw(self) -> bool:
        return bool(self.frames) and self.frames[-1] in ("pre", "code")

    def _block(self) -> None:
        if self.out:
            self.out[-1] = self.out[-1].rstrip(" ")
        self.out.append("\n" if self.lists else "\n\n")
        self.at_start = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in htmlpolicy.DROPPED_WITH_CONTENT:
            self.skip += 1
        elif self.skip:
            return
        elif self._raw():
            if tag == "a" and self.frames[-1] == "code":  # <code><a>: a link around the code
                self.code_link = url(dict(attrs).get("href") or "")
            return
        elif tag in ("pre", "code", "blockquote"):
            self.frames.append(tag)
            self.buffers.append([])
        elif tag == "a":
            href = url(dict(attrs).get("href") or "")
            self.dropped += href is None and bool(dict(attrs).get("href"))
            self.links.append(href)
            if href:
                self.out.append("[")
        elif tag == "img":
            self._image(dict(attrs))
        elif tag in ("ul", "ol"):
            if not self.lists:
                self._block()
            self.lists.append([1] if tag == "ol" else [])
        elif tag == "li":
            self._item()
        elif tag in _HEADINGS:
            self._block()
            self.out.append("#" * int(tag[1]) + " ")
            self.at_start = False
        elif tag in _INLINE:
            self.out.append(_INLINE[tag])
        elif tag in _BLOCKS and not self.lists:
            self._block()
        elif tag == "br":  # inside a list item: a space, not a new item
            self.out.append(" ")

    def _image(self, attrs: dict[str, str | None]) -> None:
        src, alt = url(attrs.get("src") or ""), escape(attrs.get("alt") or "")
        if src:
            self.out.append(f"![{alt}]({src})")
        else:
            self.dropped += 1
            self.out.append(alt)

    def _item(self) -> None:
        depth = max(1, len(self.lists))
        numbers = self.lists[-1] if self.lists else []
        marker = f"{numbers[0]}. " if numbers else "- "
        if numbers:
            numbers[0] += 1
        if self.out:
            self.out[-1] = self.out[-1].rstrip(" ")
        self.out.append("\n" + "    " * (depth - 1) + marker)
        self.at_start = True

    def handle_endtag(self, tag: str) -> None:
        if tag in htmlpolicy.DROPPED_WITH_CONTENT:
            self.skip = max(0, self.skip - 1)
        elif self.skip:
            return
        elif self.frames and tag == self.frames[-1]:
            self._close_frame()
        elif self._raw():
            return
        elif tag == "a":
            href = self.links.pop() if self.links else None
            if href:
                self.out.append(f"]({href})")
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self._block()
        elif tag in _HEADINGS or (tag in _BLOCKS and not self.lists):
            self._block()
        elif tag in _INLINE:
            self.out.append(_INLINE[tag])

    def _close_frame(self) -> None:
        tag = self.frames.pop()
        content = "".join(self.buffers.pop())
        if tag == "pre":
            code = content.strip("\n")
            fence = _fence(code)
            self._block()
            self.out.append(f"{fence}\n{code}\n{fence}")
            self._block()
        elif tag == "code":
            code = " ".join(content.split())
            ticks = "`" * (max((len(m) for m in re.findall(r"`+", code)), default=0) + 1)
            pad = " " if code.startswith("`") or code.endswith("`") else ""
            span = f"{ticks}{pad}{code}{pad}{ticks}" if code else ""
            link, self.code_link = self.code_link, None
            self.out.append(f"[{span}]({link})" if link and span else span)
            self.at_start = False
        else:  # blockquote
            quoted = "\n".join(f"> {line}".rstrip() for line in _tidy(content).split("\n"))
            self._block()
            self.out.append(quoted)
            self._block()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self._raw():
            self.out.append(data)
            return
        text = _SPACES.sub(" ", data)
        if self.at_start:
            text = text.lstrip()
            if not text:
                return
            text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escape(text))
            self.at_start = False
            self.out.append(text)
            return
        self.out.append(escape(text))

    def result(self) -> str:
        while self.frames:
            self._close_frame()
        return _tidy("".join(self.buffers[0]))


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_to_markdown(text: str) -> tuple[str, int]:
    """Markdown for an HTML description, and how many links or images were left out."""
    parser = _ToMarkdown()
    parser.feed(text)
    parser.close()
    return parser.result(), parser.dropped
