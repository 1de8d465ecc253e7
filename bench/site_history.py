"""Benchmark: the site of a radar with a history, 1,000 blips and 20 editions (about 5%
of the blips move at each), against the same floor as the site benchmark without one:
the site reads every edition (each one's picture, changes and counts), and must read the
first edition whole and each next one only where it changed."""

from __future__ import annotations

from pathlib import Path


def bench(out: Path, repeat: int, lines: list[str], blips: int = 1000,
          editions: int = 20) -> None:
    from corpus import generate
    from run import BIN, floor_site, measure_all, radar_site, row

    root = out / f"site-history-{blips}-{editions}"
    if not (root / ".git").exists():
        generate(root, blips, editions)
    mkdocs = BIN / "mkdocs"
    lines.append(f"\n### Site build, {blips:,} blips and {editions} editions\n")
    lines.append("| command | median s | best s | CPU s | peak MiB | vs floor |")
    lines.append("| --- | --- | --- | --- | --- | --- |")
    floor_root = floor_site(root.parent / f"floor-site-history-{blips}", root)
    radar_site(root)
    floor, built = measure_all([
        [mkdocs, "build", "-q", "-f", floor_root / "mkdocs.yml", "-d", floor_root / "site"],
        [mkdocs, "build", "-q", "--strict", "-f", root / "mkdocs.yml", "-d", root / "site"],
    ], repeat=repeat)
    lines.append(row("floor: mkdocs-material, same pages as plain Markdown, nav of 11 entries",
                     floor))
    lines.append(row(f"**mkdocs build --strict** of the radar and its {editions} editions",
                     built, floor))
