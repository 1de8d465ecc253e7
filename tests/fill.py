"""Write what a template leaves to write (each line marked TODO), as an author would:
`fill(path)` in a test, or `python tests/fill.py FILE` as the EDITOR of a command."""

from __future__ import annotations

import re
import sys
from pathlib import Path


def fill(path: Path) -> None:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "TODO" in line:
            ring = re.match(r"^\*\*[^*]+\*\*", line)
            line = f"{ring.group(0)} Two teams use it this quarter." if ring else \
                "- **Another option**: weaker for our needs." if line.startswith("- **") else \
                "- Written by a test, as an author would." if line.startswith("- ") else \
                "Every team needs one shared way to do this."
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    fill(Path(sys.argv[1]))
