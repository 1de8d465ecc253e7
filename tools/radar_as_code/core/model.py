"""Strict, frozen models of the radar's files. No I/O here.

Front matter and config are validated with pydantic-core (unknown keys are errors, values
are not coerced) from core schemas that ``core/spec.py`` generates ahead of time from the
annotations below (``core/frozen.py``); the documents and the snapshot that hold them are
frozen dataclasses. Derived facts (blip numbers, movements) are computed, never stored.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Generic, Literal, TypeVar

from radar_as_code.core.frozen import Frozen
from radar_as_code.core.markdown import Body
from radar_as_code.core.period import PATTERN as PERIOD
from radar_as_code.core.yamlread import YamlDoc

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ADR_ID_PATTERN = r"^[0-9]{4}-[a-z0-9]+(?:-[a-z0-9]+)*$"
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def _one_line(value: str) -> str:
    value = unicodedata.normalize("NFC", value)
    bad = _UNSAFE.search(value)
    if bad:
        raise ValueError(f"must be one line of plain text, without control or "
                         f"direction-changing characters (found U+{ord(bad.group()):04X})")
    if not value.strip():
        raise ValueError("must not be empty")
    if value != value.strip():
        raise ValueError("must not start or end with spaces")
    return value


_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _day(value: object) -> object:
    """Dates are written YYYY-MM-DD and must exist; nothing else becomes a date."""
    if isinstance(value, str) and _DAY.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"'{value}' is not a real date ({exc})") from None
    if isinstance(value, date):
        return value
    raise ValueError(f"{value!r} is not a date: write it as YYYY-MM-DD")


if TYPE_CHECKING:  # core/spec.py gives these names their constraints (and Field)
    from pydantic import Field

    Id = str  # ID_PATTERN, at most 80 characters
    AdrId = str  # ADR_ID_PATTERN, at most 90 characters
    Line = str  # one line of plain text (_one_line), at most 200 characters
    Day = date  # written YYYY-MM-DD (_day)

    def _ids(kind: str) -> object:
        """A list of at most 200 ids, described as ``kind``."""
BlipStatus = Literal["active", "retired"]
DecisionStatus = Literal["proposed", "accepted", "rejected", "deprecated", "superseded"]
RuleLevel = Literal["error", "warning", "disable"]


class Entry(Frozen):
    """A quadrant or a ring. ``former_ids`` keep its identity when its id is renamed
    (Thoughtworks renamed Hold to Caution): a blip is not "moved" by a renamed ring."""

    id: Id
    label: Line
    description: str = ""
    former_ids: Annotated[tuple[Id, ...], Field(strict=False, max_length=20)] = ()


class SectionSpec(Frozen):
    """A rationale section: its id and the heading it has in the files."""

    id: Id
    heading: Line
    required: bool = True


DEFAULT_BLIP_SECTIONS = (
    SectionSpec.model_construct(id="context", heading="Context"),
    SectionSpec.model_construct(id="criteria", heading="Decision criteria"),
    SectionSpec.model_construct(id="options", heading="Options considered"),
    SectionSpec.model_construct(id="decision", heading="Decision"),
    SectionSpec.model_construct(id="consequences", heading="Consequences"),
)
DEFAULT_ADR_SECTIONS = (
    SectionSpec.model_construct(id="context", heading="Context"),
    SectionSpec.model_construct(id="drivers", heading="Decision drivers"),
    SectionSpec.model_construct(id="options", heading="Considered options"),
    SectionSpec.model_construct(id="outcome", heading="Decision outcome"),
    SectionSpec.model_construct(id="consequences", heading="Consequences"),
)


class Labels(Frozen):
    """The words of the site, for a radar written in another language."""

    radar: Line = "Radar"
    quadrant: Line = "Quadrant"
    quadrants: Line = "Quadrants"
    ring: Line = "Ring"
    blip: Line = "Blip"
    blips: Line = "blips"
    tags: Line = "Tags"
    related: Line = "Related blips"
    decisions: Line = "Decision records"
    decision: Line = "Decision record"
    status: Line = "Status"
    date: Line = "Date"
    deciders: Line = "Deciders"
    concerns: Line = "Blips concerned"
    supersedes: Line = "Supersedes"
    superseded_by: Line = "Superseded by"
    history: Line = "History"
    edition: Line = "Edition"
    editions: Line = "Editions"
    since_last: Line = "Since the last edition"
    reviewed: Line = "Last reviewed"
    edit: Line = "Edit this page"
    retired: Line = "Retired"
    absent: Line = "not on the radar"
    change: Line = "Change"
    from_: Annotated[Line, Field(alias="from")] = "From"
    to: Line = "To"
    unchanged: Line = "unchanged"
    new: Line = "New"
    moved_in: Line = "Moved in"
    moved_out: Line = "Moved out"
    no_change: Line = "No change"
    back: Line = "Back"
    removed: Line = "Removed"
    renamed: Line = "Renamed"
    quadrant_changed: Line = "Changed quadrant"
    revised: Line = "Rationale revised"
    nothing_moved: Line = "Nothing moved."
    no_editions: Line = "No edition yet: tag one to start the history."
    draft: Line = "Draft: not an edition yet"
    legend: Line = "Legend"
    one_blip: Line = "blip"  # a count of one: "1 blip"
    review_due: Line = "due for review"
    # editions (docs/editions.md)
    upcoming: Line = "Upcoming"
    upcoming_intro: Line = "Merged since the latest edition; not in an edition yet"
    nothing_upcoming: Line = "Nothing merged since the latest edition."
    whats_new: Line = "What's new"
    first_edition: Line = "The first edition"
    previous_edition: Line = "Previous edition"
    next_edition: Line = "Next edition"
    not_on_site: Line = "No longer on this site"
    # reading the picture and its lists
    skip_picture: Line = "Skip the picture"
    filter: Line = "Filter the blips"
    all: Line = "All"
    tag: Line = "Tag"
    shown: Line = "shown"  # "12 / 43 shown"
    off_picture: Line = "not on the picture"

    pydantic_config: ClassVar[dict[str, Any]] = {"populate_by_name": True}


def _unique(what: str, values: list[str]) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{what} '{value}' is listed twice")
        seen.add(value)


class RadarConfig(Frozen):
    """`radar/radar.yml`: what this radar is made of."""

    after = ("_ids_unique",)
    title: Line
    description: str = ""
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")] = "en"
    edition_tag: Annotated[str, Field(min_length=1, max_length=100,
                                      pattern=r"^[A-Za-z0-9._/*?\[\]-]+$")] = "edition-*"
    quadrants: Annotated[tuple[Entry, ...], Field(strict=False, min_length=1, max_length=16)]
    rings: Annotated[tuple[Entry, ...], Field(strict=False, min_length=1, max_length=12)]
    blip_sections: Annotated[tuple[SectionSpec, ...], Field(strict=False, max_length=20)] = \
        DEFAULT_BLIP_SECTIONS
    adr_sections: Annotated[tuple[SectionSpec, ...], Field(strict=False, max_length=20)] = \
        DEFAULT_ADR_SECTIONS
    adr_min_options: Annotated[int, Field(ge=0, le=20)] = 3
    decision_rings: Annotated[tuple[Id, ...] | None, Field(
        strict=False, description="Rings a blip may only move into by citing an accepted "
        "decision record (`radar check --base`); default: the first and the last ring.")] = None
    tags: Annotated[tuple[Id, ...], Field(
        strict=False, max_length=1000, description="Tag vocabulary; empty means any tag.")] = ()
    rules: Annotated[dict[str, RuleLevel], Field(default_factory=dict)]
    labels: Annotated[Labels, Field(default_factory=Labels)]
    review_after: Annotated[Annotated[str, Field(pattern=PERIOD)] | None, Field(
        description="A blip not reviewed for longer than this (e.g. '12 months') is due "
        "for review: `radar agenda`, the site, the `stale` rule. Default: 12 months.")] = None

    def _ids_unique(self) -> RadarConfig:
        _unique("quadrant", [q.id for q in self.quadrants])
        _unique("ring", [r.id for r in self.rings])
        _unique("blip section", [s.id for s in self.blip_sections])
        _unique("decision-record section", [s.id for s in self.adr_sections])
        _unique("tag", list(self.tags))
        return self

    def rings_needing_decision(self) -> tuple[str, ...]:
        if self.decision_rings is not None:
            return self.decision_rings
        return tuple(dict.fromkeys((self.rings[0].id, self.rings[-1].id)))

    def ring_index(self, ring: str) -> int:
        return [r.id for r in self.rings].index(ring)

    def quadrant_index(self, quadrant: str) -> int:
        return [q.id for q in self.quadrants].index(quadrant)


class Imported(Frozen):
    """Where an imported blip comes from (written by `radar import`). Until a person reviews
    the blip (a ``reviewed`` date after ``date``), missing rationale sections are warnings.
    ``id``, ``title`` and ``tags`` keep what the source wrote where this tool had to write
    it otherwise, so that links and an export in the source's format find it again."""

    format: Annotated[str, Field(pattern=ID_PATTERN, max_length=40)]
    source: Annotated[Line, Field(
        description="the source file this version of the blip was read from")]
    date: Annotated[Day, Field(description="the date of that source (its edition)")]
    id: Annotated[Line | None, Field(
        description="the source's own id, where it is not a valid id")] = None
    title: Annotated[Line | None, Field(description="the source's name, where the import "
                                        "added the quadrant to tell two blips apart")] = None
    tags: Annotated[tuple[Line, ...] | None, Field(
        strict=False, max_length=200, description="the tags as the source wrote them")] = None


class BlipMeta(Frozen):
    """The front matter of a blip, `radar/<id>.md`."""

    title: Line
    quadrant: Id
    ring: Id
    status: BlipStatus = "active"
    tags: Annotated[tuple[Id, ...], _ids("tags from the config's vocabulary")] = ()
    related: Annotated[tuple[Id, ...], _ids("ids of related blips")] = ()
    decisions: Annotated[tuple[AdrId, ...], _ids("ids of decision records")] = ()
    reviewed: Day
    former_ids: Annotated[tuple[Id, ...], _ids("ids this blip had before")] = ()
    retired: Annotated[Day | None, Field(
        description="when the blip was retired (`radar retire`)")] = None
    featured: Annotated[bool, Field(description="shown on the radar picture; false keeps the "
                                    "blip in lists only (AOE's featured, Zalando's active)")] = True
    imported: Imported | None = None


class DecisionMeta(Frozen):
    """The front matter of a decision record, `adr/NNNN-slug.md`."""

    title: Line
    status: DecisionStatus
    date: Day
    deciders: Annotated[tuple[Line, ...], Field(strict=False, min_length=1, max_length=50)]
    supersedes: Annotated[tuple[AdrId, ...], _ids("records this one replaces")] = ()
    superseded_by: Annotated[tuple[AdrId, ...], _ids("records that replace this one")] \
        = ()
    blips: Annotated[tuple[Id, ...], _ids("blips the decision concerns")] = ()


Meta = TypeVar("Meta", BlipMeta, DecisionMeta)


@dataclass(frozen=True)
class Document(Generic[Meta]):
    """A valid file of the radar: its id (the file name), front matter, body and source."""

    id: str
    path: str
    meta: Meta
    body: Body
    source: YamlDoc = field(repr=False, compare=False)


class Blip(Document[BlipMeta]):
    """A blip, `radar/<id>.md`."""


class Decision(Document[DecisionMeta]):
    """A decision record, `adr/NNNN-slug.md`."""


@dataclass(frozen=True)
class Radar:
    """A snapshot of the radar: at the working tree or at a git revision.

    ``blip_paths`` and ``decision_paths`` index every file by id (several paths for one id
    is a problem); ``blips`` and ``decisions`` hold the files that were read and are valid,
    which is all of them in a clean, complete snapshot. ``bodies`` holds the Markdown body of
    every file read whose front matter could be split off, valid or not, so that body
    rules report their problems in the same run as schema problems.
    """

    config: RadarConfig
    config_path: str
    blip_paths: Mapping[str, tuple[str, ...]]
    decision_paths: Mapping[str, tuple[str, ...]]
    files: frozenset[str]
    blips: Mapping[str, Blip]
    decisions: Mapping[str, Decision]
    bodies: Mapping[str, Body] = field(default_factory=dict)  # by path, valid front matter or not

    @cached_property
    def numbers(self) -> dict[str, int]:
        """Number of each active blip on the picture: by quadrant, ring, then title."""
        config = self.config
        quadrants = {q.id: i for i, q in enumerate(config.quadrants)}
        rings = {r.id: i for i, r in enumerate(config.rings)}
        active = [b for b in self.blips.values()
                  if b.meta.status == "active" and b.meta.quadrant in quadrants
                  and b.meta.ring in rings]
        active.sort(key=lambda b: (quadrants[b.meta.quadrant], rings[b.meta.ring],
                                   b.meta.title.casefold(), b.id))
        return {b.id: n for n, b in enumerate(active, start=1)}
