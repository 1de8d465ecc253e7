"""`radar history ID`: a blip's ring, quadrant and title at every edition."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from radar_as_code.editions.history import history
from radar_as_code.editions.timeline import Timeline
from radar_as_code.lint.report import printable


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", metavar="ID")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    points = history(Timeline(Path(args.root)), args.id)
    rows = [{"edition": p.edition, "date": p.date, "sha": p.sha, "present": p.blip is not None,
             "id": p.blip.id if p.blip else None,
             "title": p.blip.meta.title if p.blip else None,
             "quadrant": p.blip.meta.quadrant if p.blip else None,
             "ring": p.blip.meta.ring if p.blip else None,
             "status": p.blip.meta.status if p.blip else None} for p in points]
    if args.format == "json":
        print(json.dumps({"id": args.id, "history": rows}, indent=2, ensure_ascii=False))
        return 0
    for row in rows:
        where = f"{row['edition']:<20} {row['date'] or '':<10}"
        if not row["present"]:
            print(f"{where}  (absent)")
            continue
        print(printable(f"{where}  {row['ring']:<10} {row['quadrant']:<18} {row['status']:<8} "
                        f"{row['title']}").rstrip())
    return 0
