"""The radar as an AOE technology radar: ``config.json`` and ``radar/<date>/<id>.md``.

Each edition is a release folder holding a file for every blip that the edition changed
(title, ring, segment, tags, text, ``featured``, or a new mention in the source it was
imported from), so AOE's generator, merging releases, rebuilds every edition. Files use
v5's ``segment:`` (``--aoe-version 4`` writes v4's ``quadrant:``); ids, names and tags are
the source's where the blip was imported from AOE. AOE never removes an item: a retired
blip is written with ``featured: false`` (listed, not drawn), and ``featured: true`` again
when it comes back. Links between blips become AOE page links (``/segment/id/``); images
under ``docs/`` are copied to ``public/``.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from radar_as_code.core.model import Blip
from radar_as_code.editions.timeline import day
from radar_as_code.interchange import exported
from radar_as_code.interchange.describe import markdown_of
from radar_as_code.interchange.source import Source

_LINK = re.compile(r"(\]\(\s*<?|^ {0,3}\[[^\]]+\]:[ \t]*<?)([^)\s>]+)", re.M)
_CODE = re.compile(r"^ {0,3}(`{3,}|~{3,})")

Fields = tuple[str, str, str, tuple[str, ...], str, bool, str]


class _Writer:
    def __init__(self, source: Source, version: int) -> None:
        self.source, self.version = source, version
        self.files: dict[str, str | bytes] = {}
        self.last: dict[str, Fields] = {}
        self.names = {b.id: _aoe_id(b) for b in source.radar.blips.values()}
        self.segments: dict[str, str] = {b.id: b.meta.quadrant
                                         for b in source.radar.blips.values()}

    def release(self, date: str, blips: dict[str, Blip]) -> None:
        for ident, blip in blips.items():  # first: a link names the segment of this release
            self.names.setdefault(ident, _aoe_id(blip))
            self.segments[ident] = blip.meta.quadrant
        for ident in sorted(blips):
            blip = blips[ident]
            fields: Fields = (exported.name(blip), blip.meta.ring, blip.meta.quadrant,
                              tuple(exported.tags(blip)), self._body(blip),
                              blip.meta.featured and blip.meta.status == "active",
                              blip.meta.imported.source if blip.meta.imported else "")
            before = self.last.get(ident)
            if before == fields:
                continue
            self.last[ident] = fields
            self.files[f"radar/{date}/{self.names[ident]}.md"] = self._file(fields, before)

    def _file(self, fields: Fields, before: Fields | None) -> str:
        title, ring, segment, tags, body, featured, _ = fields
        front: dict[str, Any] = {"title": title, "ring": ring,
                                 "segment" if self.version == 5 else "quadrant": segment,
                                 "tags": list(tags)}
        if not featured or (before is not None and not before[5]):
            front["featured"] = featured
        dumped = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000)
        return f"---\n{dumped}---\n\n{body}\n" if body else f"---\n{dumped}---\n"

    def _body(self, blip: Blip) -> str:
        lines, fence = [], None
        for line in markdown_of(blip).split("\n"):
            opened = _CODE.match(line)
            if fence is None and opened:
                fence = opened.group(1)[0]
            elif fence is not None and line.strip().startswith(fence * 3):
                fence = None
            elif fence is None:
                line = _LINK.sub(lambda m: m.group(1) + self._target(m.group(2)), line)
            lines.append(line)
        return "\n".join(lines)

    def _target(self, target: str) -> str:
        path, sep, fragment = target.partition("#")
        if re.fullmatch(r"[a-z0-9-]+\.md", path):
            ident = path[:-3]
            segment = self.segments.get(ident)
            if segment is not None:
                return f"/{segment}/{self.names.get(ident, ident)}/{sep}{fragment}"
        if path.startswith("../docs/") and ".." not in path[3:].split("/"):
            data = self.source.file(path[3:])
            if data is not None:
                self.files["public/" + path[8:]] = data
                return "/" + path[8:] + sep + fragment
        return target


def _aoe_id(blip: Blip) -> str:
    imported = blip.meta.imported
    return imported.id if imported and imported.id and "/" not in imported.id else blip.id


def export(source: Source, link_base: str | None = None, version: int = 5) -> dict[
        str, str | bytes]:
    writer = _Writer(source, version)
    previous = None
    for summary in source.history:
        ids = source.changed_ids(previous, summary)
        writer.release(day(summary.tag.date), source.blips_at(summary, ids))
        previous = summary
    if source.edition is None:  # the working tree, as a release of today
        writer.release(source.date, dict(source.radar.blips))
    config = source.radar.config
    entries = "segments" if version == 5 else "quadrants"
    document = {
        "labels": {"title": config.title},
        entries: [{"id": q.id, "title": q.label, "description": q.description}
                  for q in config.quadrants],
        "rings": [{"id": r.id, "title": r.label, "description": r.description}
                  for r in config.rings],
    }
    writer.files["config.json"] = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    return writer.files
