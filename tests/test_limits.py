"""Limits on what one file can cost: problems shown per file, problems kept in memory,
and pathological Markdown and YAML that used to take minutes or hours."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Run
from radar_as_code.core.load import load
from radar_as_code.lint import checking
from workcount import BASE_FILES, MemoryReader

BETA = BASE_FILES["radar/beta.md"].decode()
UNKNOWN = "".join(f"k{n}: v\n" for n in range(40_000))


def _write_unknown_keys(repo: Path) -> None:
    (repo / "radar" / "beta.md").write_text(BETA.replace("reviewed:", UNKNOWN + "reviewed:"))


def test_text_shows_fifty_problems_of_a_file_and_counts_the_rest(base_radar: Path,
                                                                  run: Run) -> None:
    _write_unknown_keys(base_radar)
    result = run("-C", base_radar, "check")
    lines = result.out.splitlines()
    assert result.code == 1
    assert len(lines) == 51
    assert lines[0] == "radar/beta.md:5:1: error: unknown key 'k0' [schema]"
    assert lines[49] == "radar/beta.md:54:1: error: unknown key 'k49' [schema]"
    assert lines[50] == "radar/beta.md: ... and 39,950 more in this file"
    assert result.err.strip() == ("40,000 errors, 0 warnings in 1 file (39,950 not shown: "
                                  "--max-per-file N shows more)")


def test_json_keeps_the_totals(base_radar: Path, run: Run) -> None:
    _write_unknown_keys(base_radar)
    report = json.loads(run("-C", base_radar, "check", "--format", "json").out)
    assert len(report["problems"]) == 50
    assert (report["errors"], report["warnings"], report["total"]) == (40_000, 0, 40_000)
    assert report["omitted"] == {"radar/beta.md": 39_950}


def test_github_annotates_fifty_and_notes_the_rest(base_radar: Path, run: Run) -> None:
    _write_unknown_keys(base_radar)
    lines = run("-C", base_radar, "check", "--format", "github").out.splitlines()
    assert len(lines) == 51
    assert lines[-1] == ("::notice file=radar/beta.md,line=1,col=1,title=radar::... and "
                         "39,950 more in this file")


def test_max_per_file_shows_more(base_radar: Path, run: Run) -> None:
    _write_unknown_keys(base_radar)
    lines = run("-C", base_radar, "check", "--max-per-file", "200").out.splitlines()
    assert len(lines) == 201 and lines[-1].endswith("... and 39,800 more in this file")
    bad = run("-C", base_radar, "check", "--max-per-file", "0")
    assert bad.code == 2 and "not a whole number of 1 or more" in bad.err


def test_other_files_keep_their_own_fifty(base_radar: Path, run: Run) -> None:
    _write_unknown_keys(base_radar)
    alpha = base_radar / "radar" / "alpha.md"
    alpha.write_text(alpha.read_text().replace("ring: adopt", "ring: nowhere"))
    lines = run("-C", base_radar, "check").out.splitlines()
    assert lines[0].startswith("radar/alpha.md:") and "unknown ring" in lines[0]
    assert len(lines) == 52


def test_problems_past_the_first_are_counted_not_kept() -> None:
    """Memory: a file with 4,000 broken links keeps 50 problems as values; a rule level
    set in the config applies to the counted ones too."""
    files = dict(BASE_FILES)
    links = " ".join(f"[x](gone-{n}.md)" for n in range(4_000))
    files["radar/beta.md"] = BETA.replace("Beta is a method.", links).encode()
    found, counted = checking.findings(load(MemoryReader(files)))
    assert len(found) == 50
    assert counted == {("radar/beta.md", "links", "error"): 3_950}
    config = files["radar/radar.yml"].decode() + "rules: {links: warning}\n"
    files["radar/radar.yml"] = config.encode()
    found, counted = checking.findings(load(MemoryReader(files)))
    assert {p.level for p in found} == {"warning"}
    assert counted == {("radar/beta.md", "links", "warning"): 3_950}


@pytest.mark.parametrize("line", [
    "See ](" + "`" * 5_000,  # code spans: cubic backtracking (2,000 backticks: 110 s)
    "# a" + " " * 200_000 + "b",  # ATX heading: quadratic backtracking
    "](" + "\\[" * 100_000,  # escaped brackets: each one a fresh link attempt
], ids=["backticks", "heading-spaces", "escaped-brackets"])
def test_markdown_that_used_to_backtrack(line: str) -> None:
    """Found while reviewing the scanner for this issue; kept as regression cases. The
    limit only stops a regression from hanging the suite: the work is bounded by
    test_linear.py, which counts it."""
    script = ("import sys; from radar_as_code.core.markdown import scan; "
              "scan(sys.stdin.read())")
    subprocess.run([sys.executable, "-c", script], input=line, text=True, check=True,
                   timeout=60, encoding="utf-8")


@pytest.mark.parametrize(("trigger", "rule"), [("TODO", "unfinished"), ("<b>x</b>", "raw-html")])
def test_rules_on_a_line_of_backticks(base_radar: Path, trigger: str, rule: str) -> None:
    """The `unfinished` and `raw-html` rules blanked code spans with the pattern the scanner
    used to have (cubic on a run of backticks: more than 60 s here); they now use the
    scanner's linear one."""
    beta = base_radar / "radar" / "beta.md"
    beta.write_text(BETA.replace("Beta is a method.", f"{trigger}\n\nx " + "`" * 5_000))
    result = subprocess.run([sys.executable, "-m", "radar_as_code", "-C", str(base_radar),
                             "check"], capture_output=True, text=True, timeout=60,
                            check=False, encoding="utf-8")
    assert result.returncode in (0, 1) and f"[{rule}]" in result.stdout


def test_raw_html_positions_of_many_tags(base_radar: Path, run: Run) -> None:
    """Positions are counted on from the previous tag (they were counted from the start of
    the body for each tag: quadratic, 5 s for 100,000 tags on one line)."""
    body = "a <b>x</b> <i>y</i>\n\n<!-- c -->\n    <pre>code</pre>\n\n`<q>` and <u>z</u>"
    beta = base_radar / "radar" / "beta.md"
    beta.write_text(BETA.replace("Beta is a method.", body))
    found = [(p["line"], p["col"], p["message"].split(" in a blip")[0])
             for p in json.loads(run("-C", base_radar, "check", "--format", "json").out)[
                 "problems"] if p["rule"] == "raw-html"]
    assert found == [(10, 3, "raw HTML <b>"), (10, 12, "raw HTML <i>"),
                     (12, 1, "an HTML comment"), (13, 5, "raw HTML <pre>"),
                     (15, 11, "raw HTML <u>")]
