"""Data-driven rule cases: tests/cases/<rule>/{pass,fail}/<case>/files/ is laid over a
small valid radar; a failing case's `radar check` output must match its expected.txt
(set UPDATE_GOLDEN=1 to rewrite them after a deliberate change, then review the diff)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import TESTS, Run

CASES = TESTS / "cases"
ALL = sorted(p for p in CASES.glob("*/*/*") if p.is_dir() and not p.parts[-3].startswith("_"))


def _lay(case: Path, repo: Path) -> None:
    shutil.copytree(case / "files", repo, dirs_exist_ok=True)


@pytest.mark.parametrize("case", ALL, ids=lambda p: "/".join(p.parts[-3:]))
def test_case(case: Path, base_radar: Path, run: Run) -> None:
    rule, kind = case.parts[-3], case.parts[-2]
    _lay(case, base_radar)
    result = run("-C", base_radar, "check", "--format", "text")
    if kind == "pass":
        assert result.out == "", result.out
        assert result.code == 0
        return
    assert f"[{rule}]" in result.out, f"rule {rule} not reported:\n{result.out}"
    assert "Traceback" not in result.out + result.err
    expected = case / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.write_text(result.out)
    assert result.out == expected.read_text()
    errors = "error:" in result.out
    assert result.code == (1 if errors else 0)


@pytest.mark.parametrize(("pattern", "fine"), [
    ("edition-*", True), ("edition-[0-9]*", True), ("v[]]x", True), ("e[!]a]*", True),
    ("edition-[0-9", False), ("[", False), ("a[]", False)])
def test_edition_patterns_with_unclosed_brackets(pattern: str, fine: bool) -> None:
    from radar_as_code.lint import _balanced_glob

    assert _balanced_glob(pattern) is fine
