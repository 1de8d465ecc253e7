"""Build hook: record the commit a wheel or sdist is built from.

`radar init` pins the GitHub Action it writes to the commit of the installed version; a
release wheel built by the release workflow at its `v*` tag carries that commit in
``radar_as_code/_build.json``. A wheel built from an sdist keeps the sdist's record; a
build from a tree with uncommitted changes, or outside git, records no commit.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

RECORD = "radar_as_code/_build.json"


def _git(root: str, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", root, *args], capture_output=True, text=True,
                                check=False)
    except OSError:
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def commit(root: str) -> str | None:
    """HEAD, if ``root`` is the top of a git work tree without uncommitted changes."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None or Path(top).resolve() != Path(root).resolve():
        return None  # not a checkout of this project (an unpacked sdist inside another)
    if _git(root, "status", "--porcelain") != "":
        return None
    return _git(root, "rev-parse", "HEAD")


class CommitHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":
            return  # the source tree itself: nothing to pin to
        kept = Path(self.root) / "tools" / RECORD
        if kept.is_file():  # built from an sdist: its record stays
            if self.target_name == "wheel":
                build_data["force_include"][str(kept)] = RECORD
            return
        record = {"version": self.metadata.version, "commit": commit(self.root)}
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as out:
            json.dump(record, out)
        inside = f"tools/{RECORD}" if self.target_name == "sdist" else RECORD
        build_data["force_include"][out.name] = inside
