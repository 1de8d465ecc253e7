"""`radar booklet`: an edition as a printable PDF, printed by a real headless Chromium and
read back with pdftotext (Debian's poppler-utils)."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from conftest import Run
from gitrepo import Repo, adr, blip

CHROMIUM = os.environ.get("RADAR_CHROMIUM", "/usr/bin/chromium")
TOOLS = {"chromium": Path(CHROMIUM).exists(), "pdftotext": shutil.which("pdftotext")}
if not all(TOOLS.values()):
    if os.environ.get("CI"):
        raise RuntimeError(f"missing {TOOLS}: .ci/run installs chromium and poppler-utils")
    pytest.skip(f"missing {TOOLS} (`apt-get install chromium poppler-utils`)",
                allow_module_level=True)

pytestmark = pytest.mark.slow


class _Counting(BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.requests.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def spy() -> Iterator[tuple[str, list[str]]]:
    """A local web server that only counts the requests it gets."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Counting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Counting.requests
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def two_editions(tmp_path_factory: pytest.TempPathFactory,
                 spy: tuple[str, list[str]]) -> Path:
    """Two editions; the second has a hostile blip; the working tree changed since."""
    url, _ = spy
    repo = Repo(tmp_path_factory.mktemp("booklet") / "repo")
    repo.write("radar/alpha.md", blip("Alpha", "tools", "trial", text="Alpha's own context."))
    repo.write("radar/beta.md", blip("Beta", "methods", "assess", text="See [Alpha](alpha.md)."))
    repo.commit("one", "2024-01-01")
    repo.git("tag", "-a", "edition-2024-01", "-m", "January 2024 edition", date="2024-01-01")
    repo.write("adr/0001-adopt-alpha.md", adr("Adopt Alpha", ("alpha",)))
    repo.write("radar/alpha.md", blip("Alpha", "tools", "adopt", decisions=("0001-adopt-alpha",),
                                      reviewed="2024-06-01", text="Alpha won its trial."))
    repo.write("radar/gamma.md", blip("Gamma", "methods", "trial", text=(
        f'Gamma <script>alert(1)</script> <img src="{url}/img.png" onerror="alert(2)">\n\n'
        f'<link rel="stylesheet" href="{url}/style.css">\n\n'
        f'<iframe src="{url}/frame"></iframe> <style>@import "{url}/import.css";</style>\n\n'
        f"![picture]({url}/markdown.png) [a link]({url}/page)")))
    repo.commit("two", "2024-06-01")
    repo.git("tag", "-a", "edition-2024-06", "-m", "June 2024 edition", date="2024-06-01")
    repo.write("radar/alpha.md", blip("Alpha", "tools", "hold", text="Rewritten after."))
    repo.commit("after the edition", "2024-07-01")
    return repo.root


def pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1]


def test_booklet_of_the_latest_edition(two_editions: Path, run: Run, tmp_path: Path,
                                       spy: tuple[str, list[str]]) -> None:
    out, html = tmp_path / "2024-06.pdf", tmp_path / "2024-06.html"
    result = run("-C", two_editions, "booklet", "--out", out, "--html", html)
    assert result.code == 0, result.err
    assert spy[1] == []  # the hostile blip's images, styles and frames fetched nothing
    text = pages(out)
    assert len(text) == 4  # cover, picture, one page per quadrant
    cover = " ".join(text[0].split())
    assert "History radar" in cover and "June 2024 edition" in cover and "2024-06-01" in cover
    assert "3 blips: 1 Adopt, 1 Trial, 1 Assess" in cover
    assert "Moved in: 1. Alpha (Trial → Adopt)" in " ".join(text[1].split())
    assert "New: 2. Gamma (Trial)" in " ".join(text[1].split())
    tools, methods = (" ".join(page.split()) for page in text[2:])
    assert tools.startswith("Tools (1 blip)") and "1. Alpha" in tools
    assert "Alpha won its trial." in tools  # the rationale as it was at the edition
    assert "Rewritten after" not in " ".join(text)
    assert methods.startswith("Methods (2 blips)") and "See Alpha." in methods
    assert "Gamma" in methods and "alert" not in methods
    # hostile blip text: sanitised, and nothing was fetched from anywhere
    source = html.read_text()
    assert "<script" not in source and "onerror" not in source and "<iframe" not in source
    assert 'href="#blip-alpha"' in source  # a link to a blip stays inside the booklet
    assert "default-src 'none'" in source
    assert spy[1] == []


def test_booklet_of_an_older_edition(two_editions: Path, run: Run, tmp_path: Path) -> None:
    out = tmp_path / "2024-01.pdf"
    result = run("-C", two_editions, "booklet", "--edition", "edition-2024-01", "--out", out)
    assert result.code == 0, result.err
    text = " ".join(" ".join(pages(out)).split())
    assert "January 2024 edition" in text and "The first edition." in text
    assert "Alpha's own context." in text and "Gamma" not in text


def test_booklet_errors(two_editions: Path, run: Run, tmp_path: Path,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("-C", two_editions, "booklet")
    assert result.code == 2 and "--out FILE.pdf" in result.err
    result = run("-C", two_editions, "booklet", "--edition", "v9", "--out", tmp_path / "x.pdf")
    assert result.code == 2 and "'v9' is not an edition" in result.err
    monkeypatch.setenv("RADAR_CHROMIUM", str(tmp_path / "no-chromium"))
    result = run("-C", two_editions, "booklet", "--out", tmp_path / "x.pdf")
    assert result.code == 2 and "cannot be run" in result.err and "Traceback" not in result.err
    assert not (tmp_path / "x.pdf").exists()
    untagged = Repo(tmp_path / "untagged")
    untagged.write("radar/alpha.md", blip("Alpha", "tools", "trial"))
    untagged.commit("one", "2024-01-01")
    untagged.write("radar/beta.md", blip("Beta", "tools", "nowhere"))
    result = run("-C", untagged.root, "booklet", "--out", tmp_path / "y.pdf")
    assert result.code == 2 and "no edition yet" in result.err and "nowhere" in result.err
    assert not (tmp_path / "y.pdf").exists()  # a draft is checked first


def test_booklet_before_the_first_edition_is_a_draft(run: Run, tmp_path: Path) -> None:
    untagged = Repo(tmp_path / "untagged")
    untagged.write("radar/alpha.md", blip("Alpha", "tools", "trial", text="Alpha's context."))
    untagged.commit("one", "2024-01-01")
    out = tmp_path / "draft.pdf"
    result = run("-C", untagged.root, "booklet", "--out", out)
    assert result.code == 0 and "the booklet is a draft" in result.err, result.err
    text = " ".join(" ".join(pages(out)).split())
    assert "Draft: not an edition yet" in text and "Alpha's context." in text
    assert "The first edition" not in text
