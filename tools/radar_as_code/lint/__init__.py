"""The lint rules: one module each, listed here in the order they are documented.

A rule module has an ``ID``, a default ``LEVEL``, a docstring (what it checks, then an
example that fails) and, for rules run on the loaded snapshot, ``check(ctx)`` yielding
problems. Rules without ``check`` are applied while files are read (see ``core/load.py``);
``CONFIGURABLE = False`` marks rules that cannot be disabled, because a file that
breaks them cannot be read at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from types import ModuleType

from radar_as_code.core.model import RadarConfig
from radar_as_code.core.problem import Problem
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
    """Rule levels in the config must name rules that exist and may be changed."""
    for rule in config.rules:
        where = doc.position(("rules", rule), key=True)
        if rule not in REGISTRY:
            yield Problem(path, *where, "schema", "error",
                          f"rules: no rule '{rule}'; rules: {', '.join(REGISTRY)}")
        elif not configurable(rule):
            yield Problem(path, *where, "schema", "error",
                          f"rules: the level of '{rule}' cannot be changed")


def run(ctx: Context, loaded: Iterable[Problem], targets: frozenset[str] | None) -> list[Problem]:
    """All problems: those found while loading plus every rule's, at configured levels,
    limited to ``targets`` (None: every file), sorted."""
    found = list(loaded)
    for module in REGISTRY.values():
        check: Callable[[Context], Iterable[Problem]] | None = getattr(module, "check", None)
        if check is not None:
            found.extend(check(ctx))
    levels = ctx.radar.config.rules
    out: set[Problem] = set()
    for problem in found:
        if targets is not None and problem.path not in targets:
            continue
        level = levels.get(problem.rule)
        if level == "disable" and configurable(problem.rule):
            continue
        if level in ("error", "warning") and configurable(problem.rule):
            problem = Problem(problem.path, problem.line, problem.col, problem.rule,
                              level, problem.message)
        out.add(problem)
    return sorted(out)
