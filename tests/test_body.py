"""Bodies are scanned when first asked (core/body.py): comparing them must give what
comparing two eager scans gives, whether or not their texts are equal."""

from __future__ import annotations

import pytest

from radar_as_code.core.body import Found
from radar_as_code.core.markdown import Body, find, scan

TEXTS = [
    "\n## Context\n\nSome context.\n\n## Decision\n\nOur view.\n",
    "\n## Context\n\nSome context.   \n\n## Decision\n\nOur view.\n\n",  # same once stripped
    "\n## Context\n\nOther context.\n\n## Decision\n\nOur view.\n",
    "\n# Title\n\n## Context\n\nSome context.\n\n## Decision\n\nOur view.\n",
    "",
]


@pytest.mark.parametrize("first", [1, 2])
@pytest.mark.parametrize("left", range(len(TEXTS)))
@pytest.mark.parametrize("right", range(len(TEXTS)))
def test_lazy_comparisons_agree_with_eager_scans(left: int, right: int, first: int) -> None:
    a, b = Body(TEXTS[left], 5), Body(TEXTS[right], 5 + first - 1)
    eager_a, eager_b = find(TEXTS[left], 5), find(TEXTS[right], 5 + first - 1)

    def texts(found: Found) -> list[tuple[str, str]]:  # where the body starts aside
        return [(s.heading, s.text) for s in found.sections]

    assert a.same_sections(b) == (texts(eager_a) == texts(eager_b))
    assert (a == b) == (eager_a == eager_b and a.first_line == b.first_line)
    if a == b:
        assert hash(a) == hash(b)


def test_scan_now_and_later_hold_the_same() -> None:
    later = Body(TEXTS[3], 7)
    assert "found" not in vars(later)  # nothing scanned yet
    now = scan(TEXTS[3], 7)
    assert "found" in vars(now)
    assert (later.sections, later.links, later.title_headings, later.preamble) == \
        (now.sections, now.links, now.title_headings, now.preamble)
    assert later.title_headings == (8,) and later == now
