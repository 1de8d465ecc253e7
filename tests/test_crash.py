"""Multi-file edits are all or nothing, even when the process is killed.

`radar rename` on a radar of a few hundred blips (it rewrites about a hundred of them) and
`radar adr new --blip ...` (a new record and the blips it names) are killed with SIGKILL
at file operations spread over their whole write phase: the journal kills the process
itself at its Nth file operation (``RADAR_TEST_KILL_AFTER``). After each kill, some other
radar command runs first; the radar must then be exactly the old one or exactly the new
one, byte for byte, with no temporary file and no journal left, and `radar check` clean.

The killed commands run in forked processes (a real process, really killed, without
the start-up of a new interpreter each time); a few also run as fresh `python -m` ones.
The radars live in memory (/dev/shm) where there is one: syncing to disk is what makes a
change survive a power cut, not a kill, and here it would only take the time.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import BASE, Run
from radar_as_code.authoring import journal, writeall
from radar_as_code.cli import JOURNAL, main

BLIPS = 300
LINKED = range(0, BLIPS, 3)  # the blips that refer to the one renamed
RECORDS = 12
Tree = dict[str, bytes]

_BLIP = """---
title: {title}
quadrant: tools
ring: trial
reviewed: 2026-01-15
related: [{related}]
decisions: [{decisions}]
---

## Context

{text}

## Decision

Trial it.
"""
_RECORD = """---
title: Record {n}
status: accepted
date: 2026-01-10
deciders: [Team]
blips: [{blips}]
---

## Context

About [Polars](../radar/polars.md).

## Considered options

### One

### Two

### Three

## Decision outcome

Chosen option: One.
"""


def _radar(root: Path) -> None:
    shutil.copytree(BASE, root)
    records = [f"{n:04d}-record-{n}" for n in range(2, RECORDS + 2)]
    for n, record in enumerate(records):
        blips = ["polars"] + ([f"b{n:03d}"] if n < 3 else [])
        (root / "adr" / f"{record}.md").write_text(_RECORD.format(n=n, blips=", ".join(blips)))
    (root / "radar" / "polars.md").write_text(_BLIP.format(
        title="Polars", related="", decisions=", ".join(records), text="A dataframe library."))
    for n in range(BLIPS):
        linked = n in LINKED
        decisions = [records[n]] if n < 3 else []
        text = "See [Polars](polars.md#context) and [it](./polars.md)." if linked else "Text."
        (root / "radar" / f"b{n:03d}.md").write_text(_BLIP.format(
            title=f"B {n}", related="polars" if linked else "", decisions=", ".join(decisions),
            text=text))


@pytest.fixture
def scratch(tmp_path: Path) -> Iterator[Path]:
    """A folder in memory if the machine has one, else the test's temporary folder."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="radar-crash-", dir=shm))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _tree(root: Path) -> Tree:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() or p.is_symlink()}


def _restore(root: Path, tree: Tree) -> None:
    shutil.rmtree(root)
    for path, data in tree.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(data)


def _steps(root: Path, argv: list[str], run: Run) -> int:
    """How many file operations the command makes: counted once, without a kill."""
    counts: list[int] = []
    original = journal.Steps.__call__

    def counting(self: journal.Steps) -> None:
        original(self)
        counts.append(self.count)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(journal.Steps, "__call__", counting)
        assert run("-C", root, *argv).code == 0
    return max(counts)


def _killed(root: Path, argv: list[str], kill_at: int) -> int:
    """Run the command in a forked process that kills itself at its ``kill_at``th file
    operation; its wait status."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 99
        try:
            os.environ["RADAR_TEST_KILL_AFTER"] = str(kill_at)
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 1)
            os.dup2(null, 2)
            code = main(["-C", str(root), *argv])
        finally:
            os._exit(code)
    return os.waitpid(pid, 0)[1]


def _points(total: int, count: int) -> list[int]:
    """``count`` kill points spread over 1..total, both ends included."""
    if total <= count:
        return list(range(1, total + 1))
    return sorted({1 + (total - 1) * k // (count - 1) for k in range(count)})


AFTER: list[list[str]] = [["check"], ["show"], ["history", "b001"], ["editions"],
                          ["rules"], ["diff"]]


def _crash_test(scratch: Path, run: Run, monkeypatch: pytest.MonkeyPatch,
                argv: list[str], kills: int) -> dict[str, int]:
    monkeypatch.delenv("CI", raising=False)  # a new record's TODOs are warnings, not errors
    root = scratch / "radar"
    _radar(root)
    old = _tree(root)
    assert run("-C", root, "check").code == 0
    total = _steps(root, argv, run)
    new = _tree(root)
    assert new != old and run("-C", root, "check").code == 0
    outcomes = {"old": 0, "new": 0, "recovered": 0}
    for n, point in enumerate(_points(total, kills)):
        _restore(root, old)
        status = _killed(root, argv, point)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, point
        after = run("-C", root, *AFTER[n % len(AFTER)])
        assert "Traceback" not in after.err
        left = _tree(root)
        assert left in (old, new), (point, sorted(set(left) ^ set(old)))
        outcomes["old" if left == old else "new"] += 1
        if "an interrupted change was" in after.err:
            outcomes["recovered"] += 1
        if n % 10 == 0:
            assert run("-C", root, "check").code == 0
    return outcomes


def test_rename_killed_anywhere_leaves_the_old_or_the_new_radar(
        scratch: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    outcomes = _crash_test(scratch, run, monkeypatch, ["rename", "polars", "polars-df"],
                           kills=120)
    assert outcomes["old"] >= 20 and outcomes["new"] >= 20, outcomes
    assert outcomes["recovered"] >= 100, outcomes


def test_adr_new_killed_anywhere_leaves_the_old_or_the_new_radar(
        scratch: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    blips = [f"--blip=b{n:03d}" for n in range(3, 43)]
    outcomes = _crash_test(scratch, run, monkeypatch, ["adr", "new", "Pick one", *blips],
                           kills=100)
    assert outcomes["old"] >= 20 and outcomes["new"] >= 20, outcomes


@pytest.mark.parametrize(("where", "outcome"), [(0.1, "back"), (0.95, "forward")])
def test_a_fresh_process_killed_is_recovered_by_the_next(scratch: Path, run: Run,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        where: float, outcome: str) -> None:
    root = scratch / "radar"
    _radar(root)
    old = _tree(root)
    argv = ["rename", "polars", "polars-df"]
    total = _steps(root, argv, run)
    new = _tree(root)
    _restore(root, old)
    env = {**os.environ, "RADAR_TEST_KILL_AFTER": str(int(total * where))}
    killed = subprocess.run([sys.executable, "-m", "radar_as_code", "-C", str(root), *argv],
                            env=env, capture_output=True, check=False)
    assert killed.returncode == -signal.SIGKILL
    assert (root / JOURNAL).exists()
    after = subprocess.run([sys.executable, "-m", "radar_as_code", "-C", str(root), "check"],
                           capture_output=True, text=True, check=False)
    assert after.returncode == 0, after.stdout
    assert after.stderr.splitlines()[0].startswith(
        f"radar: an interrupted change was rolled {outcome}")
    assert _tree(root) == (old if outcome == "back" else new)


def test_the_journal_name_is_the_one_the_cli_looks_for() -> None:
    assert JOURNAL == journal.NAME


def _planted(root: Path, *lines: str) -> None:
    (root / JOURNAL).write_text("".join(line + "\n" for line in lines))


@pytest.mark.parametrize("entry", [
    '["remove", "../outside.md"]', '["remove", "/etc/passwd"]', '["remove", ".git/config"]',
    '["write", "radar/not-a-temp.md", "radar/alpha.md"]',
    '["write", "adr/.x.md.0123456789abcdef.radar-tmp", "radar/x.md"]',
    '["run", "rm -rf /"]', "not json",
    # Defects (QA): files of the radar's folder that no command changes were overwritten
    # or removed by a planted journal: the hook's config, the README, the tool's code.
    '["write", "..pre-commit-config.yaml.0123456789abcdef.radar-tmp", '
    '".pre-commit-config.yaml"]',
    '["remove", "README.md"]', '["remove", "radar/nested/x.md"]',
    '["write", "docs/.x.md.0123456789abcdef.radar-tmp", "docs/x.md"]',
    '["folder", "tools"]',
])
def test_a_planted_journal_is_refused(base_radar: Path, run: Run, entry: str,
                                      tmp_path: Path) -> None:
    """A journal can come in a pull request: one that names a path outside the radar, or
    a file not named as our temporaries are, is not obeyed."""
    (tmp_path / "outside.md").write_text("keep me")
    before = _tree(base_radar)
    _planted(base_radar, '["radar-journal", 1]', entry, '["commit"]')
    result = run("-C", base_radar, "check")
    assert result.code == 2
    assert "journal" in result.err and "Traceback" not in result.err
    assert (tmp_path / "outside.md").read_text() == "keep me"
    assert {k: v for k, v in _tree(base_radar).items() if k != JOURNAL} == before


def test_a_journal_through_a_symbolic_link_is_refused(base_radar: Path, run: Run,
                                                      tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.md").write_text("keep me")
    os.symlink(outside, base_radar / "radar" / "linked")
    _planted(base_radar, '["radar-journal", 1]', '["remove", "radar/linked/x.md"]',
             '["commit"]')
    assert run("-C", base_radar, "check").code == 2
    assert (outside / "x.md").read_text() == "keep me"


def test_a_torn_or_uncommitted_journal_rolls_back(base_radar: Path, run: Run) -> None:
    before = _tree(base_radar)
    temp = "radar/.alpha.md.0123456789abcdef.radar-tmp"
    (base_radar / temp).write_text("half")
    _planted(base_radar, '["radar-journal", 1]', f'["write", "{temp}", "radar/alpha.md"]')
    with (base_radar / JOURNAL).open("a") as handle:
        handle.write('["comm')  # torn: the commit line was not finished
    result = run("-C", base_radar, "check")
    assert result.code == 0
    assert result.err.splitlines()[0] == ("radar: an interrupted change was rolled back (no "
                                          "file had been changed)")
    assert _tree(base_radar) == before



def test_the_site_recovers_before_reading(base_radar: Path,
                                          caplog: pytest.LogCaptureFixture) -> None:
    from radar_as_code.site.publish import read_site

    before = _tree(base_radar)
    temp = "adr/.0002-x.md.0123456789abcdef.radar-tmp"
    (base_radar / temp).write_text("half")
    _planted(base_radar, '["radar-journal", 1]', f'["write", "{temp}", "adr/0002-x.md"]')
    with caplog.at_level("INFO", logger="mkdocs.plugins.radar"):
        read_site(base_radar, history=False)
    assert "an interrupted change was rolled back" in caplog.text
    assert _tree(base_radar) == before


def test_an_error_while_preparing_writes_nothing(base_radar: Path, run: Run,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk (or any error) before the commit: the temporary files and the journal
    are removed at once, the radar is untouched, the error is one line."""
    before = _tree(base_radar)
    calls: list[Path] = []
    original = writeall.write_file

    def failing(path: Path, data: bytes, mode: int, step: journal.Steps) -> None:
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        original(path, data, mode, step)

    monkeypatch.setattr(writeall, "write_file", failing)
    result = run("-C", base_radar, "adr", "new", "Pick", "--blip", "alpha", "--blip", "beta")
    assert result.code == 2
    assert result.err == "radar: error: [Errno 28] No space left on device\n"
    assert _tree(base_radar) == before


def test_a_change_left_while_a_command_was_planning_stops_it(
        base_radar: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command's plan was made on the radar as it was before that change: it is not
    written over the recovered one."""
    from radar_as_code.authoring import operations

    beta = (base_radar / "radar" / "beta.md").read_bytes()
    writes = [operations.Write("radar/beta.md", beta.replace(b"ring: trial", b"ring: hold"))]
    temp = "radar/.alpha.md.0123456789abcdef.radar-tmp"
    (base_radar / temp).write_text("half")
    _planted(base_radar, '["radar-journal", 1]', f'["write", "{temp}", "radar/alpha.md"]')
    before = {k: v for k, v in _tree(base_radar).items() if k not in (JOURNAL, temp)}
    with pytest.raises(journal.JournalError, match="run the command again"):
        operations.apply(base_radar, writes)
    assert _tree(base_radar) == before
