"""`radar import --format F SOURCE... --into DIR`: another tool's radar as this tool's files;
several releases become a git history with one edition tag each."""

from __future__ import annotations

import argparse
from pathlib import Path

from radar_as_code.errors import UsageError
from radar_as_code.interchange import IMPORT_FORMATS, aoe, byor, zalando
from radar_as_code.interchange.build import build
from radar_as_code.interchange.records import ImportError_, Release, date_in

READERS = {"byor-csv": byor.read_csv, "byor-json": byor.read_json, "zalando": zalando.read}


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", required=True, choices=IMPORT_FORMATS)
    parser.add_argument("sources", nargs="+", metavar="SOURCE", type=Path,
                        help="files (one per edition, dated by name: 2024-04-01.csv) or, for "
                             "aoe, the radar's folder")
    parser.add_argument("--into", type=Path, required=True, metavar="DIR",
                        help="a new folder for the imported radar")
    parser.add_argument("--title", default="Technology Radar")
    parser.add_argument("--date", metavar="YYYY-MM-DD", help="the date of a single source")
    parser.add_argument("--ring-alias", action="append", default=[], metavar="OLD=NEW",
                        help="a ring renamed between releases (e.g. hold=caution)")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportError_(f"{path}: not UTF-8 (byte {exc.start})") from None
    except OSError as exc:
        raise ImportError_(f"{path}: {exc.strerror}") from None


def run(args: argparse.Namespace) -> int:
    aliases = {}
    for alias in args.ring_alias:
        old, sep, new = alias.partition("=")
        if not sep or not old or not new:
            raise UsageError(f"--ring-alias takes OLD=NEW, not {alias!r}")
        aliases[old] = new
    releases: list[Release] = []
    if args.format == "aoe":
        if len(args.sources) != 1 or not args.sources[0].is_dir():
            raise UsageError("--format aoe takes one folder")
        releases = aoe.read_folder(args.sources[0])
    else:
        if args.date and len(args.sources) > 1:
            raise UsageError("--date is for a single source")
        for path in args.sources:
            when = args.date or date_in(path.name)
            if when is None and len(args.sources) == 1:
                when = "2000-01-01" if args.date is None else args.date
            releases.append(READERS[args.format](_read(path), str(path), when))
    rings = {r.ring.lower() for release in releases for r in release.items}
    if "caution" in rings and "hold" in rings and "hold" not in aliases:
        aliases["hold"] = "caution"  # Thoughtworks renamed Hold to Caution
    tags = build(releases, args.into, title=args.title, aliases=aliases)
    print(f"imported {sum(len(r.items) for r in releases)} entries from {len(releases)} "
          f"release(s) into {args.into}" + (f"; editions: {', '.join(tags)}" if tags else ""))
    return 0
