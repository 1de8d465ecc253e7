"""Front matter and config match their schema.

Every key must be known (a typo such as ``rnig:`` is an error, never silently dropped),
every value must have the right type, required values must be present and not empty,
statuses come from the fixed lists, dates are real dates written ``YYYY-MM-DD``, and
titles are one line of plain text. The JSON Schema of each file kind is generated from
the same models (``radar schema``).

Fails:

```yaml
title: Polars
quadrant: data
rnig: adopt          # unknown key 'rnig' (did you mean 'ring'?)
reviewed: 2024-02-30 # not a real date
tags: python         # must be a list
```
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from pydantic_core import ValidationError

from radar_as_code.core.frozen import Frozen
from radar_as_code.core.problem import Level, Problem
from radar_as_code.core.tally import PER_FILE
from radar_as_code.core.yamlread import YamlDoc

ID = "schema"
LEVEL: Level = "error"
CONFIGURABLE = False

M = TypeVar("M", bound=Frozen)

_ID_HINT = "use lower-case letters and digits in words joined by single hyphens"


def _where(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _message(model: type[Frozen], error: Any, *, hint: bool = True) -> str:
    kind = error["type"]
    loc = tuple(error["loc"])
    where = _where(loc)
    value = error.get("input")
    if kind == "extra_forbidden":
        key = str(loc[-1])
        import difflib  # only for a hint, with the pydantic model (see _fields)

        close = difflib.get_close_matches(key, list(_fields(model, loc[:-1])), n=1) \
            if hint else []
        return f"unknown key '{key}'" + (f" (did you mean '{close[0]}'?)" if close else "")
    if kind == "missing":
        return f"required key '{where}' is missing"
    if kind == "string_pattern_mismatch":
        if "[0-9]{4}" in error["ctx"]["pattern"]:
            return f"{where}: '{value}' is not a decision-record id (NNNN-slug)"
        if "day|week" in error["ctx"]["pattern"]:
            return f"{where}: '{value}' is not a period: a number and days, weeks, months " \
                "or years ('12 months')"
        if "[a-z0-9]+" in error["ctx"]["pattern"]:
            return f"{where}: '{value}' is not a valid id: {_ID_HINT}"
        return f"{where}: '{value}' does not have the expected form"
    if kind == "literal_error":
        return f"{where}: {value!r} is not allowed; expected {error['ctx']['expected']}"
    if kind in ("tuple_type", "list_type"):
        return f"{where}: must be a list, not {type(value).__name__}"
    if kind == "string_type":
        shown = "an empty value" if value is None else f"{type(value).__name__} {value!r}"
        return f"{where}: must be text, not {shown} (quote it)"
    if kind in ("model_type", "dict_type"):
        return f"{where}: must be a mapping of keys to values"
    if kind in ("int_type", "int_parsing"):
        return f"{where}: must be a whole number, not {value!r}"
    if kind == "bool_type":
        return f"{where}: must be true or false, not {value!r}"
    if kind == "value_error":
        message = error["msg"].removeprefix("Value error, ")
        return f"{where}: {message}" if where else message
    if kind == "too_short" and value is not None and len(value) == 0:
        return f"{where}: must not be empty"
    limit = error.get("ctx") or {}
    if kind == "string_too_long":
        return f"{where}: longer than {limit.get('max_length')} characters ({len(value)})"
    if kind == "too_long":
        return f"{where}: more than {limit.get('max_length')} entries ({len(value)})"
    if kind == "too_short":
        return f"{where}: fewer than {limit.get('min_length')} entries"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = limit.get("ge", limit.get("le"))
        return f"{where}: must be at {'least' if kind[0] == 'g' else 'most'} {bound}, " \
            f"not {value!r}"
    return f"{where}: {error['msg']}" if where else error["msg"]


def _fields(model: type[Frozen], loc: tuple[str | int, ...]) -> list[str]:
    """The keys known where ``loc`` points (from the pydantic model: a hint is worth its
    import only when a key is unknown)."""
    from pydantic import BaseModel

    from radar_as_code.core.spec import pydantic_model

    current: Any = pydantic_model(model)
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        annotation = field.annotation
        args = getattr(annotation, "__args__", ())
        current = next((a for a in args if isinstance(a, type) and issubclass(a, BaseModel)),
                       annotation)
    return list(getattr(current, "model_fields", {}))


_TWICE = {"quadrant": "quadrants", "ring": "rings", "blip section": "blip_sections",
          "decision-record section": "adr_sections", "tag": "tags"}


def _twice(error: Any, data: Any) -> tuple[str | int, ...]:
    """Where an id listed twice in the config is listed the second time (the model's
    check names the value, not its place)."""
    found = re.match(r"^Value error, (.+) '(.*)' is listed twice$", str(error.get("msg", "")))
    key = _TWICE.get(found.group(1)) if found else None
    entries = data.get(key) if key and isinstance(data, dict) else None
    if not found or key is None or not isinstance(entries, list):
        return ()
    ids = [e.get("id") if isinstance(e, dict) else e for e in entries]
    repeated = [i for i, value in enumerate(ids) if value == found.group(2)]
    return (key, repeated[1]) if len(repeated) > 1 else (key,)


def validate(model: type[M], data: Any, doc: YamlDoc, path: str) -> tuple[M | None, list[Problem]]:
    """Validate ``data`` read from ``doc``; problems point at the offending key or value."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        problems = []
        for number, error in enumerate(exc.errors(include_url=False)):
            loc = tuple(error["loc"])
            on_key = error["type"] in ("extra_forbidden",)
            if error["type"] == "missing":
                line, col = doc.position(loc[:-1])
            else:
                line, col = doc.position(loc or _twice(error, data), key=on_key)
            # Hints only for what is shown: past the report's cap they would cost time
            # (a close-match search each) and never be read.
            problems.append(Problem(path, line, col, ID, LEVEL,
                                    _message(model, error, hint=number < PER_FILE)))
        return None, problems
