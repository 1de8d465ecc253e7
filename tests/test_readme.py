"""Every command of the README runs: "Start your own radar" in an empty folder, the other
command blocks, in order, on a fresh clone of this repository without any tag (the two
`make` commands as `make -n`: their recipes exist; the suite would otherwise run
itself)."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from clone import IDENTITY, working_copy
from conftest import ROOT, TESTS
from radar_as_code import __version__
from radar_as_code.scaffold import pins

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
START = "Start your own radar"

def blocks(text: str) -> list[tuple[str, str]]:
    """Each ```sh block with the heading of its section."""
    found, heading = [], ""
    for part in re.split(r"^(```sh\n.*?^```)$", text, flags=re.M | re.S):
        if part.startswith("```sh\n"):
            found.append((heading, part.removeprefix("```sh\n").removesuffix("```")))
        else:
            headings = re.findall(r"^#+ (.+)$", part, flags=re.M)
            heading = headings[-1] if headings else heading
    return found


def run_script(script: str, cwd: Path, env: dict[str, str]) -> None:
    result = subprocess.run(
        ["bash", "-c", "set -euo pipefail\ntrap 'echo \"FAILED: $BASH_COMMAND\" >&2' ERR\n"
         + script], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{result.stderr[-3000:]}\n{result.stdout[-2000:]}"


def test_every_readme_command_runs(tmp_path: Path) -> None:
    readme = blocks((ROOT / "README.md").read_text())
    assert readme[0][0] == START
    clone = working_copy(tmp_path / "clone")
    assert subprocess.run(["git", "-C", str(clone), "tag"], capture_output=True,
                          text=True, check=True).stdout == ""
    (clone / ".venv").symlink_to(ROOT / ".venv")
    editor = tmp_path / "editor"
    editor.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{TESTS / "fill.py"}" "$1"\n')
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GIT_", "PYTEST_", "VIRTUAL_ENV")) and k != "CI"}
    env |= IDENTITY | {"PATH": f"{BIN}{os.pathsep}{env['PATH']}", "EDITOR": str(editor),
                       "NO_MKDOCS_2_WARNING": "1"}
    ran = 0
    for heading, script in readme:
        lines = script.splitlines()
        if heading == START:
            [install] = [line for line in lines if line.startswith("uv tool install")]
            assert f"git+{pins.REPOSITORY}@v{__version__}" in install  # this version's tag
            empty = tmp_path / "start"
            empty.mkdir()
            run_script("\n".join(line for line in lines if line != install), empty, env)
            assert (empty / "tech-radar" / "site" / "radar" / "kubernetes" /
                    "index.html").is_file()
        elif all(line.startswith("make ") for line in lines if line.strip()):
            for line in lines:
                target = line.split()[1]
                result = subprocess.run(["make", "-n", target], cwd=clone, env=env,
                                        capture_output=True, text=True, check=False)
                assert result.returncode == 0, result.stderr
        else:
            run_script(script, clone, env)
        ran += 1
    assert ran == len(readme) >= 3
