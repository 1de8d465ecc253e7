"""A decision record whose name starts with digits that are not decimal ("²", found by
tests/test_fuzz.py) is reported, never a crash: record numbers are decimal digits."""

from __future__ import annotations

from pathlib import Path

from conftest import Run


def test_a_record_named_with_a_superscript_is_no_crash(base_radar: Path, run: Run) -> None:
    (base_radar / "adr" / "².md").write_text((base_radar / "adr" / "0001-choose-alpha.md")
                                             .read_text())
    result = run("-C", base_radar, "check", "--format", "json")
    assert result.code == 1, result.err
    assert "internal error" not in result.err
