"""Escaping of untrusted values (titles, labels, tags) for generated Markdown pages."""

from __future__ import annotations

import html
import re

from radar_as_code.lint.report import UNPRINTABLE as _CONTROL

_MD = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def inline(value: str) -> str:
    """A value shown as literal text inside Markdown: no HTML, no Markdown markup."""
    value = _CONTROL.sub("", value)
    return _MD.sub(r"\\\1", html.escape(value, quote=True))


def attr(value: str) -> str:
    """A value inside an HTML or SVG attribute, or inside an element, as text."""
    return html.escape(_CONTROL.sub("", value), quote=True)


def count(n: int, one: str, many: str) -> str:
    """``1 blip``, ``2 blips``: a number and the word for it (labels of the config)."""
    return f"{n} {one if n == 1 else many}"


def slug(value: str) -> str:
    """A file-name-safe form of a tag name."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", value).strip("-.") or "edition"
