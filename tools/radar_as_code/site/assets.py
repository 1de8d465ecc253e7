"""The plugin's own files: its stylesheet and script, added to every build by the plugin
itself (nothing to copy into docs/), and the vendored Mermaid, served and loaded only
where a page has a diagram (tools/decisions/0017-mermaid-vendored-and-loaded-per-page.md).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

HERE = Path(__file__).parent / "assets"
FOLDER = "assets/radar"  # where the site serves them
STYLE = f"{FOLDER}/radar.css"
SCRIPT = f"{FOLDER}/radar.js"
MERMAID = f"{FOLDER}/mermaid.min.js"
SETUP = f"{FOLDER}/mermaid-setup.js"  # labels as text, the strict level: diagrams are untrusted
SOURCES = {STYLE: HERE / "radar.css", SCRIPT: HERE / "radar.js"}
MERMAID_SOURCE = HERE / "mermaid" / "mermaid.min.js"
DIAGRAM_SOURCES = {MERMAID: MERMAID_SOURCE, SETUP: HERE / "mermaid-setup.js"}

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset')
_DIAGRAM = re.compile(r'<pre class="mermaid"')
_BUNDLE = re.compile(r'<script[^>]*\ssrc="[^"]*assets/javascripts/bundle\.')


def scoped(output: str) -> str:
    """A page the radar generates, marked for the radar's styles (links in running text
    underlined...), which leave the rest of a site alone. The mark is a class of the
    theme's article, added once the search index has read the page."""
    found = _ARTICLE.search(output)
    if found is None:
        return output
    return output[:found.end()] + " radar-page" + output[found.end():]


def has_diagram(html: str) -> bool:
    return _DIAGRAM.search(html) is not None


def with_mermaid(output: str, relative: str) -> str:
    """A page with a diagram loads the vendored Mermaid and its setup (``relative``: the
    URL of their folder from the page) before the theme's script, which draws the
    diagrams with it, and which would otherwise fetch Mermaid from a CDN."""
    tag = "".join(f'<script src="{relative}/{Path(name).name}"></script>\n'
                  for name in (MERMAID, SETUP))
    bundle = _BUNDLE.search(output)
    if bundle is not None:
        return output[:bundle.start()] + tag + output[bundle.start():]
    end = output.rfind("</body>")
    return output[:end] + tag + output[end:] if end >= 0 else output + tag


def copy_mermaid(site_dir: str) -> None:
    for name, source in DIAGRAM_SOURCES.items():
        target = Path(site_dir) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
