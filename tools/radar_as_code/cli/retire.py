"""`radar retire ID`: the blip leaves the picture and keeps its page and history."""

from __future__ import annotations

import argparse
from pathlib import Path

from radar_as_code.authoring import operations as authoring
from radar_as_code.cli.authoring import add_common, finish


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID")
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    return finish(args, authoring.retire(Path(args.root), args.id))
