"""`radar new ID --title ... --quadrant ... --ring ...`: a blip ready to fill."""

from __future__ import annotations

import argparse
from pathlib import Path

from radar_as_code.authoring import blips
from radar_as_code.cli.authoring import add_common, finish, today


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID")
    parser.add_argument("--title", required=True)
    parser.add_argument("--quadrant", required=True)
    parser.add_argument("--ring", required=True)
    parser.add_argument("--tag", action="append", default=[], dest="tags")
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    return finish(args, blips.new_blip(Path(args.root), args.id, args.title, args.quadrant,
                                       args.ring, args.tags, today(args)))
