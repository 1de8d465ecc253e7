"""The plugin's own files (stylesheet, script, the vendored Mermaid): shipped in the
package, added to every build by the plugin, Mermaid only where a page has a diagram;
and what the sanitiser leaves of highlighted code and diagrams."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from conftest import BASE
from radar_as_code.site import assets, sanitize
from readerkit import DIAGRAM, reader_repo
from sitekit import build, site_repo

pytestmark = pytest.mark.slow


def test_the_vendored_mermaid_is_the_one_recorded() -> None:
    source = dict(line.split(": ", 1) for line in
                  (assets.HERE / "mermaid" / "SOURCE").read_text().splitlines())
    assert source["package"].startswith("mermaid@")
    assert hashlib.sha256(assets.MERMAID_SOURCE.read_bytes()).hexdigest() == source["sha256"]
    assert "MIT" in (assets.HERE / "mermaid" / "LICENSE").read_text()


@pytest.fixture(scope="module")
def reader_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("assets")
    result = build(reader_repo(tmp / "repo"), tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def test_every_page_gets_the_stylesheet_and_script(reader_site: Path) -> None:
    for name, source in assets.SOURCES.items():
        assert (reader_site / name).read_bytes() == source.read_bytes()
    pages = list(reader_site.rglob("index.html"))
    assert len(pages) > 60
    for page in pages:
        html = page.read_text()
        assert len(re.findall(r'<link rel="stylesheet" href="[./]*assets/radar/radar\.css"',
                              html)) == 1, page
        assert len(re.findall(r'<script src="[./]*assets/radar/radar\.js" defer>', html)) == 1


def test_mermaid_only_where_a_page_has_a_diagram(reader_site: Path) -> None:
    assert (reader_site / assets.MERMAID).is_file()
    loading = sorted(p.parent.relative_to(reader_site).as_posix()
                     for p in reader_site.rglob("index.html") if "mermaid.min.js" in p.read_text())
    assert loading == [f"adr/{DIAGRAM}"]


def test_a_site_without_diagrams_has_no_mermaid(tmp_path: Path) -> None:
    repo = site_repo(Path(shutil.copytree(BASE, tmp_path / "repo")))
    result = build(repo, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / assets.STYLE).is_file()
    assert not (tmp_path / "site" / assets.MERMAID).exists()


def test_a_docs_file_in_the_way_of_an_asset_is_an_error(tmp_path: Path) -> None:
    repo = site_repo(Path(shutil.copytree(BASE, tmp_path / "repo")))
    mine = repo / "docs" / "assets" / "radar" / "radar.css"
    mine.parent.mkdir(parents=True)
    mine.write_text("body {}\n")
    result = build(repo, tmp_path / "site")
    assert result.returncode != 0
    assert "assets/radar/radar.css" in result.stderr


def test_the_sanitiser_keeps_highlighting_and_diagrams_only() -> None:
    code = ('<div class="highlight"><pre><span></span><code><span class="kn">import</span>'
            ' <span class="nn">polars</span></code></pre></div>')
    assert sanitize.clean(code) == code
    diagram = '<pre class="mermaid"><code>flowchart LR\n  a --&gt; b</code></pre>'
    assert sanitize.clean(diagram) == diagram
    hostile = ('<pre class="mermaid" onclick="x()" style="color:red"><code>a</code></pre>'
               '<svg onload="x()"><script>x()</script></svg>')
    assert sanitize.clean(hostile) == '<pre class="mermaid"><code>a</code></pre>'
