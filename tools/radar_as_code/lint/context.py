"""What every rule gets: the snapshot and whether it is complete."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from radar_as_code.core.model import Radar
from radar_as_code.editions.diff import Change


@dataclass(frozen=True)
class Base:
    """What a change does relative to a base revision (`radar check --base REV`)."""

    ref: str
    radar: Radar  # the changed blips, read at the base
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Context:
    radar: Radar
    complete: bool  # every file was read: rules comparing all files may run
    base: Base | None = None
    today: date = field(default_factory=date.today)  # rules about dates compare with it
