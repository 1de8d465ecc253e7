"""`radar diff [BASE [HEAD]]`: what moved between two revisions, derived from git."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from radar_as_code.editions import report as movements
from radar_as_code.editions.timeline import Timeline
from radar_as_code.errors import UsageError


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("base", nargs="?", metavar="BASE",
                        help="a revision (tag, branch, commit), or BASE..HEAD; "
                             "default: the latest edition")
    parser.add_argument("head", nargs="?", metavar="HEAD",
                        help="a revision; default: the working tree")
    parser.add_argument("--edition", metavar="TAG",
                        help="compare this edition with the one before it (release notes)")
    parser.add_argument("--format", choices=movements.FORMATS, default="text")
    parser.add_argument("--link-base", metavar="URL",
                        help="in Markdown, link each blip to URL/radar/<id>/ (the site)")


def run(args: argparse.Namespace) -> int:
    timeline = Timeline(Path(args.root))
    base, head = args.base, args.head
    if args.edition:
        if base or head:
            raise UsageError("--edition takes no BASE or HEAD")
        previous, tag = timeline.edition_pair(args.edition)
        base, head = (previous.name if previous else None), tag.name  # first: all new
    else:
        if base and ".." in base and head is None:
            base, _, head = base.partition("..")
            head = head or None
            if head and head.startswith("."):
                raise UsageError("BASE...HEAD is not supported: use BASE..HEAD")
        if not base:  # the latest edition; before the first one, an empty radar
            latest = timeline.latest_edition()
            if latest is None:
                print(f"radar: {timeline.no_edition_hint()}; comparing with an empty radar",
                      file=sys.stderr)
            base = latest.name if latest else None
    comparison = timeline.compare(base, head)
    sys.stdout.write(movements.render(comparison, args.format, args.link_base))
    return 1 if any(p.level == "error" for p in comparison.problems) else 0
