"""`radar check [PATHS...]`: lint the radar, or some files against the whole radar."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from radar_as_code.core.layout import CONFIG_PATH, is_blip_path, is_decision_path, repo_name
from radar_as_code.errors import UsageError

TYPE_CHECKING = False  # the models are imported only when something is checked
if TYPE_CHECKING:
    from radar_as_code.core.problem import Problem
    from radar_as_code.core.tally import Tally

FORMATS = ("text", "json", "github")  # lint.report's, without importing every rule


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files to check (default: the whole radar); the rest of the "
                             "radar is used to resolve references")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="output format (default: github under GitHub Actions, else text)")
    parser.add_argument("--strict", action="store_true", help="warnings also fail the check")
    parser.add_argument("--max-per-file", type=_count, default=None, metavar="N",
                        help="show at most N problems of each file and count the rest "
                             "(default: 50, core/tally.py's PER_FILE)")
    parser.add_argument("--base", metavar="REV",
                        help="also check what the change does relative to REV (on a pull "
                             "request, the base branch): reviews, decisions, renames")
    parser.add_argument("--staged", action="store_true",
                        help="for a pre-commit hook: check PATHS (default: the staged blips, "
                             "records and config), or the whole radar when the staged change "
                             "deletes or renames a blip or record (references to it)")


def _count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of 1 or more")
    return int(text)


def targets(root: Path, paths: list[str]) -> frozenset[str] | None:
    """Repository-relative paths of the radar files named on the command line."""
    if not paths:
        return None
    out = set()
    top = root.resolve()
    for name in paths:
        path = Path(name) if Path(name).is_absolute() else Path.cwd() / name
        if not path.exists() and not path.is_symlink():
            raise UsageError(f"no such file: {name}")
        try:
            rel = path.absolute().relative_to(top).as_posix() if path.is_symlink() \
                else path.resolve().relative_to(top).as_posix()
        except ValueError:
            raise UsageError(f"{name} is outside the radar's repository ({top})") from None
        out.add(repo_name(rel))
    return frozenset(out)


def default_format(fmt: str | None) -> str:
    if fmt:
        return fmt
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def problems(root: Path, only: frozenset[str] | None, base: str | None = None,
             keep: int = 50) -> tuple[list[Problem], Tally]:
    """The problems found, the first ``keep`` of each file and rule; the others counted."""
    relevant = None if only is None else frozenset(
        p for p in only if p == CONFIG_PATH or is_blip_path(p) or is_decision_path(p))
    if relevant is not None and not relevant:
        return [], {}
    from radar_as_code.core.load import load
    from radar_as_code.core.reader import WorktreeReader
    from radar_as_code.lint import checking
    from radar_as_code.lint.context import Base

    loaded = load(WorktreeReader(root), relevant, keep=keep)
    against = None
    if base is not None and loaded.radar is not None:
        from radar_as_code.editions.timeline import Timeline  # git only with --base

        comparison = Timeline(root).compare(base, None)
        assert comparison.snapshots is not None
        against = Base(base, comparison.snapshots[0], comparison.changes)
    return checking.findings(loaded, relevant, against, keep)


def staged_scope(root: Path, only: frozenset[str] | None) -> frozenset[str] | None:
    """What a pre-commit hook checks: the whole radar (None) when the staged change removes
    a blip or record, since other files may still refer to it; else the files given."""
    from radar_as_code.editions.git import Git

    removed = [p for p in Git(root).staged_removals() if is_blip_path(p) or is_decision_path(p)]
    if removed:
        print(f"radar: {removed[0]}{f' and {len(removed) - 1} more' if len(removed) > 1 else ''}"
              " deleted or renamed: checking the whole radar", file=sys.stderr)
        return None
    if only is not None:
        return only
    return frozenset(p for p in Git(root).staged_removals("AM")  # run by hand: the staged
                     if is_blip_path(p) or is_decision_path(p) or p == CONFIG_PATH)


def run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    only = targets(root, args.paths)
    if args.staged:
        only = staged_scope(root, only)
        if only == frozenset():  # a commit that touches no radar file: done at once
            return 0
    from radar_as_code.core.tally import PER_FILE
    from radar_as_code.lint import report

    per_file = args.max_per_file or PER_FILE
    found, counted = problems(root, only, args.base, per_file)
    fmt = default_format(args.format)
    out = report.render(found, fmt, per_file, counted)
    if out:
        print(out)
    if fmt != "json":
        print(report.summary(found, per_file, counted), file=sys.stderr)
    failing = [p.level for p in found] + [level for _, _, level in counted]
    return 1 if "error" in failing or (args.strict and failing) else 0

