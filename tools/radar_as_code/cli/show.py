"""`radar show`: the whole snapshot, as a table or as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from radar_as_code.core import jsonview
from radar_as_code.core.load import load
from radar_as_code.core.model import Radar
from radar_as_code.core.problem import has_errors, order
from radar_as_code.core.reader import WorktreeReader
from radar_as_code.lint import report
from radar_as_code.render.text import count


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")


def table(radar: Radar) -> str:
    config = radar.config
    quadrants = {q.id: q.label for q in config.quadrants}
    rings = {r.id: r.label for r in config.rings}
    rows = [("#", "id", "title", "quadrant", "ring", "status", "reviewed")]
    for blip in jsonview.ordered_blips(radar):
        meta = blip.meta
        number = radar.numbers.get(blip.id)
        rows.append((str(number or "-"), blip.id, meta.title,
                     quadrants.get(meta.quadrant, meta.quadrant),
                     rings.get(meta.ring, meta.ring), meta.status, meta.reviewed.isoformat()))
    widths = [min(max(len(row[i]) for row in rows), 40) for i in range(len(rows[0]))]
    lines = ["  ".join(report.printable(cell)[:40].ljust(width)
                       for cell, width in zip(row, widths, strict=True)).rstrip()
             for row in rows]
    lines.append("")
    lines.append(f"{count(len(radar.blips), 'blip', 'blips')}, "
                 f"{count(len(radar.decisions), 'decision record', 'decision records')}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    loaded = load(WorktreeReader(Path(args.root)))
    if loaded.problems:
        print(report.text(sorted(set(loaded.problems), key=order), counted=loaded.counted),
              file=sys.stderr)
    if loaded.radar is None:
        return 1
    if args.format == "json":
        print(json.dumps(jsonview.snapshot(loaded.radar), indent=2, ensure_ascii=False))
    else:
        print(table(loaded.radar))
    return 1 if has_errors(loaded.problems) else 0
