from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from radar_as_code.cli import main

TESTS = Path(__file__).parent
BASE = TESTS / "cases" / "_base"
ROOT = TESTS.parent
GOLDEN = TESTS / "golden"


def golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME (UPDATE_GOLDEN=1 rewrites it; review the diff)."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text)
    assert text == path.read_text()


@dataclass
class Result:
    code: int
    out: str
    err: str


Run = Callable[..., Result]


@pytest.fixture(autouse=True)
def _not_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see a workstation: rules whose level depends on CI (``unfinished``) give the
    same output everywhere; tests of CI behaviour set the variable themselves."""
    monkeypatch.delenv("CI", raising=False)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run the `radar` command in-process: run("check", "-C", dir)."""

    def _run(*argv: str | Path) -> Result:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


@pytest.fixture
def base_radar(tmp_path: Path) -> Path:
    """A small valid radar (2 quadrants, 3 rings, 2 blips, 1 decision record)."""
    repo = tmp_path / "repo"
    shutil.copytree(BASE, repo)
    return repo
