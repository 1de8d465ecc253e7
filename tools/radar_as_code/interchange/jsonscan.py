"""JSON sources with the line of each entry, so that every problem names its line.

Plain JSON only: ``NaN``, ``Infinity``, duplicate keys, numbers too long to convert and
nesting too deep to read are refused. The entries of a list (the file itself, or one key
of the top-level object) are decoded one by one, each with the line where it starts.
"""

from __future__ import annotations

import json
from typing import Any

from radar_as_code.interchange.records import Where, refuse
from radar_as_code.interchange.sources import MAX_ROWS

_SPACE = " \t\r\n"


class _Refused(ValueError):
    pass


def _constant(name: str) -> Any:
    raise _Refused(f"'{name}' is not a JSON value")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(f"the key '{key}' appears twice in one object")
        out[key] = value
    return out


_DECODER = json.JSONDecoder(parse_constant=_constant, object_pairs_hook=_pairs)


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _SPACE:
        pos += 1
    return pos


def _value(text: str, pos: int, where: Where) -> tuple[Any, int]:
    try:
        return _DECODER.raw_decode(text, pos)
    except json.JSONDecodeError as exc:
        raise refuse(Where(where.path, exc.lineno), f"not JSON ({exc.msg}, column {exc.colno})"
                     ) from None
    except _Refused as exc:
        raise refuse(Where(where.path, _line(text, pos)), f"not plain JSON: {exc}") from None
    except (ValueError, RecursionError) as exc:  # huge numbers, deep nesting
        kind = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise refuse(Where(where.path, _line(text, pos)), f"cannot be read as JSON ({kind})"
                     ) from None


def _expect(text: str, pos: int, chars: str, where: Where) -> int:
    pos = _skip(text, pos)
    if pos >= len(text) or text[pos] not in chars:
        found = repr(text[pos]) if pos < len(text) else "the end of the file"
        raise refuse(Where(where.path, _line(text, pos)),
                     f"not JSON (expected {' or '.join(repr(c) for c in chars)}, "
                     f"found {found})")
    return pos


def entries(text: str, pos: int, where: Where) -> tuple[list[tuple[int, Any]], int]:
    """The values of the list starting at ``pos`` with the line of each; the end."""
    pos = _expect(text, pos, "[", where) + 1
    out: list[tuple[int, Any]] = []
    line, counted = _line(text, pos), pos  # lines counted once, as the list is read
    if text[_skip(text, pos):_skip(text, pos) + 1] == "]":
        return out, _skip(text, pos) + 1
    while True:
        pos = _skip(text, pos)
        line += text.count("\n", counted, pos)
        counted = pos
        value, pos = _value(text, pos, where)
        out.append((line, value))
        if len(out) > MAX_ROWS:
            raise refuse(Where(where.path, line), f"more than {MAX_ROWS:,} entries in one file")
        pos = _expect(text, pos, ",]", where)
        if text[pos] == "]":
            return out, pos + 1
        pos += 1


def document(text: str, where: Where, key: str | None = None) -> tuple[Any, list[tuple[int, Any]]]:
    """The whole document, and the entries of the top-level list (or of ``key`` in the
    top-level object) with their lines."""
    start = _skip(text, 0)
    if text[start:start + 1] == "[":
        top, end = entries(text, start, where)
        _end(text, end, where)
        return [v for _, v in top], top
    if key is None or text[start:start + 1] != "{":
        value, end = _value(text, start, where)
        _end(text, end, where)
        return value, []
    pos = start + 1
    data: dict[str, Any] = {}
    listed: list[tuple[int, Any]] = []
    while True:
        pos = _skip(text, pos)
        if text[pos:pos + 1] == "}" and not data:
            break
        name, pos = _value(text, _expect(text, pos, '"', where), where)
        pos = _expect(text, pos, ":", where) + 1
        pos = _skip(text, pos)
        found: Any
        if name == key and text[pos:pos + 1] == "[":
            listed, pos = entries(text, pos, where)
            found = [v for _, v in listed]
        else:
            found, pos = _value(text, pos, where)
        if name in data:
            raise refuse(Where(where.path, _line(text, pos)),
                         f"not plain JSON: the key '{name}' appears twice in one object")
        data[name] = found
        pos = _expect(text, pos, ",}", where)
        if text[pos] == "}":
            break
        pos += 1
    _end(text, pos + 1, where)
    return data, listed


def _end(text: str, pos: int, where: Where) -> None:
    pos = _skip(text, pos)
    if pos < len(text):
        raise refuse(Where(where.path, _line(text, pos)), "not JSON (extra data after the end)")
