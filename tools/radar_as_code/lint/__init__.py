"""The lint rules: one module each, listed here in the order they are documented.

A rule module has an ``ID``, a default ``LEVEL``, a docstring (what it checks, then an
example that fails) and, for rules run on the loaded snapshot, ``check(ctx)`` yielding
problems. Rules without ``check`` are applied while files are read (see ``core/load.py``);
``CONFIGURABLE = False`` marks rules that cannot be disabled, because a file that
breaks them cannot be read at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from types import ModuleType

from radar_as_code.core.model import RadarConfig
from radar_as_code.core.problem import Level, Problem, order
from radar_as_code.core.tally import PER_FILE, Key, Tally, add, keep_first
from radar_as_code.core.yamlread import YamlDoc
from radar_as_code.lint import (
    adr_numbers,
    dates,
    decision_ring,
    file,
    front_matter,
    identity,
    links,
    movement_flags,
    raw_html,
    references,
    review,
    schema,
    sections,
    stale,
    two_way,
    unfinished,
    vocabulary,
    yaml_syntax,
)
from radar_as_code.lint.context import Context

REGISTRY: dict[str, ModuleType] = {
    module.ID: module
    for module in (
        file, front_matter, yaml_syntax, schema, movement_flags, vocabulary, sections,
        identity, references, two_way, links, review,
        dates, decision_ring, unfinished, adr_numbers, stale, raw_html,
    )
}


def configurable(rule: str) -> bool:
    return bool(getattr(REGISTRY[rule], "CONFIGURABLE", True))


def config_problems(config: RadarConfig, doc: YamlDoc, path: str) -> Iterator[Problem]:
    """Rule levels in the config must name rules that exist and may be changed; the rings
    of ``decision_rings`` must be rings (a typo would switch the review policy off); the
    edition pattern must be a glob git can use (an unclosed ``[`` matches no tag)."""
    from radar_as_code.core import suggest

    rings = {r.id: r.label for r in config.rings}
    for index, ring in enumerate(config.decision_rings or ()):
        if ring not in rings:
            yield Problem(path, *doc.position(("decision_rings", index)), "schema", "error",
                          f"decision_rings: no ring '{ring}'"
                          f"{suggest.hint(ring, rings) or '; rings: ' + ', '.join(rings)}")
    if not _balanced_glob(config.edition_tag):
        yield Problem(path, *doc.position(("edition_tag",)), "schema", "error",
                      f"edition_tag: '{config.edition_tag}' has a '[' without its ']': it "
                      "would match no tag")
    for rule in config.rules:
        where = doc.position(("rules", rule), key=True)
        if rule not in REGISTRY:
            yield Problem(path, *where, "schema", "error",
                          f"rules: no rule '{rule}'; rules: {', '.join(REGISTRY)}")
        elif not configurable(rule):
            yield Problem(path, *where, "schema", "error",
                          f"rules: the level of '{rule}' cannot be changed")


def _balanced_glob(pattern: str) -> bool:
    """Every ``[`` of a glob closed by a ``]`` (``[]...]`` and ``[!]...]`` hold a ``]``)."""
    index = 0
    while index < len(pattern):
        if pattern[index] == "[":
            end = index + 1
            end += pattern[end:end + 1] in ("!", "^")
            end += pattern[end:end + 1] == "]"
            close = pattern.find("]", end)
            if close < 0:
                return False
            index = close
        index += 1
    return True


def run(ctx: Context, loaded: Iterable[Problem], targets: frozenset[str] | None,
        counted: Mapping[Key, int] | None = None,
        keep: int = PER_FILE) -> tuple[list[Problem], Tally]:
    """All problems: those found while loading plus every rule's, at configured levels,
    limited to ``targets`` (None: every file), sorted. Past the first ``keep`` of a file
    and rule they are only counted: the counts come back with the list (``counted``:
    those of loading)."""
    tally: Tally = dict(counted or {})
    found = list(loaded)
    for module in REGISTRY.values():
        check: Callable[[Context], Iterable[Problem]] | None = getattr(module, "check", None)
        if check is not None:
            found.extend(keep_first(check(ctx), tally, keep))
    levels = ctx.radar.config.rules

    def level(path: str, rule: str, default: Level) -> Level | None:
        if targets is not None and path not in targets:
            return None
        chosen = levels.get(rule) if configurable(rule) else None
        return None if chosen == "disable" else chosen or default

    out: set[Problem] = set()
    for problem in found:
        new = level(problem.path, problem.rule, problem.level)
        if new is not None:
            out.add(Problem(problem.path, problem.line, problem.col, problem.rule, new,
                            problem.message) if new != problem.level else problem)
    leveled: Tally = {}
    for (path, rule, was), count in tally.items():
        new = level(path, rule, was)
        if new is not None:
            add(leveled, {(path, rule, new): count})
    return sorted(out, key=order), leveled
