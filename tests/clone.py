"""A clone of this repository as it is now: its history, plus the working tree's changes
committed on top (so that tests of what a clone sees also test uncommitted work), and no
tags unless asked for."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT

IDENTITY = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org"}


def git(repo: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")} | IDENTITY
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True, env=env).stdout


def working_copy(dest: Path, *, tag: str | None = None) -> Path:
    """Clone ROOT into ``dest``, commit the working tree's changes there, drop every tag,
    then tag HEAD with ``tag`` if given."""
    subprocess.run(["git", "clone", "-q", "--no-local", str(ROOT), str(dest)], check=True,
                   capture_output=True)
    for name in git(ROOT, "ls-files", "--deleted", "-z").split("\0"):
        if name:
            (dest / name).unlink(missing_ok=True)
    for name in git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard",
                    "-z").split("\0"):
        source = ROOT / name
        if name and source.is_file() and not source.is_symlink():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    git(dest, "add", "-A")
    if git(dest, "status", "--porcelain"):
        git(dest, "commit", "-q", "--no-verify", "-m", "the working tree of the tested copy")
    for name in git(dest, "tag", "--list").split():
        git(dest, "tag", "-d", name)
    if tag is not None:
        git(dest, "tag", "-a", tag, "-m", tag)
    return dest
