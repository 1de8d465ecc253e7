"""Blip operations: a new blip, a ring move, a review, a retirement. Each returns the
files to write (see ``operations``); none writes anything itself."""

from __future__ import annotations

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
from radar_as_code.lint import decision_ring


def new_blip(root: Path, ident: str, title: str, quadrant: str, ring: str,
             tags: list[str], today: date) -> list[Write]:
    radar = snapshot(root)
    arguments.new_id(radar, ident)
    ring = arguments.ring(radar, ring)
    quadrant = arguments.quadrant(radar, quadrant)
    text = templates.blip(radar.config, title, quadrant, ring, arguments.tags(radar, tags),
                          today)
    path = f"radar/{ident}.md"
    checked(path, text.encode("utf-8"))
    return [Write(path, text.encode("utf-8"))]


def move(root: Path, ident: str, ring: str, decision: str | None, today: date) -> list[Write]:
    """The ring, the review date, the ring stated in the Decision section, and with
    ``decision`` a record cited (and listing the blip back)."""
    radar = snapshot(root)
    blip = arguments.blip(radar, ident)
    ring = arguments.ring(radar, ring)
    if blip.meta.ring == ring:
        raise AuthoringError(f"'{ident}' is already in {ring} (to record a review without a "
                             f"move: `radar review {ident}`)")
    record = arguments.decision(radar, decision) if decision is not None else None
    text = read_text(root, blip.path)
    stated = decision_ring.stated(blip, radar.config)
    if stated is not None:  # first, while the body's lines are where they were read
        label = next(r.label for r in radar.config.rings if r.id == ring)
        text = edit.replace_at(text, stated.line, stated.col, stated.word, label)
    text = edit.set_scalar(text, "ring", ring)
    text = edit.set_scalar(text, "reviewed", today.isoformat(), after="ring")
    decisions = blip.meta.decisions
    writes = []
    if record is not None and record.id not in decisions:
        text = edit.list_append(text, "decisions", record.id)
        decisions += (record.id,)
    if record is not None and blip.id not in record.meta.blips:
        source = edit.list_append(read_text(root, record.path), "blips", blip.id)
        writes.append(edited(record.path, source, record,
                             blips=(*record.meta.blips, blip.id)))
    return [edited(blip.path, text, blip, ring=ring, reviewed=today, decisions=decisions),
            *writes]


def review(root: Path, idents: list[str], today: date) -> list[Write]:
    """A re-assessment without a move: each blip's review date becomes ``today``; a blip
    already reviewed that day is left as it is."""
    radar = snapshot(root)
    writes = []
    for ident in dict.fromkeys(idents):
        blip = arguments.blip(radar, ident)
        if blip.meta.status == "retired":
            raise AuthoringError(f"'{ident}' is retired: there is nothing to review")
        if blip.meta.reviewed == today:
            continue
        text = edit.set_scalar(read_text(root, blip.path), "reviewed", today.isoformat(),
                               after="ring")
        writes.append(edited(blip.path, text, blip, reviewed=today))
    return writes


def retire(root: Path, ident: str, today: date) -> list[Write]:
    """The status and the retirement date."""
    radar = snapshot(root)
    blip = arguments.blip(radar, ident)
    if blip.meta.status == "retired":
        raise AuthoringError(f"'{ident}' is already retired")
    text = edit.set_scalar(read_text(root, blip.path), "status", "retired", after="ring")
    text = edit.set_scalar(text, "retired", today.isoformat(), after="status")
    return [edited(blip.path, text, blip, status="retired", retired=today)]


def rename(root: Path, old: str, new: str) -> list[Write]:
    """The file, the former id, and every reference to the blip."""
    radar = snapshot(root)
    blip = arguments.blip(radar, old)
    arguments.new_id(radar, new)
    return relink.relocate(root, radar, blip, new, (("related",), ("blips",)),
                           lambda text: edit.list_append(text, "former_ids", old))
