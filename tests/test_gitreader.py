"""A comparison lists one tree and derives the other end's from the raw diff
(editions/gitreader.py): the derived snapshot must be the one a listing gives."""

from __future__ import annotations

import os
from pathlib import Path

from gitrepo import Repo, adr, blip
from radar_as_code.editions.git import Git
from radar_as_code.editions.gitreader import GitReader


def test_derived_snapshot_equals_a_listed_one(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write("radar/alpha.md", blip("Alpha", "tools", "trial"))
    repo.write("radar/beta.md", blip("Beta", "tools", "assess"))
    repo.write("radar/old/gamma.md", blip("Gamma", "tools", "hold"))
    repo.write("adr/0001-one.md", adr("One", ("alpha",)))
    os.symlink("alpha.md", repo.root / "radar" / "link.md")
    repo.commit("first", "2024-01-01")
    repo.write("radar/alpha.md", blip("Alpha", "tools", "adopt"))  # changed
    repo.remove("radar/beta.md")  # gone
    repo.write("radar/delta.md", blip("Delta", "tools", "hold"))  # new
    repo.write("radar/new/gamma.md", blip("Gamma", "tools", "hold"))  # a second gamma
    repo.write("adr/0002-two.md", adr("Two", ("delta",)))
    repo.remove("radar/link.md")
    repo.write("radar/link.md", "now a file\n")  # a link became a file
    os.symlink("delta.md", repo.root / "radar" / "other.md")  # a new link
    repo.commit("second", "2024-02-01")
    git = Git(repo.root)
    first, second = git.resolve("HEAD~1"), git.resolve("HEAD")
    for base, head in [(first, second), (second, first)]:
        listed = GitReader(git, head, "head")
        derived = listed.before(base, "base", git.differences(base, head))
        fresh = GitReader(git, base, "base")
        assert derived.tree() == fresh.tree()
        got, expected = derived.listing(), fresh.listing()
        assert (got.files, got.problems) == (expected.files, expected.problems)
        assert got.blip_paths == expected.blip_paths
        assert got.decision_paths == expected.decision_paths
        assert got.blip_paths["gamma"] == expected.blip_paths["gamma"]  # order of paths
