"""The arguments of authoring commands, resolved against the radar, with "did you mean"."""

from __future__ import annotations

import re

from radar_as_code.authoring.operations import AuthoringError
from radar_as_code.core import suggest
from radar_as_code.core.layout import slug
from radar_as_code.core.model import ID_PATTERN, Blip, Decision, Radar


def blip(radar: Radar, ident: str) -> Blip:
    if ident not in radar.blips:
        if ident in radar.blip_paths:
            raise AuthoringError(f"'{ident}': it exists but is invalid: run `radar check`")
        renamed = [b.id for b in radar.blips.values() if ident in b.meta.former_ids]
        hint = f" (renamed to '{renamed[0]}')" if renamed else \
            suggest.hint(ident, {b.id: b.meta.title for b in radar.blips.values()})
        raise AuthoringError(f"'{ident}': no such blip{hint}")
    return radar.blips[ident]


def decision(radar: Radar, ref: str) -> Decision:
    """A record by id, by number (``2``, ``0002``) or by id without its number."""
    if ref in radar.decisions:
        return radar.decisions[ref]
    matches = [d for d in radar.decisions if ref.isdigit() and d.startswith(f"{ref.zfill(4)}-")]
    if len(matches) == 1:
        return radar.decisions[matches[0]]
    if ref in radar.decision_paths or len(matches) > 1:
        raise AuthoringError(f"decision record '{ref}': it is invalid or ambiguous: run "
                             "`radar check`")
    titles = {d.id: d.meta.title for d in radar.decisions.values()}
    raise AuthoringError(f"no decision record '{ref}'{suggest.hint(ref, titles)}")


def ring(radar: Radar, value: str) -> str:
    return _entry(value, "ring", {r.id: r.label for r in radar.config.rings})


def quadrant(radar: Radar, value: str) -> str:
    return _entry(value, "quadrant", {q.id: q.label for q in radar.config.quadrants})


def tags(radar: Radar, values: list[str]) -> list[str]:
    known = list(radar.config.tags)
    for tag in values:
        if known and tag not in known:
            raise AuthoringError(f"unknown tag '{tag}'{suggest.hint(tag, known)}: add it to "
                                 f"the tags of {radar.config_path} first")
    return values


def _entry(value: str, what: str, known: dict[str, str]) -> str:
    if value in known:
        return value
    raise AuthoringError(f"unknown {what} '{value}'{suggest.hint(value, known)}; {what}s: "
                         f"{', '.join(known)}")


def new_id(radar: Radar, ident: str) -> str:
    """An id no blip has or had."""
    if not re.match(ID_PATTERN, ident):
        meant = slug(ident, 80)
        hint = f" (did you mean '{meant}'?)" if meant else ""
        raise AuthoringError(f"'{ident}' is not a valid id{hint}: lower-case letters and "
                             "digits in words joined by single hyphens")
    if ident in radar.blip_paths:
        raise AuthoringError(f"a blip '{ident}' exists already ({radar.blip_paths[ident][0]})")
    for other in radar.blips.values():
        if ident in other.meta.former_ids:
            raise AuthoringError(f"'{ident}' is a former id of {other.path}")
    return ident
