"""Fuzzing the import sources (hypothesis, structure-aware): BYOR CSV and JSON rows,
Zalando releases, Backstage's data, AOE release folders, built from the fields each format has, with
values that break things (quotes, separators, markup, entities, control characters,
lone surrogates, wrong types, long text). Whatever the input: exit 0 or 2, never a
traceback (exit 3 fails the suite), nothing written outside the target, every problem
located in a source, and an import that succeeds passes `radar check`.

The budget is fixed (examples per format, derandomised) so that `make test` stays fast.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from radar_as_code.cli import main

BUDGET = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

TRICKY = st.sampled_from([
    "", " ", "a,b", '"quoted"', 'un"even', "line\nbreak", "tab\there", "<b>bold</b>",
    "&lt;script&gt;x&lt;/script&gt;", "<script>alert(1)</script>", "<img src=x onerror=y>",
    '<a href="javascript:alert(1)">x</a>', '<a href="https://ok.example/a>b">l</a>',
    "[l](/tools/other/)", "![i](/images/none.png)", "=SUM(1)", "@x", "../../etc/passwd",
    ".", "..", "Ünïcödé", "\u202eevil", "\x00nul", "\x07bell", "\ud800", "#", "- item",
    "x" * 300, "**", "`code`", "```\nfence\n```", "&amp;amp;", "NaN", "None"])
TEXT = st.one_of(TRICKY, st.text(max_size=40), st.builds(lambda a, b: a + b, TRICKY, TRICKY))


def mostly(valid: st.SearchStrategy[Any], wild: st.SearchStrategy[Any]) -> st.SearchStrategy[
        Any]:
    """Valid values most of the time, so that many imports succeed and are checked too."""
    return st.integers(0, 11).flatmap(lambda n: wild if n == 0 else valid)


NAME = st.from_regex(r"[A-Z][a-z]{1,8}( [A-Za-z0-9.+#]{1,6})?", fullmatch=True)
LABEL = mostly(NAME, TEXT)
RING = mostly(st.sampled_from(["adopt", "Trial", "assess", "hold", "caution", "HOLD"]), TEXT)
QUADRANT = mostly(st.sampled_from(["tools", "techniques", "platforms", "Languages"]), TEXT)
VALUE = st.one_of(TEXT, st.integers(), st.none(), st.booleans(), st.floats(),
                  st.lists(TEXT, max_size=3))


@contextlib.contextmanager
def _place() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        previous = os.environ.get("XDG_STATE_HOME")
        os.environ["XDG_STATE_HOME"] = str(Path(folder) / "state")
        try:
            yield Path(folder)
        finally:
            if previous is None:
                del os.environ["XDG_STATE_HOME"]
            else:
                os.environ["XDG_STATE_HOME"] = previous


def _write(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8", "surrogatepass"))


def _import(root: Path, fmt: str, sources: list[Path]) -> None:
    """Run the import; check exit status, writes, locations, and the result."""
    before = {p for p in root.rglob("*") if "state" not in p.parts}
    into = root / "out"
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["import", "--format", fmt, *map(str, sources), "--into", str(into)])
    assert code in (0, 2), err.getvalue()
    after = {p for p in root.rglob("*") if "state" not in p.parts}
    assert {p for p in after - before if into not in (p, *p.parents)} == set()
    if code == 2:
        assert not into.exists()
        lines = err.getvalue().splitlines()
        assert lines[0].startswith("radar: error:")
        names = [str(s) for s in sources]
        for line in lines[1:]:
            if not line.startswith("  ... and"):
                assert any(line.strip().startswith(n) for n in names), line
        return
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["-C", str(into), "check", "--format", "json"]) == 0


def _json_import(fmt: str, documents: list[Any], name: str) -> None:
    with _place() as root:
        sources = []
        for n, data in enumerate(documents):
            path = root / name.format(2020 + n)
            _write(path, json.dumps(data))
            sources.append(path)
        _import(root, fmt, sources)


ROW = st.fixed_dictionaries({"name": LABEL, "ring": RING, "quadrant": QUADRANT,
                             "isNew": st.sampled_from(["TRUE", "FALSE", ""]),
                             "description": mostly(st.sampled_from(["", "<p>x</p>"]), TEXT)},
                            optional={"relatedBlips": mostly(NAME, TEXT)})


GOOD_ROW = {"name": "Kafka", "ring": "adopt", "quadrant": "tools", "isNew": "TRUE",
            "description": "<p>x</p>"}


@BUDGET
@example(volumes=[[GOOD_ROW], [GOOD_ROW | {"ring": "hold"}]], extra="")
@given(volumes=st.lists(st.lists(ROW, max_size=6), min_size=1, max_size=3),
       extra=mostly(st.just(""), st.sampled_from([",extra", "\n,,,,,,,", '\n"unterminated'])))
def test_byor_csv(volumes: list[list[dict[str, str]]], extra: str) -> None:
    with _place() as root:
        sources = []
        for n, rows in enumerate(volumes):
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=["name", "ring", "quadrant", "isNew",
                                                         "description", "relatedBlips"])
            writer.writeheader()
            writer.writerows(rows)
            path = root / f"Volume {n + 1} (Jan {2020 + n}).csv"
            _write(path, buffer.getvalue() + extra)
            sources.append(path)
        _import(root, "byor-csv", sources)


@BUDGET
@example(files=[[GOOD_ROW]])
@given(files=st.lists(mostly(st.lists(mostly(ROW, st.dictionaries(TEXT, VALUE, max_size=4)),
                                      max_size=5), VALUE), min_size=1, max_size=2))
def test_byor_json(files: list[Any]) -> None:
    _json_import("byor-json", files, "{}-01-01.json")


ENTRY = st.fixed_dictionaries(
    {"quadrant": mostly(st.integers(0, 3), VALUE), "ring": mostly(st.integers(0, 3), VALUE),
     "label": LABEL},
    optional={"link": mostly(st.just("https://x.example/a?b=<c>"), TEXT),
              "active": mostly(st.booleans(), VALUE), "moved": st.integers(-1, 2)})


@BUDGET
@example(releases=[{"date": "2024.03", "entries": [{"quadrant": 1, "ring": 0, "label": "Go",
                                                    "link": "https://go.dev/"}]}])
@given(releases=st.lists(st.fixed_dictionaries(
    {"entries": st.lists(ENTRY, max_size=6)},
    optional={"date": mostly(st.just("2024.03"), st.one_of(st.just("2024-02-30"), VALUE))}),
    min_size=1, max_size=3))
def test_zalando(releases: list[dict[str, Any]]) -> None:
    _json_import("zalando", releases, "config-{}-03-01.json")


POINT = st.fixed_dictionaries(
    {"ringId": mostly(st.sampled_from(["adopt", "hold"]), VALUE),
     "date": mostly(st.sampled_from(["2024-01-01", "2024-06-01T00:00:00.000Z",
                                     "2024-06-01T00:30:00+01:00",
                                     "0001-01-01T00:00:00+01:00"]), VALUE)},
    optional={"description": TEXT, "moved": VALUE})
BACKSTAGE = st.fixed_dictionaries(
    {"id": mostly(st.sampled_from(["react", "Spock_Geb", "a.b", "go"]), VALUE),
     "title": LABEL, "quadrant": mostly(st.just("tools"), VALUE),
     "timeline": mostly(st.lists(POINT, min_size=1, max_size=3), VALUE)},
    optional={"key": TEXT, "url": mostly(st.just("#"), TEXT), "description": TEXT,
              "links": mostly(st.lists(st.fixed_dictionaries({"url": TEXT, "title": TEXT}),
                                       max_size=2), VALUE)})


@BUDGET
@example(entries=[{"id": "go", "title": "Go", "quadrant": "tools",
                   "timeline": [{"ringId": "adopt", "date": "2024-01-01"}]}])
@given(entries=st.lists(mostly(BACKSTAGE, VALUE), max_size=6))
def test_backstage(entries: list[Any]) -> None:
    document = {"quadrants": [{"id": "tools", "name": "Tools"}],
                "rings": [{"id": "adopt", "name": "ADOPT", "color": "#000"},
                          {"id": "hold", "name": "HOLD", "color": "#fff"}],
                "entries": entries}
    _json_import("backstage", [document], "tech-radar-{}.json")


FRONT = mostly(st.fixed_dictionaries(
    {"title": LABEL, "ring": st.sampled_from(["adopt", "trial", "assess", "hold"]),
     "segment": st.sampled_from(["tools", "methods-and-patterns"])},
    optional={"tags": st.lists(LABEL, max_size=3), "featured": st.booleans()}),
    st.dictionaries(st.sampled_from(["title", "ring", "segment", "quadrant", "tags",
                                     "featured", "other"]),
                    st.one_of(TEXT, RING, st.booleans(), st.lists(TEXT, max_size=3)),
                    max_size=6))
ITEM = st.tuples(mostly(st.sampled_from(["react", "spock_geb", "Go", "a.b", "x-1"]),
                        st.text("abcxyz_-.", min_size=1, max_size=8)), FRONT,
                 mostly(st.sampled_from(["", "Text [r](/tools/react/)."]), TEXT))


def _yaml(value: object) -> str:
    return json.dumps(value, ensure_ascii=True)  # JSON flow values are YAML


@BUDGET
@example(releases=[[("react", {"title": "React", "ring": "adopt", "segment": "tools"},
                     "Text [r](/tools/react/).")]], raw="")
@given(releases=st.lists(st.lists(ITEM, max_size=4), min_size=1, max_size=3),
       raw=mostly(st.just(""), st.sampled_from(["title: [unclosed", "title: &a x", "ring: no"])))
def test_aoe(releases: list[list[tuple[str, dict[str, Any], str]]], raw: str) -> None:
    with _place() as root:
        base = root / "aoe" / "radar"
        for n, items in enumerate(releases):
            folder = base / f"{2020 + n}-01-01"
            folder.mkdir(parents=True)
            for name, front, body in items:
                lines = [f"{k}: {_yaml(v)}" for k, v in front.items()] + ([raw] if raw else [])
                _write(folder / f"{name}.md", "---\n" + "\n".join(lines) + "\n---\n" + body)
        _import(root, "aoe", [root / "aoe"])

