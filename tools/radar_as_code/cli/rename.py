"""`radar rename OLD NEW`: the file, its former id, and every reference to it."""

from __future__ import annotations

import argparse
from pathlib import Path

from radar_as_code.authoring import blips
from radar_as_code.cli.authoring import add_common, finish


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", metavar="OLD")
    parser.add_argument("new", metavar="NEW")
    add_common(parser)


def run(args: argparse.Namespace) -> int:
    return finish(args, blips.rename(Path(args.root), args.old, args.new))
