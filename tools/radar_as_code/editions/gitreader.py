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
    _fetched: dict[str, bytes] = field(default_factory=dict, repr=False)  # by blob, unread

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
        wanted = {p: tree[p][1] for p in paths if p in tree}
        objects = set(wanted.values())
        blobs = {o: self._fetched.pop(o) for o in objects if o in self._fetched}
        if objects - set(blobs):
            blobs.update(fetch(self.git, objects - set(blobs)))
        return {p: blobs[o] for p, o in wanted.items() if o in blobs}

    def prefetch(self, blobs: dict[str, bytes]) -> None:
        """Contents read for this snapshot with others' (``fetch``): its next
        ``read_many`` takes them from here, once."""
        self._fetched.update(blobs)


def fetch(git: Git, objects: Iterable[str]) -> dict[str, bytes]:
    """Blobs by id in one ``cat-file --batch``, sized first: one over the limit is never
    loaded, only marked as too large."""
    sizes = git.sizes(sorted(set(objects)))
    large = {o for o, size in sizes.items() if size > MAX_BYTES}
    found = git.cat_blobs(sorted(set(objects) - large))
    found.update(dict.fromkeys(large, b"\0" * (MAX_BYTES + 1)))
    return found
