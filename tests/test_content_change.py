"""A content pull request passes CI without touching a test: in a copy of this repository,
the authoring commands add, move, retire and rename blips, and then the review policy
against the base and every test that reads this repository's content run there (with the
rest of the fast suite)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from clone import git, working_copy
from fill import fill

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent


def radar(repo: Path, *args: str) -> str:
    result = subprocess.run([BIN / "radar", "-C", repo, *args], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, f"radar {' '.join(args)}: {result.stdout}{result.stderr}"
    return result.stdout


def test_a_content_pull_request_needs_no_test_change(tmp_path: Path) -> None:
    repo = working_copy(tmp_path / "copy")
    base = git(repo, "rev-parse", "HEAD").strip()
    snapshot: dict[str, Any] = json.loads(radar(repo, "show", "--format", "json"))
    rings = [r["id"] for r in snapshot["config"]["rings"]]
    active = [b for b in snapshot["blips"] if b["status"] == "active"]
    first_ring = [b for b in active if b["ring"] == rings[0]]
    assert len(first_ring) >= 3 and len(rings) >= 3, "the content is too small for this test"
    moved, retired, renamed = first_ring[0]["id"], first_ring[1]["id"], first_ring[2]["id"]

    radar(repo, "new", "content-change-test-blip", "--title", "Content change test",
          "--quadrant", active[0]["quadrant"], "--ring", rings[1])
    fill(repo / "radar" / "content-change-test-blip.md")
    radar(repo, "move", moved, rings[1])
    radar(repo, "retire", retired)
    radar(repo, "rename", renamed, f"{renamed}-renamed")
    assert radar(repo, "check", "--strict") == ""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-verify", "-m", "a content pull request")
    radar(repo, "check", "--strict", "--base", base)  # the review policy, as CI runs it
    moves = radar(repo, "diff", base, "HEAD", "--format", "json")
    kinds = sorted(c["kind"] for c in json.loads(moves)["changes"]
                   if c["kind"] != "revised")  # references rewritten by the rename
    assert kinds == ["moved-out", "new", "renamed", "retired"], kinds

    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTEST_", "GIT_")) and k != "CI"}
    suite = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
         "-m", "not slow or content"], cwd=repo, capture_output=True, text=True, env=env,
        check=False)
    assert suite.returncode == 0, suite.stdout[-4000:] + suite.stderr[-2000:]
    assert " passed" in suite.stdout
