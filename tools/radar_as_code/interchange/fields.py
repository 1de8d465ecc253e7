"""Values read from a source, checked where they are read so that a problem names its row."""

from __future__ import annotations

import re
import unicodedata

from radar_as_code.interchange.markup import html_to_markdown
from radar_as_code.interchange.records import Problems, Release, Where

MAX_TITLE = 200
MAX_TEXT = 256 * 1024  # one description
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def text(value: object, where: Where, what: str, problems: Problems,
         required: bool = False) -> str | None:
    """A text value: a string of real characters (no lone surrogate, no control
    character but tab and newline), not too long; None (a problem if required) when absent."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            problems.add(where, f"{what} is empty or missing")
        return None
    if not isinstance(value, str):
        problems.add(where, f"{what} must be text, not {type(value).__name__} {value!r:.40}")
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        problems.add(where, f"{what} holds U+{ord(value[exc.start]):04X}, which is not a "
                     "character (a lone surrogate)")
        return None
    if len(value) > MAX_TEXT:
        problems.add(where, f"{what} is longer than {MAX_TEXT // 1024} KiB")
        return None
    bad = _UNSAFE.search(value)
    if bad:
        problems.add(where, f"{what} holds the control character U+{ord(bad.group()):04X}")
        return None
    return value


def title(value: object, where: Where, problems: Problems, what: str = "name") -> str | None:
    """A blip's name: one line of text, with a letter or digit (it makes the file name)."""
    found = text(value, where, what, problems, required=True)
    if found is None:
        return None
    found = " ".join(unicodedata.normalize("NFC", found).split())
    bad = _UNSAFE_LINE.search(found)
    if bad:
        problems.add(where, f"{what} '{found[:60]}' holds U+{ord(bad.group()):04X}: a name "
                     "is one line of plain text")
        return None
    if len(found) > MAX_TITLE:
        problems.add(where, f"{what} is longer than {MAX_TITLE} characters")
        return None
    if not any(c.isalnum() for c in found):
        problems.add(where, f"{what} '{found}' has no letter or digit to make an id from")
        return None
    return found


def description(value: object, where: Where, problems: Problems, release: Release) -> str:
    """An HTML description as Markdown; links and images left out are noted."""
    found = text(value, where, "description", problems)
    if found is None:
        return ""
    markdown, dropped = html_to_markdown(found)
    if dropped:
        release.notes.append((where, f"{dropped} link(s) or image(s) with a relative or "
                              "unsafe URL kept as text"))
    return markdown


def names(value: object, where: Where, problems: Problems, what: str) -> tuple[str, ...]:
    """A list of names: a JSON list, or text separated by ';' (as CSV cells hold them)."""
    if value is None or value == "":
        return ()
    parts = value if isinstance(value, list) else \
        (value.split(";") if isinstance(value, str) else [value])
    out = []
    for part in parts:
        found = text(part, where, what, problems)
        if found is not None and found.strip():
            out.append(" ".join(found.split()))
    return tuple(out)
