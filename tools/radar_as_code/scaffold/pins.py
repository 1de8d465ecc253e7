"""What the files `radar init` writes point to: the tool's repository, its release tag
for pre-commit, and the commit its GitHub Action is pinned to.

The commit is the one the installed package was built from, recorded by the build
(``hatch_build.py`` writes ``radar_as_code/_build.json`` into wheels and sdists built
from a clean checkout, as the release workflow does at each ``v*`` tag). Without it
(an editable install, a build from a changed tree) the action is pinned to a
placeholder that cannot run, and `radar init` says so.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from radar_as_code import __version__

REPOSITORY = "https://github.com/radar-as-code/radar-as-code"  # as in pyproject.toml
ACTION = "radar-as-code/radar-as-code"
PLACEHOLDER = "0" * 40
_RECORD = Path(__file__).resolve().parent.parent / "_build.json"
_SHA = re.compile(r"^[0-9a-f]{40}$")


@dataclass(frozen=True)
class Pins:
    hook_repo: str  # pre-commit's `repo:`
    hook_rev: str  # pre-commit's `rev:` (the release tag)
    action: str  # `owner/name@sha`
    version: str  # shown beside the SHA: `# v0.1.0`
    pinned: bool  # False: the action's SHA is the placeholder


def built_commit(record: Path = _RECORD) -> str | None:
    """The commit the installed package was built from, if the build recorded one."""
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    commit = data.get("commit") if isinstance(data, dict) else None
    return commit if isinstance(commit, str) and _SHA.match(commit) else None


def pins(hook_repo: str | None = None, action_ref: str | None = None) -> Pins:
    """The pins for the installed version; ``action_ref`` (a commit SHA) and
    ``hook_repo`` (a URL or path) override them."""
    commit = action_ref or built_commit()
    return Pins(hook_repo or REPOSITORY, f"v{__version__}",
                f"{ACTION}@{commit or PLACEHOLDER}", f"v{__version__}", commit is not None)
