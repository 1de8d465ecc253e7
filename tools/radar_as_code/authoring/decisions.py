"""Decision-record operations: a new record, its lifecycle (accept, reject, deprecate,
supersede) and a new number. Each edits front matter in place and returns the writes."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from radar_as_code.authoring import arguments, edit, relink, templates
from radar_as_code.authoring.operations import (
    AuthoringError,
    Write,
    checked,
    edited,
    read_text,
    snapshot,
)
from radar_as_code.core.layout import slug
from radar_as_code.core.model import ADR_ID_PATTERN, Decision, Radar

# action -> (the status it sets, the statuses it may be applied to)
TRANSITIONS = {"accept": ("accepted", ("proposed",)), "reject": ("rejected", ("proposed",)),
               "deprecate": ("deprecated", ("accepted",))}
_SUPERSEDABLE = ("accepted", "deprecated")


def _next_number(radar: Radar) -> int:
    return max((int(d[:4]) for d in radar.decision_paths if d[:4].isdecimal()), default=0) + 1


def new_decision(root: Path, title: str, blips: list[str], today: date) -> list[Write]:
    """The next numbered record, proposed, listed by each blip it concerns."""
    radar = snapshot(root)
    concerned = [arguments.blip(radar, ident) for ident in dict.fromkeys(blips)]
    record = f"{_next_number(radar):04d}-{slug(title, 60) or 'decision'}"
    path = f"adr/{record}.md"
    text = templates.decision(radar.config, title, [b.id for b in concerned], today)
    checked(path, text.encode("utf-8"))
    writes = [Write(path, text.encode("utf-8"))]
    for blip in concerned:
        source = edit.list_append(read_text(root, blip.path), "decisions", record)
        writes.append(edited(blip.path, source, blip,
                             decisions=(*blip.meta.decisions, record)))
    return writes


def _restated(root: Path, record: Decision, status: str, today: date) -> str:
    """The record's text with a new status, dated ``today`` (the date of a record is the
    date of its last status change, as in MADR)."""
    text = edit.set_scalar(read_text(root, record.path), "status", status)
    return edit.set_scalar(text, "date", today.isoformat(), after="status")


def set_status(root: Path, action: str, ref: str, today: date) -> list[Write]:
    """`radar adr accept | reject | deprecate REF`."""
    radar = snapshot(root)
    record = arguments.decision(radar, ref)
    status, allowed = TRANSITIONS[action]
    current = record.meta.status
    if current == status:
        raise AuthoringError(f"'{record.id}' is already {status}")
    if current not in allowed:
        hint = {"superseded": "it was replaced by "
                              f"{', '.join(record.meta.superseded_by) or 'another record'}",
                "deprecated": "write a new record instead (`radar adr new`)",
                "rejected": "write a new record instead (`radar adr new`)",
                "accepted": f"`radar adr deprecate {record.id}` or `radar adr supersede "
                            f"{record.id} NEW`",
                "proposed": f"accept or reject it first (`radar adr accept {record.id}`)"}
        raise AuthoringError(f"'{record.id}' is {current}; only a {' or '.join(allowed)} "
                             f"record can be {action}ed: {hint[current]}")
    text = _restated(root, record, status, today)
    return [edited(record.path, text, record, status=status, date=today)]


def supersede(root: Path, old_ref: str, new_ref: str, today: date) -> list[Write]:
    """OLD becomes superseded by NEW, both ends linked; a proposed NEW is accepted."""
    radar = snapshot(root)
    old = arguments.decision(radar, old_ref)
    new = arguments.decision(radar, new_ref)
    if old.id == new.id:
        raise AuthoringError(f"'{old.id}' cannot supersede itself")
    if old.meta.status not in _SUPERSEDABLE:
        raise AuthoringError(f"'{old.id}' is {old.meta.status}; only an accepted or deprecated "
                             "record can be superseded")
    if new.meta.status not in ("proposed", "accepted"):
        raise AuthoringError(f"'{new.id}' is {new.meta.status}; the record that supersedes "
                             "another is proposed (it is accepted now) or accepted")
    text = _restated(root, old, "superseded", today)
    text = edit.list_append(text, "superseded_by", new.id)
    writes = [edited(old.path, text, old, status="superseded", date=today,
                     superseded_by=(*old.meta.superseded_by, new.id))]
    text = read_text(root, new.path)
    changes: dict[str, object] = {}
    if new.meta.status == "proposed":
        text = _restated(root, new, "accepted", today)
        changes.update(status="accepted", date=today)
    if old.id not in new.meta.supersedes:
        text = edit.list_append(text, "supersedes", old.id)
        changes["supersedes"] = (*new.meta.supersedes, old.id)
    if changes:
        writes.append(edited(new.path, text, new, **changes))
    return writes


def renumber(root: Path, ref: str, number: str) -> list[Write]:
    """The record under a new number (or id): file name and every reference."""
    radar = snapshot(root)
    record = arguments.decision(radar, ref)
    if re.fullmatch(r"[0-9]{1,4}", number):
        new_id = f"{int(number):04d}-{record.id[5:]}"
    elif re.fullmatch(ADR_ID_PATTERN, number):
        new_id = number
    else:
        raise AuthoringError(f"'{number}' is neither a number (0007) nor a record id "
                             "(0007-slug)")
    if new_id == record.id:
        raise AuthoringError(f"'{record.id}' has that number already")
    taken = [d for d in radar.decision_paths if d[:4] == new_id[:4] and d != record.id]
    if taken:
        raise AuthoringError(f"number {new_id[:4]} is used by {taken[0]}; the next free "
                             f"number is {_next_number(radar):04d}")
    return relink.relocate(root, radar, record, new_id,
                           (("decisions",), ("supersedes", "superseded_by")))
