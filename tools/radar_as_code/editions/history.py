"""A blip's history: its state at every edition, oldest first, then in the working tree,
found by its id or any of its former ids (a rename is followed both ways)."""

from __future__ import annotations

from dataclasses import dataclass

from radar_as_code.core.load import load, parse
from radar_as_code.core.model import Blip
from radar_as_code.core.reader import WorktreeReader
from radar_as_code.editions.timeline import WORKTREE, Timeline, edition_day
from radar_as_code.errors import GitError


@dataclass(frozen=True)
class Point:
    """A blip at one edition (or in the working tree)."""

    edition: str
    date: str | None
    sha: str | None
    blip: Blip | None  # None: absent, or unreadable there


def history(timeline: Timeline, ident: str) -> list[Point]:
    """The blip at every edition, oldest first, then in the working tree."""
    tags = timeline.editions()
    reader = WorktreeReader(timeline.root)
    paths = list(reader.listing().blip_paths.get(ident, ()))
    live = load(reader, only=paths, follow=False).radar
    current = live.blips.get(ident) if live else None
    if current is None and not paths:  # a former id: the blip it was renamed to
        every = load(reader, follow=False).radar
        current = next((b for b in every.blips.values() if ident in b.meta.former_ids),
                       None) if every else None
        paths = [current.path] if current else []
    names = {ident, *(current.meta.former_ids if current else ())}
    if current is not None:
        names.add(current.id)
    folders = sorted({p.rsplit("/", 1)[0] for p in paths} | {"radar"})
    candidates = [f"{folder}/{name}.md" for folder in folders for name in sorted(names)]
    name = timeline.git.blob_name
    blobs = timeline.git.cat_blobs([name(tag.sha, path) for tag in tags for path in candidates])
    points = []
    for tag in tags:
        found = next(((p, blobs[name(tag.sha, p)]) for p in candidates
                      if name(tag.sha, p) in blobs), None)
        blip = None
        if found is not None:
            document = parse(*found).document
            blip = document if isinstance(document, Blip) else None
        points.append(Point(tag.name, edition_day(tag), tag.sha, blip))
    points.append(Point(WORKTREE, None, None, current))
    if not any(p.blip for p in points):
        raise GitError(f"no blip '{ident}' in any edition nor in the working tree")
    return points
