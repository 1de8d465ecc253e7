"""`radar export --format F [--edition TAG]`: the radar in another tool's format.

Files are written as UTF-8, atomically, and never through a symbolic link: a link at
``--out`` or inside it is refused before anything is written."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from radar_as_code.authoring import atomic
from radar_as_code.cli import utf8
from radar_as_code.errors import UsageError
from radar_as_code.interchange import EXPORTERS, function


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", required=True, choices=sorted(EXPORTERS))
    parser.add_argument("--edition", metavar="TAG", help="export this edition (default: the "
                        "working tree; movements relative to the previous edition)")
    parser.add_argument("--out", type=Path, metavar="PATH",
                        help="file (or folder, for aoe) to write; default: standard output")
    parser.add_argument("--link-base", metavar="URL", help="link entries to URL/radar/<id>/")
    parser.add_argument("--aoe-version", type=int, choices=(4, 5), default=5,
                        help="aoe: write v5's segment: (default) or v4's quadrant:")


def _no_link(out: Path, relative: str) -> None:
    """Refuse a symbolic link at ``out`` or at any folder between it and the file."""
    here = out
    for part in [".", *Path(relative).parts]:
        here = here / part if part != "." else here
        if here.is_symlink():
            raise UsageError(f"{here} is a symbolic link: an export never writes through one")


def _write(out: Path, relative: str, data: str | bytes) -> None:
    _no_link(out, relative)
    target = out / relative if relative else out
    if isinstance(data, str):
        atomic.write_text(target, data)
    else:
        atomic.write_bytes(target, data)


def run(args: argparse.Namespace) -> int:
    from radar_as_code.interchange.source import read_source

    source = read_source(Path(args.root), args.edition, date.today().isoformat())
    extra = {"version": args.aoe_version} if args.format == "aoe" else {}
    files = function(EXPORTERS[args.format])(source, args.link_base, **extra)
    assert isinstance(files, dict)
    if len(files) == 1 and args.format != "aoe":
        [data] = files.values()
        if args.out:
            _write(args.out, "", data)
        else:
            utf8.write(data)
        return 0
    if not args.out:
        raise UsageError(f"--format {args.format} writes a folder: give --out DIR")
    for relative in sorted(files):
        _no_link(args.out, relative)
    for relative, data in sorted(files.items()):
        _write(args.out, relative, data)
    print(f"wrote {len(files)} files under {args.out}")
    return 0
