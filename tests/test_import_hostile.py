"""Imports as a hostile boundary: sources that are not files, too large, too many rows,
markup hidden in entities, names that are paths, interruptions at any moment, any locale.
Each case is a defect that was seen; each ends in a clear refusal or a safe import."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, TESTS, Run

HEADER = "name,ring,quadrant,isNew,description\n"


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "tools"),
            "XDG_STATE_HOME": str(tmp_path / "state"), **extra}


@pytest.fixture(autouse=True)
def _state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_sources_must_be_regular_files(run: Run, tmp_path: Path, kind: str) -> None:
    """Defect: a FIFO hung the import; /dev/zero grew to 1.9 GB and ended in exit 3."""
    source = tmp_path / "2024-01-01.csv"
    if kind == "fifo":
        os.mkfifo(source)
    elif kind == "folder":
        source.mkdir()
    else:
        source = Path("/dev/zero")
    result = run("import", "--format", "byor-csv", source, "--into", tmp_path / "x",
                 "--date", "2024-01-01")
    word = {"fifo": "a FIFO (named pipe)", "device": "a character device",
            "folder": "a folder"}[kind]
    assert result.code == 2 and f"{source}: is {word}, not a regular file" in result.err
    aoe = tmp_path / "aoe" / "radar" / "2024-01-01"
    aoe.mkdir(parents=True)
    os.mkfifo(aoe / "pipe.md")
    result = run("import", "--format", "aoe", tmp_path / "aoe", "--into", tmp_path / "y")
    assert result.code == 2 and "pipe.md: is a FIFO (named pipe), not a regular file" in \
        result.err


def test_size_row_and_field_caps(run: Run, tmp_path: Path) -> None:
    """Defect: no size or row cap for CSV (1.27 GB on 1M rows); the JSON cap was applied
    after reading the whole file."""
    big = tmp_path / "2024-01-01.csv"
    with big.open("wb") as handle:  # a 50 MB field: refused from its size, unread
        handle.write(HEADER.encode() + b"x,adopt,tools,TRUE," + b"y" * 50_000_000 + b"\n")
    result = run("import", "--format", "byor-csv", big, "--into", tmp_path / "x")
    assert result.code == 2 and f"{big}: is larger than 16 MiB" in result.err
    field = tmp_path / "2024-02-01.csv"
    field.write_text(HEADER + "x,adopt,tools,TRUE," + "y" * 300_000 + "\n")
    result = run("import", "--format", "byor-csv", field, "--into", tmp_path / "x")
    assert result.code == 2 and "field larger than field limit" in result.err
    rows = tmp_path / "2024-03-01.csv"
    with rows.open("w") as handle:  # a million rows: refused while read, at the cap
        handle.write("name,ring,quadrant,description\n")
        handle.writelines(f"{n},adopt,t,\n" for n in range(1_000_000))
    result = run("import", "--format", "byor-csv", rows, "--into", tmp_path / "x")
    assert result.code == 2 and f"{rows}:20002: more than 20,000 rows in one file" in result.err
    huge = tmp_path / "2024-04-01.json"
    with huge.open("wb") as handle:
        handle.truncate(200_000_000)  # sparse: 200 MB that are never read
    result = run("import", "--format", "byor-json", huge, "--into", tmp_path / "x")
    assert result.code == 2 and "is larger than 16 MiB" in result.err
    assert not (tmp_path / "x").exists()


def test_names_that_are_paths_or_nothing(run: Run, tmp_path: Path) -> None:
    """Defect: `.` and `..` became one id and `Go`/`go` merged: 14 entries, 12 blips."""
    source = tmp_path / "2024-01-01.csv"
    source.write_text(HEADER + "../../escape,adopt,tools,TRUE,x\n.,adopt,tools,TRUE,x\n"
                      "..,trial,tools,TRUE,x\nGo,adopt,tools,TRUE,x\ngo,trial,tools,TRUE,y\n")
    result = run("import", "--format", "byor-csv", source, "--into", tmp_path / "x")
    assert result.code == 2
    assert f"{source}:3: name '.' has no letter or digit to make an id from" in result.err
    assert f"{source}:4: name '..' has no letter or digit to make an id from" in result.err
    source.write_text(HEADER + "../../escape,adopt,tools,TRUE,x\nGo,adopt,tools,TRUE,x\n"
                      "go,trial,tools,TRUE,y\n")
    into = tmp_path / "deep" / "radar"
    result = run("import", "--format", "byor-csv", source, "--into", into, "--report", "json")
    assert result.code == 0, result.err
    assert sorted(p.name for p in (into / "radar").iterdir()) == [
        "escape.md", "go-tools.md", "go.md", "radar.yml"]
    assert not (tmp_path / "escape.md").exists() and not (tmp_path.parent / "escape.md").exists()
    summary = json.loads(result.out)
    assert summary["blips"] == 3 and summary["editions"][0]["files"] == 3


def test_two_rows_for_one_blip_are_an_error_naming_both(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "2024-01-01.csv"
    source.write_text(HEADER + "Kafka,adopt,tools,TRUE,x\nKafka,hold,tools,TRUE,y\n")
    result = run("import", "--format", "byor-csv", source, "--into", tmp_path / "x")
    assert result.code == 2
    assert f"{source}:3: 'Kafka' is listed twice in this quadrant (also at line 2)" in result.err


def test_entity_escaped_markup_stays_text(run: Run, tmp_path: Path) -> None:
    """Defect: `&lt;script&gt;`, `&lt;img onerror&gt;`, `&lt;iframe src=javascript:&gt;`
    were stored as live tags, `radar check` said nothing and byor-json handed them back."""
    source = tmp_path / "2024-01-01.json"
    source.write_text(json.dumps([{
        "name": "Evil", "ring": "adopt", "quadrant": "tools", "description":
        "&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; "
        "&lt;iframe src=javascript:alert(3)&gt; <img src=x onerror=alert(4)> "
        "<a href='&#106;avascript:alert(5)'>x</a>"}]), encoding="utf-8")
    into = tmp_path / "radar"
    assert run("import", "--format", "byor-json", source, "--into", into).code == 0
    text = (into / "radar" / "evil.md").read_text(encoding="utf-8")
    assert "<" not in text.split("---", 2)[2]
    assert run("-C", into, "check", "--format", "json").code == 0
    problems = json.loads(run("-C", into, "check", "--format", "json").out)["problems"]
    assert not [p for p in problems if p["rule"] == "raw-html"]
    back = json.loads(run("-C", into, "export", "--format", "byor-json").out)[0]
    assert re.findall(r"<(/?\w+)", back["description"]) == ["p", "/p"]  # the rest is text
    assert "&lt;script&gt;alert(1)" in back["description"]


def test_utf8_whatever_the_locale(tmp_path: Path) -> None:
    """Defect: exit 3 for any non-ASCII title when the locale is not UTF-8."""
    source = tmp_path / "2024-01-01.csv"
    source.write_text(HEADER + "Café,adopt,tools,TRUE,<p>Crème brûlée</p>\n"
                      "café,trial,tools,TRUE,x\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "radar_as_code", "import", "--format",
                           "byor-csv", str(source), "--into", str(tmp_path / "r")],
                          env=_env(tmp_path, LC_ALL="C", LANG="C", PYTHONUTF8="0",
                               PYTHONCOERCECLOCALE="0"),
                          capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Crème brûlée" in (tmp_path / "r" / "radar" / "cafe.md").read_bytes().decode()
    assert "cafe-tools <- café" in done.stdout.decode("utf-8")


def _volumes(folder: Path, count: int, rows: int) -> list[Path]:
    folder.mkdir()
    out = []
    for volume in range(count):
        path = folder / f"{2000 + volume}-01-01.csv"
        path.write_text(HEADER + "".join(
            f"Blip {n},{['adopt', 'trial', 'assess', 'hold'][(n + volume) % 4]},"
            f"q{n % 4},TRUE,<p>Text {n} {volume}</p>\n" for n in range(rows)))
        out.append(path)
    return out


def _start(tmp_path: Path, into: Path) -> subprocess.Popen[bytes]:
    sources = _volumes(tmp_path / "volumes", 12, 600)
    return subprocess.Popen([sys.executable, "-m", "radar_as_code", "import", "--format",
                             "byor-csv", *map(str, sources), "--into", str(into)],
                            env=_env(tmp_path), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


def _building(parent: Path, proc: subprocess.Popen[bytes]) -> list[Path]:
    """Wait until the import's temporary folder exists (it is building)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        found = list(parent.glob(".radar-import-*"))
        if found:
            return found
        time.sleep(0.002)
    raise AssertionError("the import never started building")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_interrupted_import_leaves_nothing(tmp_path: Path, signum: int) -> None:
    """Defect: SIGTERM two seconds into an import left 1,190 files behind."""
    into = tmp_path / "out" / "radar"
    (tmp_path / "out").mkdir()
    proc = _start(tmp_path, into)
    _building(tmp_path / "out", proc)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode in (128 + signum, 130, -signum), err
    assert b"Traceback" not in err
    left = [str(p.relative_to(tmp_path)) for p in (tmp_path / "out").rglob("*")]
    assert left == [], (err, left[:20])
    assert not list((tmp_path / "state").rglob("*-.radar-import-*"))


def test_a_killed_import_is_swept_by_the_next_command(run: Run, tmp_path: Path) -> None:
    into = tmp_path / "out" / "radar"
    (tmp_path / "out").mkdir()
    proc = _start(tmp_path, into)
    [left] = _building(tmp_path / "out", proc)
    proc.kill()
    proc.communicate(timeout=60)
    assert left.exists()
    entries = list((tmp_path / "state" / "radar-as-code" / "imports").iterdir())
    assert [e.read_text() for e in entries] == [f"{proc.pid}\n{left}"], os.environ.get(
        "XDG_STATE_HOME")
    assert run("-C", TESTS / "cases" / "_base", "check").code == 0
    assert not left.exists() and list((tmp_path / "out").iterdir()) == []


def test_a_failed_import_creates_no_folder(run: Run, tmp_path: Path) -> None:
    """Defect: a failed import left the parent folders it had created."""
    source = tmp_path / "2024-01-01.csv"
    source.write_text(HEADER + "Kafka,adopted,tools,TRUE,x\n")
    result = run("import", "--format", "byor-csv", source, "--into", tmp_path / "a" / "b" / "c")
    assert result.code == 2 and not (tmp_path / "a").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2024-01-01.csv"]


def test_names_in_other_scripts(run: Run, tmp_path: Path) -> None:
    """Defect (QA): a name with letters but none in ASCII (`日本語`, `Кафка`) was refused as
    having "no letter or digit", and the whole import with it."""
    source = tmp_path / "2024-01-01.csv"
    source.write_text(HEADER + "日本語,adopt,tools,TRUE,x\nКафка,trial,tools,TRUE,y\n"
                      "Кафка,trial,platforms,TRUE,z\n", encoding="utf-8")
    into = tmp_path / "r"
    result = run("import", "--format", "byor-csv", source, "--into", into)
    assert result.code == 0, result.err
    titles = sorted(p.read_text(encoding="utf-8").split("\n")[1]
                    for p in (into / "radar").glob("*.md"))
    assert titles == ['title: "Кафка (Platforms)"', 'title: "Кафка"', 'title: "日本語"']
    assert "blip <- 日本語" in result.out
    assert run("-C", into, "check").code == 0
