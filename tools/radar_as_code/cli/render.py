"""`radar render --out DIR`: the site's pages as Markdown files and the picture as SVG,
without MkDocs, for another site engine (the plugin is one consumer of the same pages)."""

from __future__ import annotations

import argparse
from pathlib import Path

from radar_as_code.authoring import atomic
from radar_as_code.render import overview, pages, svg
from radar_as_code.render.rules import rules_page
from radar_as_code.site.publish import read_site


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar="DIR")
    parser.add_argument("--no-history", action="store_true", help="ignore git editions")


def run(args: argparse.Namespace) -> int:
    site = read_site(Path(args.root), history=not args.no_history)

    written = pages.pages(site, pages.markdown_links, rules_page)
    for path, page in written.items():
        atomic.write_text(args.out / path, page.text())
    picture = svg.picture(site.shown, site.chronicle.moves(),
                          lambda i: site.shown.blips[i].path, overview.legend(site))
    atomic.write_text(args.out / "radar.svg", picture + "\n")
    print(f"wrote {len(written)} page{'s' * (len(written) != 1)} (Markdown) and radar.svg "
          f"to {args.out}")
    return 0
