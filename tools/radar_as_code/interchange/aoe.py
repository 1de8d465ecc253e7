"""AOE's technology radar: one folder per release, ``radar/YYYY-MM-DD/<id>.md``, each a
Markdown file with front matter ``title``, ``ring``, ``quadrant`` and ``tags`` and the
blip's text as body. A release holds only the blips it introduces or changes; a blip
absent from a release keeps its place (it is not removed)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from radar_as_code.core import yamlread
from radar_as_code.editions.timeline import day
from radar_as_code.interchange.markup import description
from radar_as_code.interchange.records import ImportError_, Item, Release
from radar_as_code.interchange.source import Source

_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _file(title: str, ring: str, quadrant: str, tags: tuple[str, ...], body: str) -> str:
    front = yaml.safe_dump({"title": title, "ring": ring, "quadrant": quadrant,
                            "tags": list(tags)}, sort_keys=False, allow_unicode=True)
    return f"---\n{front}---\n\n{body.strip()}\n"


def export(source: Source) -> dict[str, str]:
    files: dict[str, str] = {}
    previous: dict[str, tuple[str, str, str]] = {}
    for summary in source.history:
        changed = {i for i, state in summary.state.items()
                   if state[2] == "active" and previous.get(i) != state}
        blips = source.blips_at(summary, changed)
        for ident in sorted(changed):
            blip = blips.get(ident)
            if blip is None:
                continue
            files[f"radar/{day(summary.tag.date)}/{ident}.md"] = _file(
                blip.meta.title, blip.meta.ring, blip.meta.quadrant, blip.meta.tags,
                description(blip))
        previous = dict(summary.state)
    current = {b.id: (b.meta.quadrant, b.meta.ring, b.meta.status)
               for b in source.radar.blips.values()}
    changed = {i for i, state in current.items()
               if state[2] == "active" and previous.get(i) != state}
    if changed and not (source.history and day(source.history[-1].tag.date) == source.date):
        for ident in sorted(changed):
            blip = source.radar.blips[ident]
            files[f"radar/{source.date}/{ident}.md"] = _file(
                blip.meta.title, blip.meta.ring, blip.meta.quadrant, blip.meta.tags,
                description(blip))
    return files


def read_folder(folder: Path) -> list[Release]:
    base = folder / "radar" if (folder / "radar").is_dir() else folder
    releases = []
    for release in sorted(p for p in base.iterdir() if p.is_dir() and not p.is_symlink()):
        if not _NAME.match(release.name):
            raise ImportError_(f"{release}: release folders are named YYYY-MM-DD")
        items = []
        for path in sorted(release.glob("*.md")):
            where = str(path)
            if path.is_symlink():
                raise ImportError_(f"{where}: a symbolic link")
            try:
                text = path.read_text(encoding="utf-8-sig")
            except UnicodeDecodeError as exc:
                raise ImportError_(f"{where}: not UTF-8 (byte {exc.start})") from None
            match = re.match(r"\A---\r?\n(.*?)\r?\n---\r?\n?(.*)\Z", text, re.S)
            if not match:
                raise ImportError_(f"{where}, line 1: no front matter")
            doc = yamlread.read(where, match.group(1) + "\n", 2)
            if doc.problems:
                first = doc.problems[0]
                raise ImportError_(f"{where}, line {first.line}: {first.message}")
            meta = doc.value or {}
            if not isinstance(meta, dict):
                raise ImportError_(f"{where}: front matter is not a mapping")
            title = str(meta.get("title") or "").strip()
            if not title:
                raise ImportError_(f"{where}: no title")
            tags = meta.get("tags") or []
            items.append(Item(title=title, ring=str(meta.get("ring") or ""),
                              quadrant=str(meta.get("quadrant") or ""),
                              description=match.group(2).strip(),
                              tags=tuple(str(t) for t in tags) if isinstance(tags, list) else (),
                              ident=path.stem, where=where))
        releases.append(Release(release.name, items, str(release)))
    if not releases:
        raise ImportError_(f"{base}: no release folder (YYYY-MM-DD)")
    return releases
