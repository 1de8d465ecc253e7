"""The published radar: a real `mkdocs build --strict` of a realistic radar (a frozen copy
of this repository's, tests/cases/_ai) and of hostile radars."""

from __future__ import annotations

import math
import os
import re
import shutil
from itertools import combinations
from pathlib import Path

import pytest

from conftest import AI, BASE, ROOT, Run, golden
from radar_as_code.core.load import load
from radar_as_code.core.model import Radar
from radar_as_code.core.reader import WorktreeReader
from radar_as_code.render import layout, svg
from sitekit import broken_links, build, dangerous_attributes, external_resources, site_repo


@pytest.fixture(scope="module")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("site")
    out = tmp / "site"
    result = build(site_repo(Path(shutil.copytree(AI, tmp / "repo"))), out)
    assert result.returncode == 0, result.stderr
    return out


def test_every_page_is_built(repo_site: Path) -> None:
    radar = load(WorktreeReader(AI)).radar
    assert radar is not None
    for blip in radar.blips:
        assert (repo_site / "radar" / blip / "index.html").is_file(), blip
    for decision in radar.decisions:
        assert (repo_site / "adr" / decision / "index.html").is_file(), decision
    for quadrant in radar.config.quadrants:
        assert (repo_site / "quadrants" / quadrant.id / "index.html").is_file()
    for page in ("index.html", "adr/index.html", "editions/index.html",
                 "editions/since-last/index.html", "tags/index.html", "rules/index.html",
                 "authoring/index.html", "search/search_index.json"):
        assert (repo_site / page).is_file(), page
    assert not list((repo_site.parent / "repo" / "docs").glob("radar*")), \
        "nothing is written into docs/"


def test_home_has_one_linked_mark_per_active_blip(repo_site: Path) -> None:
    html = (repo_site / "index.html").read_text()
    marks = re.findall(r'<a href="radar/([a-z0-9-]+)/" aria-label="(\d+)\. ', html)
    assert len(marks) == 43
    assert sorted(int(n) for _, n in marks) == list(range(1, 44))
    assert '<table class="radar-table"' in html
    assert html.count('href="radar/') >= 43 * 3  # picture, names beside it, table


def test_no_broken_links_not_even_in_svg(repo_site: Path) -> None:
    assert broken_links(repo_site) == []


def test_the_link_checker_finds_missing_pages_and_anchors(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2>')
    (tmp_path / "index.html").write_text(
        '<a href="a/#here">ok</a><a href="a/#gone">no anchor</a><a href="b/">no page</a>'
        '<svg><a href="#top">no anchor here</a></svg><a href="https://example.org/#x">out</a>')
    assert broken_links(tmp_path) == [
        "/index.html: <a> a/#gone (no id 'gone')", "/index.html: <a> b/",
        "/index.html: <a> #top (no id 'top')"]


def test_tags_page_lists_every_tagged_blip(repo_site: Path) -> None:
    radar = load(WorktreeReader(AI)).radar
    assert radar is not None
    html = (repo_site / "tags" / "index.html").read_text()
    for blip in radar.blips.values():
        for tag in blip.meta.tags:
            section = html.split(f'<h2 id="tag-{tag}">', 1)[1].split("<h2", 1)[0]
            assert f'href="../radar/{blip.id}/"' in section, (tag, blip.id)
    polars = (repo_site / "radar" / "polars" / "index.html").read_text()
    assert '<a href="../../tags/#tag-dataframes" class="radar-tag">dataframes</a>' in polars
    index = (repo_site / "search" / "search_index.json").read_text()
    assert '"location":"radar/polars/","title":"3. Polars","text":"","tags":["dataframes"' \
        in index  # tags are a field of the search index


def test_works_offline(repo_site: Path) -> None:
    assert external_resources(repo_site) == []


def test_quadrant_page_counts_like_the_seed(repo_site: Path) -> None:
    html = (repo_site / "quadrants" / "data" / "index.html").read_text()
    assert "<strong>11 blips</strong> | 6 Adopt | 4 Trial | 1 Hold" in html


def test_blip_page(repo_site: Path) -> None:
    html = (repo_site / "radar" / "polars" / "index.html").read_text()
    assert 'class="radar-badge radar-ring">Adopt</span>' in html
    assert "Related blips" in html and "Decision records" in html
    assert 'href="../../adr/0001-prefer-polars-over-pandas-numpy-backend/"' in html
    assert "Last reviewed: 2024-02-01" in html


def test_links_into_docs_are_rewritten(repo_site: Path) -> None:
    html = (repo_site / "adr" / "0013-keep-the-radar-as-markdown-files-in-git" /
            "index.html").read_text()
    assert 'href="../../authoring/"' in html


def test_search_index_has_rationales(repo_site: Path) -> None:
    index = (repo_site / "search" / "search_index.json").read_text()
    assert "PagedAttention" in index  # a word of the vLLM rationale


def test_layout_is_deterministic_and_free_of_overlaps() -> None:
    radar = load(WorktreeReader(AI)).radar
    assert radar is not None
    marks = layout.place(radar)
    assert marks == layout.place(radar)
    for a, b in combinations(marks, 2):
        assert math.hypot(a.x - b.x, a.y - b.y) >= a.r + b.r, (a.id, b.id)


def test_fifty_blips_in_one_segment(base_radar: Path) -> None:
    template = (base_radar / "radar" / "beta.md").read_text()
    for n in range(50):
        (base_radar / "radar" / f"crowd-{n:02d}.md").write_text(
            template.replace("title: Beta", f"title: Crowd {n:02d}")
            .replace("quadrant: methods", "quadrant: tools").replace("ring: trial", "ring: adopt"))
    radar = load(WorktreeReader(base_radar)).radar
    assert radar is not None
    marks = [m for m in layout.place(radar) if m.quadrant == 0 and m.ring == 0]
    assert len(marks) == 51
    for a, b in combinations(marks, 2):
        assert math.hypot(a.x - b.x, a.y - b.y) >= a.r + b.r, (a.id, b.id)
    centre = layout.CENTER
    inner = layout.ring_radii(len(radar.config.rings))[0]
    assert all(math.hypot(m.x - centre, m.y - centre) + m.r <= inner for m in marks)


def _clear_of_labels(radar: Radar, marks: list[layout.Mark]) -> None:
    """No mark comes within the label clearance of the line carrying the ring labels."""
    axis = layout.label_axis(len(radar.config.quadrants))
    clearance = layout.label_clearance(radar)
    ux, uy = math.cos(axis), math.sin(axis)
    for m in marks:
        dx, dy = m.x - layout.CENTER, m.y - layout.CENTER
        if dx * ux + dy * uy > 0:  # on the labels' side of the centre
            assert abs(dx * uy - dy * ux) - m.r >= clearance - 0.1, m.id


def test_marks_leave_the_ring_labels_free(base_radar: Path) -> None:
    radar = load(WorktreeReader(AI)).radar
    assert radar is not None
    _clear_of_labels(radar, layout.place(radar))
    template = (base_radar / "radar" / "beta.md").read_text()
    for n in range(50):  # a crowd beside the label axis, in a two-quadrant radar
        (base_radar / "radar" / f"crowd-{n:02d}.md").write_text(
            template.replace("title: Beta", f"title: Crowd {n:02d}"))
    crowded = load(WorktreeReader(base_radar)).radar
    assert crowded is not None
    _clear_of_labels(crowded, layout.place(crowded))


def test_a_picture_of_narrow_segments_still_builds(tmp_path: Path) -> None:
    """16 quadrants and 12 rings with long ring labels leave the inner segments no room
    beside their edges: each blip still gets a mark, and the build does not fail."""
    repo = site_repo(Path(shutil.copytree(BASE, tmp_path / "repo")))
    config = repo / "radar" / "radar.yml"
    text = re.sub(r"quadrants:\n(  - .*\n)+", "quadrants:\n" + "".join(
        f"  - {{id: q{i}, label: Q{i}}}\n" for i in range(16)), config.read_text())
    text = re.sub(r"rings:\n(  - .*\n)+", "rings:\n" + "".join(
        f"  - {{id: r{i}, label: Ring number {i} with a long label}}\n" for i in range(12)), text)
    config.write_text(text)
    for blip in (repo / "radar").glob("*.md"):
        blip.write_text(re.sub(r"ring: \w+", "ring: r0",
                               re.sub(r"quadrant: \w+", "quadrant: q0", blip.read_text())))
    radar = load(WorktreeReader(repo)).radar
    assert radar is not None
    assert sorted(m.id for m in layout.place(radar)) == ["alpha", "beta"]
    result = build(repo, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_unchanged_blip_keeps_its_place(base_radar: Path) -> None:
    before = {m.id: (m.x, m.y) for m in layout.place(load(WorktreeReader(base_radar)).radar)}  # type: ignore[arg-type]
    template = (base_radar / "radar" / "beta.md").read_text()
    (base_radar / "radar" / "zeta.md").write_text(template.replace("title: Beta", "title: Zeta"))
    after = {m.id: (m.x, m.y) for m in layout.place(load(WorktreeReader(base_radar)).radar)}  # type: ignore[arg-type]
    assert before["alpha"] == after["alpha"]


def test_svg_golden(base_radar: Path) -> None:
    radar = load(WorktreeReader(base_radar)).radar
    assert radar is not None
    labels = {"none": "No change", "new": "New", "moved-in": "Moved in",
              "moved-out": "Moved out", "blips": "blips", "from": "from"}
    picture = svg.picture(radar, {"alpha": "moved-in", "beta": "new"},
                          lambda i: f"radar/{i}/", labels, origins={"alpha": "Trial"})
    golden("radar.svg", picture)


def test_invalid_radar_fails_the_build_with_every_problem(tmp_path: Path) -> None:
    repo = site_repo(Path(shutil.copytree(BASE, tmp_path / "repo")))
    alpha = repo / "radar" / "alpha.md"
    alpha.write_text(alpha.read_text().replace("ring: adopt", "ring: adpot")
                     .replace("related: [beta]", "related: [beta, zeta]"))
    result = build(repo, tmp_path / "out")
    assert result.returncode != 0
    assert "radar/alpha.md:4:7: error: unknown ring 'adpot'" in result.stderr
    assert "radar/alpha.md:6:17: error: related: no blip 'zeta'" in result.stderr
    assert "Traceback" not in result.stderr


# --- hostile content --------------------------------------------------------------------

EVIL_TITLE = "<img src=x onerror=alert(1)>"


def evil_radar(tmp_path: Path) -> Path:
    repo = site_repo(Path(shutil.copytree(BASE, tmp_path / "repo")))
    beta = repo / "radar" / "beta.md"
    beta.write_text(beta.read_text()
                    .replace("title: Beta", f"title: '{EVIL_TITLE}'")
                    .replace("Beta is a method.",
                             "Beta is a method.\n\n<script>alert('body')</script>\n\n"
                             '<a href="javascript:alert(2)" onclick="alert(3)">click</a>\n\n'
                             '<img src="x" onerror="alert(4)">\n\n'
                             '<iframe src="https://example.org"></iframe>\n\n'
                             '<div style="position:fixed;top:0">overlay</div>\n\n'
                             'Styled {: onclick="alert(5)" }'))
    config = repo / "radar" / "radar.yml"
    config.write_text(config.read_text().replace("label: Tools", 'label: "<b>Tools</b>"')
                      + "rules: {raw-html: disable}\n")  # the sanitiser alone, as if unchecked
    return repo


def test_malicious_blip_is_escaped_and_sanitised(tmp_path: Path) -> None:
    repo = evil_radar(tmp_path)
    out = tmp_path / "out"
    result = build(repo, out)
    assert result.returncode == 0, result.stderr
    for page in out.rglob("*.html"):
        html = page.read_text()
        assert EVIL_TITLE not in html, page
        assert dangerous_attributes(html) == [], page
        assert "<script>alert" not in html, page
        assert "<iframe" not in html, page
        assert "<b>Tools</b>" not in html, page
        assert "position:fixed" not in html, page
    beta = (out / "radar" / "beta" / "index.html").read_text()
    assert "&lt;img src=x onerror=alert(1)&gt;" in beta  # shown as text
    assert ">click</a>" in beta  # the link text stays, its javascript: URL does not
    # no attr_list (which Material's tags plugin would have added): the braces stay text
    assert "<p>Styled {: onclick=\"alert(5)\" }</p>" in beta


def test_markdown_javascript_link_fails_the_check(tmp_path: Path) -> None:
    repo = site_repo(Path(shutil.copytree(BASE, tmp_path / "repo")))
    beta = repo / "radar" / "beta.md"
    beta.write_text(beta.read_text().replace("Beta is a method.",
                                             "[x](javascript:alert(1))"))
    result = build(repo, tmp_path / "out")
    assert result.returncode != 0
    assert "link scheme 'javascript:' is not allowed" in result.stderr


def test_symlinks_in_docs_are_not_published(tmp_path: Path) -> None:
    repo = site_repo(Path(shutil.copytree(BASE, tmp_path / "repo")))
    secret = tmp_path / "secret.md"
    secret.write_text("# Secret\n\nroot:x:0:0\n")
    os.symlink(secret, repo / "docs" / "secret.md")
    os.symlink(tmp_path, repo / "docs" / "outside")
    for strict in (True, False):
        result = build(repo, tmp_path / "out", strict=strict)
        assert result.returncode != 0
        assert "docs/secret.md:1:1: error: is a symbolic link" in result.stderr
        assert "docs/outside:1:1: error: is a symbolic link" in result.stderr
    assert "root:x:0:0" not in "".join(p.read_text() for p in (tmp_path / "out").rglob("*.html"))


def test_snippets_cannot_read_outside_the_repository() -> None:
    config = (ROOT / "mkdocs.yml").read_text()
    if "pymdownx.snippets" in config:
        assert "restrict_base_path: true" in config and "check_paths: true" in config


def test_render_command_is_engine_free(run: Run, base_radar: Path, tmp_path: Path) -> None:
    out = tmp_path / "rendered"
    result = run("-C", base_radar, "render", "--out", out)
    assert result.code == 0, result.err
    assert (out / "index.md").is_file() and (out / "radar" / "alpha.md").is_file()
    assert (out / "radar.svg").read_text().startswith("<svg")
    tags = (out / "tags.md").read_text()  # a real tags page, not a marker for one engine
    assert '<h2 id="tag-python">python (1)</h2>' in tags and 'href="radar/alpha.md"' in tags


def test_labels_are_localisable(tmp_path: Path) -> None:
    repo = site_repo(Path(shutil.copytree(BASE, tmp_path / "repo")))
    config = repo / "radar" / "radar.yml"
    config.write_text(config.read_text() + "labels:\n  related: Blips liés\n"
                      "  decisions: Décisions\n  reviewed: Dernière revue\n  tags: Étiquettes\n")
    mkdocs = repo / "mkdocs.yml"  # the theme's own words: a setting of mkdocs.yml
    mkdocs.write_text(mkdocs.read_text().replace("  language: en", "  language: fr"))
    out = tmp_path / "site"
    result = build(repo, out)
    assert result.returncode == 0, result.stderr
    alpha = (out / "radar" / "alpha" / "index.html").read_text()
    assert "Blips liés" in alpha and "Décisions" in alpha and "Dernière revue" in alpha
    assert '<html lang="fr"' in alpha and 'placeholder="Rechercher"' in alpha
    assert "Étiquettes" in (out / "tags" / "index.html").read_text()


def test_links_between_built_pages() -> None:
    import itertools
    import posixpath

    from radar_as_code.render.page import _url, url_links

    paths = ["index.md", "radar/a.md", "radar/x/b.md", "adr/0001-x.md", "adr/index.md",
             "quadrants/data.md", "editions/edition-1.md", "tags.md"]
    for directory in (True, False):
        link = url_links(directory)
        for source, target in itertools.product(paths, paths):
            src, dst = _url(source, directory), _url(target, directory)
            base = src if src.endswith("/") or not src else posixpath.dirname(src)
            expected = posixpath.normpath(posixpath.join(base, link(source, target)))
            assert expected == (posixpath.normpath(dst) if dst else "."), (source, target)
