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


_ID = st.one_of(st.sampled_from(["tools", "methods", "adopt", "trial", "hold", "assess"]),
                st.from_regex(r"[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,3})?", fullmatch=True))
_LABEL = st.one_of(st.sampled_from(["Tools", "Adopt", "Ring one", "Café", '"A: b"', "'x'"]),
                   st.text(alphabet="abcXYZ019 é漢😀", min_size=1, max_size=12).map(
                       lambda t: json.dumps(t.strip() or "x", ensure_ascii=False)))
_IDS = st.lists(st.one_of(_ID, st.sampled_from(["alpha", "beta", "0001-choose-alpha",
                                                "python", "testing", "gone", "Beta"])),
                max_size=4)
_LIST = st.one_of(_IDS.map(lambda xs: f"[{', '.join(xs)}]"),
                  _IDS.map(lambda xs: "".join(f"\n  - {x}" for x in xs) or "[]"))
_DAY = st.one_of(st.dates().map(str), st.sampled_from(["2024-02-30", "2024-1-1", "'2024-01-01'"]))
_FIELDS = {
    "title": _LABEL, "quadrant": st.sampled_from(["tools", "methods", "data", "Tools"]),
    "ring": st.sampled_from(["adopt", "trial", "hold", "assess", "adopted"]),
    "status": st.sampled_from(["active", "retired", "moved", "new", "accepted", "proposed",
                               "superseded", "rejected", "deprecated"]),
    "tags": _LIST, "related": _LIST, "decisions": _LIST, "former_ids": _LIST, "blips": _LIST,
    "supersedes": _LIST, "superseded_by": _LIST, "reviewed": _DAY, "date": _DAY,
    "deciders": st.lists(_LABEL, max_size=3).map(lambda xs: f"[{', '.join(xs)}]"),
}



def _flow(*ids: str) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(ids), unique=True, max_size=2).map(
        lambda xs: f"[{', '.join(xs)}]")


_VALID = {  # values that pass the schema: the rules after it get to run
    "title": _LABEL, "quadrant": st.sampled_from(["tools", "methods"]),
    "ring": st.sampled_from(["adopt", "trial", "hold"]), "status": st.just("active"),
    "tags": _flow("python", "testing"), "related": _flow("alpha", "beta", "gone"),
    "decisions": _flow("0001-choose-alpha", "0002-other", "0009-gone"),
    "former_ids": _flow("old", "alpha", "beta"), "reviewed": st.dates().map(str),
    "date": st.dates().map(str), "deciders": st.just("[Team]"),
    "blips": _flow("alpha", "beta", "gone"), "supersedes": _flow("0001-choose-alpha"),
    "superseded_by": _flow("0002-other", "0001-choose-alpha"),
}


_VALID_ADR = {**_VALID, "status": st.sampled_from(["accepted", "proposed", "superseded"])}


@st.composite
def front_matter(draw: st.DrawFn, keys: list[str], valid: dict[str, st.SearchStrategy[str]]
                 ) -> str:
    """The known keys, most of them, with values of the right kind; then sometimes one
    broken (any YAML at all) and some unknown keys, in any order."""
    chosen = [k for k in keys if draw(st.integers(0, 9)) < 9]
    values = {key: draw(_FIELDS[key] if draw(st.integers(0, 4)) == 4 else valid[key])
              for key in chosen}
    for _ in range(draw(st.sampled_from([0, 0, 1, 2]))):
        values[draw(st.sampled_from(keys))] = draw(_VALUE)
    lines = [f"{key}: {value}{draw(_COMMENT)}" for key, value in values.items()]
    lines += [f"{draw(_KEYS)}: {draw(_VALUE)}" for _ in range(draw(st.sampled_from([0, 0, 1])))]
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
_FENCES = ["--- \n", "---\r\n", "\ufeff---\n", "", "---"]  # sometimes, instead of "---\n"
_CLOSES = ["\n...\n", "\n", "\n---", "\n--- x\n", "\n---\n---\n"]  # instead of "\n---\n"


def _rarely(draw: st.DrawFn, usual: str, others: list[str]) -> str:
    return draw(st.sampled_from(others)) if draw(st.integers(0, 9)) == 9 else usual


@st.composite
def document(draw: st.DrawFn, keys: list[str],
             valid: dict[str, st.SearchStrategy[str]] = _VALID) -> bytes:
    text = (_rarely(draw, "---\n", _FENCES) + draw(front_matter(keys, valid))
            + _rarely(draw, "\n---\n", _CLOSES) + draw(_BODY))
    data = text.encode("utf-8")
    if draw(st.integers(0, 9)) == 9:  # sometimes bytes no editor would save
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from([b"\xff", b"\x00", b"\r", b"\xc3"])) + data[at:]
    return data


_ENTRY = st.builds(lambda i, label, former, text: (
    f"{{id: {i}, label: {label}" + (f", former_ids: [{former}]" if former else "")
    + (f", description: {text}" if text else "") + "}"),
    _ID, _LABEL, st.one_of(st.just(""), _ID), st.one_of(st.just(""), _LABEL))
_SECTION = st.builds(lambda i, heading, required: f"{{id: {i}, heading: {heading}, "
                     f"required: {required}}}", _ID, _LABEL, st.sampled_from(["true", "false"]))


def _block(items: list[str]) -> str:
    return "".join(f"\n  - {item}" for item in items) or "[]"


def _mapping(items: dict[str, str]) -> str:
    return "".join(f"\n  {key}: {value}" for key, value in items.items()) or "{}"


@st.composite
def config(draw: st.DrawFn) -> bytes:
    """A config valid in most of its fields, then sometimes broken in one of them."""
    fields = {
        "title": _LABEL, "quadrants": st.lists(_ENTRY, min_size=1, max_size=5).map(_block),
        "rings": st.lists(_ENTRY, min_size=1, max_size=5).map(_block),
        "blip_sections": st.lists(_SECTION, max_size=5).map(_block),
        "adr_sections": st.lists(_SECTION, max_size=5).map(_block),
        "adr_min_options": st.integers(0, 20).map(str),
        "decision_rings": st.lists(_ID, max_size=3).map(lambda xs: f"[{', '.join(xs)}]"),
        "tags": st.lists(_ID, max_size=5).map(lambda xs: f"[{', '.join(xs)}]"),
        "language": st.sampled_from(["en", "fr", "pt-BR", "x"]),
        "edition_tag": st.sampled_from(["edition-*", "v*", "'*'", "release/[0-9]*"]),
        "rules": st.dictionaries(st.sampled_from(sorted(REGISTRY)),
                                 st.sampled_from(["error", "warning", "disable"]), max_size=4)
        .map(_mapping),
        "labels": st.dictionaries(st.sampled_from(["radar", "ring", "from", "edit", "legend"]),
                                  _LABEL, max_size=3).map(_mapping),
        "description": _LABEL,
    }
    keys = ["title", "quadrants", "rings"]
    keys += draw(st.lists(st.sampled_from(sorted(set(fields) - set(keys))), unique=True))
    values = {key: draw(fields[key]) for key in keys}
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):
        values[draw(st.sampled_from([*keys, "extra"]))] = draw(_VALUE)  # broken: any YAML
    lines = [f"{key}: {value}" for key, value in values.items()]
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
@given(record=document(_ADR_KEYS, _VALID_ADR), other=document(_ADR_KEYS, _VALID_ADR))
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
