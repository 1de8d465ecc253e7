"""Benchmark of the change workflow: the pre-commit hook for each kind of commit (it now
also runs when no radar file is staged, and checks the whole radar when a blip is
deleted), and an authoring command, which checks the whole radar before it writes.

Registered in run.py; alone: python bench/workflow.py [--sizes 43,1000,10000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import generate, git  # noqa: E402


def bench_workflow(out: Path, size: int, repeat: int, lines: list[str]) -> None:
    from run import BIN, measure_all, row

    root = out / f"workflow-{size}"
    if not (root / ".git").exists():
        generate(root, size, editions=1)
    radar, python = BIN / "radar", BIN / "python"
    one = f"radar/blip-{size // 2:05d}.md"
    lines.append(f"\n### Workflow: pre-commit hook and authoring, {size:,} blips\n")
    lines.append("| command | median s | best s | CPU s | peak MiB | vs floor |")
    lines.append("| --- | --- | --- | --- | --- | --- |")
    floor, nothing = measure_all([[python, "-c", "pass"],
                                  [radar, "check", "--staged", "--"]], root, repeat)
    lines.append(row("floor: `python -c pass`", floor))
    lines.append(row("hook, commit without radar files: `check --staged --`", nothing, floor))
    before, after = measure_all([[radar, "check", "--", one],
                                 [radar, "check", "--staged", "--", one]], root, repeat)
    lines.append(row("hook as it was, one blip staged: `check -- FILE`", before))
    lines.append(row("hook, one blip staged: `check --staged -- FILE`", after, before))
    whole, review = measure_all([[radar, "check"],
                                 [radar, "review", f"blip-{size // 3:05d}", "--dry-run"]],
                                root, repeat)
    git(root, "rm", "-q", f"radar/blip-{size // 4:05d}.md")
    try:
        [deleted] = measure_all([[radar, "check", "--staged", "--"]], root, repeat)
    finally:
        git(root, "reset", "-q", "--hard")
    lines.append(row("`radar check`, whole radar", whole))
    lines.append(row("hook, one blip deleted: `check --staged --` (whole radar)", deleted,
                     whole))
    lines.append(row("`radar review ID --dry-run` (whole radar checked before writing)",
                     review, whole))
    subprocess.run(["git", "-C", str(root), "status", "--short"], check=True,
                   capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="43,1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []
    for size in [int(s) for s in args.sizes.split(",")]:
        bench_workflow(args.out, size, args.repeat, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
