"""Floor: the fastest safe YAML parse of every front matter under radar/ and adr/.

    python bench/floor_yaml.py ROOT [pyyaml|ruamel-safe|ruamel-rt]
"""

from __future__ import annotations

import sys
from pathlib import Path


def front_matters(root: Path) -> list[str]:
    out = []
    for path in sorted([*root.glob("radar/**/*.md"), *root.glob("adr/*.md")]):
        text = path.read_text()
        out.append(text.split("\n---\n", 1)[0].removeprefix("---\n"))
    return out


def main() -> None:
    root, kind = Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "pyyaml"
    texts = front_matters(root)
    if kind == "read":
        return
    if kind == "pyyaml":
        import yaml

        for text in texts:
            yaml.load(text, Loader=yaml.CSafeLoader)
    else:
        from ruamel.yaml import YAML

        parser = YAML(typ="safe" if kind == "ruamel-safe" else "rt")
        for text in texts:
            parser.load(text)


if __name__ == "__main__":
    main()
