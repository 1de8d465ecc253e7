"""Work grows linearly with input, whatever the input: doubling it at most doubles the work.

Work is counted, never timed: function calls (a profiler hook) plus the steps the YAML
reader and the Markdown scanner report for what they do inside C code. The shapes are
generated: nesting of every kind, long lines, many keys, long lists, many links,
headings and fences in bodies, huge single values, and radars of many such files.
"""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from radar_as_code.core import markdown, yamlread
from radar_as_code.core.load import load
from radar_as_code.lint import checking
from workcount import BASE_FILES, MemoryReader, calls

SMALL = 150
LINEAR = settings(max_examples=30, deadline=None, derandomize=True)

# A nesting shape is a few openers repeated: `tags: {a: [{a: [ ... ]}]}`.
_OPENERS = {"{a: ": "}", "[": "]", "{": "}", "[{a: ": "}]", "{a: [": "]}", "? ": "",
            "- ": "", "[? ": "]", "{? ": "}", "- [": "]", "&a [": "]", "!t {a: ": "}"}
_LEAVES = st.sampled_from(["x", "", "1", "*a", "'q'", "no", "[x, y]", "{k: v}"])
# A wide shape is one unit repeated: `related: [a, a, a, ...]`.
_WIDE = st.sampled_from([
    ("tags: [", "x, ", "x]\n"), ("tags:\n", "  - x\n", ""), ("", "k{n:05d}: v\n", ""),
    ("", "a: 1\n", ""), ("title: ", "x", "\n"), ("title: '", "x''", "'\n"),
    ("title: |\n", "  line\n", ""), ("title: >\n", "  word word\n", ""),
    ("", "a{n:05d}: &x{n:05d} 1\n", ""), ("tags: {", "k{n:05d}: v, ", "}\n"),
    ("", "# comment\n", ""),
    ("", "# comment\n", ""), ("title: \"", "\\u00e9", "\"\n"), ("", "? k{n:05d}\n: v\n", ""),
    ("", "k{n:05d}: 0777\n", ""),
])


def _most_double(work: Callable[[int], int], small_n: int = SMALL) -> None:
    """Twice the units, at most twice the work. (Problems are sorted by a key function:
    one call each; the comparisons of the sort run in C, unseen, n log n.)"""
    small, big = work(small_n), work(2 * small_n)
    bound = 2 * small
    assert big <= bound, f"work {small} for {small_n} units but {big} for {2 * small_n}"


def _reader_work(text: str) -> int:
    found: list[yamlread.YamlDoc] = []
    count = calls(lambda: found.append(yamlread.read("radar/x.md", text, 2)))
    return count + found[0].steps


@LINEAR
@given(openers=st.lists(st.sampled_from(sorted(_OPENERS)), min_size=1, max_size=3),
       leaf=_LEAVES)
def test_yaml_nesting_is_linear(openers: list[str], leaf: str) -> None:
    def work(n: int) -> int:
        opened = "".join(openers) * n
        closed = "".join(_OPENERS[o] for o in reversed(openers)) * n
        return _reader_work(f"title: T\ntags: {opened}{leaf}{closed}\nring: x\n")

    _most_double(work)


@LINEAR
@given(shape=_WIDE)
def test_yaml_width_is_linear(shape: tuple[str, str, str]) -> None:
    head, unit, tail = shape

    def work(n: int) -> int:
        return _reader_work(head + "".join(unit.format(n=i) for i in range(n)) + tail)

    _most_double(work)


_BODY_UNITS = ["# Title\n", "## Section\n\nText.\n", "### Option\n", "Text\n===\n",
               "Text\n---\n", "```\ncode\n", "~~~\n", "    indented\n", "- item\n",
               "[a](b.md) ", "[a](b.md)\n", "![i](<c d.png> 't')", "[r]: x.md\n", "](", "`",
               "``", "\\[", "[", "]", "[x](a \"", "[x](<", "(", "[x](y(z)", "# a ", " #",
               "\t", "text ", "[a [b] c](d)", "[a](b)[c]", "<", "'"]


@LINEAR
@given(units=st.lists(st.sampled_from(_BODY_UNITS), min_size=1, max_size=4),
       newline=st.booleans())
def test_markdown_scan_is_linear(units: list[str], newline: bool) -> None:
    unit = "".join(units) + ("\n" if newline else "")

    def work(n: int) -> int:
        found: list[markdown.Body] = []
        count = calls(lambda: found.append(markdown.scan(unit * n, 5)))
        return count + found[0].steps

    _most_double(work)


# Radars of many files: what each rule does per file must not depend on the others.
_BLIP = ("---\ntitle: {title}\nquadrant: tools\nring: trial\nreviewed: 2026-01-15\n"
         "{extra}---\n\n## Context\n\n{text}\n\n## Decision\n\nTrial it.\n")
_FILES = st.sampled_from([
    ("radar/b{n:05d}.md", {"title": "B{n:05d}", "extra": "", "text": "[x](../docs/gone-{n:05d}/)"}),
    ("radar/f{n:05d}/same.md", {"title": "S{n:05d}", "extra": "", "text": "Same id."}),
    ("radar/r{n:05d}.md", {"title": "R{n:05d}", "extra": "related: [missing-{n:05d}, alpha]\n",
                       "text": "Text."}),
    ("radar/t{n:05d}.md", {"title": "Same title", "extra": "", "text": "Text."}),
    ("radar/u{n:05d}.md", {"title": "U{n:05d}", "extra": "rnig: adopt\nstatus: moved\n",
                       "text": "Text."}),
    ("radar/x{n:05d}.md", {"title": "X{n:05d}", "extra": "former_ids: [gone]\n", "text": "Text."}),
    ("adr/{n:04d}-d.md", {"title": "D{n:05d}", "extra": "", "text": "[a](../radar/alpha.md)"}),
    ("adr/0001-dup-{n:05d}.md", {"title": "D{n:05d}", "extra": "", "text": "Text."}),
])


@settings(max_examples=12, deadline=None, derandomize=True)
@given(kinds=st.lists(_FILES, min_size=1, max_size=2, unique_by=lambda k: k[0]))
def test_check_of_many_files_is_linear(
        kinds: list[tuple[str, dict[str, str]]]) -> None:
    def work(n: int) -> int:
        files = dict(BASE_FILES)
        for path, fields in kinds:
            for i in range(n):
                values = {k: v.format(n=i) for k, v in fields.items()}
                files[path.format(n=i)] = _BLIP.format(**values).encode()
        reader = MemoryReader(files)
        return calls(lambda: checking.problems(load(reader)))

    _most_double(work, 60)


@LINEAR
@given(unit=st.sampled_from(["k{n:05d}: v\n", "tags: [{n:05d}]\n", "ring: '{n:05d}'\n"]))
def test_check_of_one_big_file_is_linear(unit: str) -> None:
    def work(n: int) -> int:
        files = dict(BASE_FILES)
        keys = "".join(unit.format(n=i) for i in range(n))
        files["radar/big.md"] = _BLIP.format(title="Big", extra=keys, text="T.").encode()
        reader = MemoryReader(files)
        return calls(lambda: checking.problems(load(reader)))

    _most_double(work)


_CONFIG = ("title: T\nquadrants: [{id: tools, label: Tools}, {id: methods, label: M}]\n"
           "rings: [{id: adopt, label: A}, {id: trial, label: T}, {id: hold, label: H}]\n")


@settings(max_examples=4, deadline=None, derandomize=True)
@given(key=st.sampled_from(["blip_sections", "adr_sections", "rules", "tags"]))
def test_config_and_files_growing_together_is_linear(key: str) -> None:
    """A config of n sections (or rules, or tags) and n files: no rule may look at every
    entry of the config for every file."""
    def work(n: int) -> int:
        files = dict(BASE_FILES)
        entries = {"blip_sections": "  - {{id: s{n:05d}, heading: S{n:05d}, required: false}}\n",
                   "adr_sections": "  - {{id: s{n:05d}, heading: S{n:05d}, required: false}}\n",
                   "rules": "  r{n:05d}: warning\n", "tags": "  - t{n:05d}\n"}[key]
        config = (_CONFIG + f"{key}:\n" + "".join(entries.format(n=i) for i in range(n)))
        files["radar/radar.yml"] = config.encode()
        for i in range(n):  # tags that are not in the vocabulary, or not even ids
            files[f"radar/b{i:05d}.md"] = _BLIP.format(
                title=f"B{i}", extra="tags: [zz-unknown, Bad_Tag, t-99999]\n",
                text="Text.").encode()
        reader = MemoryReader(files)
        return calls(lambda: checking.problems(load(reader)))

    _most_double(work, 60)


@settings(max_examples=15, deadline=None, derandomize=True)
@given(units=st.lists(st.sampled_from([*_BODY_UNITS, "TODO ", "**Trial.** ", "<b>x</b> ",
                                       "<!-- c -->", "\n## Decision\n\n"]),
                      min_size=1, max_size=3))
def test_check_of_one_big_body_is_linear(units: list[str]) -> None:
    """The rules that read bodies (links, sections, unfinished text, the stated ring) on one
    body of many units."""
    unit = "".join(units)

    def work(n: int) -> int:
        files = dict(BASE_FILES)
        files["radar/big.md"] = _BLIP.format(title="Big", extra="", text=unit * n).encode()
        reader = MemoryReader(files)
        return calls(lambda: checking.problems(load(reader)))

    _most_double(work)
