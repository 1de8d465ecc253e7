"""The models validate with core schemas generated ahead of time (core/spec.py into
core/model_schema.py, tools/decisions/0035): the committed ones must be what the models
generate now, and validating with them must give what pydantic gives."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from radar_as_code.core import model, spec
from radar_as_code.core.frozen import Frozen

GENERATED = Path(spec.__file__).with_name("model_schema.py")

BLIP: dict[str, Any] = {"title": "Polars", "quadrant": "tools", "ring": "adopt",
                        "reviewed": "2024-01-01", "tags": ["python"]}
CASES: list[tuple[type[Frozen], Any]] = [
    (model.BlipMeta, BLIP),
    (model.BlipMeta, {**BLIP, "rnig": "x", "reviewed": "2024-02-30", "title": " a\u202e"}),
    (model.BlipMeta, {**BLIP, "tags": "python", "status": "gone", "featured": "yes"}),
    (model.BlipMeta, {**BLIP, "imported": {"format": "byor", "source": "a.csv",
                                           "date": "2024-01-01", "extra": 1}}),
    (model.BlipMeta, [1, 2]),
    (model.DecisionMeta, {"title": "T", "status": "accepted", "date": "2024-01-01",
                          "deciders": []}),
    (model.RadarConfig, {"title": "R", "quadrants": [{"id": "a", "label": "A"}],
                         "rings": [{"id": "b", "label": "B"}, {"id": "b", "label": "C"}]}),
    (model.RadarConfig, {"title": "R", "quadrants": [{"id": "a", "label": "A"}],
                         "rings": [{"id": "b", "label": "B"}], "labels": {"from": "De"},
                         "rules": {"yaml": "off"}, "adr_min_options": 30}),
]


def test_committed_core_schemas_do_not_drift() -> None:
    assert GENERATED.read_text() == spec.generate(), "run `make schema`"


@pytest.mark.parametrize(("cls", "data"), CASES)
def test_same_values_and_errors_as_pydantic(cls: type[Frozen], data: Any) -> None:
    pydantic = spec.pydantic_model(cls)
    try:
        expected = pydantic.model_validate(data).model_dump(by_alias=True)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_context=False)
        with pytest.raises(ValueError) as found:
            cls.model_validate(data)
        assert found.value.errors(include_url=False, include_context=False) == errors  # type: ignore[attr-defined]
        return
    assert cls.model_validate(data).model_dump(by_alias=True) == expected


def test_models_are_frozen_and_compare_by_value() -> None:
    blip = model.BlipMeta.model_validate(BLIP)
    with pytest.raises(AttributeError):
        blip.ring = "hold"  # type: ignore[misc]
    assert blip == model.BlipMeta.model_validate(BLIP) and hash(blip) == hash(
        model.BlipMeta.model_validate(BLIP))
    moved = blip.model_copy(update={"ring": "hold"})
    assert (moved.ring, blip.ring) == ("hold", "adopt") and moved != blip
    config = {**CASES[-1][1], "rules": {}, "adr_min_options": 3}
    assert model.Labels().from_ == "From"
    assert model.RadarConfig.model_validate(config).labels.from_ == "De"


def test_a_check_builds_no_pydantic_model() -> None:
    """What the generated schemas are for: pydantic's model machinery is not imported."""
    code = ("import sys; from radar_as_code.core import model; "
            "model.BlipMeta.model_validate({'title': 'T', 'quadrant': 'q', 'ring': 'r', "
            "'reviewed': '2024-01-01'}); print('pydantic.main' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out == "False\n"
