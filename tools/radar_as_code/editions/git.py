"""Every git call of the project: here and nowhere else.

Git runs without hooks, without the caller's ``GIT_*`` environment (inside a hook git
exports ``GIT_DIR`` and ``GIT_INDEX_FILE``), without external diff or text conversion
drivers and without fsmonitor, so reading a radar cannot run a command of the repository's
choosing. Every revision a user supplies is resolved to a commit SHA first with
``rev-parse --verify --end-of-options``, so a "revision" such as ``--output=x`` is never an
option. Snapshots are read with ``ls-tree`` and ``cat-file --batch``, never a checkout.

The radar may live in a sub-folder of its repository: git runs in the radar's folder and
every path it lists, compares or reads is relative to that folder (``ls-tree`` without
``--full-tree``, ``diff --relative``, ``rev:./path``), as the rest of the tool expects.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from radar_as_code.core.reader import FOLDERS
from radar_as_code.errors import GitError

_SHA = re.compile(r"^[0-9a-f]{40}(?:[0-9a-f]{24})?$")
_KEEP_ENV = ("GIT_EXEC_PATH", "GIT_CONFIG_NOSYSTEM", "GIT_CEILING_DIRECTORIES")
_SAFE_CONFIG = ("-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false",
                "-c", "diff.external=", "-c", "core.quotePath=false",
                "-c", "log.showSignature=false")
SHALLOW_HINT = ("this clone is shallow: fetch the whole history and the tags "
                "(`git fetch --unshallow --tags`, or `fetch-depth: 0` in actions/checkout)")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") or k in _KEEP_ENV}
    env["GIT_TERMINAL_PROMPT"] = "0"
    env["LC_ALL"] = "C"
    return env


def _die_with_parent() -> None:  # pragma: no cover - runs in the child, before exec
    """Linux: the child is killed when the process that started it dies (even by SIGKILL),
    so that no git keeps writing into an import's temporary folder after it is gone."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL
    except (OSError, AttributeError):
        pass


def _identity(when: str) -> dict[str, str]:
    stamp = f"{when}T12:00:00+00:00"
    return {"GIT_AUTHOR_NAME": "radar import", "GIT_AUTHOR_EMAIL": "radar@invalid",
            "GIT_COMMITTER_NAME": "radar import", "GIT_COMMITTER_EMAIL": "radar@invalid",
            "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}


@dataclass(frozen=True)
class Tag:
    name: str
    sha: str  # the commit the tag points to
    date: int  # the tag's date (tagger date, or commit date for a lightweight tag), Unix time
    commit_date: int = 0  # the date of the commit it points to: editions are in this order
    message: str = ""  # the first line of an annotated tag's message


@dataclass
class Git:
    """A repository, reached through the git command line."""

    root: Path
    _env: dict[str, str] = field(default_factory=_env, repr=False)
    _is_repository: bool | None = field(default=None, repr=False)
    _resolved: dict[str, str] = field(default_factory=dict, repr=False)

    def run(self, *args: str, stdin: bytes | None = None, check: bool = True,
            env: dict[str, str] | None = None, tied: bool = False) -> bytes:
        """Run git; ``tied``: it dies with this process (for writes into a folder that is
        removed if this process is killed)."""
        try:
            # Arguments as UTF-8 bytes (a file name git gave us keeps its own bytes), not in
            # the locale's encoding: ASCII under LC_ALL=C.
            argv = [a.encode("utf-8", "surrogateescape")
                    for a in ("git", "-C", str(self.root), *_SAFE_CONFIG, *args)]
            result = subprocess.run(argv,
                                    input=stdin, capture_output=True,
                                    env={**self._env, **(env or {})}, check=False,
                                    preexec_fn=_die_with_parent if tied else None)
        except FileNotFoundError:
            raise GitError("git is not installed (or not on PATH)") from None
        if check and result.returncode != 0:
            message = result.stderr.decode("utf-8", "replace").strip().splitlines()
            raise GitError(f"git {args[0]} failed: {message[-1] if message else 'no output'}")
        return result.stdout

    def text(self, *args: str) -> str:
        return self.run(*args).decode("utf-8", "replace")

    def ask(self, *args: str) -> str:
        """A query's answer, stripped; "" when git says no (not a repository, no remote)."""
        return self.run(*args, check=False).decode("utf-8", "replace").strip()

    def is_repository(self) -> bool:
        if self._is_repository is None:
            self._is_repository = self.run("rev-parse", "--git-dir", check=False) != b""
        return self._is_repository

    def is_shallow(self) -> bool:
        return self.text("rev-parse", "--is-shallow-repository").strip() == "true"

    def resolve(self, rev: str) -> str:
        """The commit SHA a revision names; a clear error if it names none. Resolved once
        per command: refs do not move while it runs."""
        if rev not in self._resolved:
            self._resolved[rev] = self._resolve(rev)
        return self._resolved[rev]

    def _resolve(self, rev: str) -> str:
        out = self.run("rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}",
                       check=False).decode().strip()
        if _SHA.match(out):  # a repository, then (asked only when not: one call less)
            self._is_repository = True
            return out
        if not self.is_repository():
            raise GitError(f"{self.root} is not a git repository")
        hint = f"; {SHALLOW_HINT}" if self.is_shallow() else ""
        raise GitError(f"unknown revision '{rev}'{hint}")

    def tags(self, pattern: str) -> list[Tag]:
        """Tags matching a glob, ordered by the date of the commit each points to, then by
        name: a tag added later on an older commit takes that commit's place."""
        if not self.is_repository():
            return []
        out = self.text("for-each-ref", "--format=%(refname:strip=2)%00%(objectname)%00"
                        "%(objecttype)%00%(*objectname)%00%(*objecttype)%00"
                        "%(creatordate:unix)%00%(committerdate:unix)%00"
                        "%(*committerdate:unix)%00%(contents:subject)%00", f"refs/tags/{pattern}")
        tags = []
        for line in out.split("\0\n"):
            if not line:
                continue
            name, obj, kind, peeled, peeled_kind, date, committed, peeled_committed, subject = \
                line.split("\0")
            if (peeled_kind or kind) != "commit":
                continue  # a tag of a tree or blob is no edition
            message = subject.strip() if kind == "tag" else ""
            tags.append(Tag(name, peeled or obj, int(date or 0),
                            int(peeled_committed or committed or date or 0), message))
        return sorted(tags, key=lambda t: (t.commit_date, t.name))

    def commit_date(self, sha: str) -> int:
        return int(self.text("show", "-s", "--format=%ct", sha).strip() or 0)

    def ls_tree(self, sha: str) -> dict[str, tuple[str, str]]:
        """Path -> (mode, object) of every file under the radar's folders. Without sizes
        (``-l`` makes git open every blob: eight times slower); ``sizes`` asks for the
        few that are read."""
        out = self.run("ls-tree", "-r", "-z", sha, "--", *FOLDERS)
        entries = {}
        for record in out.split(b"\0"):
            if not record:
                continue
            meta, _, path = record.partition(b"\t")
            mode, _kind, obj = meta.split()
            entries[path.decode("utf-8", "surrogateescape")] = (mode.decode(), obj.decode())
        return entries

    @staticmethod
    def blob_name(sha: str, path: str) -> str:
        """The name of a file at a commit, ``path`` relative to the radar's folder."""
        return f"{sha}:./{path}"

    def sizes(self, objects: Sequence[str]) -> dict[str, int]:
        """Sizes of objects in one ``cat-file --batch-check`` (missing ones left out)."""
        if not objects:
            return {}
        out = self.run("cat-file", "--batch-check=%(objectname) %(objectsize)",
                       stdin="".join(f"{o}\n" for o in objects).encode()).decode()
        found = {}
        for name, line in zip(objects, out.splitlines(), strict=False):
            parts = line.split()
            if len(parts) == 2 and parts[1].isdigit():
                found[name] = int(parts[1])
        return found

    def cat_blobs(self, objects: Sequence[str]) -> dict[str, bytes]:
        """Contents of objects (SHAs or ``rev:path`` names) in one ``cat-file --batch``."""
        if not objects:
            return {}
        names = "".join(f"{o}\n" for o in objects).encode("utf-8", "surrogateescape")
        out = self.run("cat-file", "--batch", stdin=names)
        found: dict[str, bytes] = {}
        pos = 0
        for name in objects:
            end = out.index(b"\n", pos)
            header = out[pos:end].split()
            pos = end + 1
            if len(header) < 3 or header[-1] == b"missing":
                continue
            size = int(header[2])
            found[name] = out[pos:pos + size]
            pos += size + 1
        return found

    def changed(self, base: str, head: str | None) -> list[str]:
        """Paths under the radar's folders that differ between two commits, or between a
        commit and the working tree (with untracked files) when ``head`` is None."""
        args = ["diff", "--no-renames", "--no-ext-diff", "--no-textconv", "--name-only", "-z",
                "--relative", base]
        if head is not None:
            args.append(head)
        paths = {p.decode("utf-8", "surrogateescape")
                 for p in self.run(*args, "--", *FOLDERS).split(b"\0") if p}
        if head is None:
            untracked = self.run("ls-files", "--others", "--exclude-standard", "-z", "--",
                                 *FOLDERS)
            paths.update(p.decode("utf-8", "surrogateescape") for p in untracked.split(b"\0")
                         if p)
        return sorted(paths)

    def differences(self, base: str, head: str) -> dict[str, tuple[str, str]]:
        """Paths under the radar's folders that differ between two commits, each with its
        (mode, object) at ``base``; ("", "") where ``base`` has no such file."""
        out = self.run("diff", "--raw", "--no-abbrev", "--no-renames", "--no-ext-diff",
                       "--no-textconv", "-z", "--relative", base, head, "--", *FOLDERS)
        records = out.split(b"\0")
        found = {}
        for meta, path in zip(records[0::2], records[1::2], strict=False):
            old_mode, _new_mode, old, _new, _status = meta.lstrip(b":").decode().split()
            absent = old_mode == "000000"
            found[path.decode("utf-8", "surrogateescape")] = ("", "") if absent else \
                (old_mode, old)
        return found

    def staged_removals(self, kinds: str = "D") -> list[str]:
        """Paths under the radar's folders that the index deletes, or renames away, relative
        to HEAD: what a commit being made removes (``kinds="AM"``: what it adds or changes).
        In a pre-commit hook the index is the one git names in ``GIT_INDEX_FILE`` (``git
        commit -a`` uses a temporary one)."""
        index = os.environ.get("GIT_INDEX_FILE")
        env = {"GIT_INDEX_FILE": str(Path(index).absolute())} if index else None
        out = self.run("diff", "--cached", "--no-renames", "--name-only",
                       f"--diff-filter={kinds}", "--relative", "-z", "--", *FOLDERS, env=env,
                       check=False)
        return sorted(p.decode("utf-8", "surrogateescape") for p in out.split(b"\0") if p)

    def init(self) -> None:
        self.run("init", "-q", "-b", "main")

    def commit_all(self, message: str, when: str) -> None:
        """Commit the whole tree as `radar import`, dated ``when`` (YYYY-MM-DD)."""
        self.run("add", "-A")
        self.run("commit", "-q", "--no-verify", "--allow-empty", "-m", message,
                 env=_identity(when))

    def tag(self, name: str, message: str, when: str) -> None:
        """An annotated tag of HEAD, by `radar import`, dated ``when``."""
        self.run("tag", "-a", name, "-m", message, env=_identity(when))

    def fast_import(self, chunks: Iterable[bytes]) -> None:
        """Feed a ``git fast-import`` stream (commits, tags, blobs) to one git process, as
        it is produced; the process is killed if the producer stops half-way."""
        try:
            proc = subprocess.Popen(["git", "-C", str(self.root), *_SAFE_CONFIG, "fast-import",
                                     "--quiet", "--done"], stdin=subprocess.PIPE,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                    env=self._env, preexec_fn=_die_with_parent)
        except FileNotFoundError:
            raise GitError("git is not installed (or not on PATH)") from None
        assert proc.stdin is not None and proc.stderr is not None
        try:
            for chunk in chunks:
                proc.stdin.write(chunk)
            proc.stdin.write(b"done\n")
            proc.stdin.close()
        except BrokenPipeError:  # git stopped reading: its message says why
            pass
        except BaseException:
            proc.kill()
            proc.wait()
            proc.stdin.close()
            proc.stderr.close()
            raise
        errors = proc.stderr.read()
        proc.stderr.close()
        code = proc.wait()
        if code != 0:
            message = errors.decode("utf-8", "replace").strip().splitlines()
            raise GitError(f"git fast-import failed: {message[-1] if message else code}")

    def check_out(self) -> None:
        """Write HEAD's files to the working tree and the index (a new repository)."""
        self.run("reset", "-q", "--hard", tied=True)

    def paths_in_history(self, sha: str, names: Iterable[str]) -> set[str]:
        """Which of these file names (``id.md``) ever existed under radar/ before ``sha``."""
        specs = [f":(glob)radar/**/{name}" for name in sorted(set(names))]
        if not specs:
            return set()
        out = self.text("log", "--format=", "--name-only", "--no-renames", sha, "--", *specs)
        return {line.rsplit("/", 1)[-1] for line in out.splitlines() if line}
