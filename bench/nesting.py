"""Hostile nesting: the YAML reader's work against input size, and `radar check` on it.

    python bench/nesting.py [--repeat 3] [--out bench/out]

For each nesting shape (`{a: {a: ...}}`, `[[...]]`, `[{a: [{a: ...}]}]`, `- - - ...`), one
blip whose `tags` nest 1/8, 1/4, 1/2 and all of the depth that fits in 500 KB (under the
512 KiB file limit; 100,000 levels of `{a: `): the reader's steps (events read, each
charged one plus its depth, which is what libyaml's scanner spends per token), and two
wide shapes for contrast. Then the whole-process time and peak memory of `radar check` on
a small radar holding the deepest one, beside a floor measured in the same run (the same
radar without it) and a flat list of the same size.

The steps are counted, and the radars written, by a child process (`--prepare`): the
benchmark process stays small, since a command it starts inherits its peak memory.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from run import BIN, measure_all, row  # noqa: E402

BASE = ROOT / "tests" / "cases" / "_base"
LIMIT = 500_000  # bytes of the deepest value: under the 512 KiB file limit
SHAPES = {"flow mappings `{a: `": ("{a: ", "}"), "flow sequences `[`": ("[", "]"),
          "mixed `[{a: `": ("[{a: ", "}]"), "block sequences `- `": ("- ", "")}
WIDE = {"flat list `x, `": ("tags: [", "x, ", "x]\n"),
        "many keys `kNNNNNN: v`": ("", "k{n:06d}: v\n", "")}


def nested(opener: str, closer: str, depth: int) -> str:
    return f"tags: {opener * depth}x{closer * depth}\n"


def wide(head: str, unit: str, tail: str, size: int) -> str:
    count = size // len(unit.format(n=0))
    return head + "".join(unit.format(n=n) for n in range(count)) + tail


def radar(root: Path, front: str) -> Path:
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(BASE, root)
    text = (BASE / "radar" / "beta.md").read_text()
    (root / "radar" / "beta.md").write_text(text.replace("reviewed:", front + "reviewed:"))
    return root


def prepare(out: Path) -> None:
    """In the child: print the steps table, write the radars to time."""
    sys.path.insert(0, str(ROOT / "tools"))
    from radar_as_code.core import yamlread

    def step_row(name: str, units: str, text: str) -> str:
        steps = yamlread.read("radar/beta.md", text, 6).steps
        kb = len(text.encode()) / 1024
        return f"| {name} | {units} | {kb:,.0f} | {steps:,} | {steps / kb:,.2f} |"

    for number, (name, (opener, closer)) in enumerate(SHAPES.items()):
        most = LIMIT // (len(opener) + len(closer))
        for depth in (most // 8, most // 4, most // 2, most):
            print(step_row(name, f"{depth:,}", nested(opener, closer, depth)))
        deepest = nested(opener, closer, most)
        radar(out / f"nesting-{number}", deepest)
        radar(out / f"nesting-{number}-flat", wide(*WIDE["flat list `x, `"], len(deepest)))
    for name, (head, unit, tail) in WIDE.items():
        for size in (LIMIT // 8, LIMIT // 4, LIMIT // 2, LIMIT):
            text = wide(head, unit, tail, size)
            print(step_row(name, f"{size // len(unit.format(n=0)):,}", text))
    radar(out / "nesting-floor", "")


def bench_nesting(out: Path, repeat: int, lines: list[str]) -> None:
    lines.append("\n### Hostile nesting: reader steps and `radar check` (one blip)\n")
    lines.append("Steps: events read by the YAML reader, each charged one plus its depth. "
                 "Linear: steps per KB stay flat (or fall) as the input doubles.\n")
    lines.append("| shape | depth or units | KB | reader steps | steps per KB |")
    lines.append("| --- | --- | --- | --- | --- |")
    table = subprocess.run([sys.executable, __file__, "--prepare", "--out", str(out)],
                           capture_output=True, text=True, check=True).stdout
    lines.extend(table.splitlines())
    lines.append("\n| command | median s | best s | CPU s | peak MiB | vs floor |")
    lines.append("| --- | --- | --- | --- | --- | --- |")
    radar_bin, plain = BIN / "radar", out / "nesting-floor"
    for number, name in enumerate(SHAPES):
        hostile, flat = out / f"nesting-{number}", out / f"nesting-{number}-flat"
        kb = (hostile / "radar" / "beta.md").stat().st_size // 1024
        floor, same, run = measure_all([[radar_bin, "-C", plain, "check"],
                                        [radar_bin, "-C", flat, "check"],
                                        [radar_bin, "-C", hostile, "check"]], repeat=repeat)
        lines.append(row("floor: `radar check` of the same radar without it", floor))
        lines.append(row(f"`radar check`, a flat list of {kb:,} KB instead", same, floor))
        lines.append(row(f"**radar check**, nested {name}: {kb:,} KB", run, floor))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.prepare:
        prepare(args.out)
        return
    lines: list[str] = []
    bench_nesting(args.out, args.repeat, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
