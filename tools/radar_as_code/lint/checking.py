"""A loaded radar to its problems: the one way every command and the site check it."""

from __future__ import annotations

from radar_as_code import lint
from radar_as_code.core.layout import CONFIG_PATH
from radar_as_code.core.load import Loaded
from radar_as_code.core.problem import Problem, order
from radar_as_code.core.tally import PER_FILE, Tally
from radar_as_code.lint import vocabulary
from radar_as_code.lint.context import Base, Context


def findings(loaded: Loaded, scope: frozenset[str] | None = None, base: Base | None = None,
             keep: int = PER_FILE) -> tuple[list[Problem], Tally]:
    """Every problem: loading, the config's rule levels, and each rule; sorted. With
    ``scope``, only the problems of those files. Past the first ``keep`` of a file and
    rule, problems are only counted (by path, rule and level)."""
    if loaded.radar is None:
        return sorted(set(loaded.problems), key=order), dict(loaded.counted)
    found = [*vocabulary.with_label_hints(loaded.problems, loaded.radar),
             *lint.config_problems(loaded.radar.config, loaded.config_doc, CONFIG_PATH)]
    context = Context(loaded.radar, loaded.complete, base)
    return lint.run(context, found, None if loaded.complete else scope, loaded.counted, keep)


def problems(loaded: Loaded, scope: frozenset[str] | None = None,
             base: Base | None = None) -> list[Problem]:
    """The problems of ``findings`` that were kept (the first of each file and rule)."""
    return findings(loaded, scope, base)[0]


def errors(loaded: Loaded) -> list[Problem]:
    return [p for p in problems(loaded) if p.level == "error"]
