"""This repository's radar: the seed's 43 blips in their quadrants and rings, clean."""

from __future__ import annotations

import json
from collections import Counter

from conftest import ROOT, Run

# The seed (Sicara's Tech Radar IA, early 2024): quadrant -> ring -> blip ids.
SEED = {
    "data": {
        "adopt": ["apache-parquet", "dvc", "polars", "prodigy", "pydantic", "streamlit"],
        "trial": ["dedicated-vector-databases", "presidio", "segments-ai",
                  "tensorboard-embedding-projector"],
        "hold": ["pandas-numpy-backend"],
    },
    "algorithms": {
        "adopt": ["dinov2", "gpt-4", "pytorch", "retrieval-augmented-generation", "shap",
                  "spacy", "yolo"],
        "trial": ["boruta", "causal-impact", "openai-assistants-api",
                  "llm-supervised-fine-tuning"],
        "assess": ["open-source-llms"],
        "hold": ["classic-few-shot-learning"],
    },
    "industrialisation": {
        "adopt": ["airflow", "infrastructure-as-code", "poetry"],
        "trial": ["langchain", "qarnot", "vllm", "langsmith"],
        "assess": ["guidance", "end-to-end-ml-platforms"],
        "hold": ["dataiku"],
    },
    "methods": {
        "adopt": ["algorithm-decision-records", "business-metrics"],
        "trial": ["github-copilot", "short-ai-iterations", "test-driven-machine-learning",
                  "sicarator", "mteb"],
        "assess": ["llm-as-a-judge"],
        "hold": ["llm-iterations-without-metrics"],
    },
}


def snapshot(run: Run) -> dict[str, list[dict[str, object]]]:
    result = run("-C", ROOT, "show", "--format", "json")
    assert result.code == 0, result.err
    data: dict[str, list[dict[str, object]]] = json.loads(result.out)
    return data


def test_this_radar_is_clean(run: Run) -> None:
    result = run("-C", ROOT, "check", "--strict")
    assert (result.code, result.out) == (0, "")


def test_every_seed_blip_in_its_quadrant_and_ring(run: Run) -> None:
    blips = {b["id"]: b for b in snapshot(run)["blips"]}
    expected = {blip: (quadrant, ring) for quadrant, rings in SEED.items()
                for ring, ids in rings.items() for blip in ids}
    assert len(expected) == 43
    assert {b: (blips[b]["quadrant"], blips[b]["ring"]) for b in blips} == expected
    assert all(b["status"] == "active" for b in blips.values())


def test_seed_counts_per_quadrant() -> None:
    counts = {q: Counter({r: len(ids) for r, ids in rings.items()}) for q, rings in SEED.items()}
    assert counts["data"] == Counter(adopt=6, trial=4, hold=1)
    assert counts["algorithms"] == Counter(adopt=7, trial=4, assess=1, hold=1)
    assert counts["industrialisation"] == Counter(adopt=3, trial=4, assess=2, hold=1)
    assert counts["methods"] == Counter(adopt=2, trial=5, assess=1, hold=1)


def test_every_hold_rests_on_a_decision_record(run: Run) -> None:
    data = snapshot(run)
    for blip in data["blips"]:
        if blip["ring"] == "hold":
            assert blip["decisions"], f"{blip['id']} is on hold without a decision record"


def test_decision_records_concern_blips_or_the_tool(run: Run) -> None:
    data = snapshot(run)
    assert len(data["decisions"]) >= 13
    assert all(d["status"] == "accepted" for d in data["decisions"])
