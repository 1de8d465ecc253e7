"""`radar review ID...`: record a review that keeps the ring (the review date becomes
today; every other byte is kept)."""

from __future__ import annotations

import argparse
from pathlib import Path

from radar_as_code.authoring import blips
from radar_as_code.cli.authoring import add_common, finish, today


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("ids", nargs="+", metavar="ID")
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    day = today(args)
    writes = blips.review(Path(args.root), args.ids, day)
    written = {w.path for w in writes}
    code = finish(args, writes)
    for ident in dict.fromkeys(args.ids):
        if not any(p.endswith(f"/{ident}.md") for p in written):
            print(f"'{ident}' was already reviewed on {day.isoformat()}: nothing to write")
    return code
