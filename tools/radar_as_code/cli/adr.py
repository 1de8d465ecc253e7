"""`radar adr new "Title" [--blip ID]...`: the next numbered decision record."""

from __future__ import annotations

import argparse
from pathlib import Path

from radar_as_code.authoring import operations as authoring
from radar_as_code.cli.authoring import add_common, finish, today


def add_parser(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    new = sub.add_parser("new", help="create the next numbered decision record")
    new.add_argument("title", metavar="TITLE")
    new.add_argument("--blip", action="append", default=[], dest="blips", metavar="ID",
                     help="a blip the decision concerns (linked both ways)")
    add_common(new)


def run(args: argparse.Namespace) -> int:
    return finish(args, authoring.new_decision(Path(args.root), args.title, args.blips,
                                               today(args)))
