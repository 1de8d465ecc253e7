"""The weight of the radar's home page as a reader downloads it: the HTML (with the
picture, an inline SVG), the plugin's script and stylesheet, raw and gzip-compressed
(as GitHub Pages serves them); the theme's own files beside them for scale. Target:
HTML + SVG + script under 150 KB for this repository's radar (issue 12)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

TARGET = 150_000  # bytes, raw


def _size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, 9))


def bench_weight(site: Path, lines: list[str]) -> None:
    """``site``: a built site of this repository (``mkdocs build -d``)."""
    home = site / "index.html"
    html = home.read_text(encoding="utf-8")
    svg = sum(len(m.encode()) for m in re.findall(r"<svg .*?</svg>", html, re.S))
    parts = {"home page HTML (SVG included)": home,
             "radar.js (the plugin's script)": site / "assets" / "radar" / "radar.js",
             "radar.css (the plugin's stylesheet)": site / "assets" / "radar" / "radar.css"}
    theme = sorted((site / "assets").glob("javascripts/bundle.*.min.js")) + \
        sorted((site / "assets").glob("stylesheets/main.*.min.css"))
    lines.append("\n### This repository's home page, bytes\n")
    lines.append("| file | raw | gzip |")
    lines.append("| --- | --- | --- |")
    total = [0, 0]
    for name, path in parts.items():
        raw, packed = _size(path)
        lines.append(f"| {name} | {raw:,} | {packed:,} |")
        if "stylesheet" not in name:
            total = [total[0] + raw, total[1] + packed]
    lines.append(f"| of which the picture's SVG | {svg:,} | |")
    verdict = "under" if total[0] < TARGET else "OVER"
    lines.append(f"| **HTML + SVG + script** ({verdict} {TARGET:,}) | {total[0]:,} | "
                 f"{total[1]:,} |")
    for path in theme:
        raw, packed = _size(path)
        lines.append(f"| for scale, the theme's {path.name} | {raw:,} | {packed:,} |")
