"""The pictures and lists as pure renderers: the zoomed picture's golden file, move signs
that read the same in every quadrant, blips left off the picture but kept in the lists,
and the one-line summaries."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import AI, BASE, golden
from radar_as_code.core.load import load
from radar_as_code.core.model import Radar
from radar_as_code.core.reader import WorktreeReader
from radar_as_code.render import marks, overview, pages, svg, zoom
from radar_as_code.render.summary import summary
from radar_as_code.site.publish import read_site

WORDS = {"none": "No change", "new": "New", "moved-in": "Moved in", "moved-out": "Moved out",
         "blips": "blips", "one_blip": "blip", "from": "from", "legend": "Legend"}


def radar_of(root: Path) -> Radar:
    radar = load(WorktreeReader(root)).radar
    assert radar is not None
    return radar


def test_zoom_golden() -> None:
    picture = svg.zoom_picture(radar_of(BASE), "tools", {"alpha": "moved-out"},
                               lambda i: f"../../radar/{i}/", WORDS, origins={"alpha": "Trial"})
    assert 'aria-label="1. Alpha (Adopt, Tools, Moved out from Trial)"' in picture
    golden("radar-zoom.svg", picture)


SIGN = re.compile(r'<circle class="radar-dot" ([^>]*)/><path class="radar-sign" d="([^"]+)"')


def _shape(dot: str, sign: str) -> tuple[tuple[float, float], ...]:
    """A sign's corners relative to its dot, in units of the dot's radius."""
    cx, cy, r = (float(re.search(rf'{k}="([-\d.]+)"', dot).group(1))  # type: ignore[union-attr]
                 for k in ("cx", "cy", "r"))
    corners = [tuple(map(float, p.split(","))) for p in re.findall(r"[-\d.]+,[-\d.]+", sign)]
    return tuple((round((x - cx) / r, 1), round((y - cy) / r, 1)) for x, y in corners)


def test_move_signs_do_not_turn_with_the_quadrant() -> None:
    radar = radar_of(AI)
    first = {}  # the first drawn blip of each quadrant
    for ident in radar.numbers:
        first.setdefault(radar.blips[ident].meta.quadrant, ident)
    assert len(first) == 4
    key = [_shape(*found) for found in SIGN.findall(marks.key_html(WORDS))]
    assert len(key) == 2  # moved in, moved out
    for kind, drawn_in_key in zip(("moved-in", "moved-out"), key, strict=True):
        picture = svg.picture(radar, dict.fromkeys(first.values(), kind), lambda i: i, WORDS,
                              key=False)
        shapes = [_shape(*found) for found in SIGN.findall(picture)]
        assert len(shapes) == 4
        for shape in shapes:  # one shape in all four quadrants, as in the key (coordinates
            assert all(abs(a - b) <= 0.15  # are rounded to 0.1 unit)
                       for p, q in zip(shape, drawn_in_key, strict=True)
                       for a, b in zip(p, q, strict=True)), (shape, drawn_in_key)
        assert all(x > 0 for x, _ in drawn_in_key)  # at the dot's right
        tip = sorted(drawn_in_key, key=lambda p: p[1])[0 if kind == "moved-in" else -1]
        assert (tip[1] < 0) == (kind == "moved-in")  # pointing up for in, down for out
    assert "".join(marks.key_svg(WORDS, 20, 800)).count('class="radar-sign"') == 2


def test_a_blip_off_the_picture_stays_in_the_lists(tmp_path: Path) -> None:
    root = Path(shutil.copytree(BASE, tmp_path / "radar"))
    beta = root / "radar" / "beta.md"
    beta.write_text(beta.read_text().replace("ring: trial", "ring: trial\nfeatured: false"))
    site = read_site(root, history=False)
    home = overview.home(site, pages.url_links(True))
    assert 'data-blip="beta"' not in svg.picture(site.shown, {}, lambda i: i, WORDS)
    assert home.tail.count('<li data-blip="beta"') == 1  # the names beside the picture
    assert '<tr data-blip="beta"' in home.tail and "not on the picture" in home.tail
    assert zoom.zoom(site.shown, "methods").marks == ()


@pytest.mark.parametrize(("decision", "expected"), [
    ("**Adopt.** Use **Polars** instead of [pandas](pandas.md). It is fast.",
     "Use Polars instead of pandas."),
    ("Ring: **Trial**. Try `DuckDB` e.g. for Parquet files, in place.",
     "Try DuckDB e.g. for Parquet files, in place."),
    ("- Keep it\n- Drop the rest", "Keep it Drop the rest"),
    ("word " * 60, ("word " * 36).strip()[:178].rsplit(" ", 1)[0] + "…"),
])
def test_the_summary_is_the_first_sentence_of_the_decision(
        tmp_path: Path, decision: str, expected: str) -> None:
    root = Path(shutil.copytree(BASE, tmp_path / "radar"))
    beta = root / "radar" / "beta.md"
    beta.write_text(beta.read_text().replace("Trial it.", decision))
    radar = radar_of(root)
    assert summary(radar.blips["beta"], radar.config) == expected
    assert summary(radar.blips["alpha"], radar.config)  # no Decision prose: the context's
