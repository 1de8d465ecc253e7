"""Edit front-matter values in place, changing exactly the bytes of those values.

A file is edited as text: libyaml's events give the character span of each top-level
value, and only that span is replaced. Comments, quoting, key order, line endings, a BOM
and the final newline all stay as they were. Every edit is checked by the callers, who
parse the result before it replaces the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml
from yaml import events as ev

from radar_as_code.core.yamlread import Parser
from radar_as_code.errors import RadarError

# Values written unquoted: words, ids and dates, which every YAML reader reads as text.
_PLAIN_SAFE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9 ._/-]*[A-Za-z0-9._/-]|[A-Za-z]|"
                         r"[0-9]{4}-[0-9]{2}-[0-9]{2}|[a-z0-9]*[a-z][a-z0-9]*(?:-[a-z0-9]+)+|"
                         r"[0-9]+(?:-[a-z0-9]+)*-[a-z][a-z0-9-]*)$")
_OPENING = re.compile(r"\A(\ufeff?)---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)


class EditError(RadarError):
    """The file cannot be edited safely (no front matter, unexpected shape...)."""


@dataclass
class Value:
    start: int  # character offsets in the whole text
    end: int
    kind: str  # "scalar", "flow-seq", "block-seq", "map"
    style: str | None = None  # scalar quoting: None (plain), "'" or '"'
    items: list[Value] = field(default_factory=list)  # scalar items of a sequence
    text: str = ""  # a scalar's value


@dataclass
class Entry:
    key: str
    line_start: int  # offset of the start of the key's line
    value: Value


@dataclass
class FrontMatter:
    text: str
    start: int  # offset of the YAML text
    end: int  # offset just after the YAML text (start of the closing line)
    newline: str
    entries: dict[str, Entry]


def scan(text: str) -> FrontMatter:
    """The top-level keys of a file's front matter with the spans of their values."""
    opening = _OPENING.match(text)
    if not opening:
        raise EditError("the file does not start with front matter")
    closing = _CLOSING.search(text, opening.end())
    if not closing:
        raise EditError("the front matter is never closed")
    start, end = opening.end(), closing.start()
    newline = "\r\n" if "\r\n" in text[:end] else "\n"
    loader = Parser(text[start:end])
    entries: dict[str, Entry] = {}
    depth = 0
    key: tuple[str, int] | None = None
    current: Value | None = None
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, ev.StreamEndEvent):
                break
            if isinstance(event, (ev.StreamStartEvent, ev.DocumentStartEvent,
                                  ev.DocumentEndEvent)):
                continue
            s = start + event.start_mark.index if event.start_mark else start
            e = start + event.end_mark.index if event.end_mark else start
            if isinstance(event, ev.AliasEvent):
                raise EditError("aliases in front matter: fix the file first (radar check)")
            if isinstance(event, ev.CollectionStartEvent):
                depth += 1
                if depth == 2 and key is not None:
                    flow = bool(event.flow_style)
                    if isinstance(event, ev.SequenceStartEvent):
                        current = Value(s, e, "flow-seq" if flow else "block-seq")
                    else:
                        current = Value(s, e, "map")
                continue
            if isinstance(event, ev.CollectionEndEvent):
                depth -= 1
                if depth == 1 and key is not None and current is not None:
                    current.end = e
                    entries[key[0]] = Entry(key[0], key[1], current)
                    key, current = None, None
                continue
            if isinstance(event, ev.ScalarEvent):
                if depth == 1:
                    if key is None:
                        key = (event.value, text.rfind("\n", 0, s) + 1)
                    else:
                        value = Value(s, e, "scalar", event.style or None, text=event.value)
                        entries[key[0]] = Entry(key[0], key[1], value)
                        key = None
                elif depth == 2 and current is not None and current.kind != "map":
                    current.items.append(Value(s, e, "scalar", event.style or None,
                                               text=event.value))
    except yaml.YAMLError as exc:  # the file must be valid before it is edited
        raise EditError(f"the front matter is not valid YAML: {exc}") from None
    finally:
        loader.dispose()
    return FrontMatter(text, start, end, newline, entries)


def token(value: str, style: str | None = None) -> str:
    """A YAML scalar for ``value``, in the given quoting style when possible."""
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    if style == '"' or not _PLAIN_SAFE.match(value) or value.lower() in (
            "yes", "no", "on", "off", "true", "false", "null", "y", "n"):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def set_scalar(text: str, key: str, value: str, *, after: str | None = None) -> str:
    """Set a top-level scalar; a missing key is added after ``after`` (or at the end)."""
    fm = scan(text)
    entry = fm.entries.get(key)
    if entry is not None:
        if entry.value.kind != "scalar":
            raise EditError(f"'{key}' is not a single value")
        return _replace(text, entry.value.start, entry.value.end,
                        token(value, entry.value.style))
    line = f"{key}: {token(value)}{fm.newline}"
    anchor = fm.entries.get(after) if after else None
    if anchor is not None:
        at = text.find(fm.newline, anchor.value.end)
        at = fm.end if at < 0 or at > fm.end else at + len(fm.newline)
    else:
        at = fm.end
    return text[:at] + line + text[at:]


def list_append(text: str, key: str, item: str) -> str:
    """Add an item to a top-level list (created, in flow style, if missing)."""
    fm = scan(text)
    entry = fm.entries.get(key)
    if entry is None:
        return text[:fm.end] + f"{key}: [{token(item)}]{fm.newline}" + text[fm.end:]
    value = entry.value
    if value.kind == "scalar" and value.text == "" and value.style is None:
        return _replace(text, value.start, value.end, f"[{token(item)}]")  # "key:" (null)
    if value.kind == "flow-seq":
        if value.items:
            last = value.items[-1]
            return _replace(text, last.end, last.end, f", {token(item)}")
        close = text.rindex("]", value.start, value.end)
        return _replace(text, close, close, token(item))
    if value.kind == "block-seq" and value.items:
        last = value.items[-1]
        line_start = text.rfind("\n", 0, last.start) + 1
        prefix = text[line_start:last.start]  # indentation and "- "
        if prefix.strip() != "-":
            raise EditError(f"cannot add to '{key}': unusual list layout")
        end_of_line = text.find(fm.newline, last.end)
        at = (end_of_line if end_of_line >= 0 else fm.end) + len(fm.newline)
        return text[:at] + f"{prefix}{token(item)}{fm.newline}" + text[at:]
    raise EditError(f"'{key}' is not a list")


def list_replace(text: str, key: str, old: str, new: str | None) -> str:
    """Replace (or, with ``new`` None, remove from a flow list) every item ``old``."""
    fm = scan(text)
    entry = fm.entries.get(key)
    if entry is None or entry.value.kind not in ("flow-seq", "block-seq"):
        return text
    for item in reversed(entry.value.items):
        if item.text != old:
            continue
        if new is not None:
            text = _replace(text, item.start, item.end, token(new, item.style))
        elif entry.value.kind == "flow-seq":
            items = entry.value.items
            index = items.index(item)
            if len(items) == 1:
                text = _replace(text, item.start, item.end, "")
            elif index == 0:
                text = _replace(text, item.start, items[1].start, "")
            else:
                text = _replace(text, items[index - 1].end, item.end, "")
        else:
            line_start = text.rfind("\n", 0, item.start) + 1
            line_end = text.find("\n", item.end)
            text = text[:line_start] + text[line_end + 1 if line_end >= 0 else len(text):]
    return text


def replace_at(text: str, line: int, col: int, old: str, new: str) -> str:
    """Replace ``old`` found at a 1-based line and column (as the linter reports them)."""
    lines = text.split("\n")
    row = lines[line - 1]
    start = col - 1 + (1 if row[col - 1:col] == "<" else 0)
    if row[start:start + len(old)] != old:
        raise EditError(f"line {line} changed while it was being edited")
    lines[line - 1] = row[:start] + new + row[start + len(old):]
    return "\n".join(lines)
