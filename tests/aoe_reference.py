"""AOE's generator merge, written again for the tests (from scripts/buildData.ts, v5): the
state of every item after each release, to compare an import or an export with."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

State = dict[str, dict[str, Any]]


def _normal(body: str) -> str:
    """Bodies compared as text: links to items by id only, whitespace collapsed."""
    body = re.sub(r"\]\((?:\.\./|/)?(?:[a-z-]+/)?([A-Za-z0-9_.-]+?)(?:\.html)?/?(#[^)]*)?\)",
                  r"](\1\2)", body)
    return " ".join(body.split())


def merge(folder: Path) -> dict[str, State]:
    """Release name -> item id -> title, ring, segment, tags, featured, body."""
    items: State = {}
    out: dict[str, State] = {}
    for release in sorted(p for p in (folder / "radar").iterdir() if p.is_dir()):
        for path in sorted(release.glob("*.md")):
            _, front, body = path.read_text(encoding="utf-8").split("---", 2)
            data = yaml.safe_load(front) or {}
            ident, body = path.stem, body.strip()
            if ident not in items:
                items[ident] = {"title": data.get("title") or ident, "ring": data.get("ring"),
                                "segment": data.get("segment") or data.get("quadrant"),
                                "body": body, "featured": data.get("featured") is not False,
                                "tags": data.get("tags") or []}
                continue
            item = items[ident]
            item["body"] = body or item["body"]
            item["title"] = data.get("title") or item["title"]
            item["ring"] = data.get("ring") or item["ring"]
            item["segment"] = data.get("segment") or data.get("quadrant") or item["segment"]
            item["tags"] = data["tags"] if data.get("tags") is not None else item["tags"]
            if isinstance(data.get("featured"), bool):
                item["featured"] = data["featured"]
        out[release.name] = {i: {**v, "title": str(v["title"]).strip(),
                                 "body": _normal(v["body"]), "tags": [str(t) for t in v["tags"]]}
                             for i, v in items.items()}
    return out
