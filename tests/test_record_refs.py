"""A decision record is named by its number, its id, or its id without the number (what
`radar adr new` printed, less the number a concurrent change may take)."""

from __future__ import annotations

from pathlib import Path

from conftest import Run


def test_a_record_by_its_id_without_the_number(base_radar: Path, run: Run) -> None:
    made = run("-C", base_radar, "adr", "new", "Try beta", "--blip", "beta")
    assert made.out == "wrote adr/0002-try-beta.md\nwrote radar/beta.md\n", made.err
    accepted = run("-C", base_radar, "adr", "accept", "try-beta")
    assert accepted.code == 0, accepted.err
    assert "status: accepted" in (base_radar / "adr" / "0002-try-beta.md").read_text()
    missing = run("-C", base_radar, "adr", "accept", "try-gamma")
    assert missing.code == 2 and "no decision record 'try-gamma'" in missing.err
