"""Benchmark: the site of a radar with a history, 1,000 blips and 20 editions (about 5%
of the blips move at each), against the same kind of floor as the site benchmark: the
site shows every edition (its picture, changes and counts) and must read the first
edition whole and each next one only where it changed."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path


def bench(out: Path, repeat: int, lines: list[str], blips: int = 1000,
          editions: int = 20) -> None:
    from corpus import generate
    from run import bench_site

    root = out / f"site-history-{blips}-{editions}"
    if not (root / ".git").exists():  # editions 90 days apart, the last one in the past
        generate(root, blips, editions, start=date.today() - timedelta(days=90 * editions))
    bench_site(root, blips, repeat, lines, history=editions)
