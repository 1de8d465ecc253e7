"""Fuzzing what `radar check` reads: front matter, bodies, configs, decision records and
file names, generated with their structure (hypothesis), laid over a small valid radar.

Whatever the input: exit 0, 1 or 2, never 3 (internal error) and never a traceback; each
problem located (a path, a line >= 0, a column >= 1) under a rule that exists; the three
output formats agree on the count. A fixed budget of examples per target keeps it to
seconds in `make test`; each crash it found has a regression test in test_limits.py.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BASE
from radar_as_code.cli import main
from radar_as_code.lint import REGISTRY

# A fixed budget in the suite; RADAR_FUZZ_EXAMPLES=5000 for a deeper search by hand.
FUZZ = settings(max_examples=int(os.environ.get("RADAR_FUZZ_EXAMPLES", "150")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
RULES = frozenset(REGISTRY)

# --- the pieces of YAML: scalars, flow and block collections, keys --------------------
_WORDS = st.text(alphabet="abcXYZ019 -_.:#&*!|>'\"%@`,?[]{}é漢😀\t\\", max_size=12)
_SPECIAL = st.sampled_from([
    "", "~", "null", "true", "no", "on", "Off", "y", "0777", "0o17", "0x1F", "1:30", "1_000",
    "1e3", ".inf", "-.inf", ".nan", "2024-02-30", "2024-01-01", "2024-1-1", "9" * 40, "-", "?",
    ":", "&a x", "*a", "!!python/object:os.system x", "!t x", "!!str x", "! x", "'q ''x'''",
    '"esc \\u00e9 \\x07 \\0 \\ud800 \\U0001F600"', "|\n  block\n", ">-\n  folded\n", "@x",
    "%x", "{", "[", "}", "]", "# c", "- x", "--- ", "...", "\t", "\ufeff", "\u202e", "a: b",
    "trial", "adopt", "hold", "tools", "methods", "alpha", "beta", "0001-choose-alpha",
    "python", "testing", "active", "retired", "accepted", "superseded",
])
_SCALAR = st.one_of(_SPECIAL, _WORDS, _WORDS.map(json.dumps))
_KEYS = st.one_of(st.sampled_from([
    "title", "quadrant", "ring", "status", "tags", "related", "decisions", "reviewed",
    "former_ids", "date", "deciders", "supersedes", "superseded_by", "blips", "isNew",
    "moved", "rnig", "? complex", "[a]", "{a: b}", "&k key", "!!str key", '"quoted"', "",
]), _WORDS)


def _collections(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    items = st.lists(inner, max_size=5)
    pairs = st.lists(st.tuples(_KEYS, inner), max_size=4)
    return st.one_of(
        items.map(lambda xs: "[" + ", ".join(xs) + "]"),
        items.map(lambda xs: "".join(f"\n  - {x}" for x in xs)),
        pairs.map(lambda ps: "{" + ", ".join(f"{k}: {v}" for k, v in ps) + "}"),
        pairs.map(lambda ps: "".join(f"\n  {k}: {v}" for k, v in ps)),
    )


_VALUE = st.recursive(_SCALAR, _collections, max_leaves=12)
_COMMENT = st.sampled_from(["", "", "  # note", " #x"])


@st.composite
def front_matter(draw: st.DrawFn, keys: list[str]) -> str:
    """Known keys with generated values, mixed with unknown ones, in any order."""
    chosen = draw(st.lists(st.sampled_from(keys), unique=True, min_size=0))
    lines = [f"{key}: {draw(_VALUE)}{draw(_COMMENT)}" for key in chosen]
    lines += [f"{draw(_KEYS)}: {draw(_VALUE)}" for _ in range(draw(st.integers(0, 3)))]
    return "\n".join(draw(st.permutations(lines)))


# --- the pieces of Markdown: headings, fences, links, code -----------------------------
_TARGETS = st.one_of(st.sampled_from([
    "alpha.md", "./alpha.md#context", "../adr/0001-choose-alpha.md", "beta.md", "gone.md",
    "javascript:alert(1)", "JaVaScRiPt:x", "data:text/html,x", "file:///etc/passwd",
    "vbscript:x", "/abs.md", "//host/x", "#frag", "", "../../../etc/passwd", "../docs/",
    "../docs", "<alpha.md>", "<a b.md>", "alpha.md \"t\"", "alpha.md 't'", "alpha.md (t)",
    "%2e%2e/%2e%2e/x", "..%2F..%2Fx", "alpha.md?x=1", "http://x", "mailto:a@b", "\\x.md",
    "é.md", "a(b).md", "a)b", "<", ">",
]), _WORDS)
_LINE = st.one_of(
    st.tuples(st.integers(1, 7), _WORDS).map(lambda t: "#" * t[0] + " " + t[1]),
    st.sampled_from(["## Context", "## Decision", "## Considered options", "### Option",
                     "## Decision outcome", "# Title", "Text", "===", "---", "```", "~~~",
                     "```python", "    code", "\tcode", "- item", "> quote", "| a | b |",
                     "<script>alert(1)</script>", "<!-- c -->", "", "", "\u202e\x07",
                     "[ref]: target.md", "[ref]: <a b>", "`code`", "``a`b``", "\\[x](y)"]),
    st.tuples(_WORDS, _TARGETS, st.booleans()).map(
        lambda t: f"{'!' if t[2] else ''}[{t[0]}]({t[1]})"),
    _WORDS,
)
_BODY = st.lists(st.lists(_LINE, min_size=1, max_size=3).map(" ".join), max_size=25).map(
    "\n".join)

# --- whole files ---------------------------------------------------------------------------
_BLIP_KEYS = ["title", "quadrant", "ring", "status", "tags", "related", "decisions",
              "reviewed", "former_ids"]
_ADR_KEYS = ["title", "status", "date", "deciders", "supersedes", "superseded_by", "blips"]
_FENCE = st.sampled_from(["---\n", "---\n", "--- \n", "---\r\n", "\ufeff---\n", "", "---"])
_CLOSE = st.sampled_from(["\n---\n", "\n---\n", "\n...\n", "\n", "\n---", "\n--- x\n"])


@st.composite
def document(draw: st.DrawFn, keys: list[str]) -> bytes:
    text = draw(_FENCE) + draw(front_matter(keys)) + draw(_CLOSE) + draw(_BODY)
    data = text.encode("utf-8")
    if draw(st.integers(0, 9)) == 0:  # sometimes bytes no editor would save
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from([b"\xff", b"\x00", b"\r", b"\xc3"])) + data[at:]
    return data


_ENTRY = st.tuples(st.one_of(st.sampled_from(["tools", "methods", "adopt", "trial", "hold",
                                              "Tools", "a b", ""]), _WORDS),
                   _SCALAR, st.booleans())


def _entries(items: list[tuple[str, str, bool]]) -> str:
    return "".join(f"\n  - {{id: {i}, label: {label}{', former_ids: [x]' if f else ''}}}"
                   for i, label, f in items)


@st.composite
def config(draw: st.DrawFn) -> bytes:
    rings = draw(st.lists(_ENTRY, max_size=5))
    quadrants = draw(st.lists(_ENTRY, max_size=5))
    lines = [f"title: {draw(_SCALAR)}", f"quadrants:{_entries(quadrants)}",
             f"rings:{_entries(rings)}"]
    optional = {
        "blip_sections": st.lists(st.tuples(_WORDS, _WORDS), max_size=4).map(
            lambda xs: "".join(f"\n  - {{id: {i}, heading: {h}}}" for i, h in xs)),
        "adr_sections": st.lists(st.tuples(_WORDS, _WORDS), max_size=4).map(
            lambda xs: "".join(f"\n  - {{id: {i}, heading: {h}}}" for i, h in xs)),
        "adr_min_options": st.one_of(st.integers(-5, 30).map(str), _SCALAR),
        "decision_rings": _VALUE, "tags": _VALUE, "language": _SCALAR, "edition_tag": _SCALAR,
        "rules": st.dictionaries(st.one_of(st.sampled_from(sorted(REGISTRY)), _WORDS),
                                 st.sampled_from(["error", "warning", "disable", "off", "1"]),
                                 max_size=4).map(lambda d: "".join(f"\n  {k}: {v}"
                                                                   for k, v in d.items())),
        "labels": st.dictionaries(st.sampled_from(["radar", "ring", "from", "to", "x"]),
                                  _SCALAR, max_size=3).map(
            lambda d: "".join(f"\n  {k}: {v}" for k, v in d.items())),
        "description": _SCALAR, "extra": _VALUE,
    }
    for key in draw(st.lists(st.sampled_from(sorted(optional)), unique=True)):
        lines.append(f"{key}: {draw(optional[key])}")
    return "\n".join(draw(st.permutations(lines))).encode("utf-8") + b"\n"


_NAME_CHARS = st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",))
_NAMES = st.one_of(
    st.text(_NAME_CHARS, min_size=1, max_size=40),
    st.sampled_from(["alpha", "beta", "Alpha", "a b", "-x", "x-", "a--b", "0001-choose-alpha",
                     "0001-other", "0002-X", "README", ".hidden", "..x", "café", "x" * 90,
                     "radar", "0001"]),
    st.binary(min_size=1, max_size=12).filter(lambda b: b"/" not in b and b"\0" not in b)
    .map(os.fsdecode),
)
_FILE = st.tuples(st.sampled_from(["radar", "adr", "docs", "radar/sub", "adr/sub"]), _NAMES,
                  st.sampled_from([".md", ".md", ".yml", "", ".MD", ".md.tmp"]))


# --- the property ------------------------------------------------------------------------
@contextlib.contextmanager
def radar() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "r"
        shutil.copytree(BASE, root)
        yield root


def _check(root: Path, fmt: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["-C", str(root), "check", "--format", fmt])
    return code, out.getvalue(), err.getvalue()


def assert_checked_cleanly(root: Path) -> None:
    """Exit 0, 1 or 2, no internal error, every problem located under a real rule."""
    code, out, err = _check(root, "json")
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in err and "internal error" not in err
    if code == 2:
        assert err.startswith("radar: error: ") and out == "", err
        return
    report = json.loads(out)
    for problem in report["problems"]:
        assert isinstance(problem["path"], str) and problem["path"], problem
        assert problem["line"] >= 0 and problem["col"] >= 1, problem
        assert problem["rule"] in RULES, problem
        assert problem["level"] in ("error", "warning") and problem["message"], problem
    assert code == (1 if report["errors"] else 0)
    for fmt in ("text", "github"):
        again, lines, _ = _check(root, fmt)
        assert again == code
        shown = lines.split("\n")[:-1] if lines else []  # "\n" only: a name may hold U+0085
        assert len(shown) == len(report["problems"]) + len(report["omitted"]), lines


@pytest.fixture(autouse=True)
def _tracebacks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash shows its traceback to hypothesis instead of exit 3."""
    monkeypatch.setenv("RADAR_DEBUG", "1")


@FUZZ
@given(blip=document(_BLIP_KEYS))
def test_fuzz_blip(blip: bytes) -> None:
    with radar() as root:
        (root / "radar" / "beta.md").write_bytes(blip)
        assert_checked_cleanly(root)


@FUZZ
@given(record=document(_ADR_KEYS), other=document(_ADR_KEYS))
def test_fuzz_decision_records(record: bytes, other: bytes) -> None:
    with radar() as root:
        (root / "adr" / "0001-choose-alpha.md").write_bytes(record)
        (root / "adr" / "0002-other.md").write_bytes(other)
        assert_checked_cleanly(root)


@FUZZ
@given(body=_BODY)
def test_fuzz_body(body: str) -> None:
    with radar() as root:
        beta = root / "radar" / "beta.md"
        head = beta.read_text().split("\n---\n", 1)[0]
        beta.write_text(f"{head}\n---\n{body}")
        assert_checked_cleanly(root)


@FUZZ
@given(data=config())
def test_fuzz_config(data: bytes) -> None:
    with radar() as root:
        (root / "radar" / "radar.yml").write_bytes(data)
        assert_checked_cleanly(root)


@FUZZ
@given(files=st.lists(_FILE, min_size=1, max_size=4), content=st.sampled_from(["blip", "adr",
                                                                             "empty"]))
def test_fuzz_file_names(files: list[tuple[str, str, str]], content: str) -> None:
    data = {"blip": (BASE / "radar" / "beta.md").read_bytes().replace(b"Beta", b"Other"),
            "adr": (BASE / "adr" / "0001-choose-alpha.md").read_bytes(), "empty": b""}[content]
    with radar() as root:
        for folder, name, suffix in files:
            path = root / folder / (name + suffix)
            if len(os.fsencode(path.name)) > 255 or path.name in (".", ".."):
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        assert_checked_cleanly(root)
