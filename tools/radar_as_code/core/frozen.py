"""Strict, frozen models validated by pydantic-core, without pydantic's model machinery
at run time (tools/decisions/0035).

A model is a plain class whose annotations, with their constraints written as pydantic
``Field``s inside ``Annotated``, are read only by ``core/spec.py``: it builds the
equivalent pydantic models (for the JSON Schemas and the error hints) and generates
their core schemas ahead of time into ``core/model_schema.py``, which a test keeps in
step. At run time a model's validator is built from that schema, as pydantic itself
would, so its instances, values and errors are those of the pydantic model; importing
pydantic's model machinery and building the models cost more than a whole `radar check`
of a small radar.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Self

if TYPE_CHECKING:
    from pydantic_core import SchemaSerializer, SchemaValidator

_VALIDATORS: dict[type, SchemaValidator] = {}
_SERIALIZERS: dict[type, SchemaSerializer] = {}


def validator(model: type[Frozen]) -> SchemaValidator:
    """The model's validator, built once from its generated core schema."""
    found = _VALIDATORS.get(model)
    if found is None:
        from pydantic_core import SchemaValidator

        from radar_as_code.core.model_schema import schema

        found = _VALIDATORS[model] = SchemaValidator(schema(model.__name__))
    return found


class Frozen:
    """A strict frozen model: unknown keys are errors, values are not coerced, nothing
    changes once built. The methods named as pydantic's do what pydantic's do."""

    __slots__ = ("__dict__", "__pydantic_extra__", "__pydantic_fields_set__",
                 "__pydantic_private__")
    # Extra pydantic settings for core/spec.py (all models: extra="forbid", frozen, strict).
    pydantic_config: ClassVar[Mapping[str, Any]] = {}
    # Names of methods run on a valid instance (pydantic's after model validators).
    after: ClassVar[tuple[str, ...]] = ()

    def __init__(self, **data: Any) -> None:
        validator(type(self)).validate_python(data, self_instance=self)

    @classmethod
    def model_validate(cls, data: Any) -> Self:
        instance: Self = validator(cls).validate_python(data)
        return instance

    @classmethod
    def model_construct(cls, **values: Any) -> Self:
        """An instance of trusted values, not validated (as pydantic's): for constants, so
        that the models can be imported before their schemas are generated."""
        defaults = {name: getattr(cls, name) for name in cls.__annotations__
                    if hasattr(cls, name) and name not in Frozen.__annotations__}
        return cls.__new__(cls).model_copy(update={**defaults, **values})

    def model_copy(self, *, update: Mapping[str, Any] | None = None) -> Self:
        """A copy with some values replaced, not validated (as pydantic's)."""
        changes = dict(update or {})
        copy = object.__new__(type(self))
        object.__setattr__(copy, "__dict__", {**getattr(self, "__dict__", {}), **changes})
        object.__setattr__(copy, "__pydantic_fields_set__",
                           set(getattr(self, "__pydantic_fields_set__", ())) | set(changes))
        object.__setattr__(copy, "__pydantic_extra__", None)
        object.__setattr__(copy, "__pydantic_private__", None)
        return copy

    def model_dump(self, **options: Any) -> dict[str, Any]:
        model = type(self)
        serializer = _SERIALIZERS.get(model)
        if serializer is None:
            from pydantic_core import SchemaSerializer

            from radar_as_code.core.model_schema import schema

            serializer = _SERIALIZERS[model] = SchemaSerializer(schema(model.__name__))
        dumped: dict[str, Any] = serializer.to_python(self, **options)
        return dumped

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: '{name}' cannot be set")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: '{name}' cannot be deleted")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self), *self.__dict__.values()))

    def __repr__(self) -> str:
        values = ", ".join(f"{key}={value!r}" for key, value in self.__dict__.items())
        return f"{type(self).__name__}({values})"

    if TYPE_CHECKING:  # attributes are set by the validator
        __pydantic_fields_set__: set[str]
