"""Shared by the authoring commands: apply a plan, say what was written."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from radar_as_code.authoring import validate
from radar_as_code.authoring.operations import Write, apply


def add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dry-run", action="store_true", help="say what would change; write "
                        "nothing")
    parser.add_argument("--today", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                        help="the date to record (default: today)")


def today(args: argparse.Namespace) -> date:
    return args.today or date.today()


def finish(args: argparse.Namespace, writes: list[Write]) -> int:
    validate.check(Path(args.root), writes)  # the radar stays check-clean, or nothing is written
    if not args.dry_run:
        apply(Path(args.root), writes)
    verb = "would write" if args.dry_run else "wrote"
    for write in writes:
        moved = f" (was {write.remove})" if write.remove and write.remove != write.path else ""
        print(f"{verb} {write.path}{moved}")
    return 0
