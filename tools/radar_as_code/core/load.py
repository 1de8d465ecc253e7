"""Files to snapshot: one loader for the working tree and every git revision.

Bad files become problems, never exceptions; a file with problems in its front matter
is left out of the snapshot (its id stays in the index, so references to it resolve).
Only a missing or unreadable config stops loading (``SetupError``). Each file keeps its
first problems of each rule and counts the others (``core/tally.py``), so that memory
stays bounded whatever the files hold.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from radar_as_code.core import frontmatter, markdown, textfile, yamlread
from radar_as_code.core.layout import CONFIG_PATH, file_id, is_blip_path, is_decision_path
from radar_as_code.core.model import Blip, BlipMeta, Decision, DecisionMeta, Radar, RadarConfig
from radar_as_code.core.problem import Problem
from radar_as_code.core.reader import Reader
from radar_as_code.core.tally import PER_FILE, Tally, add, keep_first
from radar_as_code.errors import SetupError
from radar_as_code.lint import movement_flags, schema


@dataclass(frozen=True)
class Loaded:
    """What loading produced: the snapshot (None if the config is invalid) and problems."""

    radar: Radar | None
    problems: tuple[Problem, ...]
    config_doc: yamlread.YamlDoc
    complete: bool  # every blip and record was read
    counted: Tally = field(default_factory=dict)  # problems past each file's first ones


Config = tuple[RadarConfig | None, yamlread.YamlDoc, list[Problem]]


def read_config(reader: Reader, files: Collection[str],
                cache: dict[str, Config] | None = None) -> Config:
    """The config, its document and problems; with ``cache``, read once per content (the
    two ends of a comparison mostly share it)."""
    oid = reader.object_id(CONFIG_PATH) if cache is not None else None
    if cache is not None and oid is not None and CONFIG_PATH in files:
        if oid not in cache:
            cache[oid] = read_config(reader, files)
        return cache[oid]
    if CONFIG_PATH not in files:
        where = "in this folder nor in a folder above" if reader.label == "working tree" \
            else f"at {reader.label}"
        raise SetupError(f"{CONFIG_PATH} not found {where}: is this a radar repository? "
                         "(`radar init` starts one)")
    data = reader.read_many([CONFIG_PATH]).get(CONFIG_PATH)
    if data is None:
        raise SetupError(f"{CONFIG_PATH} cannot be read")
    decoded = textfile.decode(CONFIG_PATH, data)
    if decoded.problem:
        return None, yamlread.YamlDoc(), [decoded.problem]
    doc = yamlread.read(CONFIG_PATH, decoded.text)
    if doc.problems:
        return None, doc, list(doc.problems)
    if not isinstance(doc.value, dict):
        return None, doc, [Problem(CONFIG_PATH, 1, 1, "schema", "error",
                                   "the config must be a mapping of keys to values")]
    config, problems = schema.validate(RadarConfig, doc.value, doc, CONFIG_PATH)
    return config, doc, problems


@dataclass(frozen=True)
class Parsed:
    """One file read: its document if valid, its body if it could be split off."""

    document: Blip | Decision | None
    body: markdown.Body | None
    problems: list[Problem]
    counted: Tally = field(default_factory=dict)  # problems past the first of each rule


def _front_matter(path: str, data: bytes) -> tuple[
        yamlread.YamlDoc | None, dict[str, Any], markdown.Body | None, list[Problem]]:
    decoded = textfile.decode(path, data)
    if decoded.problem:
        return None, {}, None, [decoded.problem]
    split = frontmatter.split(path, decoded.text)
    if isinstance(split, Problem):
        return None, {}, None, [split]
    doc = yamlread.read(path, split.yaml, split.yaml_line)
    body = markdown.Body(split.body, split.body_line)  # scanned when asked
    problems = list(doc.problems)
    if not isinstance(doc.value, dict):
        if not problems:
            what = "empty" if doc.value is None else f"a {type(doc.value).__name__}"
            problems.append(Problem(path, split.yaml_line - 1, 1, frontmatter.RULE, "error",
                                    f"front matter is {what}; it must be a mapping of keys "
                                    "to values"))
        return None, {}, body, problems
    return doc, doc.value, body, problems


def _not_cascading(found: list[Problem], before: list[Problem]) -> list[Problem]:
    """Schema problems on a line that already has a YAML problem only repeat it."""
    lines = {p.line for p in before if p.rule == yamlread.RULE}
    return [p for p in found if p.line not in lines]


def parse(path: str, data: bytes, keep: int = PER_FILE) -> Parsed:
    """Read a blip or a decision record (which one, from its path); of each rule's
    problems, keep the first ``keep``."""
    parsed = _parse(path, data)
    if len(parsed.problems) <= keep:
        return parsed
    counted: Tally = {}
    problems = keep_first(parsed.problems, counted, keep)
    return Parsed(parsed.document, parsed.body, problems, counted)


def _parse(path: str, data: bytes) -> Parsed:
    doc, values, body, problems = _front_matter(path, data)
    if doc is None or body is None:
        return Parsed(None, body, problems)
    if is_blip_path(path):
        values, flags = movement_flags.extract(values, doc, path)
        problems += flags
        blip, invalid = schema.validate(BlipMeta, values, doc, path)
        problems += _not_cascading(invalid, problems)
        if blip is None or any(p.level == "error" for p in problems):
            return Parsed(None, body, problems)
        return Parsed(Blip(file_id(path), path, blip, body, doc), body, problems)
    decision, invalid = schema.validate(DecisionMeta, values, doc, path)
    problems += _not_cascading(invalid, problems)
    if decision is None or any(p.level == "error" for p in problems):
        return Parsed(None, body, problems)
    return Parsed(Decision(file_id(path), path, decision, body, doc), body, problems)


def _references(blips: Iterable[Blip], decisions: Iterable[Decision],
                blip_paths: dict[str, tuple[str, ...]],
                decision_paths: dict[str, tuple[str, ...]]) -> set[str]:
    """Files one hop away from the given documents: what the two-way checks need."""
    out: set[str] = set()
    for blip in blips:
        for ref in blip.meta.decisions:
            out.update(decision_paths.get(ref, ()))
    for decision in decisions:
        for ref in decision.meta.blips:
            out.update(blip_paths.get(ref, ()))
        for ref in (*decision.meta.supersedes, *decision.meta.superseded_by):
            out.update(decision_paths.get(ref, ()))
    return out


ParseCache = dict[tuple[str, str], Parsed]


def load(reader: Reader, only: Collection[str] | None = None, *,
         follow: bool = True, cache: ParseCache | None = None, keep: int = PER_FILE,
         configs: dict[str, Config] | None = None) -> Loaded:
    """Read the radar. With ``only``, read just those files, and with ``follow`` also the
    files they reference (what the two-way checks need). With ``cache`` (``configs``), a
    file (config) whose content the reader can name (a git blob) is parsed once across
    snapshots. Of each file's problems of each rule, the first ``keep`` are kept and the
    others counted."""
    listing = reader.listing()
    files = listing.files
    counted: Tally = {}
    config, config_doc, problems = read_config(reader, files, configs)
    problems = list(listing.problems) + keep_first(problems, counted, keep)
    if config is None:
        return Loaded(None, tuple(problems), config_doc, False, counted)
    blip_paths = listing.blip_paths
    decision_paths = listing.decision_paths
    complete = only is None or CONFIG_PATH in only
    # A few files of a large radar: only they are looked at, not the whole listing.
    wanted = [p for p in (files if complete or only is None else set(only) & files)
              if is_blip_path(p) or is_decision_path(p)]
    blips: dict[str, Blip] = {}
    decisions: dict[str, Decision] = {}
    bodies: dict[str, markdown.Body] = {}

    def read(paths: Iterable[str]) -> tuple[list[Blip], list[Decision]]:
        new_blips, new_decisions = [], []
        todo = sorted(set(paths))
        keys = {p: (p, oid) for p in todo if (oid := reader.object_id(p)) is not None}
        known = cache if cache is not None else {}
        contents = reader.read_many(p for p in todo if keys.get(p) not in known)
        for path in todo:
            key = keys.get(path)
            parsed = known.get(key) if key else None
            if parsed is None:
                data = contents.get(path)
                if data is None:
                    problems.append(Problem(path, 1, 1, "file", "error",
                                            "file cannot be read"))
                    continue
                parsed = parse(path, data, keep)
                if key is not None and cache is not None:
                    cache[key] = parsed
            document = parsed.document
            if isinstance(document, Blip) and document.id not in blips:
                blips[document.id] = document
                new_blips.append(document)
            elif isinstance(document, Decision) and document.id not in decisions:
                decisions[document.id] = document
                new_decisions.append(document)
            if parsed.body is not None:
                bodies[path] = parsed.body
            problems.extend(parsed.problems)
            add(counted, parsed.counted)
        return new_blips, new_decisions

    first_blips, first_decisions = read(wanted)
    if not complete and follow:
        hop = _references(first_blips, first_decisions, blip_paths, decision_paths)
        read(hop - set(wanted))
    radar = Radar(config=config, config_path=CONFIG_PATH, blip_paths=blip_paths,
                  decision_paths=decision_paths, files=files, blips=blips,
                  decisions=decisions, bodies=bodies)
    return Loaded(radar, tuple(problems), config_doc, complete, counted)
