"""Which paths are blips and decision records (core/layout.py): asked of every file of a
listing, so written with string tests; they must answer as the plain definitions do."""

from __future__ import annotations

import re

import pytest

from radar_as_code.core.layout import is_blip_path, is_decision_path

PATHS = ["radar/a.md", "radar/README.md", "radar/sub/README.md", "radar/xREADME.md",
         "radar/README.md.md", "radar/a.yml", "radar.md", "radar/radar.yml", "adr/README.md",
         "adr/0001-x.md", "adr/sub/0001-x.md", "adr/.md", "adr/README.mdx", "docs/a.md",
         "adrx/a.md", "radar/.md", "radar/ä.md"]


@pytest.mark.parametrize("path", PATHS)
def test_same_answers_as_the_plain_definitions(path: str) -> None:
    name = path.rsplit("/", 1)[-1]
    assert is_blip_path(path) == (path.startswith("radar/") and path.endswith(".md")
                                  and name != "README.md")
    assert is_decision_path(path) == (bool(re.match(r"^adr/[^/]+\.md$", path))
                                      and name != "README.md")
