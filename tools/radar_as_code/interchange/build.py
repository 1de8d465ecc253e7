"""Releases to a radar repository: the config, one file per blip, and for several releases
a git history with one commit and one edition tag per release. Everything is built and
checked in a temporary folder first; the destination appears only when all is well."""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from radar_as_code.authoring.edit import token
from radar_as_code.core.layout import CONFIG_PATH, slug
from radar_as_code.core.load import load
from radar_as_code.core.model import DEFAULT_BLIP_SECTIONS
from radar_as_code.core.reader import WorktreeReader
from radar_as_code.editions.git import Git
from radar_as_code.interchange.records import ImportError_, Item, Release
from radar_as_code.lint import checking

RING_ORDER = {"adopt": 0, "trial": 1, "assess": 2, "hold": 3, "caution": 3}


@dataclass
class State:
    item: Item
    reviewed: str


def _ordered(names: dict[str, str], known: dict[str, int]) -> list[tuple[str, str]]:
    ids = list(names)
    if all(i in known for i in ids):
        ids.sort(key=lambda i: known[i])
    return [(i, names[i]) for i in ids]


def _config(title: str, quadrants: list[tuple[str, str]], rings: list[tuple[str, str]],
            tags: list[str], aliases: dict[str, str]) -> str:
    formers: dict[str, list[str]] = {}
    for old, new in aliases.items():
        formers.setdefault(new, []).append(old)
    data = {
        "title": title, "edition_tag": "edition-*",
        "quadrants": [{"id": i, "label": label} for i, label in quadrants],
        "rings": [{"id": i, "label": label, **({"former_ids": formers[i]} if i in formers else {})}
                  for i, label in rings],
        "tags": tags,
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def _body(item: Item, origin: str) -> str:
    text = item.description.strip()
    headings = {line[3:].strip() for line in text.splitlines() if line.startswith("## ")}
    if {s.heading for s in DEFAULT_BLIP_SECTIONS} <= headings:
        return "\n" + text + "\n"  # already a full rationale (exported by this tool)
    # Headings of the source's own text become sub-headings of the context.
    text = re.sub(r"^#{1,2}(?=\s)", "###", text, flags=re.MULTILINE)
    context = text or f"Imported from {Path(origin).name}."
    if item.link and item.link.startswith(("http://", "https://")):
        context += f"\n\nMore: <{item.link}>"
    sections = {"context": context}
    return "".join(f"\n## {s.heading}\n\n{sections.get(s.id, 'Not recorded in the source.')}\n"
                   for s in DEFAULT_BLIP_SECTIONS)


def _blip(state: State, quadrant: str, ring: str, origin: str, title: str) -> str:
    item = state.item
    body = _body(item, origin)
    tags = ", ".join(t for t in (slug(t) for t in item.tags) if t)
    return ("---\n" f"title: {token(title)}\n" f"quadrant: {quadrant}\n" f"ring: {ring}\n"
            f"status: {'retired' if item.retired else 'active'}\n" f"tags: [{tags}]\n"
            "related: []\n" "decisions: []\n" f"reviewed: {state.reviewed}\n"
            "former_ids: []\n" "---\n" + body)


def _title_id(title: str) -> str:
    return slug(title) or "blip"


def _identities(release: Release, known: dict[tuple[str, str], str]) -> list[tuple[str, Item]]:
    """Ids for a release's items: the source's own, or the title's slug; two different
    blips with one display name (in one release) are told apart by their quadrant."""
    counts: dict[str, int] = {}
    for item in release.items:
        key = item.ident or _title_id(item.title)
        counts[key] = counts.get(key, 0) + 1
    out = []
    for item in release.items:
        name_key = (item.title.casefold(), slug(item.quadrant))
        if item.ident:
            ident = item.ident
        elif name_key in known:
            ident = known[name_key]
        elif counts[_title_id(item.title)] > 1:
            ident = f"{_title_id(item.title)}-{slug(item.quadrant)}"
        else:
            ident = _title_id(item.title)
        known.setdefault(name_key, ident)
        out.append((ident, item))
    return out


def build(releases: list[Release], into: Path, *, title: str,
          aliases: dict[str, str] | None = None) -> list[str]:
    """Write the radar into ``into`` (which must not exist or be empty); the tags made."""
    aliases = {slug(k): slug(v) for k, v in (aliases or {}).items()}
    if into.exists() and (not into.is_dir() or any(into.iterdir())):
        raise ImportError_(f"{into} exists and is not empty: import into a new folder")
    releases = sorted(releases, key=lambda r: r.date or "")
    for release in releases:
        if release.date is None:
            raise ImportError_(f"{release.origin}: no date (name the file by its date, "
                               "e.g. 2024-04-01.csv, or give --date)")
    quadrants: dict[str, str] = {}
    rings: dict[str, str] = {}
    tags: set[str] = set()
    known: dict[tuple[str, str], str] = {}
    per_release: list[list[tuple[str, Item]]] = []
    for release in releases:
        items = _identities(release, known)
        for _, item in items:
            if not slug(item.quadrant) or not slug(item.ring):
                raise ImportError_(f"{item.where}: no quadrant or ring")
            quadrants.setdefault(slug(item.quadrant), item.quadrant)
            ring = aliases.get(slug(item.ring), slug(item.ring))
            rings.setdefault(ring, item.ring if ring == slug(item.ring) else ring.capitalize())
            tags.update(slug(t) for t in item.tags)
        per_release.append(items)
    config = _config(title, _ordered(quadrants, {}), _ordered(rings, RING_ORDER),
                     sorted(t for t in tags if t), aliases)
    into.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".radar-import-", dir=into.parent))  # same disk
    try:
        made = _write(work, config, releases, per_release, aliases)
        work.chmod(0o755)
        if into.exists():
            into.rmdir()
        work.replace(into)
        return made
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


def _write(work: Path, config: str, releases: list[Release],
           per_release: list[list[tuple[str, Item]]], aliases: dict[str, str]) -> list[str]:
    (work / "radar").mkdir()
    (work / "adr").mkdir()
    (work / CONFIG_PATH).write_text(config)
    git = Git(work) if len(releases) > 1 else None
    if git is not None:
        git.init()
    state: dict[str, State] = {}
    made = []
    for release, items in zip(releases, per_release, strict=True):
        date = release.date or ""
        for ident, item in items:
            state[ident] = State(replace(item), date)
        names: dict[str, int] = {}
        for current in state.values():
            names[current.item.title.casefold()] = names.get(current.item.title.casefold(), 0) + 1
        for ident, current in state.items():
            ring = aliases.get(slug(current.item.ring), slug(current.item.ring))
            title = current.item.title
            if names[title.casefold()] > 1:  # titles are unique here: name the quadrant too
                title = f"{title} ({current.item.quadrant})"
            (work / "radar" / f"{ident}.md").write_text(
                _blip(current, slug(current.item.quadrant), ring, release.origin, title))
        _check(work, release)
        if git is not None:
            name = f"edition-{date}"
            git.commit_all(f"Edition {date}, imported from {Path(release.origin).name}", date)
            git.tag(name, f"Edition {date}", date)
            made.append(name)
    return made


def _check(work: Path, release: Release) -> None:
    errors = checking.errors(load(WorktreeReader(work)))
    if errors:
        details = "; ".join(f"{p.path}:{p.line}: {p.message}" for p in errors[:10])
        raise ImportError_(f"{release.origin}: the imported radar would not be valid: "
                           f"{details}")
