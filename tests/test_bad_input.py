"""Bad input a pull request can contain: each ends in a clear problem, never a traceback."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import Run
from radar_as_code.core.textfile import MAX_BYTES

VALID = (Path(__file__).parent / "cases" / "_base" / "radar" / "beta.md").read_bytes()


def check(run: Run, repo: Path) -> list[dict[str, object]]:
    result = run("-C", repo, "check", "--format", "json")
    assert "Traceback" not in result.err
    problems: list[dict[str, object]] = json.loads(result.out)["problems"]
    assert result.code == (1 if any(p["level"] == "error" for p in problems) else 0)
    return problems


@pytest.mark.parametrize(
    ("content", "line", "col", "message"),
    [
        (VALID.replace(b"Beta is", b"Beta\x00is"), 10, 5, "NUL byte"),
        (VALID.replace(b"Beta is", "B\u00e9ta is".encode("latin-1")), 10, 2, "not valid UTF-8"),
        (b"", 1, 1, "empty"),
        (b"  \n\n", 1, 1, "empty"),
        (b"---\ntitle: " + b"x" * (MAX_BYTES + 10) + b"\n---\n", 1, 1, "larger than the limit"),
        (VALID.replace(b"title: Beta", b"title: \"Beta\x07\""), 2, 13, "not allowed in YAML"),
    ],
    ids=["nul", "latin-1", "empty", "blank", "huge", "control-in-yaml"],
)
def test_unreadable_file(base_radar: Path, run: Run, content: bytes, line: int, col: int,
                         message: str) -> None:
    (base_radar / "radar" / "beta.md").write_bytes(content)
    problems = check(run, base_radar)
    mine = [p for p in problems if p["path"] == "radar/beta.md"]
    assert len(mine) == 1, problems
    assert (mine[0]["line"], mine[0]["col"]) == (line, col)
    assert message in str(mine[0]["message"])


@pytest.mark.parametrize(
    "transform",
    [
        lambda b: b"\xef\xbb\xbf" + b,
        lambda b: b.replace(b"\n", b"\r\n"),
        lambda b: b.rstrip(b"\n"),
        lambda b: b"\xef\xbb\xbf" + b.replace(b"\n", b"\r\n").rstrip(b"\r\n"),
    ],
    ids=["bom", "crlf", "no-final-newline", "all-three"],
)
def test_valid_encodings(base_radar: Path, run: Run, transform: object) -> None:
    assert callable(transform)
    (base_radar / "radar" / "beta.md").write_bytes(transform(VALID))
    assert check(run, base_radar) == []


def test_crlf_positions_are_right(base_radar: Path, run: Run) -> None:
    bad = VALID.replace(b"ring: trial", b"ring: trail").replace(b"\n", b"\r\n")
    (base_radar / "radar" / "beta.md").write_bytes(b"\xef\xbb\xbf" + bad)
    [problem] = check(run, base_radar)
    assert (problem["line"], problem["col"], problem["rule"]) == (4, 7, "vocabulary")


def test_symlink_outside_repository(base_radar: Path, run: Run, tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_bytes(VALID.replace(b"Beta", b"Secret"))
    os.symlink(secret, base_radar / "radar" / "secret.md")
    os.symlink(tmp_path, base_radar / "radar" / "linked-folder")
    problems = check(run, base_radar)
    assert [(p["path"], p["rule"]) for p in problems] == [
        ("radar/linked-folder", "file"), ("radar/secret.md", "file")]
    assert "symbolic link" in str(problems[1]["message"])


def test_symlinked_config_is_refused(base_radar: Path, run: Run) -> None:
    config = base_radar / "radar" / "radar.yml"
    target = base_radar / "elsewhere.yml"
    config.rename(target)
    os.symlink(target, config)
    result = run("-C", base_radar, "check")
    assert result.code == 2
    assert "radar/radar.yml not found" in result.err


def test_option_like_file_name_on_the_command_line(base_radar: Path, run: Run,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    (base_radar / "radar" / "--output=x.md").write_bytes(VALID)
    monkeypatch.chdir(base_radar)
    result = run("check", "--", "radar/--output=x.md")
    assert result.code == 1
    assert "radar/--output=x.md:1:1: error: file name '--output=x.md' is not a valid blip id" \
        in result.out
    assert not (base_radar / "x.md").exists()


def test_missing_config_is_a_setup_error(base_radar: Path, run: Run) -> None:
    (base_radar / "radar" / "radar.yml").unlink()
    result = run("-C", base_radar, "check")
    assert result.code == 2
    assert result.err.startswith("radar: error: radar/radar.yml not found")


def test_invalid_config_yaml(base_radar: Path, run: Run) -> None:
    (base_radar / "radar" / "radar.yml").write_text("title: [unclosed\n")
    result = run("-C", base_radar, "check")
    assert result.code == 1
    assert result.out.startswith("radar/radar.yml:2:1: error: invalid YAML")


def test_every_problem_at_once(base_radar: Path, run: Run) -> None:
    for n in range(40):
        (base_radar / "radar" / f"broken-{n:02d}.md").write_text(
            VALID.decode().replace("ring: trial", f"ring: ring-{n}").replace("Beta", f"B{n}"))
    problems = check(run, base_radar)
    assert len(problems) == 40
    assert [p["path"] for p in problems] == sorted(p["path"] for p in problems)


def test_deeply_nested_and_wide_yaml_is_bounded(base_radar: Path, run: Run) -> None:
    deep = "tags: " + "[" * 5000 + "]" * 5000 + "\n"
    wide = "related: [" + ", ".join(["x"] * 30000) + "]\n"
    text = VALID.decode().replace("reviewed:", deep + wide + "reviewed:")
    (base_radar / "radar" / "beta.md").write_text(text)
    problems = check(run, base_radar)
    assert any("nesting deeper" in str(p["message"]) for p in problems)
