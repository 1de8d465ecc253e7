"""Every edition as it was (editions/archive.py), read in one walk over real tags."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Run
from gitrepo import Repo, adr, blip
from radar_as_code.core.textfile import MAX_BYTES
from radar_as_code.editions.archive import editions
from radar_as_code.editions.timeline import Timeline


def test_the_walk_keeps_each_edition_and_what_it_said(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("radar/alpha.md", blip("Alpha", "tools", "trial"))
    repo.write("radar/beta.md", blip("Beta", "tools", "assess"))
    repo.commit("one", "2024-01-01")
    repo.tag("edition-1", "2024-01-01")
    repo.write("adr/0001-adopt-alpha.md", adr("Adopt Alpha", ("alpha",)))
    repo.write("radar/alpha.md", blip("Alpha", "tools", "adopt", decisions=("0001-adopt-alpha",))
               .replace("Our view.", "**Adopt** it.\n\nMore."))
    repo.remove("radar/beta.md")
    repo.write("radar/beta-two.md", blip("Beta", "tools", "assess", former=("beta",)))
    repo.commit("two", "2024-04-01")
    repo.tag("edition-2", "2024-04-01")
    first, second = editions(Timeline(repo.root), notes=True)
    assert sorted(first.blips) == ["alpha", "beta"] and sorted(second.blips) == [
        "alpha", "beta-two"]
    assert first.radar.blips["alpha"].meta.ring == "trial"  # as it was at edition-1
    assert second.radar.numbers == {"alpha": 1, "beta-two": 2}
    assert all(b.body.sections == () for b in second.blips.values())  # light copies
    assert second.renames == {"beta": "beta-two"}
    note = second.notes["alpha"]
    assert note.decision == "**Adopt** it."
    assert [(r.id, r.title, r.status) for r in note.records] == [
        ("0001-adopt-alpha", "Adopt Alpha", "accepted")]
    assert first.notes == {} and editions(Timeline(repo.root))[1].notes == {}


def test_a_file_too_large_at_an_edition_is_a_problem_not_a_read(tmp_path: Path,
                                                                run: Run) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("radar/alpha.md", blip("Alpha", "tools", "trial"))
    repo.commit("one", "2024-01-01")
    repo.tag("edition-1", "2024-01-01")
    repo.write("radar/alpha.md", blip("Alpha", "tools", "trial", text="x" * (MAX_BYTES + 1)))
    repo.commit("two", "2024-04-01")
    repo.tag("edition-2", "2024-04-01")
    result = run("-C", repo.root, "diff", "edition-1", "edition-2", "--format", "json")
    assert result.code == 1
    [problem] = json.loads(result.out)["problems"]
    assert problem["path"] == "radar/alpha.md" and "larger than the limit" in problem["message"]
