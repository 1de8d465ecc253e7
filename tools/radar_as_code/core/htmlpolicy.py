"""Which HTML a blip may carry, and where raw HTML sits in a Markdown body.

The allow-list is plain data so that code without the site's extra (nh3) uses the same
list as the site: `site/sanitize.py` hands it to nh3 when pages are published; imports
(`interchange/`) apply it with the small sanitiser below, after entity decoding; the
``raw-html`` lint rule reports what is left. Code (fenced, indented, spans) is never HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from radar_as_code.core.markdown import without_code_spans

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
})
ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"class", "id", "title", "lang"}),
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "td": frozenset({"style", "colspan", "rowspan"}),
    "th": frozenset({"style", "colspan", "rowspan"}),
    "ol": frozenset({"start"}),
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
URL_ATTRIBUTES = frozenset({"href", "src"})
DROPPED_WITH_CONTENT = frozenset({"script", "style"})  # as nh3 does

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_START = re.compile(r"<(?:[A-Za-z/]|!--)")
_NAME = r"[A-Za-z][A-Za-z0-9-]*"
_ATTRIBUTE = (r"""\s+([A-Za-z_:][A-Za-z0-9_.:-]*)(?:\s*=\s*([^\s"'=<>`]+|'[^']*'|"[^"]*"))?""")
_OPEN = re.compile(rf"<({_NAME})((?:{_ATTRIBUTE})*)\s*(/?)>")
_CLOSE = re.compile(rf"</({_NAME})\s*>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ATTRIBUTES = re.compile(_ATTRIBUTE)
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
WINDOW = 4096  # a tag longer than this is not recognised: bounded work per '<'


@dataclass(frozen=True)
class Tag:
    start: int  # offset in the text
    end: int
    name: str  # lower case; "!--" for a comment
    closing: bool
    attributes: tuple[tuple[str, str | None], ...] = ()


def code_mask(text: str) -> list[bool]:
    """Per line: is it inside a fenced or indented code block?"""
    mask = []
    fence: str | None = None
    previous_text = False
    for line in text.split("\n"):
        if fence is not None:
            mask.append(True)
            stripped = line.strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
            continue
        opened = _FENCE.match(line)
        if opened:
            fence = opened.group(1)
            mask.append(True)
            previous_text = False
            continue
        indented = line.startswith(("    ", "\t")) and not previous_text
        mask.append(indented)
        previous_text = bool(line.strip()) and not indented
    return mask


def tags(text: str) -> Iterator[Tag]:
    """Raw HTML tags and comments of a Markdown text, outside code, in order."""
    lines = text.split("\n")
    blanked = [" " * len(line) if code else without_code_spans(line)  # linear, unlike a regex
               for line, code in zip(lines, code_mask(text), strict=True)]
    prose = "\n".join(blanked)
    pos = 0
    while True:
        found = _START.search(prose, pos)
        if found is None:
            return
        start = found.start()
        window = prose[start:start + WINDOW]
        match = _COMMENT.match(window) or _CLOSE.match(window) or _OPEN.match(window)
        if match is None:
            pos = start + 1
            continue
        raw = match.group(0)
        if raw.startswith("<!--"):
            yield Tag(start, start + len(raw), "!--", False)
        elif raw.startswith("</"):
            yield Tag(start, start + len(raw), match.group(1).lower(), True)
        else:
            pairs = tuple((a.group(1).lower(), None if a.group(2) is None else
                           html.unescape(a.group(2).strip("'\"")))
                          for a in _ATTRIBUTES.finditer(match.group(2)))
            yield Tag(start, start + len(raw), match.group(1).lower(), False, pairs)
        pos = start + len(raw)


def safe_url(url: str) -> bool:
    """Relative, or one of the allowed schemes (checked after entity decoding)."""
    decoded = html.unescape(url)
    cleaned = "".join(ch for ch in decoded if ch > " " and ch != "\x7f")
    scheme = _SCHEME.match(cleaned)
    return scheme is None or scheme.group(1).lower() in URL_SCHEMES


def allowed(tag: str, attribute: str) -> bool:
    return attribute in ATTRIBUTES["*"] or attribute in ATTRIBUTES.get(tag, frozenset())


def _rebuilt(tag: Tag) -> str:
    if tag.closing:
        return f"</{tag.name}>"
    parts = [tag.name]
    for name, value in tag.attributes:
        if not allowed(tag.name, name) or value is None:
            continue
        if name in URL_ATTRIBUTES and not safe_url(value):
            continue
        parts.append(f'{name}="{html.escape(value, quote=True)}"')
    return "<" + " ".join(parts) + ">"


def sanitise_markdown(text: str) -> tuple[str, int]:
    """Raw HTML in a Markdown text cut to the allow-list: other tags and comments removed
    (script and style with their content), attributes and URLs filtered. Also returns how
    many tags or comments were removed or changed."""
    out: list[str] = []
    pos = 0
    changed = 0
    skip_until: str | None = None
    for tag in tags(text):
        if skip_until is not None:
            if tag.closing and tag.name == skip_until:
                skip_until = None
                pos = tag.end
            continue
        out.append(text[pos:tag.start])
        raw = text[tag.start:tag.end]
        keep = _rebuilt(tag) if tag.name in TAGS else ""
        if tag.name in DROPPED_WITH_CONTENT and not tag.closing:
            skip_until = tag.name
        changed += keep != raw
        out.append(keep)
        pos = tag.end
    if skip_until is None:
        out.append(text[pos:])
    cleaned = "".join(out)
    if changed:  # a removed tag leaves no single trailing space behind (outside code)
        lines = cleaned.split("\n")
        cleaned = "\n".join(re.sub(r"(?<=\S) $", "", line) if not code else line
                             for line, code in zip(lines, code_mask(cleaned), strict=True))
    return cleaned, changed
