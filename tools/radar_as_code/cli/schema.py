"""`radar schema`: the JSON Schemas of front matter and config, generated from the models."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from radar_as_code.authoring import atomic
from radar_as_code.core.model import BlipMeta, DecisionMeta, RadarConfig
from radar_as_code.core.spec import pydantic_model

KINDS = {"blip": BlipMeta, "decision": DecisionMeta, "config": RadarConfig}
_IDS = "https://radar-as-code.invalid/schema/{}.schema.json"


def schema(kind: str) -> str:
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                "$id": _IDS.format(kind)}
    document.update(pydantic_model(KINDS[kind]).model_json_schema())
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", nargs="?", choices=sorted(KINDS), help="one schema to print")
    parser.add_argument("--write", metavar="DIR", type=Path,
                        help="write every schema to DIR/<kind>.schema.json")


def run(args: argparse.Namespace) -> int:
    if args.write:
        for kind in KINDS:
            atomic.write_text(args.write / f"{kind}.schema.json", schema(kind))
        return 0
    for kind in [args.kind] if args.kind else list(KINDS):
        print(schema(kind), end="")
    return 0
