"""A blip's one-line summary for lists: derived, never stored. It is the first sentence of
the rationale's Decision section (the radar's ``decision`` section), else of its first
paragraph, as plain text: links keep their text, markup is dropped. A sentence that only
names the ring ("Adopt.", "Ring: **Trial**.") is skipped.

Cheap on purpose (a few regular expressions, no Markdown engine): a list of 10,000 blips
asks for 10,000 summaries.
"""

from __future__ import annotations

import re

from radar_as_code.core.model import Blip, RadarConfig

LIMIT = 180  # characters, then an ellipsis
_SKIP = re.compile(r"^\s*(?:#|```|~~~|\||<!--|\[[^\]]+\]:)")
_MARKER = re.compile(r"^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_TAG = re.compile(r"<[^>]{1,200}>")
_STRONG = re.compile(r"(\*\*|__)(.+?)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])")
_CODE = re.compile(r"`+([^`]*)`+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"'(*_]*[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b(?:e\.g|i\.e|etc|vs|cf|Mr|Dr|No)\.)$")


def _paragraph(text: str) -> str:
    """The first paragraph of Markdown text that is prose (not a heading, code or table)."""
    lines: list[str] = []
    fenced = False
    for line in text.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or (not lines and (not line.strip() or _SKIP.match(line))):
            continue
        if not line.strip() or (lines and _SKIP.match(line)):
            break
        lines.append(_MARKER.sub("", line, count=1).strip())
    return " ".join(lines)


def plain(text: str) -> str:
    """Inline Markdown as plain text."""
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\2", text)
    return re.sub(r"\s+", " ", text.replace("\\", "")).strip()


def _sentences(text: str) -> list[str]:
    parts: list[str] = []
    for piece in _SENTENCE.split(text):
        if parts and _ABBREVIATION.search(parts[-1]):
            parts[-1] += " " + piece
        else:
            parts.append(piece)
    return parts


def summary(blip: Blip, config: RadarConfig) -> str:
    """The one-line summary of a blip ('' when its rationale has no prose)."""
    heading = next((s.heading for s in config.blip_sections if s.id == "decision"), None)
    sections = blip.body.sections
    chosen = next((s.text for s in sections
                   if heading and s.heading.casefold() == heading.casefold()), None)
    text = _paragraph(chosen) if chosen else ""
    if not text:
        text = _paragraph(blip.body.preamble) or next(
            (p for p in (_paragraph(s.text) for s in sections) if p), "")
    sentences = [s for s in _sentences(plain(text)) if s]
    while len(sentences) > 1 and len(sentences[0].split()) < 4:  # "Adopt.", "Ring: Trial."
        sentences.pop(0)
    line = sentences[0] if sentences else ""
    return line if len(line) <= LIMIT else line[:LIMIT - 1].rsplit(" ", 1)[0] + "…"
