"""`radar booklet [--edition TAG] --out FILE.pdf`: an edition as a printable booklet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from radar_as_code.authoring import atomic
from radar_as_code.core.load import load
from radar_as_code.editions.archive import edition_title
from radar_as_code.editions.timeline import Timeline, edition_day
from radar_as_code.errors import SetupError, UsageError


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--edition", metavar="TAG", help="the edition (default: the latest)")
    parser.add_argument("--out", type=Path, metavar="FILE.pdf", help="write the PDF here")
    parser.add_argument("--html", type=Path, metavar="FILE.html",
                        help="write the booklet's HTML here (no Chromium needed)")


def run(args: argparse.Namespace) -> int:
    from radar_as_code.render import booklet

    if args.out is None and args.html is None:
        raise UsageError("say where to write the booklet: --out FILE.pdf (or --html FILE.html)")
    timeline = Timeline(Path(args.root))
    name = args.edition
    if name is None:
        latest = timeline.latest_edition()
        if latest is None:  # before the first edition: the working tree, called a draft
            print(f"radar: {timeline.no_edition_hint()}; the booklet is a draft of the "
                  "working tree", file=sys.stderr)
            return _write(args, _draft(Path(args.root)))
        name = latest.name
    previous, tag = timeline.edition_pair(name)
    loaded = load(timeline.reader(tag.sha, tag.name))
    if loaded.radar is None:
        raise SetupError(f"the radar's config at {tag.name} is invalid")
    errors = [p for p in loaded.problems if p.level == "error"]
    if errors:
        print(f"radar: {len(errors)} problem(s) at {tag.name}; files that cannot be read "
              f"are left out (`radar check` at that revision lists them)", file=sys.stderr)
    radar = loaded.radar
    news = timeline.compare(previous.name, tag.name) if previous else None
    title = edition_title(tag, radar.config.edition_tag, radar.config.labels.edition)
    return _write(args, booklet.render(booklet.Edition(radar, title, edition_day(tag), news)))


def _draft(root: Path) -> str:
    from datetime import date

    from radar_as_code.render import booklet
    from radar_as_code.site.publish import read_site

    radar = read_site(root, history=False).radar  # checked: a draft with errors is refused
    return booklet.render(booklet.Edition(radar, radar.config.labels.draft,
                                          date.today().isoformat(), None, draft=True))


def _write(args: argparse.Namespace, html: str) -> int:
    if args.html is not None:
        atomic.write_text(args.html, html)
        print(f"wrote {args.html}")
    if args.out is not None:
        from radar_as_code.site import pdf

        atomic.write_bytes(args.out, pdf.print_pdf(html))
        print(f"wrote {args.out}")
    return 0
