"""Import benchmark: 34 Thoughtworks-sized BYOR volumes (about 3,300 rows: new blips, ring
moves, drops and returns, HTML descriptions with links), imported with `radar import`,
beside a floor measured in the same run: writing the same files and the same commits
(`git fast-import` of the imported history, then `git reset --hard`, which writes the
files). Also the peak memory of an import of a 1,000,000-row CSV (refused at the row cap
while it is read).

    python bench/import_bench.py [--out bench/out] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import BIN, measure_all, row  # noqa: E402

MONTHS = ("Jan", "Apr", "Jul", "Oct")
RINGS = ("adopt", "trial", "assess", "hold")
QUADRANTS = ("techniques", "platforms", "tools", "languages-and-frameworks")
WORDS = ("teams", "data", "pipeline", "model", "platform", "cloud", "agent", "test", "deploy",
         "service", "contract", "event", "stream", "schema", "cache", "query", "graph",
         "vector", "prompt", "security", "observability")


def _description(rng: random.Random, name: str) -> str:
    sentences = " ".join(" ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))) + "."
                         for _ in range(rng.randint(4, 9)))
    return (f'<p><strong><a href="https://example.org/{name.replace(" ", "-")}">{name}</a>'
            f"</strong> {sentences}</p><br><p>{sentences[:200]} &amp; more.</p>")


def volumes(folder: Path, count: int = 34, size: int = 98, seed: int = 0) -> list[Path]:
    """``count`` volumes of about ``size`` blips; each keeps most of the previous one."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    current: dict[str, tuple[str, str]] = {}
    made, paths = 0, []
    for number in range(1, count + 1):
        for name in list(current):
            if rng.random() < 0.45:
                del current[name]  # dropped (some return later, under the same name)
            elif rng.random() < 0.15:
                current[name] = (rng.choice(RINGS), current[name][1])  # moved
        while len(current) < size:
            if made > 40 and rng.random() < 0.1:
                name = f"Blip {rng.randrange(made)}"  # a return
            else:
                name, made = f"Blip {made}", made + 1
            current.setdefault(name, (rng.choice(RINGS), QUADRANTS[zlib.crc32(name.encode()) % 4]))
        year, month = 2010 + (number - 1) // 2, MONTHS[(number - 1) % 2 * 2]
        path = folder / f"Thoughtworks Technology Radar Volume {number:02d} ({month} {year}).csv"
        lines = ["name,ring,quadrant,isNew,status,description"]
        for name, (ring, quadrant) in sorted(current.items()):
            text = _description(rng, name).replace('"', '""')
            lines.append(f'{name},{ring},{quadrant},FALSE,no change,"{text}"')
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def bench_import(out: Path, repeat: int, lines: list[str]) -> None:
    radar, work = BIN / "radar", out / "import"
    shutil.rmtree(work, ignore_errors=True)
    sources = volumes(work / "volumes")
    rows = sum(len(p.read_text(encoding="utf-8").splitlines()) - 1 for p in sources)
    reference, stream = work / "reference", work / "history.stream"
    subprocess.run([radar, "import", "--format", "byor-csv", *sources, "--into", reference],
                   check=True, capture_output=True)
    with stream.open("wb") as handle:
        subprocess.run(["git", "-C", reference, "fast-export", "--all"], check=True,
                       stdout=handle)
    into, floor = work / "into", work / "floor"
    quoted = " ".join(f"'{p}'" for p in sources)
    imported, written = measure_all([
        ["sh", "-c", f"rm -rf '{into}' && '{radar}' import --format byor-csv {quoted} "
                     f"--into '{into}' >/dev/null"],
        ["sh", "-c", f"rm -rf '{floor}' && git init -q -b main '{floor}' && git -C '{floor}' "
                     f"fast-import --quiet < '{stream}' && git -C '{floor}' reset -q --hard"],
    ], repeat=repeat)
    files = len(list((reference / "radar").glob("*.md")))
    lines.append(f"\n### Import: {len(sources)} BYOR volumes, {rows:,} rows, {files:,} blips\n")
    lines.append("| command | median s | best s | CPU s | peak MiB | vs floor |")
    lines.append("| --- | --- | --- | --- | --- | --- |")
    lines.append(row("floor: git fast-import of the same commits + writing the same files",
                     written))
    lines.append(row("**radar import** (read, replay, history, checks)", imported, written))
    big = work / "million-2024-01-01.csv"
    with big.open("w", encoding="utf-8") as handle:
        handle.write("name,ring,quadrant,description\n")
        handle.writelines(f"{n},adopt,t,\n" for n in range(1_000_000))
    [refused, python] = measure_all([
        [radar, "import", "--format", "byor-csv", big, "--into", work / "never"],
        [BIN / "python", "-c", "pass"]], repeat=repeat)
    lines.append(row("floor: `python -c pass`", python))
    lines.append(row(f"**radar import** of 1,000,000 rows ({big.stat().st_size // 2**20} MiB, "
                     "refused at the row cap)", refused, python))
    shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    lines = ["## Import benchmark"]
    bench_import(args.out, args.repeat, lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
