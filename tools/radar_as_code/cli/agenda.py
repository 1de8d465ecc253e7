"""`radar agenda`: what the next edition review must look at, as text, Markdown (an issue
or the meeting's notes) or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from radar_as_code.editions import report
from radar_as_code.editions.agenda import Agenda, agenda
from radar_as_code.editions.report import md_text
from radar_as_code.lint.report import printable
from radar_as_code.render.text import count


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    parser.add_argument("--today", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                        help="the date reviews are due against (default: today)")


def _since(item: Agenda) -> str:
    if item.edition is not None:
        return f"Changes since {item.edition}"
    return "Changes: no edition yet, so every blip is new (compared with an empty radar)"


def _ring(item: Agenda, ring: str) -> str:
    return next((r.label for r in item.config.rings if r.id == ring), ring)


def as_dict(item: Agenda) -> dict[str, Any]:
    return {
        "today": item.today.isoformat(), "edition": item.edition, "note": item.note,
        "since": report.as_dict(item.since) if item.since else None,
        "review_after": item.review_after,
        "due": [{"id": b.id, "title": b.meta.title, "ring": b.meta.ring,
                 "reviewed": b.meta.reviewed.isoformat(), "path": b.path} for b in item.due],
        "proposed": [{"id": d.id, "title": d.meta.title, "date": d.meta.date.isoformat(),
                      "path": d.path} for d in item.proposed],
        "citing": [{"blip": b.id, "title": b.meta.title, "decision": d.id,
                    "status": d.meta.status, "superseded_by": list(d.meta.superseded_by)}
                   for b, d in item.citing],
    }


def text(item: Agenda) -> str:
    out = [f"Agenda of the next edition review ({item.today.isoformat()})", ""]
    out.append(f"{_since(item)}:")
    if item.since is None:
        out.append(f"  unknown: {item.note}")
    else:
        out += ["  " + line for line in report.text(item.since).splitlines()]
    out += ["", f"Due for review (not reviewed for more than {item.review_after}): "
                f"{count(len(item.due), 'blip', 'blips')}"]
    ids = report.column([printable(b.id) for b in item.due], 28)
    titles = report.column([printable(b.meta.title) for b in item.due], 32)
    rings = report.column([_ring(item, b.meta.ring) for b in item.due], 8)
    out += [f"  {printable(b.id):<{ids}} {printable(b.meta.title):<{titles}} "
            f"{_ring(item, b.meta.ring):<{rings}} reviewed {b.meta.reviewed.isoformat()}"
            for b in item.due]
    out += ["", f"Proposed decision records: {len(item.proposed)}"]
    out += [f"  {d.id[:4]}  {printable(d.meta.title)} ({d.meta.date.isoformat()}): "
            f"`radar adr accept {d.id[:4]}` or `radar adr reject {d.id[:4]}`"
            for d in item.proposed]
    out += ["", "Blips citing superseded or deprecated records: "
                f"{count(len({b.id for b, _ in item.citing}), 'blip', 'blips')}"]
    out += [f"  {printable(b.id):<28} cites {d.id} "
            f"({_status(d.meta.status, d.meta.superseded_by)})" for b, d in item.citing]
    return "\n".join(out) + "\n"


def _status(status: str, successors: tuple[str, ...]) -> str:
    return f"superseded by {', '.join(successors)}" if successors else status


def markdown(item: Agenda) -> str:
    out = [f"## Agenda of the next edition review ({item.today.isoformat()})", ""]
    if item.since is None:
        out += [f"Changes: unknown ({md_text(item.note or '')}).", ""]
    else:
        out += [f"{md_text(_since(item))}.", "", report.markdown(item.since)]
    out += [f"### Due for review: {count(len(item.due), 'blip', 'blips')}", "",
            f"Not reviewed for more than {md_text(item.review_after)}.", ""]
    if item.due:
        out += ["| Blip | Ring | Last reviewed |", "| --- | --- | --- |"]
        out += [f"| {md_text(b.meta.title)} (`{b.id}`) | {md_text(_ring(item, b.meta.ring))} | "
                f"{b.meta.reviewed.isoformat()} |" for b in item.due]
        out.append("")
    out += [f"### Proposed decision records: {len(item.proposed)}", ""]
    out += [f"- {d.id[:4]}: {md_text(d.meta.title)} ({d.meta.date.isoformat()})"
            for d in item.proposed] or ["None."]
    out += ["", "### Blips citing superseded or deprecated records", ""]
    out += [f"- {md_text(b.meta.title)} (`{b.id}`) cites {d.id} "
            f"({md_text(_status(d.meta.status, d.meta.superseded_by))})"
            for b, d in item.citing] or ["None."]
    return "\n".join(out).rstrip() + "\n"


def run(args: argparse.Namespace) -> int:
    item = agenda(Path(args.root), args.today or date.today())
    if item.edition is None and item.note and args.format != "json":
        print(f"radar: {item.note}", file=sys.stderr)
    if args.format == "json":
        sys.stdout.write(json.dumps(as_dict(item), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(markdown(item) if args.format == "markdown" else text(item))
    return 0
