"""`radar import --format F SOURCE... --into DIR`: another tool's radar as this tool's files,
as a git repository with one edition tag per release (one, for a single file).

Nothing is written unless the whole import can be done: every problem is listed, each at
its source file and line, and the command exits with status 2."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from radar_as_code.errors import UsageError
from radar_as_code.interchange import IMPORT_FORMATS


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", required=True, choices=IMPORT_FORMATS)
    parser.add_argument("sources", nargs="+", metavar="SOURCE", type=Path,
                        help="files, one per edition (dated by their names: 2024-04-01.csv, "
                             "2024-04.csv, 'Volume 34 (Apr 2026).csv'), or for aoe the "
                             "radar's folder, for backstage its one JSON file")
    parser.add_argument("--into", type=Path, required=True, metavar="DIR",
                        help="a new (or empty) folder for the imported radar")
    parser.add_argument("--title", help="the radar's title (default: AOE's, or "
                        "'Technology Radar')")
    parser.add_argument("--date", action="append", default=[], metavar="[FILE=]DATE",
                        help="the date (YYYY-MM-DD or YYYY-MM) of a source whose name or "
                             "content gives none; FILE may be left out for a single source")
    parser.add_argument("--partial", action="store_true",
                        help="each file lists only what changed (default: each file is the "
                             "whole radar, and what it leaves out is retired)")
    parser.add_argument("--rings", metavar="A,B,...", help="the rings, innermost first, as "
                        "the files name them (default: Adopt, Trial, Assess, Hold; for "
                        "zalando, the names of rings 0 to 3)")
    parser.add_argument("--quadrants", metavar="A,B,...", help="the quadrants (for zalando, "
                        "the names of quadrants 0 to 3)")
    parser.add_argument("--ring-alias", action="append", default=[], metavar="OLD=NEW",
                        help="a ring renamed between releases (e.g. hold=caution)")
    parser.add_argument("--quadrant-alias", action="append", default=[], metavar="OLD=NEW",
                        help="a quadrant renamed between releases")
    parser.add_argument("--report", choices=("text", "json"), default="text",
                        help="the import summary's format")


def _pairs(values: list[str], option: str) -> list[tuple[str, str]]:
    out = []
    for value in values:
        old, sep, new = value.partition("=")
        if not sep or not old.strip() or not new.strip():
            raise UsageError(f"{option} takes OLD=NEW, not {value!r}")
        out.append((old.strip(), new.strip()))
    return out


def _names(value: str | None) -> list[str] | None:
    if value is None:
        return None
    names = [n.strip() for n in value.split(",") if n.strip()]
    if not names:
        raise UsageError("--rings and --quadrants take names separated by commas")
    return names


def _dates(values: list[str], sources: list[Path]) -> dict[str, str]:
    from radar_as_code.interchange import dates

    out: dict[str, str] = {}
    for value in values:
        name, sep, when = value.rpartition("=")
        if not sep:
            if len(sources) != 1:
                raise UsageError("--date DATE is for a single source: write --date FILE=DATE")
            name = str(sources[0])
        day = dates.parse(when)
        if day is None:
            raise UsageError(f"--date {value}: '{when}' is not a date (YYYY-MM-DD or YYYY-MM)")
        matching = [s for s in sources if str(s) == name or s.name == name]
        if not matching:
            raise UsageError(f"--date {value}: '{name}' is not one of the sources")
        for source in matching:
            out[str(source)] = day
    return out


def _check_into(into: Path) -> None:
    if into.is_symlink() or (into.exists() and (not into.is_dir() or any(into.iterdir()))):
        raise UsageError(f"{into} exists and is not an empty folder: import into a new folder")


def run(args: argparse.Namespace) -> int:
    from radar_as_code.interchange.importing import Options, run_import

    _check_into(args.into)
    options = Options(
        format=args.format, sources=list(args.sources), into=args.into, title=args.title,
        dates=_dates(args.date, list(args.sources)), partial=args.partial,
        rings=_names(args.rings), quadrants=_names(args.quadrants),
        ring_aliases=_pairs(args.ring_alias, "--ring-alias"),
        quadrant_aliases=_pairs(args.quadrant_alias, "--quadrant-alias"))
    summary = run_import(options)
    from radar_as_code.cli import utf8

    utf8.write(json.dumps(summary.as_json(), indent=2, ensure_ascii=False) + "\n"
               if args.report == "json" else summary.text())
    return 0
