"""What the reader's browser tests share: a tab at a size and in a colour scheme, the
reader's fixture site built and served, screenshots, measurements, and axe-core.

Importing it skips the calling module where there is no Chromium (test_browser does).
"""

from __future__ import annotations

import functools
import json
import os
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import ROOT
from readerkit import crowded_repo, reader_repo
from sitekit import build
from test_browser import ARTIFACTS, browser  # noqa: F401 - skips without Chromium

from playwright.sync_api import Browser, Page  # isort: skip

SIZES = {"desktop": (1440, 900), "phone": (390, 844)}
SCHEMES = {"light": "default", "dark": "slate"}
AXE = Path(os.environ.get("RADAR_AXE", ROOT / ".tools" / "axe" / "node_modules" / "axe-core"
                          / "axe.min.js"))


class _Pages(SimpleHTTPRequestHandler):
    """A static host as GitHub Pages is one: a missing page gets the site's 404.html
    (``missing``, a path in the served folder) with the status 404."""

    missing = "404.html"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        page = Path(self.directory) / self.missing
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(directory: Path, missing: str = "404.html") -> str:
    """``directory`` served on a free port of 127.0.0.1 (until the tests end): its URL."""
    handler = type("Handler", (_Pages,), {"missing": missing})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(
        handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"

# Material draws a Mermaid diagram into a closed shadow root; the tests open it to see
# the diagram's SVG (what the reader sees is the same).
OPEN_SHADOWS = """(() => {
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
        return attach.call(this, Object.assign({}, init, {mode: "open"}));
    };
})();"""
DRAWN = "div.mermaid svg"  # a diagram as Material draws it


@dataclass(frozen=True)
class Tab:
    page: Page
    size: str  # "desktop" | "phone"
    scheme: str  # "light" | "dark"

    @property
    def name(self) -> str:
        return f"{self.size}-{self.scheme}"

    def open(self, url: str) -> None:
        """``url`` loaded, in this tab's scheme (Material follows the system's preference
        until the toggle is used: the context emulates it)."""
        self.page.goto(url)
        self.page.wait_for_load_state("load")
        wanted = SCHEMES[self.scheme]
        found = self.page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert found == wanted, f"{url}: scheme {found}, not {wanted}"

    def shot(self, name: str, *, full_page: bool = True) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"reader-{name}-{self.name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path


def new_tab(chromium: Browser, size: str, scheme: str, *,
            javascript: bool = True) -> Iterator[Tab]:
    width, height = SIZES[size]
    context = chromium.new_context(viewport={"width": width, "height": height},
                                  color_scheme=scheme, java_script_enabled=javascript)
    context.add_init_script(OPEN_SHADOWS)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield Tab(page, size, scheme)
    context.close()


def sideways(page: Page) -> int:
    """How far the page scrolls sideways, in CSS px (0: not at all)."""
    return int(page.evaluate(
        "document.scrollingElement.scrollWidth - document.documentElement.clientWidth"))


# What axe finds in Material's own markup, which the radar does not control: the search
# dialog has no name; the footer's "Made with Material" is 4.47:1 (4.5 asked). Only
# these nodes are left out: the same rule on any other node still fails.
THEME = {"aria-dialog-name": ".md-search", "color-contrast": ".md-copyright"}


def axe(page: Page) -> list[str]:
    """The violations axe-core finds on the page, one line each (rule, node count, first
    node's selector and why), less those of ``THEME``."""
    if not AXE.exists():
        if os.environ.get("CI"):
            raise RuntimeError(f"{AXE} is missing: `make test` installs it with npm")
        pytest.skip(f"no axe-core at {AXE} (`make axe` installs it with npm)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.map(v => [v.id, v.nodes.map(n => [n.target.join(' '),
            n.failureSummary])]);
    }""")
    out = []
    for rule, nodes in found:
        nodes = [n for n in nodes if not n[0].startswith(THEME.get(rule, "\0"))]
        if nodes:
            out.append(json.dumps([rule, len(nodes), *nodes[0]]))
    return out


def _built(tmp_path_factory: pytest.TempPathFactory, name: str,
           make: Callable[[Path], Path]) -> str:
    tmp = tmp_path_factory.mktemp(name)
    result = build(make(tmp / "repo"), tmp / "site")
    assert result.returncode == 0, result.stderr
    return serve(tmp / "site")


@pytest.fixture(scope="module")
def reader_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The site of readerkit's radar (two editions, code and a diagram), served."""
    return _built(tmp_path_factory, "reader", reader_repo)


@pytest.fixture(scope="module")
def crowded_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The site of a radar with 50 more blips in one segment (data, adopt), served."""
    return _built(tmp_path_factory, "crowded", crowded_repo)


def tab_to(page: Page, css_class: str, presses: int = 200) -> None:
    """Tab until the focus is on an element of ``css_class`` (the test fails if never)."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(c) => document.activeElement.classList.contains(c)", css_class):
            return
    pytest.fail(f"Tab never reached a .{css_class}")


@pytest.fixture(params=[(size, scheme) for size in SIZES for scheme in SCHEMES],
                ids=lambda p: "-".join(p))
def tab(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Tab]:  # noqa: F811
    """A tab at each size, in each colour scheme."""
    yield from new_tab(browser, *request.param)


@pytest.fixture(params=["light", "dark"])
def desktop(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Tab]:  # noqa: F811
    yield from new_tab(browser, "desktop", request.param)


@pytest.fixture(params=["light", "dark"])
def phone(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Tab]:  # noqa: F811
    yield from new_tab(browser, "phone", request.param)


def box(page: Page, selector: str) -> dict[str, float]:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, f"{selector} is not shown"
    return found
