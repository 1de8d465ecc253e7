"""A radar snapshot at a commit: the same interface as the working-tree reader
(``core/reader.py``), read through ``editions/git.py`` with ``ls-tree`` and
``cat-file --batch``, never a checkout.

A comparison of two commits lists one tree: the other end's is derived from it and the
``git diff --raw`` between them (``before``), its listing and indexes too, so the cost of
a comparison follows the size of the change more than the size of the radar.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from radar_as_code.core.problem import Problem
from radar_as_code.core.reader import Listing
from radar_as_code.core.textfile import MAX_BYTES
from radar_as_code.editions.git import Git

_FILE_MODES = ("100644", "100755")


def _link_problem(path: str) -> Problem:
    return Problem(path, 1, 1, "file", "error",
                   "is a symbolic link: links are never followed, commit the file itself")


@dataclass
class GitReader:
    """A radar snapshot at a commit: the same interface as the working-tree reader."""

    git: Git
    sha: str
    label: str
    _tree: dict[str, tuple[str, str]] | None = field(default=None, repr=False)
    _listing: Listing | None = field(default=None, repr=False)

    def tree(self) -> dict[str, tuple[str, str]]:
        if self._tree is None:
            self._tree = self.git.ls_tree(self.sha)
        return self._tree

    def before(self, sha: str, label: str, differences: dict[str, tuple[str, str]]
               ) -> GitReader:
        """The snapshot at ``sha``, whose files differ from this one's by ``differences``
        (``Git.differences``): its tree and listing without listing it again."""
        tree = dict(self.tree())
        for path, entry in differences.items():
            if entry[0]:
                tree[path] = entry
            else:
                tree.pop(path, None)
        listing = self.listing()
        gone = frozenset(differences) & listing.files
        new = frozenset(p for p in differences if tree.get(p, ("",))[0] in _FILE_MODES)
        problems = [p for p in listing.problems if p.path not in differences]
        problems += [_link_problem(p) for p in differences if tree.get(p, ("",))[0] == "120000"]
        return GitReader(self.git, sha, label, tree,
                         listing.changed(gone, new, tuple(sorted(problems))))

    def listing(self) -> Listing:
        if self._listing is None:
            self._listing = self._list()
        return self._listing

    def object_id(self, path: str) -> str | None:
        entry = self.tree().get(path)
        return entry[1] if entry else None

    def _list(self) -> Listing:
        files, problems = set(), []
        for path, (mode, _obj) in self.tree().items():
            if mode == "120000":
                problems.append(_link_problem(path))
            elif mode in _FILE_MODES:
                files.add(path)
        return Listing(frozenset(files), tuple(sorted(problems)))

    def read_many(self, paths: Iterable[str]) -> dict[str, bytes]:
        tree = self.tree()
        wanted = [p for p in paths if p in tree]
        sizes = self.git.sizes(sorted({tree[p][1] for p in wanted}))
        small = [p for p in wanted if sizes.get(tree[p][1], 0) <= MAX_BYTES]
        blobs = self.git.cat_blobs(sorted({tree[p][1] for p in small}))
        out = {p: blobs[tree[p][1]] for p in small if tree[p][1] in blobs}
        for path in wanted:
            if sizes.get(tree[path][1], 0) > MAX_BYTES:  # never loaded: too large
                out[path] = b"\0" * (MAX_BYTES + 1)
        return out
