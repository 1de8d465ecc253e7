"""`radar editions`: every edition, its counts and what moved since the one before."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from radar_as_code.editions import report as movements
from radar_as_code.editions.archive import edition_title, editions
from radar_as_code.editions.timeline import Timeline, edition_day
from radar_as_code.render.text import count


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    timeline = Timeline(Path(args.root))
    summaries = editions(timeline)
    skipped = timeline.skipped_note()
    if skipped:
        print(f"radar: note: {skipped}", file=sys.stderr)
    if not summaries:
        print(f"radar: {timeline.no_edition_hint()}", file=sys.stderr)
    rows: list[dict[str, Any]] = []
    for summary in summaries:
        since = summary.since_previous
        rows.append({
            "edition": summary.tag.name, "date": edition_day(summary.tag), "sha": summary.tag.sha,
            "title": edition_title(summary.tag, summary.config.edition_tag),
            "rings": dict(sorted(summary.counts["ring"].items())),
            "quadrants": dict(sorted(summary.counts["quadrant"].items())),
            "since_previous": movements.as_dict(since) if since else None,
        })
    if args.format == "json":
        print(json.dumps({"editions": rows}, indent=2, ensure_ascii=False))
        return 0
    for row, summary in zip(rows, summaries, strict=True):
        rings = ", ".join(f"{k} {v}" for k, v in row["rings"].items())
        blips = count(sum(row["rings"].values()), "blip", "blips")
        print(f"{row['edition']}  {row['date']}  {blips}: {rings}")
        if summary.since_previous is not None:
            kinds: dict[str, int] = {}
            for change in summary.since_previous.changes:
                kinds[change.kind] = kinds.get(change.kind, 0) + 1
            moved = ", ".join(f"{n} {movements.WORDS[k]}" for k, n in kinds.items()) or "none"
            print(f"    since {summary.since_previous.base.ref}: {moved}")
    return 0
