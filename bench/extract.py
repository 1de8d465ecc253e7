"""Write every blip's front matter as a .yaml file, for check-jsonschema (bench only)."""

from __future__ import annotations

import sys
from pathlib import Path

from floor_yaml import front_matters

root, out = Path(sys.argv[1]), Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
for n, text in enumerate(front_matters(root)):
    if "\nquadrant:" in "\n" + text:
        (out / f"{n:05d}.yaml").write_text(text)
