"""The pydantic models of ``core/model.py``, built from its annotations, and the core
schemas generated from them ahead of time (``core/model_schema.py``).

Only what needs pydantic itself imports this module: the JSON Schemas (`radar schema`),
the hints of schema problems and the generator. Each model class of ``core/model.py``
becomes a pydantic model with the same fields, defaults, constraints and docstring; its
core schema, with the classes, functions and defaults it names written as names of
``core/model.py``, is what the radar validates with at run time. `make schema`
regenerates them after a change to the models (tests/test_model_schema.py fails until
then).
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from radar_as_code.core import model
from radar_as_code.core.frozen import Frozen

Id = Annotated[str, Field(pattern=model.ID_PATTERN, max_length=80)]
AdrId = Annotated[str, Field(pattern=model.ADR_ID_PATTERN, max_length=90)]
Line = Annotated[str, Field(max_length=200), AfterValidator(model._one_line)]
Day = Annotated[date, BeforeValidator(model._day)]


def _ids(kind: str) -> Any:
    return Field(strict=False, max_length=200, description=kind)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


MODELS: tuple[type[Frozen], ...] = tuple(
    value for value in vars(model).values()
    if isinstance(value, type) and issubclass(value, Frozen) and value is not Frozen)


def _spec_value(value: Any) -> Any:
    """A default as the pydantic model holds it (its own instances, not the plain ones)."""
    if isinstance(value, Frozen):
        return pydantic_model(type(value)).model_validate(value.__dict__)
    if isinstance(value, tuple):
        return tuple(_spec_value(v) for v in value)
    return value


_BUILT: dict[str, type[BaseModel]] = {}


def pydantic_model(cls: type[Frozen]) -> type[BaseModel]:
    """The pydantic model of one of ``core/model.py``'s classes."""
    if cls.__name__ not in _BUILT:
        _BUILT[cls.__name__] = _build(cls)
    return _BUILT[cls.__name__]


def _build(cls: type[Frozen]) -> type[BaseModel]:
    names = {**vars(model), "Id": Id, "AdrId": AdrId, "Line": Line, "Day": Day,
             "Field": Field, "Annotated": Annotated, "_ids": _ids}
    names.update({m.__name__: pydantic_model(m) for m in MODELS[:MODELS.index(cls)]})
    annotations = {name: eval(text, names)  # noqa: S307 - our own source's annotations
                   for name, text in cls.__annotations__.items()
                   if not text.startswith("ClassVar")}
    body: dict[str, Any] = {"__annotations__": annotations, "__doc__": cls.__doc__,
                            "__module__": __name__, "__qualname__": cls.__qualname__}
    body.update({name: _spec_value(vars(cls)[name]) for name in annotations
                 if name in vars(cls)})
    if cls.pydantic_config:
        body["model_config"] = ConfigDict(extra="forbid", frozen=True, strict=True,
                                          **cls.pydantic_config)  # type: ignore[typeddict-item]
    for name in cls.after:
        body[name] = model_validator(mode="after")(vars(cls)[name])
    built: type[BaseModel] = type(cls.__name__, (_Strict,), body)
    return built


def _source(value: Any, named: dict[int, str], refs: dict[str, str], indent: str = "") -> str:
    """Python source for a core schema value: what it names written as ``m.<name>``."""
    inner = indent + "    "
    if isinstance(value, dict):
        items = [f"{inner}{k!r}: " + _source(refs.get(v, v) if k in ("ref", "schema_ref") else v,
                                              named, refs, inner) + ",\n"
                 for k, v in value.items() if k != "metadata"]
        return "{\n" + "".join(items) + indent + "}"
    if isinstance(value, list):
        return "[\n" + "".join(f"{inner}{_source(v, named, refs, inner)},\n"
                                for v in value) + indent + "]"
    if id(value) in named:
        return f"m.{named[id(value)]}"
    if isinstance(value, tuple):
        return "(" + "".join(f"{_source(v, named, refs, indent)}, " for v in value) + ")"
    if value is dict:
        return "dict"
    if isinstance(value, str | int | float | bool) or value is None:
        return repr(value)
    raise ValueError(f"no source for {value!r} in a core schema")  # pragma: no cover


def _names() -> dict[int, str]:
    """What a core schema may name, by identity: the models (plain and pydantic), the
    validators and the defaults of ``core/model.py``."""
    named: dict[int, str] = {}
    for name, value in vars(model).items():
        if callable(value) or isinstance(value, tuple):
            named[id(value)] = name
    for cls in MODELS:
        spec = pydantic_model(cls)
        named[id(spec)] = cls.__name__
        for name in cls.__annotations__:
            default = spec.model_fields[name].default if name in spec.model_fields else None
            if isinstance(default, tuple) and default and isinstance(default[0], BaseModel):
                named[id(default)] = next(k for k, v in vars(model).items()
                                          if v is vars(cls)[name])
        for name in cls.after:
            named[id(vars(cls)[name])] = f"{cls.__name__}.{name}"
    return named


def _refs(value: Any, refs: dict[str, str]) -> None:
    """Stable names for the schema's references (pydantic's hold object ids)."""
    if isinstance(value, dict):
        if "ref" in value and value["ref"] not in refs:
            refs[value["ref"]] = value["ref"].split(":")[0].rsplit(".", 1)[-1]
        for item in value.values():
            _refs(item, refs)
    elif isinstance(value, list | tuple):
        for item in value:
            _refs(item, refs)


def generate() -> str:
    named = _names()
    out = ['"""Core schemas of the models of core/model.py, generated by core/spec.py: do '
           'not edit."""\n\n# ruff: noqa: E501\nfrom __future__ import annotations\n\n'
           "from typing import Any\n\nfrom radar_as_code.core import model as m\n\n\n"
           "def schema(name: str) -> Any:\n    return _SCHEMAS[name]()\n"]
    functions = []
    for cls in MODELS:
        core = pydantic_model(cls).__pydantic_core_schema__
        refs: dict[str, str] = {}
        _refs(core, refs)
        function = f"_{cls.__name__.lower()}"
        functions.append(f"{cls.__name__!r}: {function}")
        out.append(f"\n\ndef {function}() -> Any:\n    return "
                   f"{_source(core, named, refs)}\n")
    out.append(f"\n\n_SCHEMAS = {{{', '.join(functions)}}}\n")
    return "".join(out)


if __name__ == "__main__":  # pragma: no cover - the generator, run by hand
    Path(sys.argv[1]).write_text(generate())
