"""What exports share: the name and tags a blip had in its source, its changes, safe cells."""

from __future__ import annotations

from radar_as_code.core.model import Blip
from radar_as_code.editions.diff import Change

FORMULA = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet runs a cell starting so


def name(blip: Blip) -> str:
    """The source's name while the title is still the one the import made from it (the
    name with the quadrant added to tell two blips apart)."""
    imported = blip.meta.imported
    if imported and imported.title and blip.meta.title.startswith(f"{imported.title} ("):
        return imported.title
    return blip.meta.title


def source_id(blip: Blip, format_: str) -> str:
    """The id the blip had in a source of ``format_`` (mapped on import because it was not
    valid here), so that a re-export gives it back; else the blip's id."""
    imported = blip.meta.imported
    if imported and imported.format == format_ and imported.id:
        return imported.id
    return blip.id


def tags(blip: Blip) -> list[str]:
    """The tags as the source wrote them while they still are the blip's tags."""
    from radar_as_code.interchange.blipfile import tag_ids

    imported = blip.meta.imported
    if imported and imported.tags is not None and \
            tag_ids(imported.tags) == list(blip.meta.tags):
        return list(imported.tags)
    return list(blip.meta.tags)


def cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text: a leading formula character is escaped with
    an apostrophe (OWASP's advice for CSV injection)."""
    return f"'{value}" if value.startswith(FORMULA) else value


def uncell(value: str) -> str:
    """The reverse of ``cell`` on import: an apostrophe before a formula character."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA) else value


def kinds(changes: tuple[Change, ...]) -> dict[str, set[str]]:
    """Every change of each blip since the previous edition (a blip can move ring and
    change quadrant at once)."""
    out: dict[str, set[str]] = {}
    for change in changes:
        out.setdefault(change.id, set()).add(change.kind)
    return out


def ring_move(found: set[str]) -> str | None:
    """The one movement a format with one movement column shows."""
    for kind in ("new", "back", "moved-in", "moved-out"):
        if kind in found:
            return kind
    return None
