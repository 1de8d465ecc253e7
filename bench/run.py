"""Benchmarks: whole-process wall time and peak memory, each beside a floor measured in
the same run. Synthetic radars of 43, 1,000 and 10,000 blips (bench/corpus.py).

    python bench/run.py [--sizes 43,1000,10000] [--repeat 3] [--out bench/out]

Prints a Markdown table; the figures in issues and decision records come from it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(HERE))

from corpus import generate  # noqa: E402
from startup import bench_startup  # noqa: E402
from workflow import bench_workflow  # noqa: E402

# Measure what users run: bytecode caches written and used (some shells here set
# PYTHONDONTWRITEBYTECODE, which makes every start compile every module again).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["NO_MKDOCS_2_WARNING"] = "1"


@dataclass(frozen=True)
class Run:
    median: float  # wall seconds
    best: float
    cpu: float  # median user + system seconds: steadier than wall time on a shared machine
    peak: int  # KiB


def measure_all(commands: Sequence[Sequence[str | Path]], cwd: Path | None = None,
                repeat: int = 3) -> list[Run]:
    """Whole processes, each timed after one warm-up run (file-system and bytecode caches),
    their runs interleaved (a, b, a, b...): a shared machine that speeds up or slows down
    during the benchmark then moves a command and its floor alike."""
    times: list[list[float]] = [[] for _ in commands]
    cpu: list[list[float]] = [[] for _ in commands]
    peak = [0 for _ in commands]
    for argv in commands:
        subprocess.run([str(a) for a in argv], cwd=cwd, env=ENV, capture_output=True,
                       check=False)
    for _ in range(repeat):
        for n, argv in enumerate(commands):
            # Measured by a small launcher: a child of this (large) process would report
            # this process's memory as its own peak (see launch.py).
            out = subprocess.run([sys.executable, "-S", HERE / "launch.py",
                                  *[str(a) for a in argv]], cwd=cwd, env=ENV,
                                 capture_output=True, text=True, check=True).stdout.split()
            times[n].append(float(out[0]))
            cpu[n].append(float(out[1]))
            peak[n] = max(peak[n], int(out[2]))
    return [Run(statistics.median(t), min(t), statistics.median(c), p)
            for t, c, p in zip(times, cpu, peak, strict=True)]


def measure(argv: Sequence[str | Path], cwd: Path | None = None, repeat: int = 3) -> Run:
    return measure_all([argv], cwd, repeat)[0]


def row(name: str, run: Run, floor: Run | None = None) -> str:
    ratio = f"{run.median / floor.median:.2f}x (CPU {run.cpu / floor.cpu:.2f}x)" if floor else ""
    return (f"| {name} | {run.median:.3f} | {run.best:.3f} | {run.cpu:.3f} | "
            f"{run.peak / 1024:.0f} | {ratio} |")


def bench_check(root: Path, size: int, repeat: int, lines: list[str]) -> None:
    python, radar = BIN / "python", BIN / "radar"
    lines.append(f"\n### `radar check`, {size:,} blips\n")
    lines.append("| command | median s | best s | CPU s | peak MiB | vs floor |")
    lines.append("| --- | --- | --- | --- | --- | --- |")
    read = measure([python, HERE / "floor_yaml.py", root, "read"], repeat=repeat)
    floor = measure([python, HERE / "floor_yaml.py", root, "pyyaml"], repeat=repeat)
    lines.append(row("floor: read every file (python)", read))
    lines.append(row("floor: PyYAML C safe load of every front matter", floor))
    full = measure([radar, "-C", root, "check"], repeat=repeat)
    lines.append(row("**radar check** (whole radar)", full, floor))
    one = sorted((root / "radar").glob("*.md"))[size // 2]
    lines.append(row("**radar check** one file (pre-commit case)",
                     measure([radar, "check", one.relative_to(root)], cwd=root,
                             repeat=repeat), floor))
    if size >= 1000:
        extracted = Path(tempfile.mkdtemp(prefix="fm-"))
        subprocess.run([python, HERE / "extract.py", root, extracted], check=True)
        files = sorted(str(p) for p in extracted.glob("*.yaml"))
        schema = ROOT / "docs" / "schema" / "blip.schema.json"
        lines.append(row("check-jsonschema on the same front matter",
                         measure([BIN / "check-jsonschema", "--schemafile", schema, *files],
                                 repeat=1), floor))
        shutil.rmtree(extracted)
        for kind in ("ruamel-safe", "ruamel-rt"):
            try:
                __import__("ruamel.yaml")
            except ImportError:
                break
            lines.append(row(f"ruamel.yaml {kind} load of every front matter",
                             measure([python, HERE / "floor_yaml.py", root, kind], repeat=1),
                             floor))


def bench_timeline(root: Path, blips: int, editions: int, repeat: int,
                   lines: list[str]) -> None:
    python, radar, floor = BIN / "python", BIN / "radar", HERE / "floor_git.py"
    tags = [f"edition-{n:02d}" for n in range(1, editions + 1)]
    lines.append(f"\n### Editions: {blips:,} blips, {editions} editions (about 5% move each)\n")
    lines.append("| command | median s | best s | CPU s | peak MiB | vs floor |")
    lines.append("| --- | --- | --- | --- | --- | --- |")
    for base, head, what in [(tags[0], tags[1], "consecutive editions"),
                             (tags[0], tags[-1], "first to last edition")]:
        plain = measure([python, floor, root, "diff", base, head], repeat=repeat)
        lines.append(row(f"floor: git diff + cat-file --batch + parse, {what}", plain))
        lines.append(row(f"**radar diff**, {what}",
                         measure([radar, "-C", root, "diff", base, head], repeat=repeat),
                         plain))
    plain = measure([python, floor, root, "history", "blip-00042", *tags], repeat=repeat)
    lines.append(row(f"floor: cat-file --batch of one blip at {editions} tags + parse", plain))
    lines.append(row("**radar history** one blip",
                     measure([radar, "-C", root, "history", "blip-00042"], repeat=repeat),
                     plain))
    lines.append(row(f"**radar editions** (all {editions})",
                     measure([radar, "-C", root, "editions"], repeat=repeat)))
    cli = measure([python, floor, root, "snapshot-cli", tags[-1]], repeat=repeat)
    lines.append(row("read a whole snapshot: git ls-tree + cat-file --batch", cli))
    try:
        __import__("git")
        lines.append(row("read a whole snapshot: GitPython (tree traverse + data_stream)",
                         measure([python, floor, root, "snapshot-gitpython", tags[-1]],
                                 repeat=repeat), cli))
    except ImportError:
        lines.append("| GitPython not installed (`make bench` installs it) | | | | |")


def floor_site(root: Path, radar: Path) -> Path:
    """The floor: the same theme, extensions and search, the same number of pages with the
    same bodies (every blip and decision record as a plain page) and a navigation of the
    same few sections, but no radar plugin and no generated content."""
    docs = root / "docs"
    config = (ROOT / "mkdocs.yml").read_text()  # written on every run: the current config
    config = config.split("  - radar:")[0]
    sections = ["index.md", *[f"section-{n}.md" for n in range(10)]]
    config += "\nnav:\n" + "".join(f"  - {name}\n" for name in sections)
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(config)
    if docs.exists():
        return root
    docs.mkdir()
    for name in sections:
        (docs / name).write_text(f"# {name}\n\nA section page.\n")
    for folder in ("radar", "adr"):
        (docs / folder).mkdir()
        for path in sorted((radar / folder).glob("*.md")):
            body = path.read_text().split("\n---\n", 1)[1]
            (docs / folder / path.name).write_text(f"# {path.stem}\n{body}")
    return root


def radar_site(root: Path) -> Path:
    """The radar's own site: this repository's mkdocs.yml and docs/, copied on every run."""
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs", dirs_exist_ok=True)
    return root


def bench_site(root: Path, size: int, repeat: int, lines: list[str], history: int = 0) -> None:
    mkdocs = BIN / "mkdocs"
    lines.append(f"\n### Site build, {size:,} blips" +
                 (f" and {history} editions\n" if history else "\n"))
    lines.append("| command | median s | best s | CPU s | peak MiB | vs floor |")
    lines.append("| --- | --- | --- | --- | --- | --- |")
    floor_root = floor_site(root.parent / f"floor-site-{size}{'-h' if history else ''}", root)
    radar_site(root)
    floor, built = measure_all([
        [mkdocs, "build", "-q", "-f", floor_root / "mkdocs.yml", "-d", floor_root / "site"],
        [mkdocs, "build", "-q", "--strict", "-f", root / "mkdocs.yml", "-d", root / "site"],
    ], repeat=repeat)
    lines.append(row("floor: mkdocs-material, same pages as plain Markdown, nav of 11 entries",
                     floor))
    lines.append(row("**mkdocs build --strict** of the radar", built, floor))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="43,1000,10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--editions", type=int, default=20,
                        help="editions of the timeline benchmark (0: skip it)")
    parser.add_argument("--timeline-blips", type=int, default=10000)
    parser.add_argument("--no-import", action="store_true", help="skip bench/import_bench.py")
    parser.add_argument("--site-sizes", default="1000,10000",
                        help="radar sizes for the site-build benchmark ('' to skip)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    lines = [f"## Benchmarks ({os.cpu_count()} cores, Python {sys.version.split()[0]})"]
    lines.append("\n### This repository's radar\n")
    lines.append("| command | median s | best s | CPU s | peak MiB | vs floor |")
    lines.append("| --- | --- | --- | --- | --- | --- |")
    lines.append(row("floor: `python -c pass`", measure([BIN / "python", "-c", "pass"],
                                                        repeat=args.repeat)))
    lines.append(row("**radar check** (this repo)", measure([BIN / "radar", "-C", ROOT, "check"],
                                                            repeat=args.repeat)))
    bench_startup(ROOT, max(args.repeat, 10), lines)
    for size in [int(s) for s in args.sizes.split(",")]:
        root = args.out / f"radar-{size}"
        if not (root / "radar" / "radar.yml").exists():
            generate(root, size)
        bench_check(root, size, args.repeat, lines)
        bench_workflow(args.out, size, args.repeat, lines)
    from nesting import bench_nesting  # hostile nesting: reader steps, check time

    bench_nesting(args.out, args.repeat, lines)
    lines.append("\n### This repository's site\n")
    lines.append("| command | median s | best s | CPU s | peak MiB | vs floor |")
    lines.append("| --- | --- | --- | --- | --- | --- |")
    lines.append(row("**mkdocs build --strict** (this repo)",
                     measure([BIN / "mkdocs", "build", "-q", "--strict", "-f", ROOT / "mkdocs.yml",
                              "-d", args.out / "repo-site"], repeat=args.repeat)))
    from page_weight import bench_weight  # the home page's bytes
    bench_weight(args.out / "repo-site", lines)
    for size in [int(s) for s in args.site_sizes.split(",") if s]:
        root = args.out / f"radar-{size}"
        if not (root / "radar" / "radar.yml").exists():
            generate(root, size)
        bench_site(root, size, 1 if size >= 10000 else max(args.repeat, 5), lines)
    if args.editions and args.site_sizes:
        import site_history
        site_history.bench(args.out, max(args.repeat, 3), lines, editions=args.editions)
    if args.editions:
        root = args.out / f"history-{args.timeline_blips}-{args.editions}"
        if not (root / ".git").exists():
            generate(root, args.timeline_blips, args.editions)
        bench_timeline(root, args.timeline_blips, args.editions, args.repeat, lines)
    if not args.no_import:
        from import_bench import bench_import

        bench_import(args.out, args.repeat, lines)
    report = "\n".join(lines) + "\n"
    (args.out / "report.md").write_text(report)
    print(report)


if __name__ == "__main__":
    main()
