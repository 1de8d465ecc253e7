"""Benchmark of start-up: what every command pays before it does anything. `radar --help`
and `--version` against `python -c pass`; `radar check` of this repository's radar
against importing its two libraries (`python -c "import yaml, pydantic"`).

Registered in run.py; alone: python bench/startup.py [--repeat 10]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

TARGETS = {"help": 3.0, "version": 3.0, "check": 2.0}  # at most this many times the floor


def bench_startup(root: Path, repeat: int, lines: list[str]) -> None:
    from run import BIN, measure_all, row

    python, radar = BIN / "python", BIN / "radar"
    lines.append("\n### Start-up\n")
    lines.append("| command | median s | best s | CPU s | peak MiB | vs floor |")
    lines.append("| --- | --- | --- | --- | --- | --- |")
    floor, helped, version = measure_all(
        [[python, "-c", "pass"], [radar, "--help"], [radar, "--version"]], root, repeat)
    lines.append(row("floor: `python -c pass`", floor))
    lines.append(row(f"**radar --help** (target {TARGETS['help']:g}x)", helped, floor))
    lines.append(row(f"**radar --version** (target {TARGETS['version']:g}x)", version, floor))
    libraries, check = measure_all(
        [[python, "-c", "import yaml, pydantic"], [radar, "-C", root, "check"]], root, repeat)
    lines.append(row('floor: `python -c "import yaml, pydantic"`', libraries))
    lines.append(row(f"**radar check** this repository (target {TARGETS['check']:g}x)",
                     check, libraries))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    lines: list[str] = []
    bench_startup(HERE.parent, args.repeat, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
