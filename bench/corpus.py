"""Synthetic radars for benchmarks and scale tests: N blips with decision records and
valid cross-references, optionally with a git history of tagged editions.

    python bench/corpus.py OUT --blips 10000 [--editions 20] [--seed 0]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
from datetime import date, timedelta
from pathlib import Path

QUADRANTS = ["data", "algorithms", "industrialisation", "methods"]
RINGS = ["adopt", "trial", "assess", "hold"]
TAGS = [f"tag-{n:02d}" for n in range(30)]
# A vocabulary for filler text.
WORDS = ("model data pipeline metric review team product latency cost quality feature "
         "training inference dataset label drift monitoring deploy schema version test "
         "notebook cluster storage vector embedding prompt evaluation baseline").split()

CONFIG = """title: Synthetic radar
edition_tag: "edition-*"
quadrants:
{quadrants}
rings:
{rings}
tags: [{tags}]
"""


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng, rng.randint(8, 16)) for _ in range(rng.randint(2, 4)))


def blip_text(rng: random.Random, ident: str, title: str, quadrant: str, ring: str,
              related: list[str], decisions: list[str], reviewed: date,
              status: str = "active") -> str:
    links = " ".join(f"See [{r}]({r}.md)." for r in related[:2])
    front = (f"---\ntitle: {title}\nquadrant: {quadrant}\nring: {ring}\nstatus: {status}\n"
             f"tags: [{', '.join(rng.sample(TAGS, 2))}]\nrelated: [{', '.join(related)}]\n"
             f"decisions: [{', '.join(decisions)}]\nreviewed: {reviewed.isoformat()}\n"
             f"former_ids: []\n---\n")
    sections = [("Context", _paragraph(rng) + " " + links), ("Decision criteria",
                "\n".join(f"- {_sentence(rng, 6)}" for _ in range(3))),
                ("Options considered", "\n".join(f"- **Option {k}**: {_sentence(rng, 10)}"
                                                 for k in "ABC")),
                ("Decision", _paragraph(rng)), ("Consequences", _paragraph(rng))]
    return front + "".join(f"\n## {h}\n\n{t}\n" for h, t in sections)


def adr_text(rng: random.Random, title: str, blips: list[str]) -> str:
    options = "\n".join(f"### Option {k}\n\n{_sentence(rng, 12)}\n" for k in "ABC")
    return (f"---\ntitle: {title}\nstatus: accepted\ndate: 2024-01-01\ndeciders: [Team]\n"
            f"blips: [{', '.join(blips)}]\n---\n\n## Context\n\n{_paragraph(rng)}\n\n"
            f"## Decision drivers\n\n- {_sentence(rng, 6)}\n\n## Considered options\n\n"
            f"{options}\n## Decision outcome\n\nChosen option: Option A.\n\n"
            f"## Consequences\n\n{_paragraph(rng)}\n")


class Corpus:
    def __init__(self, root: Path, blips: int, seed: int) -> None:
        self.root = root
        self.rng = random.Random(seed)
        self.ids = [f"blip-{n:05d}" for n in range(blips)]
        rng = self.rng
        self.state = {i: {"quadrant": rng.choice(QUADRANTS), "ring": rng.choice(RINGS),
                          "status": "active", "reviewed": date(2024, 1, 1)}
                      for i in self.ids}
        self.decisions: dict[str, list[str]] = {}
        for n in range(max(1, blips // 10)):
            concerned = sorted(rng.sample(self.ids, min(len(self.ids), rng.randint(1, 3))))
            self.decisions[f"{n + 1:04d}-decision-{n + 1}"] = concerned
        self.by_blip: dict[str, list[str]] = {i: [] for i in self.ids}
        for adr, concerned in self.decisions.items():
            for blip in concerned:
                self.by_blip[blip].append(adr)
        self.related = {i: sorted(set(rng.sample(self.ids, min(len(self.ids), 2))) - {i})
                        for i in self.ids}

    def write_blip(self, ident: str) -> None:
        s = self.state[ident]
        text = blip_text(random.Random(ident), ident, f"Blip {ident[5:]}", str(s["quadrant"]),
                         str(s["ring"]), self.related[ident], sorted(self.by_blip[ident]),
                         s["reviewed"], str(s["status"]))  # type: ignore[arg-type]
        (self.root / "radar" / f"{ident}.md").write_text(text)

    def write_all(self) -> None:
        (self.root / "radar").mkdir(parents=True, exist_ok=True)
        (self.root / "adr").mkdir(exist_ok=True)
        quadrants = "\n".join(f"  - {{id: {q}, label: {q.title()}}}" for q in QUADRANTS)
        rings = "\n".join(f"  - {{id: {r}, label: {r.title()}}}" for r in RINGS)
        (self.root / "radar" / "radar.yml").write_text(
            CONFIG.format(quadrants=quadrants, rings=rings, tags=", ".join(TAGS)))
        for ident in self.ids:
            self.write_blip(ident)
        for adr, concerned in self.decisions.items():
            (self.root / "adr" / f"{adr}.md").write_text(
                adr_text(random.Random(adr), f"Decision {adr[:4]}", concerned))

    def evolve(self, day: date, share: float = 0.05) -> list[str]:
        """Move about ``share`` of the blips one ring in or out; retire a few."""
        changed = self.rng.sample(self.ids, max(1, int(len(self.ids) * share)))
        for ident in changed:
            s = self.state[ident]
            ring = RINGS.index(str(s["ring"]))
            s["ring"] = RINGS[min(3, ring + 1) if ring == 0 or self.rng.random() < 0.5
                              else ring - 1]
            s["reviewed"] = day
            if self.rng.random() < 0.02:
                s["status"] = "retired"
            self.write_blip(ident)
        return changed


def git(root: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
           "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    subprocess.run(["git", "-C", str(root), *args], check=True, env=env,
                   stdout=subprocess.DEVNULL)


def generate(root: Path, blips: int, editions: int = 0, seed: int = 0,
             start: date = date(2024, 1, 1)) -> Corpus:
    corpus = Corpus(root, blips, seed)
    corpus.write_all()
    if editions:
        git(root, "init", "-q", "-b", "main")
        day = start
        for n in range(1, editions + 1):
            if n > 1:
                day += timedelta(days=90)
                corpus.evolve(day)
            git(root, "add", "-A")
            stamp = f"{day.isoformat()}T12:00:00+00:00"
            os.environ["GIT_COMMITTER_DATE"] = os.environ["GIT_AUTHOR_DATE"] = stamp
            git(root, "commit", "-q", "-m", f"Edition {n}")
            git(root, "tag", "-a", f"edition-{n:02d}", "-m", f"Edition {n}")
        os.environ.pop("GIT_COMMITTER_DATE")
        os.environ.pop("GIT_AUTHOR_DATE")
    return corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--blips", type=int, default=1000)
    parser.add_argument("--editions", type=int, default=0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    generate(args.out, args.blips, args.editions, args.seed)


if __name__ == "__main__":
    main()
