"""Authoring: new blips and records, ring moves, retirements and renames.

Each operation is planned first: the new content of every file it touches is computed,
parsed again and checked, and only then written, all files or none (``journal.py``).
An operation that cannot be done writes nothing.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from radar_as_code.authoring import edit
from radar_as_code.core.layout import CONFIG_PATH, os_path, slug
from radar_as_code.core.load import load, parse
from radar_as_code.core.model import ID_PATTERN, Blip, Decision, Radar
from radar_as_code.core.reader import WorktreeReader
from radar_as_code.errors import RadarError
from radar_as_code.lint.links import resolve


class AuthoringError(RadarError):
    """The operation cannot be done; nothing was written."""


@dataclass(frozen=True)
class Write:
    path: str
    content: bytes
    remove: str | None = None  # a file this one replaces (a rename)


def snapshot(root: Path) -> Radar:
    loaded = load(WorktreeReader(root))
    if loaded.radar is None:
        raise AuthoringError(f"{CONFIG_PATH} is invalid: run `radar check`")
    return loaded.radar


def _text(root: Path, path: str) -> str:
    """A file as text, BOM and line endings included: edits keep every other byte."""
    try:
        return os_path(root, path).read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AuthoringError(f"{path} cannot be read ({exc}); nothing was written") from None


def _bytes(text: str) -> bytes:
    return text.encode("utf-8")


def _checked(path: str, content: bytes) -> Blip | Decision:
    parsed = parse(path, content)
    errors = [p for p in parsed.problems if p.level == "error"]
    if parsed.document is None or errors:
        details = "; ".join(f"{p.line}:{p.col}: {p.message}" for p in errors)
        raise AuthoringError(f"the edited {path} would not be valid ({details}); "
                             "nothing was written")
    return parsed.document


def _blip(radar: Radar, ident: str) -> Blip:
    if ident not in radar.blips:
        known = "it exists but is invalid: run `radar check`" if ident in radar.blip_paths \
            else "no such blip"
        raise AuthoringError(f"'{ident}': {known}")
    return radar.blips[ident]


def _ring(radar: Radar, ring: str) -> None:
    rings = [r.id for r in radar.config.rings]
    if ring not in rings:
        raise AuthoringError(f"unknown ring '{ring}': {', '.join(rings)}")


def apply(root: Path, writes: list[Write]) -> None:
    """Write every file or none, even if the process is killed (``journal.py``)."""
    from radar_as_code.authoring import journal

    journal.write_all(root, writes)


def move(root: Path, ident: str, ring: str, decision: str | None, today: date) -> list[Write]:
    radar = snapshot(root)
    blip = _blip(radar, ident)
    _ring(radar, ring)
    if blip.meta.ring == ring:
        raise AuthoringError(f"'{ident}' is already in {ring}")
    if decision is not None:
        decision = _decision_id(radar, decision)
    text = _text(root, blip.path)
    text = edit.set_scalar(text, "ring", ring)
    text = edit.set_scalar(text, "reviewed", today.isoformat(), after="ring")
    if decision is not None and decision not in blip.meta.decisions:
        text = edit.list_append(text, "decisions", decision)
    result = _checked(blip.path, _bytes(text))
    expected = blip.meta.model_copy(update={
        "ring": ring, "reviewed": today,
        "decisions": blip.meta.decisions + ((decision,) if decision and
                                            decision not in blip.meta.decisions else ())})
    if result.meta != expected:
        raise AuthoringError(f"editing {blip.path} would change more than the ring; "
                             "nothing was written")
    return [Write(blip.path, _bytes(text))]


def _decision_id(radar: Radar, ref: str) -> str:
    if ref in radar.decisions:
        return ref
    matches = [d for d in radar.decisions if d.startswith(f"{ref.zfill(4)}-")]
    if len(matches) != 1:
        raise AuthoringError(f"no decision record '{ref}'")
    return matches[0]


def retire(root: Path, ident: str) -> list[Write]:
    radar = snapshot(root)
    blip = _blip(radar, ident)
    if blip.meta.status == "retired":
        raise AuthoringError(f"'{ident}' is already retired")
    text = _text(root, blip.path)
    text = edit.set_scalar(text, "status", "retired", after="ring")
    result = _checked(blip.path, _bytes(text))
    if result.meta != blip.meta.model_copy(update={"status": "retired"}):
        raise AuthoringError(f"editing {blip.path} would change more than the status")
    return [Write(blip.path, _bytes(text))]


def _new_id(radar: Radar, ident: str) -> None:
    if not re.match(ID_PATTERN, ident):
        raise AuthoringError(f"'{ident}' is not a valid id: lower-case letters and digits in "
                             "words joined by single hyphens")
    if ident in radar.blip_paths:
        raise AuthoringError(f"a blip '{ident}' exists already ({radar.blip_paths[ident][0]})")
    for blip in radar.blips.values():
        if ident in blip.meta.former_ids:
            raise AuthoringError(f"'{ident}' is a former id of {blip.path}")


def new_blip(root: Path, ident: str, title: str, quadrant: str, ring: str,
             tags: list[str], today: date) -> list[Write]:
    radar = snapshot(root)
    _new_id(radar, ident)
    _ring(radar, ring)
    quadrants = [q.id for q in radar.config.quadrants]
    if quadrant not in quadrants:
        raise AuthoringError(f"unknown quadrant '{quadrant}': {', '.join(quadrants)}")
    prompts = {
        "context": "What problem does this address, for whom, and why now?",
        "criteria": "- What must a good answer do?",
        "options": "- **Option**: strengths and limits of each alternative considered.",
        "decision": "Our view, and why it earns its ring.",
        "consequences": "- Limits, caveats, what to watch, when to review again.",
    }
    body = "".join(f"\n## {s.heading}\n\n{prompts.get(s.id, 'To be written.')}\n"
                   for s in radar.config.blip_sections)
    text = ("---\n" f"title: {edit.token(title)}\n" f"quadrant: {quadrant}\n" f"ring: {ring}\n"
            "status: active\n" f"tags: [{', '.join(tags)}]\n" "related: []\n" "decisions: []\n"
            f"reviewed: {today.isoformat()}\n" "former_ids: []\n" "---\n" + body)
    path = f"radar/{ident}.md"
    _checked(path, _bytes(text))
    return [Write(path, _bytes(text))]


def new_decision(root: Path, title: str, blips: list[str], today: date) -> list[Write]:
    radar = snapshot(root)
    for ident in blips:
        _blip(radar, ident)
    numbers = [int(d[:4]) for d in radar.decision_paths if d[:4].isdigit()]
    record = f"{max(numbers, default=0) + 1:04d}-{slug(title, 60) or 'decision'}"
    path = f"adr/{record}.md"
    options = "".join(f"\n### Option {n}\n\nStrengths and limits.\n" for n in (1, 2, 3))
    prompts = {"context": "The problem and its forces.",
               "drivers": "- What the choice must achieve.",
               "outcome": "Chosen option: ..., because ...",
               "consequences": "- Good: ...\n- Bad: ..."}
    body = ""
    for section in radar.config.adr_sections:
        text = options.strip() if section.id == "options" else prompts.get(section.id, "...")
        body += f"\n## {section.heading}\n\n{text}\n"
    text = ("---\n" f"title: {edit.token(title)}\n" "status: proposed\n"
            f"date: {today.isoformat()}\n" "deciders: [To be named]\n" "supersedes: []\n"
            "superseded_by: []\n" f"blips: [{', '.join(blips)}]\n" "---\n" + body)
    writes = [Write(path, _bytes(text))]
    _checked(path, writes[0].content)
    for ident in blips:
        blip = radar.blips[ident]
        source = _text(root, blip.path)
        edited = edit.list_append(source, "decisions", record)
        _checked(blip.path, _bytes(edited))
        writes.append(Write(blip.path, _bytes(edited)))
    return writes


def rename(root: Path, old: str, new: str) -> list[Write]:
    radar = snapshot(root)
    blip = _blip(radar, old)
    _new_id(radar, new)
    new_path = posixpath.join(posixpath.dirname(blip.path), f"{new}.md")
    writes: dict[str, Write] = {}
    docs: list[Blip | Decision] = [*radar.blips.values(), *radar.decisions.values()]
    for doc in docs:
        path = doc.path
        text = _text(root, path)
        original = text
        key = "related" if isinstance(doc, Blip) else "blips"
        text = edit.list_replace(text, key, old, new)
        target_of = new_path if doc is blip else path
        for link in sorted(doc.body.links, key=lambda k: (k.line, k.col), reverse=True):
            # from the right: a replacement shifts what follows it on its line
            if resolve(path, link.target) != blip.path:
                continue
            fragment = "#" + link.target.split("#", 1)[1] if "#" in link.target else ""
            relative = posixpath.relpath(new_path, posixpath.dirname(target_of) or ".")
            text = edit.replace_at(text, link.line, link.col, link.target, relative + fragment)
        if doc is blip:
            text = edit.list_append(text, "former_ids", old)
            result = _checked(new_path, _bytes(text))
            writes[path] = Write(new_path, _bytes(text), remove=path)
            assert result.id == new
        elif text != original:
            _checked(path, _bytes(text))
            writes[path] = Write(path, _bytes(text))
    return list(writes.values())
