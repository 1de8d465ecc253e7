""""Did you mean": the id a user meant, from a misspelt id or a label typed instead.

Users of other radar tools write labels where this one expects ids (``ring: Trial``,
``quadrant: Languages & Frameworks``) and mistype ids on the command line. One matcher
serves the lint rules and the authoring commands, so both suggest the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from radar_as_code.core.layout import slug


def closest(value: str, choices: Mapping[str, str] | Iterable[str]) -> str | None:
    """The id ``value`` most likely means: an id or a label equal to it when case is
    ignored, a label whose slug it is, or else a close spelling of an id. ``choices``
    maps ids to labels (or lists ids alone)."""
    labels = dict(choices) if isinstance(choices, Mapping) else {c: c for c in choices}
    folded = " ".join(value.casefold().split())
    for ident, label in labels.items():
        if folded in (ident.casefold(), " ".join(label.casefold().split())):
            return ident
    wanted = slug(value)
    for ident, label in labels.items():
        if wanted and wanted in (slug(ident), slug(label)):
            return ident
    import difflib  # only for a hint: start-up counts (tools/decisions/0006)

    close = difflib.get_close_matches(value, list(labels), n=1)
    return close[0] if close else None


def hint(value: str, choices: Mapping[str, str] | Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` or nothing."""
    match = closest(value, choices)
    return f" (did you mean '{match}'?)" if match is not None and match != value else ""


SEARCHES = 50  # suggestions per check: each search compares with every choice


class Budget:
    """Suggestions while they last. A search costs as much as the choices are many (every
    id of the radar, up to 1,000 tags), so a check that suggested something for each of
    thousands of problems would take time in proportion to their product."""

    def __init__(self, searches: int = SEARCHES) -> None:
        self.left = searches

    def take(self) -> bool:
        """Whether one more search may be made."""
        self.left -= 1
        return self.left >= 0
