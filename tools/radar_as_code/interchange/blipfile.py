"""The files an import writes: `radar/radar.yml` and one `radar/<id>.md` per blip."""

from __future__ import annotations

import json
import re

import yaml

from radar_as_code.core.layout import slug
from radar_as_code.interchange.describe import body_from
from radar_as_code.interchange.replay import State
from radar_as_code.interchange.vocab import Entry

_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._/()&+-]*$")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_RESERVED = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}


def scalar(value: str) -> str:
    """A YAML scalar: plain when that is safe, else double-quoted (JSON is valid YAML)."""
    if _PLAIN.match(value) and value.lower() not in _RESERVED and not value.endswith(" ") \
            and ": " not in value and " #" not in value:
        return value
    return json.dumps(value, ensure_ascii=False)


def printable(value: str) -> str:
    """A file name fit to be recorded: control and direction characters replaced."""
    return _UNSAFE.sub("?", value).strip() or "?"


def tag_ids(tags: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(t for t in (slug(t) for t in tags) if t))


def blip(ident: str, state: State, format_: str) -> str:
    """The file of a blip in a state (``imported.date`` is the date of its source)."""
    tags = tag_ids(state.tags)
    lines = ["---", f"title: {scalar(state.title)}", f"quadrant: {state.quadrant}",
             f"ring: {state.ring}", f"status: {'active' if state.active else 'retired'}",
             f"tags: [{', '.join(tags)}]", f"related: [{', '.join(state.related)}]",
             "decisions: []", f"reviewed: {state.reviewed}", "former_ids: []"]
    if not state.active and state.retired:
        lines.append(f"retired: {state.retired}")
    if not state.featured:
        lines.append("featured: false")
    lines += ["imported:", f"  format: {format_}", f"  source: {scalar(printable(state.source))}",
              f"  date: {state.reviewed}"]
    if state.source_id is not None and state.source_id != ident:
        lines.append(f"  id: {scalar(printable(state.source_id))}")
    if state.title != state.name:
        lines.append(f"  title: {scalar(state.name)}")
    if list(state.tags) != tags:
        lines.append(f"  tags: [{', '.join(scalar(t) for t in state.tags)}]")
    return "\n".join(lines) + "\n---\n" + body_from(state.body)


def config(title: str, quadrants: list[Entry], rings: list[Entry], tags: list[str]) -> str:
    data = {"title": title, "edition_tag": "edition-*",
            "quadrants": [q.as_config() for q in quadrants],
            "rings": [r.as_config() for r in rings], "tags": tags}
    return str(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100))
