"""`radar export --format F [--edition TAG]`: the radar in another tool's format."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from radar_as_code.authoring import atomic
from radar_as_code.errors import UsageError
from radar_as_code.interchange import EXPORTERS
from radar_as_code.interchange.source import read_source


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", required=True, choices=sorted(EXPORTERS))
    parser.add_argument("--edition", metavar="TAG", help="export this edition (default: the "
                        "working tree; movements relative to the previous edition)")
    parser.add_argument("--out", type=Path, metavar="PATH",
                        help="file (or folder, for aoe) to write; default: standard output")
    parser.add_argument("--link-base", metavar="URL", help="link entries to URL/radar/<id>/")


def run(args: argparse.Namespace) -> int:
    source = read_source(Path(args.root), args.edition, date.today().isoformat())
    files = EXPORTERS[args.format](source, args.link_base)
    if len(files) == 1 and args.format != "aoe":
        [text] = files.values()
        if args.out:
            atomic.write_text(args.out, text)
        else:
            sys.stdout.write(text)
        return 0
    if not args.out:
        raise UsageError(f"--format {args.format} writes a folder: give --out DIR")
    for path, text in sorted(files.items()):
        atomic.write_text(args.out / path, text)
    print(f"wrote {len(files)} files under {args.out}")
    return 0
