"""Authoring: what every operation shares, from planning to writing.

Each operation (``blips``, ``decisions``, ``relink``) is planned first: the new content
of every file it touches is computed and parsed again, the whole radar is checked as it
would be after the writes (``validate``), and only then is anything written: all files
or none, even if the process is killed (``writeall.py``). An operation that cannot be done
writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from radar_as_code.authoring.tree import PARSED, StatReader
from radar_as_code.core.layout import CONFIG_PATH, os_path
from radar_as_code.core.load import load, parse
from radar_as_code.core.model import Blip, Decision, Radar
from radar_as_code.errors import RadarError


class AuthoringError(RadarError):
    """The operation cannot be done; nothing was written."""


@dataclass(frozen=True)
class Write:
    path: str
    content: bytes
    remove: str | None = None  # a file this one replaces (a rename)


def snapshot(root: Path) -> Radar:
    loaded = load(StatReader(root), cache=PARSED)
    if loaded.radar is None:
        raise AuthoringError(f"{CONFIG_PATH} is invalid: run `radar check`")
    return loaded.radar


def read_text(root: Path, path: str) -> str:
    """A file as text, BOM and line endings included: edits keep every other byte."""
    try:
        return os_path(root, path).read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AuthoringError(f"{path} cannot be read ({exc}); nothing was written") from None


def checked(path: str, content: bytes) -> Blip | Decision:
    """The file parsed again: an edit that breaks it stops the operation."""
    parsed = parse(path, content)
    errors = [p for p in parsed.problems if p.level == "error"]
    if parsed.document is None or errors:
        details = "; ".join(f"{p.line}:{p.col}: {p.message}" for p in errors)
        raise AuthoringError(f"the edited {path} would not be valid ({details}); "
                             "nothing was written")
    return parsed.document


def edited(path: str, text: str, before: Blip | Decision, **changes: object) -> Write:
    """The write of an edited file, if its front matter changed exactly as intended."""
    content = text.encode("utf-8")
    result = checked(path, content)
    if result.meta != before.meta.model_copy(update=changes):
        raise AuthoringError(f"editing {path} would change more than "
                             f"{', '.join(changes)}; nothing was written")
    return Write(path, content)


def apply(root: Path, writes: list[Write]) -> None:
    """Write every file or none, even if the process is killed (``writeall.py``)."""
    from radar_as_code.authoring import writeall

    writeall.write_all(root, writes)
