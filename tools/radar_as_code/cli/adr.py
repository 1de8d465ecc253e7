"""`radar adr new | accept | reject | deprecate | supersede | renumber`: decision records
and their lifecycle, each an edit of every file concerned, written together or not at all."""

from __future__ import annotations

import argparse
from pathlib import Path

from radar_as_code.authoring import decisions
from radar_as_code.cli.authoring import add_common, finish, today

_HELP = {
    "accept": "a proposed record becomes accepted (status and date)",
    "reject": "a proposed record becomes rejected (status and date)",
    "deprecate": "an accepted record becomes deprecated (status and date)",
}


def add_parser(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    new = sub.add_parser("new", help="create the next numbered decision record (proposed)")
    new.add_argument("title", metavar="TITLE")
    new.add_argument("--blip", action="append", default=[], dest="blips", metavar="ID",
                     help="a blip the decision concerns (linked both ways)")
    add_common(new)
    for action, help_text in _HELP.items():
        command = sub.add_parser(action, help=help_text, description=help_text)
        command.add_argument("record", metavar="RECORD", help="its number or id")
        add_common(command)
    supersede = sub.add_parser(
        "supersede", help="OLD is superseded by NEW: statuses, dates, and supersedes and "
                          "superseded_by on both ends (a proposed NEW is accepted)")
    supersede.add_argument("old", metavar="OLD")
    supersede.add_argument("new", metavar="NEW")
    add_common(supersede)
    renumber = sub.add_parser(
        "renumber", help="give a record another number: renames the file and rewrites every "
                         "reference (front matter and links)")
    renumber.add_argument("record", metavar="RECORD", help="its number or id")
    renumber.add_argument("number", metavar="NUMBER", help="the new number (0007) or id")
    add_common(renumber)


def run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    if args.action == "new":
        writes = decisions.new_decision(root, args.title, args.blips, today(args))
    elif args.action == "supersede":
        writes = decisions.supersede(root, args.old, args.new, today(args))
    elif args.action == "renumber":
        writes = decisions.renumber(root, args.record, args.number)
    else:
        writes = decisions.set_status(root, args.action, args.record, today(args))
    return finish(args, writes)
