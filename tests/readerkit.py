"""Radars for the reader's tests: the realistic radar of tests/cases/_ai with two
editions (moves both ways, a new blip, a retirement), a fenced code block and a Mermaid
diagram in a rationale; and a radar with one crowded segment."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from conftest import AI
from gitrepo import Repo
from sitekit import site_repo

# blip id -> (ring before, ring after) in the second edition
MOVES = {"vllm": ("trial", "adopt"), "langchain": ("trial", "assess"),
         "boruta": ("trial", "adopt"), "dataiku": ("hold", "assess")}
NEW = "duckdb"
RETIRED = "poetry"
CODE = "polars"  # its rationale gains a Python block
DIAGRAM = "0010-serve-open-llms-with-vllm"  # this decision record gains a diagram

DUCKDB = """---
title: DuckDB
quadrant: data
ring: trial
status: active
tags: [dataframes, data-formats, open-source]
related: []
decisions: []
reviewed: 2024-05-01
former_ids: []
---

## Context

Analysts query Parquet files from notebooks and scripts without a database server.

## Decision criteria

- Runs in the process, with no server to operate.

## Options considered

- **DuckDB**: an in-process analytical database.
- **A warehouse**: a server to run and pay for.

## Decision

Ring: **Trial**. Try DuckDB to query [Apache Parquet](apache-parquet.md) files with SQL in
place, before loading them into a DataFrame.

## Consequences

- One more way to read the same files.
"""

PYTHON = """

```python
import polars as pl

frame = pl.scan_parquet("events.parquet").filter(pl.col("kind") == "click")
print(frame.collect().height)
```
"""

MERMAID = """

```mermaid
flowchart LR
    client[Product] --> api[vLLM server]
    api --> gpu[(GPU pool)]
```
"""


def _move(path: Path, before: str, after: str) -> None:
    """The blip's ring, and the ring its Decision section names."""
    text = re.sub(r"^ring: \w+$", f"ring: {after}", path.read_text(), count=1, flags=re.M)
    head, _, decision = text.partition("\n## Decision\n")
    path.write_text(head + "\n## Decision\n" +
                    decision.replace(before.capitalize(), after.capitalize(), 1))


def _after(path: Path, heading: str, text: str) -> None:
    """``text`` added at the end of the section under ``heading``."""
    body = path.read_text()
    start = body.index(f"\n## {heading}\n")
    end = body.find("\n## ", start + 1)
    end = len(body) if end < 0 else end
    path.write_text(body[:end].rstrip("\n") + text + body[end:])


def reader_repo(root: Path) -> Path:
    """The _ai radar as a git repository with editions edition-2024-01 and -06."""
    shutil.copytree(AI, root)
    site_repo(root)
    repo = Repo.__new__(Repo)
    repo.root = root
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    repo.commit("first edition", "2024-01-15")
    repo.tag("edition-2024-01", "2024-01-15")
    radar = root / "radar"
    for ident, (before, after) in MOVES.items():
        _move(radar / f"{ident}.md", before, after)
    (radar / f"{NEW}.md").write_text(DUCKDB)
    retired = radar / f"{RETIRED}.md"
    retired.write_text(retired.read_text().replace("status: active", "status: retired", 1))
    _after(radar / f"{CODE}.md", "Consequences", PYTHON)
    _after(root / "adr" / f"{DIAGRAM}.md", "Decision outcome", MERMAID)
    repo.commit("second edition", "2024-06-03")
    repo.tag("edition-2024-06", "2024-06-03")
    return root


def crowded_repo(root: Path, count: int = 50) -> Path:
    """The four-quadrant radar of tests/cases/_ai with ``count`` more blips in one segment
    (data, adopt: 56 in all), and this project's site configuration."""
    shutil.copytree(AI, root)
    template = (root / "radar" / "pydantic.md").read_text().replace("related: [langchain]",
                                                                     "related: []")
    for n in range(count):
        (root / "radar" / f"crowd-{n:02d}.md").write_text(
            template.replace("title: Pydantic", f"title: Crowd {n:02d}"))
    return site_repo(root)
