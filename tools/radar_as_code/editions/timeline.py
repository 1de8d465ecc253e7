"""Editions and revisions: the radar compared across git history.

Reads every revision through the same loader as `radar check`. A comparison reads only
the files that differ between its two ends (one ``git diff`` plus one ``cat-file --batch``
per end), so its cost follows the size of the change, not the size of the radar.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from radar_as_code.core.layout import CONFIG_PATH, is_blip_path
from radar_as_code.core.load import Config, Loaded, ParseCache, load
from radar_as_code.core.model import Radar, RadarConfig
from radar_as_code.core.problem import Problem
from radar_as_code.core.reader import Reader, WorktreeReader
from radar_as_code.editions import diff
from radar_as_code.editions.git import SHALLOW_HINT, Git, Tag
from radar_as_code.editions.gitreader import GitReader, fetch
from radar_as_code.errors import GitError, SetupError

WORKTREE = "working tree"
NOTHING = "nothing (before the first edition)"


@dataclass(frozen=True)
class End:
    """One end of a comparison: a revision as the user named it, or the working tree."""

    ref: str
    sha: str | None  # None: the working tree

    def as_dict(self) -> dict[str, str | None]:
        return {"ref": self.ref, "sha": self.sha}


@dataclass(frozen=True)
class Comparison:
    base: End
    head: End
    changes: tuple[diff.Change, ...]
    unchanged: int
    problems: tuple[Problem, ...]
    config: RadarConfig  # the head's: labels of rings and quadrants
    # The changed files as read at the base and at the head; dropped (None) where only
    # the changes are kept, as for a list of editions.
    snapshots: tuple[Radar, Radar] | None = field(default=None, repr=False)

    def light(self) -> Comparison:
        return replace(self, snapshots=None)


def day(timestamp: int) -> str:
    return datetime.fromtimestamp(timestamp, UTC).date().isoformat()


def edition_day(tag: Tag) -> str:
    """An edition's date: that of its commit (the radar as it was then), which also sets
    the order of editions; a tag made later on an older commit keeps the commit's date."""
    return day(tag.commit_date or tag.date)


class Timeline:
    """A radar repository's history."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.git = Git(root)
        self._readers: dict[str, GitReader] = {}  # by commit: a tree is listed once
        self.cache: ParseCache = {}  # by (path, blob): a file version is parsed once
        self.configs: dict[str, Config] = {}  # by blob: the config as well
        self._diffs: dict[tuple[str, str], dict[str, tuple[str, str]]] = {}
        self._editions: list[Tag] | None = None
        self.skipped: list[Tag] = []  # edition tags on commits without the radar

    def end(self, rev: str | None) -> tuple[End, Reader]:
        if rev is None:
            return End(WORKTREE, None), WorktreeReader(self.root)
        sha = self.git.resolve(rev)
        return End(rev, sha), self.reader(sha, rev)

    def reader(self, sha: str, label: str) -> GitReader:
        """The snapshot at a commit; its tree is listed once per command."""
        return self._readers.setdefault(sha, GitReader(self.git, sha, label))

    def _differences(self, base: str, head: str | None) -> dict[str, tuple[str, str]]:
        """Changed paths (with their base's mode and object when both ends are commits)."""
        if head is None:
            return dict.fromkeys(self.git.changed(base, None), ("", ""))
        key = (base, head)
        if key not in self._diffs:
            self._diffs[key] = self.git.differences(base, head)
        return self._diffs[key]

    def _base(self, rev: str, head: End, head_reader: Reader) -> tuple[End, Reader]:
        """The base of a comparison; between two commits its tree is the head's with the
        differences undone, rather than listed again."""
        sha = self.git.resolve(rev)
        if sha not in self._readers and isinstance(head_reader, GitReader) and head.sha:
            self._readers[sha] = head_reader.before(sha, rev, self._differences(sha, head.sha))
        return self.end(rev)

    def _prefetch(self, readers: tuple[Reader, ...], paths: list[str]) -> None:
        """Both ends' changed files (and config, unless known) in one pair of git calls
        rather than one per end; only what has not been parsed already."""
        commits = [r for r in readers if isinstance(r, GitReader)]
        if len(commits) < 2:
            return
        wanted = {r.sha: {o: p for p in (*paths, CONFIG_PATH)
                          if (o := r.object_id(p)) is not None and (p, o) not in self.cache
                          and (p != CONFIG_PATH or o not in self.configs)} for r in commits}
        blobs = fetch(self.git, {o for found in wanted.values() for o in found})
        for reader in commits:
            reader.prefetch({o: blobs[o] for o in wanted[reader.sha] if o in blobs})

    def forget(self, sha: str) -> None:
        """Drop what was cached about a commit (a long list of editions)."""
        self._readers.pop(sha, None)

    def editions(self) -> list[Tag]:
        """The edition tags, oldest first; none before the first edition is tagged. An
        error where the tags cannot be known: outside git, or a shallow clone without them."""
        if self._editions is not None:
            return list(self._editions)
        tags = self.git.tags(self._config_pattern())
        if not tags and (not self.git.is_repository() or self.git.is_shallow()):
            raise GitError(self.no_edition_hint())
        if tags:  # a tag on a commit from before the radar existed is no edition of it
            names = [Git.blob_name(t.sha, CONFIG_PATH) for t in tags]
            there = self.git.sizes(names)
            self.skipped = [t for t, n in zip(tags, names, strict=True) if n not in there]
            tags = [t for t, n in zip(tags, names, strict=True) if n in there]
        self._editions = tags
        return list(tags)

    def skipped_note(self) -> str | None:
        """What `radar editions` and the site say of the edition tags they leave out."""
        if not self.skipped:
            return None
        names = ", ".join(t.name for t in self.skipped)
        return (f"{names}: on a commit without {CONFIG_PATH}, so no edition of this radar "
                "(move or delete the tag)")

    def no_edition_hint(self) -> str:
        """Why there is no edition, and what to do: for commands that need one."""
        pattern = self._config_pattern()
        if not self.git.is_repository():
            return f"no edition: {self.root} is not a git repository (run `git init`)"
        if self.git.is_shallow():
            return f"no edition: no tag matches '{pattern}'; {SHALLOW_HINT}"
        example = pattern.replace("*", "1") if "*" in pattern else pattern
        return (f"no edition yet: no tag matches '{pattern}'; tag one with "
                f"`git tag -a {example} -m \"First edition\"` (or fetch them: "
                "`git fetch --tags`)")

    def _config_pattern(self) -> str:
        loaded = load(WorktreeReader(self.root), only=[], follow=False)
        if loaded.radar is None:
            raise SetupError(f"{CONFIG_PATH} is invalid: run `radar check`")
        return loaded.radar.config.edition_tag

    def latest_edition(self) -> Tag | None:
        tags = self.editions()
        return tags[-1] if tags else None

    def edition_pair(self, name: str) -> tuple[Tag | None, Tag]:
        """An edition and the one before it (None for the first)."""
        tags = self.editions()
        if not tags:
            raise GitError(f"'{name}' is not an edition: {self.no_edition_hint()}")
        for position, tag in enumerate(tags):
            if tag.name == name:
                return (tags[position - 1] if position else None), tag
        if any(t.name == name for t in self.skipped):
            raise GitError(f"'{name}' is not an edition: {self.skipped_note()}")
        raise GitError(f"'{name}' is not an edition (tags matching "
                       f"'{self._config_pattern()}': {', '.join(t.name for t in tags)})")

    def compare(self, base_rev: str | None, head_rev: str | None) -> Comparison:
        """Compare two revisions (None: the working tree for the head; an empty radar for
        the base, as before the first edition)."""
        head, head_reader = self.end(head_rev)
        if base_rev is None:
            base = End(NOTHING, None)
            changed = sorted(p for p in head_reader.listing().files if is_blip_path(p))
            new = _load(head_reader, changed, head, self)
            assert new.radar is not None
            old = Loaded(replace(new.radar, blip_paths={}, decision_paths={}, blips={},
                                 decisions={}, bodies={}, files=frozenset()), (),
                         new.config_doc, False)
        else:
            base, base_reader = self._base(base_rev, head, head_reader)
            assert base.sha is not None
            if CONFIG_PATH not in base_reader.listing().files:  # before the radar existed
                return replace(self.compare(None, head_rev), base=base)
            changed = sorted(p for p in self._differences(base.sha, head.sha)
                             if is_blip_path(p))
            self._prefetch((base_reader, head_reader), changed)
            old = _load(base_reader, changed, base, self)
            new = _load(head_reader, changed, head, self)
        assert old.radar is not None and new.radar is not None
        names: set[str] = set()
        for blip in new.radar.blips.values():
            if blip.id not in old.radar.blip_paths:
                names.update(f"{n}.md" for n in (blip.id, *blip.meta.former_ids))
        seen = {n.removesuffix(".md") for n in self.git.paths_in_history(base.sha, names)
                } if base.sha else set()
        changes, unchanged = diff.compare(old.radar, new.radar, seen_before=seen)
        listing = head_reader.listing()  # blips at the head not among the changed files:
        identical = sum(map(len, listing.blip_paths.values())) - \
            sum(1 for p in changed if p in listing.files)
        differing = set(changed)
        problems = [_tagged(p, base) for p in old.problems if p.path in differing] + \
                   [_tagged(p, head) for p in new.problems if p.path in differing]
        return Comparison(base, head, tuple(_ordered(changes, new.radar)), unchanged + identical,
                          tuple(sorted(set(problems))), new.radar.config,
                          (old.radar, new.radar))


def _load(reader: Reader, paths: list[str], end: End, timeline: Timeline) -> Loaded:
    loaded = load(reader, only=paths, follow=False, cache=timeline.cache,
                  configs=timeline.configs)
    if loaded.radar is None:
        problems = "; ".join(f"{p.path}:{p.line}:{p.col}: {p.message}" for p in loaded.problems)
        raise SetupError(f"the radar's config at {end.ref} is invalid: {problems}")
    return loaded


def _tagged(problem: Problem, end: End) -> Problem:
    return Problem(problem.path, problem.line, problem.col, problem.rule, problem.level,
                   f"at {end.ref}: {problem.message}")


def _ordered(changes: list[diff.Change], radar: Radar) -> list[diff.Change]:
    config = radar.config
    quadrants = {q.id: i for i, q in enumerate(config.quadrants)}
    rank = {kind: i for i, kind in enumerate(diff.KINDS)}
    return sorted(changes, key=lambda c: (rank[c.kind],
                                          quadrants.get(c.to_quadrant or c.from_quadrant or "",
                                                        99), c.title.casefold(), c.id))
