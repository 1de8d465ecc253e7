"""`radar move ID RING [--decision NNNN]`: the ring, the review date and the ring stated in
the Decision section, and nothing else."""

from __future__ import annotations

import argparse
from pathlib import Path

from radar_as_code.authoring import blips
from radar_as_code.cli.authoring import add_common, finish, today


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID")
    parser.add_argument("ring", metavar="RING")
    parser.add_argument("--decision", metavar="NNNN",
                        help="cite this decision record (its number or id); the record "
                             "lists the blip back")
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    return finish(args, blips.move(Path(args.root), args.id, args.ring, args.decision,
                                   today(args)))
