"""A loaded radar to its problems: the one way every command and the site check it."""

from __future__ import annotations

from radar_as_code import lint
from radar_as_code.core.layout import CONFIG_PATH
from radar_as_code.core.load import Loaded
from radar_as_code.core.problem import Problem
from radar_as_code.lint import vocabulary
from radar_as_code.lint.context import Base, Context


def problems(loaded: Loaded, scope: frozenset[str] | None = None,
             base: Base | None = None) -> list[Problem]:
    """Every problem: loading, the config's rule levels, and each rule; sorted. With
    ``scope``, only the problems of those files."""
    if loaded.radar is None:
        return sorted(set(loaded.problems))
    found = [*vocabulary.with_label_hints(loaded.problems, loaded.radar.config),
             *lint.config_problems(loaded.radar.config, loaded.config_doc, CONFIG_PATH)]
    context = Context(loaded.radar, loaded.complete, base)
    return lint.run(context, found, None if loaded.complete else scope)


def errors(loaded: Loaded) -> list[Problem]:
    return [p for p in problems(loaded) if p.level == "error"]
