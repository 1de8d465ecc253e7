"""AOE's technology radar: ``radar/YYYY-MM-DD/<id>.md``, one folder per release, each file
an item's front matter (``title``, ``ring``, ``segment`` in v5 or ``quadrant`` in v4,
``tags``, ``featured``) and its text; the generator's ``config.json`` gives the segments
(v4: quadrants) and rings, in order, with their titles and descriptions.

Releases are merged as AOE's generator merges them: the file name is the item's id, and a
later release's file changes only what it gives (a title, ring, segment, tags list or
``featured`` it gives; its body if not empty); everything else keeps its earlier value.
An item is never removed. Ids that are not valid here are mapped (`identity.py`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from radar_as_code.core import frontmatter, htmlpolicy, yamlread
from radar_as_code.core.layout import slug
from radar_as_code.interchange import dates, identity, jsonscan, sources
from radar_as_code.interchange.aoe_links import Linker, check_site
from radar_as_code.interchange.records import (
    ImportRefused,
    Item,
    Problems,
    Release,
    Where,
    refuse,
)
from radar_as_code.interchange.vocab import Axis

KEYS = frozenset({"title", "ring", "segment", "quadrant", "tags", "featured"})
SEGMENTS = (("methods-and-patterns", "Methods & Patterns"), ("tools", "Tools"),
            ("platforms-and-operations", "Platforms & Operations"),
            ("languages-and-frameworks", "Languages & Frameworks"))  # AOE v5's defaults
RINGS = (("adopt", "Adopt"), ("trial", "Trial"), ("assess", "Assess"), ("hold", "Hold"))


@dataclass
class Folder:
    releases: list[Release]
    quadrants: Axis
    rings: Axis
    title: str | None
    ids: dict[str, str]  # AOE id -> blip id
    files: dict[str, bytes] = field(default_factory=dict)
    notes: list[tuple[Where, str]] = field(default_factory=list)
    where: Where = field(default_factory=lambda: Where(""))  # config.json, or the folder


def _locate(folder: Path) -> tuple[Path, Path]:
    """The release folder (radar/) and the folder that holds config.json."""
    for root in (folder, folder / "data"):
        if (root / "radar").is_dir() and not (root / "radar").is_symlink():
            return root / "radar", root
    if any(dates.parse(p.name) for p in folder.iterdir() if p.is_dir()):
        return folder, folder.parent  # given the radar/ folder itself
    raise refuse(Where(str(folder)), "no radar/ folder with release folders (YYYY-MM-DD)")


def _entries(value: object, where: Where, what: str, problems: Problems) -> list[
        tuple[str, str, str]]:
    """(id, title, description) of config.json's segments or rings (lists of objects, or
    v3's mapping of id to title, or a list of ids)."""
    if isinstance(value, dict):
        value = [{"id": k, "title": v} for k, v in value.items()]
    if not isinstance(value, list) or not value:
        problems.add(where, f"config.json: {what} must be a non-empty list")
        return []
    out = []
    for entry in value:
        entry = {"id": entry} if isinstance(entry, str) else entry
        ident = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(ident, str) or not ident.strip():
            problems.add(where, f"config.json: every entry of {what} needs an id")
            continue
        name = entry.get("title") or entry.get("name") or ident
        text = entry.get("description") or ""
        out.append((ident, str(name), text if isinstance(text, str) else ""))
    return out


def axis_of(what: str, found: list[tuple[str, str, str]]) -> Axis:
    axis = Axis(what, [], exact=True)
    for ident, name, text in found:
        entry = axis.add(name, slug(ident) or ident)
        entry.description = " ".join(htmlpolicy.sanitise_markdown(text)[0].split())
        if entry.id != ident:
            entry.source_id = ident
        axis.words[ident] = entry.id
    return axis


def _config(root: Path, budget: sources.Budget, problems: Problems) -> tuple[
        dict[str, Any], Where]:
    path = root / "config.json"
    where = Where(str(path))
    if not path.exists():
        return {}, Where(str(root))
    data, _ = jsonscan.document(sources.read_text(path, where, 1024 * 1024, budget,
                                                  follow=False), where)
    if not isinstance(data, dict):
        raise refuse(where, "config.json must be an object")
    return data, where


def _meta(path: Path, budget: sources.Budget, problems: Problems,
          notes: list[tuple[Where, str]]) -> tuple[dict[str, Any], str, Where] | None:
    where = Where(str(path))
    try:
        text = sources.read_text(path, where, sources.MAX_MARKDOWN, budget, follow=False)
    except ImportRefused as exc:  # this file only: the others are still read
        problems.found.extend(exc.problems)
        return None
    split = frontmatter.split(str(path), text.replace("\r\n", "\n"))
    if not isinstance(split, frontmatter.Split):
        problems.add(Where(str(path), split.line), split.message)
        return None
    doc = yamlread.read(str(path), split.yaml, split.yaml_line)
    for problem in doc.problems:
        problems.add(Where(str(path), problem.line), problem.message)
    meta = doc.value if doc.value is not None else {}
    if not isinstance(meta, dict):
        problems.add(Where(str(path), split.yaml_line), "front matter must be a mapping")
        return None
    for key in sorted(set(meta) - KEYS, key=str):
        notes.append((Where(str(path), doc.position((key,), key=True)[0]),
                      f"field '{key}' is not one of AOE's ({', '.join(sorted(KEYS))}): "
                      "not imported"))
    meta["@lines"] = {key: doc.position((key,))[0] for key in KEYS if key in meta}
    return meta, split.body, Where(str(path), split.body_line)


def _item(meta: dict[str, Any], body: str, ident: str, where: Where,
          problems: Problems) -> Item:
    lines = meta.get("@lines", {})

    def at(key: str) -> Where:
        return Where(where.path, lines.get(key, 1))

    def one(key: str) -> str | None:
        value = meta.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            problems.add(at(key), f"{key} must be text, not {value!r:.40}")
            return None
        return str(value).strip() or None

    tags = meta.get("tags")
    if tags is not None and not (isinstance(tags, list) and all(
            isinstance(t, str | int | float) and not isinstance(t, bool) for t in tags)):
        problems.add(at("tags"), "tags must be a list of words")
        tags = None
    featured = meta.get("featured")
    if featured is not None and not isinstance(featured, bool):
        problems.add(at("featured"), f"featured must be true or false, not {featured!r:.40}")
        featured = None
    segment = one("segment")
    lines = {**lines, "quadrant": lines.get("segment" if segment else "quadrant", 1)}
    return Item(Where(where.path, 1), one("title"), one("ring"), segment or one("quadrant"),
                body if body.strip() else None,
                None if tags is None else tuple(str(t) for t in tags), featured, (), ident,
                lines)


def _files(folder: Path, where: Where) -> list[os.DirEntry[str]]:
    try:
        return sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        raise refuse(where, f"cannot be read ({exc.strerror})") from None


def read_folder(folder: Path, budget: sources.Budget, problems: Problems) -> Folder:
    if not folder.is_dir():
        raise refuse(Where(str(folder)), "is not a folder: --format aoe takes the radar's "
                     "folder (with radar/YYYY-MM-DD/ and config.json)")
    base, root = _locate(folder)
    config, config_where = _config(root, budget, problems)
    notes: list[tuple[Where, str]] = []
    raw: list[tuple[str, list[tuple[dict[str, Any], str, Where, str]]]] = []
    for entry in _files(base, Where(str(base))):
        here = Where(entry.path)
        if entry.is_symlink():
            problems.add(here, "is a symbolic link: links are not followed")
        elif entry.is_dir():
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry.name) or not dates.parse(entry.name):
                problems.add(here, "a release folder is named by its date, YYYY-MM-DD")
                continue
            raw.append((entry.name, _release(entry, budget, problems, notes)))
        elif entry.name.endswith(".md"):
            problems.add(here, "an item file belongs in a release folder (YYYY-MM-DD/)")
    if not raw:
        problems.add(Where(str(base)), "no release folder (YYYY-MM-DD)")
    if len(raw) > sources.MAX_RELEASES:
        raise refuse(Where(str(base)), f"more than {sources.MAX_RELEASES} releases")
    ids = identity.source_ids(sorted({i for _, files in raw for *_, i in files}))
    public = next((p for p in (root / "public", root.parent / "public") if p.is_dir()), None)
    linker = Linker(ids, public, check_site(config.get("baseUrl"), config.get("basePath"),
                                            config_where), budget, problems)
    releases = []
    for name, files in raw:
        release = Release(dates.parse(name), [], str(base / name), "", item_files=True)
        for meta, body, where, ident in files:
            text, changed = htmlpolicy.sanitise_markdown(linker.body(body, where))
            if changed:
                notes.append((where, f"{changed} HTML tag(s) outside the site's allow-list "
                              "removed or cut to it"))
            item = _item(meta, text, ident, where, problems)
            release.items.append(item)
        release.name = f"radar/{name}"  # a blip's source: radar/<release>/<id>.md
        releases.append(release)
    segments = config.get("segments") or config.get("quadrants")
    quadrants = axis_of("segment", _entries(segments, config_where, "segments", problems)
                      if segments is not None else [(i, t, "") for i, t in SEGMENTS])
    rings = axis_of("ring", _entries(config["rings"], config_where, "rings", problems)
                  if "rings" in config else [(i, t, "") for i, t in RINGS])
    labels = config.get("labels")
    title = labels.get("title") if isinstance(labels, dict) else None
    return Folder(releases, quadrants, rings, title if isinstance(title, str) else None, ids,
                  linker.files, notes + linker.notes, config_where)


def _release(folder: os.DirEntry[str], budget: sources.Budget, problems: Problems,
             notes: list[tuple[Where, str]]) -> list[tuple[dict[str, Any], str, Where, str]]:
    found = []
    entries = _files(Path(folder.path), Where(folder.path))
    if len(entries) > sources.MAX_FILES:
        raise refuse(Where(folder.path), f"more than {sources.MAX_FILES:,} files")
    for entry in entries:
        if not entry.name.endswith(".md") or entry.name.startswith("."):
            continue
        read = _meta(Path(entry.path), budget, problems, notes)
        if read is not None:
            found.append((*read, entry.name[:-3]))
    return found
