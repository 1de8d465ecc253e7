"""Every edition as it was: the radar at each edition tag and what changed since the one
before, read in one walk over the tags.

The first edition is read whole; each next one only where it differs from the one before
(``Timeline.compare``), so reading twenty editions costs one snapshot plus the changes.
Each edition keeps a light copy of its blips (front matter and path, no body): enough
for its picture, its counts and its lists. What an edition said about the blips it
changed (the first paragraph of the rationale's decision and the records it cited) is
kept on request, for the site's edition pages.
"""

from __future__ import annotations

import fnmatch
import itertools
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property

from radar_as_code.core.load import load
from radar_as_code.core.markdown import Body
from radar_as_code.core.model import Blip, Radar, RadarConfig
from radar_as_code.core.yamlread import YamlDoc
from radar_as_code.editions.git import Tag
from radar_as_code.editions.timeline import Comparison, Timeline
from radar_as_code.errors import SetupError

State = Mapping[str, tuple[str, str, str]]  # blip id -> (quadrant, ring, status)
_NO_BODY = Body("", 1)
_NO_SOURCE = YamlDoc()
DECISION_SECTION = "decision"  # the id of the rationale section an edition page quotes


@dataclass(frozen=True)
class Record:
    """A decision record as it was at an edition (title and status empty if it was not
    readable there)."""

    id: str
    title: str
    status: str


@dataclass(frozen=True)
class Note:
    """What an edition said about a blip it changed, as written at that edition."""

    decision: str  # the first paragraph of the rationale's decision section (Markdown)
    records: tuple[Record, ...]  # the decision records the blip cited


@dataclass(frozen=True)
class EditionSummary:
    tag: Tag
    blips: Mapping[str, Blip]  # every readable blip at this edition, without its body
    config: RadarConfig  # the radar's config at this edition
    since_previous: Comparison | None  # None for the first edition
    renames: Mapping[str, str] = field(default_factory=dict)  # former id -> id, so far
    notes: Mapping[str, Note] = field(default_factory=dict)  # by id, for changed blips

    @cached_property
    def state(self) -> State:
        return {i: (b.meta.quadrant, b.meta.ring, b.meta.status) for i, b in self.blips.items()}

    @cached_property
    def ring_labels(self) -> dict[str, str]:
        return {e.id: e.label for e in self.config.rings}

    @cached_property
    def quadrant_labels(self) -> dict[str, str]:
        return {e.id: e.label for e in self.config.quadrants}

    @property
    def counts(self) -> dict[str, Counter[str]]:
        """"ring" and "quadrant" -> id -> number of active blips."""
        active = [(q, r) for q, r, s in self.state.values() if s == "active"]
        return {"ring": Counter(r for _, r in active),
                "quadrant": Counter(q for q, _ in active)}

    @cached_property
    def radar(self) -> Radar:
        """The radar at this edition, as its picture and lists need it (no bodies, no
        decision records)."""
        return Radar(config=self.config, config_path="radar/radar.yml",
                     blip_paths={i: (b.path,) for i, b in self.blips.items()},
                     decision_paths={}, files=frozenset(), blips=self.blips, decisions={})


def edition_title(tag: Tag, pattern: str, word: str = "Edition") -> str:
    """An edition's title: the first line of its annotated tag's message, else its name
    without the literal prefix of the edition pattern up to its last separator
    ("edition-2024-06" -> "Edition 2024-06"); never the word twice."""
    if tag.message and tag.message != tag.name:
        return tag.message
    prefix = pattern.split("*", 1)[0].split("?", 1)[0].split("[", 1)[0]
    if prefix[-1:].isalnum():
        prefix = ""  # "20*" names "2024-06": only a prefix ending in a separator is one
    short = tag.name.removeprefix(prefix) if fnmatch.fnmatchcase(tag.name, pattern) else ""
    short = short or tag.name
    return short if short.casefold().startswith(word.casefold()) else f"{word} {short}"


def _light(blip: Blip) -> Blip:
    return replace(blip, body=_NO_BODY, source=_NO_SOURCE)


def first_paragraph(blip: Blip, config: RadarConfig, section: str = DECISION_SECTION) -> str:
    """The first paragraph of one of the blip's rationale sections, as written."""
    spec = next((s for s in config.blip_sections if s.id == section), None)
    if spec is None:
        return ""
    found = next((s for s in blip.body.sections
                  if s.heading.casefold() == spec.heading.casefold()), None)
    if found is None:
        return ""
    return next((p.strip() for p in found.text.split("\n\n") if p.strip()), "")


def _notes(timeline: Timeline, comparison: Comparison, radar: Radar) -> dict[str, Note]:
    """For each blip the comparison changed: its decision paragraph and cited records,
    as they were at the comparison's head (an edition)."""
    changed = [radar.blips[c.id] for c in comparison.changes if c.id in radar.blips]
    cited = sorted({d for blip in changed for d in blip.meta.decisions})
    records: dict[str, Record] = {}
    if cited and comparison.head.sha is not None:
        reader = timeline.reader(comparison.head.sha, comparison.head.ref)
        index = reader.listing().decision_paths
        paths = [p for d in cited for p in index.get(d, ())]
        found = load(reader, only=paths, follow=False, cache=timeline.cache).radar
        for ident, record in (found.decisions.items() if found else ()):
            records[ident] = Record(ident, record.meta.title, record.meta.status)
    return {blip.id: Note(first_paragraph(blip, radar.config),
                          tuple(records.get(d, Record(d, "", "")) for d in blip.meta.decisions))
            for blip in changed}


def editions(timeline: Timeline, *, notes: bool = False) -> list[EditionSummary]:
    """Every edition, oldest first, with its blips and what changed since the one before
    (and, with ``notes``, what it said about each changed blip)."""
    tags = timeline.editions()
    if not tags:
        return []
    first = load(timeline.end(tags[0].name)[1], follow=False, cache=timeline.cache).radar
    if first is None:
        raise SetupError(f"the radar's config at {tags[0].name} is invalid")
    blips = {b.id: _light(b) for b in first.blips.values()}
    renames: dict[str, str] = {}
    out = [EditionSummary(tags[0], dict(blips), first.config, None)]
    for previous, tag in itertools.pairwise(tags):
        comparison = timeline.compare(previous.name, tag.name)
        assert comparison.snapshots is not None
        old_radar, new_radar = comparison.snapshots
        for old in old_radar.blips.values():
            if old.id not in new_radar.blip_paths:
                blips.pop(old.id, None)
        for blip in new_radar.blips.values():
            blips[blip.id] = _light(blip)
            for former in blip.meta.former_ids:
                if former not in new_radar.blip_paths:
                    blips.pop(former, None)
                    renames[former] = blip.id
        said = _notes(timeline, comparison, new_radar) if notes else {}
        timeline.forget(previous.sha)
        out.append(EditionSummary(tag, dict(blips), new_radar.config, comparison.light(),
                                  dict(renames), said))
    return out
