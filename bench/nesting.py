"""Hostile nesting: the YAML reader's work against input size, and `radar check` on it.

    python bench/nesting.py [--repeat 3] [--out bench/out]

For each nesting shape (`{a: {a: ...}}`, `[[...]]`, `[{a: [{a: ...}]}]`, `- - - ...`), one
blip whose `tags` nest 1/8, 1/4, 1/2 and all of the depth that fits in 500 KB (under the
512 KiB file limit; 100,000 levels of `{a: `): the reader's steps (events read, each
charged one plus its depth, which is what libyaml's scanner spends per token), and two
wide shapes for contrast. Then the whole-process time and peak memory of `radar check` on
a small radar holding the deepest one, beside a floor measured in the same run (the same
radar without it) and a flat list of the same size.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tools"))

from run import BIN, measure_all, row  # noqa: E402

from radar_as_code.core import yamlread  # noqa: E402

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


def _step_row(name: str, units: str, text: str) -> str:
    steps = yamlread.read("radar/beta.md", text, 6).steps
    kb = len(text.encode()) / 1024
    return f"| {name} | {units} | {kb:,.0f} | {steps:,} | {steps / kb:,.2f} |"


def blip(front: str) -> str:
    text = (BASE / "radar" / "beta.md").read_text()
    return text.replace("reviewed:", front + "reviewed:")


def radar(root: Path, front: str) -> Path:
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(BASE, root)
    (root / "radar" / "beta.md").write_text(blip(front))
    return root


def bench_nesting(out: Path, repeat: int, lines: list[str]) -> None:
    lines.append("\n### Hostile nesting: reader steps and `radar check` (one blip)\n")
    lines.append("Steps: events read by the YAML reader, each charged one plus its depth. "
                 "Linear: steps per KB stay flat (or fall) as the input doubles.\n")
    lines.append("| shape | depth or units | KB | reader steps | steps per KB |")
    lines.append("| --- | --- | --- | --- | --- |")
    deepest = {}
    for name, (opener, closer) in SHAPES.items():
        most = LIMIT // (len(opener) + len(closer))
        for depth in (most // 8, most // 4, most // 2, most):
            lines.append(_step_row(name, f"{depth:,}", nested(opener, closer, depth)))
        deepest[name] = nested(opener, closer, most)
    for name, (head, unit, tail) in WIDE.items():
        for size in (LIMIT // 8, LIMIT // 4, LIMIT // 2, LIMIT):
            text = wide(head, unit, tail, size)
            lines.append(_step_row(name, f"{size // len(unit.format(n=0)):,}", text))
    lines.append("\n| command | median s | best s | CPU s | peak MiB | vs floor |")
    lines.append("| --- | --- | --- | --- | --- | --- |")
    radar_bin = BIN / "radar"
    plain = radar(out / "nesting-floor", "")
    for name, text in deepest.items():
        hostile = radar(out / "nesting-hostile", text)
        flat = radar(out / "nesting-flat", wide(*WIDE["flat list `x, `"], len(text)))
        floor, same, run = measure_all([[radar_bin, "-C", plain, "check"],
                                        [radar_bin, "-C", flat, "check"],
                                        [radar_bin, "-C", hostile, "check"]], repeat=repeat)
        kb = len(text.encode()) // 1024
        lines.append(row("floor: `radar check` of the same radar without it", floor))
        lines.append(row(f"`radar check`, a flat list of {kb:,} KB instead", same, floor))
        lines.append(row(f"**radar check**, nested {name}: {kb:,} KB", run, floor))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []
    bench_nesting(args.out, args.repeat, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
