"""Who is who in an import: blip ids from the source's ids or names, and unique titles.

Ids are deterministic and never collide: a source id that is a valid id is kept; any other
becomes its slug, then the slug with the quadrant, then a number (``-2``, ``-3``...), in a
fixed order, and the source id is kept in ``imported.id``. Names that differ only in case
are different blips (with different ids). A title two blips share is told apart with the
quadrant's label (then a number), and the source's name is kept in ``imported.title``.
"""

from __future__ import annotations

import re
import unicodedata

from radar_as_code.core.layout import slug
from radar_as_code.core.model import ID_PATTERN

_VALID = re.compile(ID_PATTERN)
MAX_ID = 80


def name_key(name: str) -> str:
    """Names are the same name when equal after Unicode normalisation and spacing."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def title_key(title: str) -> str:
    """As the identity rule compares titles: case and spacing do not count."""
    return " ".join(title.casefold().split())


class Ids:
    """Ids handed out so far, so that none is given twice."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, wanted: str, *fallbacks: str) -> str:
        """``wanted`` if free (and valid), else the first free fallback, else a number."""
        candidates = [c for c in (wanted, *fallbacks) if c and _VALID.match(c)
                      and len(c) <= MAX_ID]
        for candidate in candidates:
            if candidate not in self.taken:
                self.taken.add(candidate)
                return candidate
        base = (candidates[0] if candidates else "blip")[:MAX_ID - 6].rstrip("-")
        number = 2
        while f"{base}-{number}" in self.taken:
            number += 1
        ident = f"{base}-{number}"
        self.taken.add(ident)
        return ident


def source_ids(idents: list[str]) -> dict[str, str]:
    """Source ids (AOE file names) to blip ids: valid ones first, as they are, then the
    others by their slug, in sorted order."""
    ids = Ids()
    out: dict[str, str] = {}
    for ident in sorted(i for i in idents if _VALID.match(i) and len(i) <= MAX_ID):
        out[ident] = ids.claim(ident)
    for ident in sorted(i for i in idents if i not in out):
        out[ident] = ids.claim(slug(ident) or "blip")
    return out


def titles(blips: list[tuple[str, str, str]]) -> dict[str, str]:
    """Unique titles for (id, title, quadrant label) in creation order: the first blip
    keeps its title, the others get the quadrant's label, then a number."""
    seen: set[str] = set()
    out: dict[str, str] = {}
    for ident, title, label in blips:
        chosen = title
        if title_key(chosen) in seen:
            chosen = f"{title} ({label})"
            number = 2
            while title_key(chosen) in seen:
                chosen = f"{title} ({label}, {number})"
                number += 1
        seen.add(title_key(chosen))
        out[ident] = chosen
    return out
