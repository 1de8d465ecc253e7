"""Read untrusted YAML safely, with the position of every value.

Built on libyaml's event stream (PyYAML's C parser), never on a constructor: no tags,
no anchors or aliases (no alias bombs), no complex keys, bounded nesting, duplicate
keys reported. Plain scalars are resolved with the YAML 1.2 core schema; values that
YAML 1.1 tools read differently (``no``, ``on``, ``0777``, ``1:30``) are reported so
that every reader of the file agrees on what it says. See tools/decisions/0001.

The first structural limit hit (nesting, too many problems, a second document) stops
reading: libyaml's scanner does work in proportion to the open flow collections for
every token, so reading on past the nesting limit would take quadratic time.
``YamlDoc.steps`` counts the work (each event charged one plus its depth) for the tests
and the benchmark; see tools/decisions/0030.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev

from radar_as_code.core.problem import Problem

RULE = "yaml"
__all__ = ["RULE", "Parser", "YamlDoc", "read"]
MAX_DEPTH = 16
MAX_DIGITS = 30
MAX_PROBLEMS = 50  # per document: past this, reading stops

Loc = tuple[str | int, ...]
Pos = tuple[int, int]

try:  # libyaml's parser ships in PyYAML's wheels; the pure one is the fallback.
    from yaml._yaml import CParser as Parser
except ImportError:  # pragma: no cover
    from yaml import BaseLoader as Parser  # type: ignore[assignment]

_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_WORDS = frozenset({"null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
                    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On",
                    "ON", "off", "Off", "OFF"})
_YAML11_BOOL = re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_OTHER = re.compile(r"^(?:0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"),
                  ".nan": float("nan")}
_YAML11_NUMBER = re.compile(r"^(?:[-+]?0[0-9_]+|[-+]?0b[01_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+"
                            r"|[-+]?[0-9][0-9_]*_[0-9_]*)$")


@dataclass
class YamlDoc:
    """A parsed YAML document: plain Python values plus where each one was written."""

    value: Any = None
    values: dict[Loc, Pos] = field(default_factory=dict)  # where each value starts
    keys: dict[Loc, Pos] = field(default_factory=dict)  # where each mapping key starts
    problems: list[Problem] = field(default_factory=list)
    steps: int = 0  # events read, each charged 1 + its nesting depth

    def position(self, loc: Loc, *, key: bool = False) -> Pos:
        """The best position for a location: itself, else its closest known parent."""
        table = self.keys if key else self.values
        while loc:
            if loc in table:
                return table[loc]
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))


class _Frame:
    __slots__ = ("container", "key", "key_pos", "loc")

    def __init__(self, container: dict[str, Any] | list[Any], loc: Loc) -> None:
        self.container = container
        self.loc = loc
        self.key: str | None = None
        self.key_pos: Pos = (0, 0)


class _Reader:
    def __init__(self, path: str, first_line: int) -> None:
        self.path = path
        self.first_line = first_line
        self.doc = YamlDoc()
        self.stack: list[_Frame] = []

    def pos(self, event: ev.Event) -> Pos:
        mark = event.start_mark
        if mark is None:  # pragma: no cover - libyaml marks every event
            return (self.first_line, 1)
        return (mark.line + self.first_line, mark.column + 1)

    def problem(self, pos: Pos, message: str) -> None:
        self.doc.problems.append(Problem(self.path, pos[0], pos[1], RULE, "error", message))

    def check_node(self, event: ev.NodeEvent) -> None:
        if event.anchor is not None:
            self.problem(self.pos(event),
                         f"anchors and aliases are not allowed (&{event.anchor}): "
                         "write the value out")
        tag = getattr(event, "tag", None)
        if tag is not None and not (isinstance(event, ev.ScalarEvent) and tag == "!"):
            self.problem(self.pos(event), f"YAML tags are not allowed ({tag})")

    def scalar(self, event: ev.ScalarEvent) -> Any:
        text: str = event.value
        if event.style or event.tag == "!":  # quoted or block scalars are text
            return text
        if text[:1].isalpha() and text not in _WORDS:
            return text  # the common case: plain text that is no keyword
        pos = self.pos(event)
        if text in _NULL:
            return None
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        if _YAML11_BOOL.match(text):
            self.problem(pos, f"'{text}' is a boolean to YAML 1.1 tools and a string to "
                              f"YAML 1.2 ones: write '\"{text}\"' for the text, or true/false")
            return text
        if _YAML11_NUMBER.match(text):
            self.problem(pos, f"'{text}' is read as a different number by YAML 1.1 tools: "
                              "quote it if it is text")
            return text
        if _INT.match(text) or _INT_OTHER.match(text):
            if len(text) > MAX_DIGITS:
                self.problem(pos, f"number with {len(text)} digits is too large")
                return text
            return int(text, 0) if _INT_OTHER.match(text) else int(text)
        if _FLOAT.match(text):
            if len(text) > MAX_DIGITS:
                self.problem(pos, f"number with {len(text)} characters is too large")
                return text
            return float(text)
        if text.lower() in _SPECIAL_FLOAT:
            return _SPECIAL_FLOAT[text.lower()]
        return text

    def add(self, value: Any, pos: Pos, *, is_scalar_key: bool) -> None:
        if not self.stack:
            self.doc.value = value
            self.doc.values[()] = pos
            return
        top = self.stack[-1]
        if isinstance(top.container, list):
            loc = (*top.loc, len(top.container))
            top.container.append(value)
            self.doc.values[loc] = pos
            return
        if top.key is None:  # this node is a key
            if not is_scalar_key:
                self.problem(pos, "complex mapping keys are not allowed: use a plain name")
                top.key, top.key_pos = "\x00complex", pos
                return
            key = str(value)
            if key in top.container:
                self.problem(pos, f"duplicate key '{key}': the first value is kept, "
                                  "remove the other")
                top.key, top.key_pos = "\x00duplicate", pos
                return
            top.key, top.key_pos = key, pos
            return
        key, top.key = top.key, None
        if key.startswith("\x00"):
            return
        loc = (*top.loc, key)
        top.container[key] = value
        self.doc.values[loc] = pos
        self.doc.keys[loc] = top.key_pos

    def feed(self, event: ev.Event) -> bool:
        """Take one event; False when reading must stop."""
        if type(event) is ev.ScalarEvent:  # the hot path: keep it short
            if event.anchor is not None or event.tag is not None:
                self.check_node(event)
            top = self.stack[-1] if self.stack else None
            is_key = top is not None and top.key is None and type(top.container) is dict
            value = event.value if is_key else self.scalar(event)
            self.add(value, self.pos(event), is_scalar_key=True)
        elif isinstance(event, ev.CollectionStartEvent):
            self.check_node(event)
            if len(self.stack) >= MAX_DEPTH:
                self.problem(self.pos(event), f"nesting deeper than {MAX_DEPTH} levels: "
                                              "stopped reading here")
                self.doc.value = None
                return False
            loc = self.stack[-1].loc if self.stack else ()
            top = self.stack[-1] if self.stack else None
            if top is not None:
                if isinstance(top.container, list):
                    loc = (*top.loc, len(top.container))
                elif top.key is not None:
                    loc = (*top.loc, top.key)
            container: dict[str, Any] | list[Any] = (
                {} if isinstance(event, ev.MappingStartEvent) else [])
            self.stack.append(_Frame(container, loc))
            self.doc.values.setdefault(loc, self.pos(event))
        elif isinstance(event, ev.CollectionEndEvent):
            frame = self.stack.pop()
            start = self.doc.values.get(frame.loc, (0, 0))
            self.add(frame.container, start, is_scalar_key=False)
        elif isinstance(event, ev.AliasEvent):
            self.problem(self.pos(event),
                         f"anchors and aliases are not allowed (*{event.anchor}): "
                         "write the value out")
            self.add(None, self.pos(event), is_scalar_key=True)
        elif isinstance(event, ev.DocumentStartEvent) and self.doc.values:
            self.problem(self.pos(event), "only one YAML document is allowed here")
            return False
        return True


def _walk(reader: _Reader, get: Callable[[], ev.Event | None]) -> None:
    """Feed every event to the reader; plain scalars inside collections, the bulk of
    any front matter, take an inlined path."""
    stack, doc, first = reader.stack, reader.doc, reader.first_line
    values, keys, problems = doc.values, doc.keys, doc.problems
    scalar_event = ev.ScalarEvent
    while (event := get()) is not None:
        doc.steps += 1 + len(stack)
        if type(event) is scalar_event and stack \
                and event.anchor is None and event.tag is None:
            top = stack[-1]
            mark = event.start_mark
            pos = (mark.line + first, mark.column + 1) if mark else (first, 1)
            container = top.container
            if isinstance(container, list):
                loc = (*top.loc, len(container))
                container.append(reader.scalar(event))
                values[loc] = pos
            elif top.key is None:
                if event.value in container:
                    reader.feed(event)  # a duplicate key: the slow path reports it
                else:
                    top.key, top.key_pos = event.value, pos
            else:
                key, top.key = top.key, None
                value = reader.scalar(event)
                if not key.startswith("\x00"):
                    loc = (*top.loc, key)
                    container[key] = value
                    values[loc] = pos
                    keys[loc] = top.key_pos
        elif not reader.feed(event) or type(event) is ev.StreamEndEvent:
            return
        if len(problems) >= MAX_PROBLEMS:
            reader.problem(reader.pos(event),
                           f"more than {MAX_PROBLEMS} problems: stopped reading this file")
            doc.value = None
            return


def read(path: str, text: str, first_line: int = 1) -> YamlDoc:
    """Parse ``text`` (which starts at ``first_line`` of ``path``) into a ``YamlDoc``."""
    reader = _Reader(path, first_line)
    loader = Parser(text)
    try:
        _walk(reader, loader.get_event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + first_line, mark.column + 1) if mark else (first_line, 1)
        what = exc.problem or exc.context or "invalid YAML"
        reader.doc.problems.append(Problem(path, line, col, RULE, "error", f"invalid YAML: {what}"))
        reader.doc.value = None
    except yaml.reader.ReaderError as exc:  # characters YAML does not allow
        before = text[: exc.position]
        line = before.count("\n") + first_line
        col = exc.position - (before.rfind("\n") + 1) + 1
        reader.doc.problems.append(Problem(
            path, line, col, RULE, "error",
            f"character U+{exc.character:04X} is not allowed in YAML ({exc.reason})"))
        reader.doc.value = None
    except yaml.YAMLError as exc:  # pragma: no cover - every libyaml error is marked
        reader.doc.problems.append(Problem(path, first_line, 1, RULE, "error",
                                           f"invalid YAML: {exc}"))
        reader.doc.value = None
    finally:
        loader.dispose()
    return reader.doc
