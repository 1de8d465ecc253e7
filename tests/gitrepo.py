"""Real temporary git repositories holding radars, with dated commits and edition tags."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

CONFIG = """title: History radar
edition_tag: "edition-*"
quadrants:
  - {id: tools, label: Tools}
  - {id: methods, label: Methods}
rings:
  - {id: adopt, label: Adopt}
  - {id: trial, label: Trial}
  - {id: assess, label: Assess}
  - {id: hold, label: Hold}
blip_sections:
  - {id: context, heading: Context}
  - {id: decision, heading: Decision}
adr_sections:
  - {id: context, heading: Context}
  - {id: options, heading: Considered options}
  - {id: outcome, heading: Decision outcome}
"""


def blip(title: str, quadrant: str, ring: str, *, status: str = "active",
         reviewed: str = "2024-01-01", former: tuple[str, ...] = (),
         decisions: tuple[str, ...] = (), text: str = "Some context.") -> str:
    return (f"---\ntitle: {title}\nquadrant: {quadrant}\nring: {ring}\nstatus: {status}\n"
            f"decisions: [{', '.join(decisions)}]\nreviewed: {reviewed}\n"
            f"former_ids: [{', '.join(former)}]\n---\n\n## Context\n\n{text}\n\n"
            "## Decision\n\nOur view.\n")


def adr(title: str, blips: tuple[str, ...], status: str = "accepted") -> str:
    return (f"---\ntitle: {title}\nstatus: {status}\ndate: 2024-01-01\ndeciders: [Team]\n"
            f"blips: [{', '.join(blips)}]\n---\n\n## Context\n\nWhy.\n\n## Considered options"
            "\n\n### A\n\n### B\n\n### C\n\n## Decision outcome\n\nA.\n")


class Repo:
    def __init__(self, root: Path, top: Path | None = None) -> None:
        """A radar at ``root``, in a new git repository at ``top`` (default: ``root``)."""
        self.root = root
        (root / "radar").mkdir(parents=True)
        (root / "adr").mkdir()
        (root / "radar" / "radar.yml").write_text(CONFIG)
        subprocess.run(["git", "init", "-q", "-b", "main", str(top or root)], check=True)

    def git(self, *args: str, date: str = "2024-01-01") -> str:
        stamp = f"{date}T12:00:00+00:00"
        env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
               "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org",
               "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
        return subprocess.run(["git", "-C", str(self.root), *args], check=True, env=env,
                              capture_output=True, text=True).stdout

    def write(self, path: str, text: str) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)

    def remove(self, path: str) -> None:
        (self.root / path).unlink()

    def commit(self, message: str, date: str) -> None:
        self.git("add", "-A", date=date)
        self.git("commit", "-q", "--allow-empty", "-m", message, date=date)

    def tag(self, name: str, date: str, *, annotated: bool = True) -> None:
        if annotated:
            self.git("tag", "-a", name, "-m", name, date=date)
        else:
            self.git("tag", name, date=date)
