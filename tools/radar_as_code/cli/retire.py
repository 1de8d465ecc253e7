"""`radar retire ID`: the blip leaves the picture and keeps its page and history; the
retirement date is recorded."""

from __future__ import annotations

import argparse
from pathlib import Path

from radar_as_code.authoring import blips
from radar_as_code.cli.authoring import add_common, finish, today


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID")
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    return finish(args, blips.retire(Path(args.root), args.id, today(args)))
