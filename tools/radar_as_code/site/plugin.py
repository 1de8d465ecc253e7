"""The MkDocs plugin: wires MkDocs events to the pure rendering functions.

It reads the radar (the same loader as `radar check`) and its git history, fails the
build with every problem if the radar is invalid, adds the generated pages as virtual
files (nothing is written into docs/), keeps symlinks and files outside docs/ out of the
site, and sanitises the HTML of every page that holds text written in a pull request.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from radar_as_code.errors import RadarError
from radar_as_code.render import pages
from radar_as_code.render.rules import rules_page
from radar_as_code.site import assets, mount, sanitize
from radar_as_code.site.publish import read_site

log = logging.getLogger("mkdocs.plugins.radar")
HEAD = "<!-- radar: badges and tags -->"
TAIL = "<!-- radar: generated lists and tables -->"


class RadarOptions(base.Config):
    root = c.Type(str, default=".")  # the radar's folder (radar/, adr/), from mkdocs.yml
    prefix = c.Type(str, default="")  # the site folder its pages are mounted in: "radar"
    edit_url = c.Type(str, default="")  # "edit" prefix; default from repo_url + edit_uri
    history = c.Type(bool, default=True)  # read editions from git tags
    upcoming = c.Type(bool, default=True)  # show what was merged since the latest edition
    nav = c.Type(bool, default=True)  # generate the navigation when mkdocs.yml has none


class RadarPlugin(BasePlugin[RadarOptions]):
    def __init__(self) -> None:
        self.site: pages.Site | None = None
        self.trusted: set[str] = set()
        self.generated: dict[str, pages.Page] = {}
        self.mount = ""
        self.sources: dict[str, str] = {}  # radar file -> its path from docs/ (edit button)
        self.diagrams = False  # a page has a Mermaid diagram: the site gets Mermaid

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent / self.config.root
        try:
            self.mount = mount.folder(self.config.prefix)
        except ValueError as exc:
            raise PluginError(f"radar: {exc}") from None
        docs_dir = Path(config.docs_dir)
        edit_url = self.config.edit_url or \
            mount.edit_prefix(config.repo_url, config.edit_uri, docs_dir, root)
        collecting = gc.isenabled()
        gc.unfreeze()  # `mkdocs serve` rebuilds: the last build's snapshot may go now
        gc.disable()  # reading the radar makes many small objects that all stay alive
        try:
            self.site = dataclasses.replace(
                read_site(root, history=self.config.history, edit_url=edit_url or None,
                          upcoming=self.config.upcoming), mount=self.mount)
        except RadarError as exc:
            raise PluginError(f"radar: {exc}") from None
        finally:
            # The snapshot lives as long as the build: out of the collector's way, so that
            # each full collection during the build does not walk it again.
            gc.freeze()
            if collecting:
                gc.enable()
        if self.config.nav and config.nav is None:
            docs = sorted(p.relative_to(config.docs_dir).as_posix()
                          for p in Path(config.docs_dir).rglob("*.md")
                          if not p.is_symlink())
            config.nav = mount.nav(self.mount, [*pages.generated_nav(self.site), pages.RULES],
                                   docs, self.site.radar.config.title)
        if assets.STYLE not in config.extra_css:  # the plugin's own stylesheet and script
            config.extra_css.append(assets.STYLE)
        if assets.SCRIPT not in [str(s) for s in config.extra_javascript]:
            script = ExtraScriptValue(assets.SCRIPT)
            script.defer = True
            config.extra_javascript.append(script)
        self.diagrams = False
        radar = self.site.radar
        self.sources = {path: mount.source_uri(docs_dir, root, path) for path in (
            *(b.path for b in radar.blips.values()), *(d.path for d in radar.decisions.values()))}
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        docs_dir = os.path.realpath(config.docs_dir)
        for file in list(files):
            source = file.abs_src_path
            if source is None or file.src_dir is None or \
                    os.path.realpath(file.src_dir) != docs_dir:
                continue  # generated, or the theme's own files
            real = os.path.realpath(source)
            if Path(source).is_symlink() or os.path.commonpath([real, docs_dir]) != docs_dir:
                log.warning("radar: %s is a symbolic link or outside docs/; not published",
                            file.src_uri)
                files.remove(file)

        at = self.mount
        # Links between generated pages are relative: the same wherever they are mounted.
        generated = {mount.mounted(at, path): page for path, page in pages.pages(
            self.site, pages.url_links(config.use_directory_urls), rules_page).items()}
        clashes = sorted(p for p in [*generated, *assets.SOURCES]
                         if files.get_file_from_path(p) is not None)
        if clashes:
            raise PluginError("radar: docs/ has pages the radar generates: " + ", ".join(clashes)
                              + " (to add the radar to a site with its own pages, mount it "
                              "in a folder: `prefix: radar`)")
        hidden = {mount.mounted(at, path) for path in self.sources} | \
                 {mount.mounted(at, b.path) for b in self.site.shown.blips.values()}
        editions = mount.mounted(at, "editions/")
        for path, generated_page in generated.items():
            inclusion = InclusionLevel.NOT_IN_NAV if path in hidden or \
                (path.startswith(editions) and path != mount.mounted(at, pages.EDITIONS_INDEX)) \
                else InclusionLevel.UNDEFINED
            file = File.generated(config, path, content=generated_page.body, inclusion=inclusion)
            source = self.sources.get(path[len(at) + 1:] if at else path)
            if source is not None:
                file.edit_uri = source  # the theme's edit button opens the radar's file
            files.append(file)
        for path, asset in assets.SOURCES.items():
            files.append(File.generated(config, path, abs_src_path=str(asset)))
        self.trusted = set(generated) - hidden
        self.generated = generated
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        generated = self.generated.get(page.file.src_uri)
        if generated is None:
            return markdown  # a page of docs/
        # The metadata comes from the page itself, never from text MkDocs took for it.
        page.meta = generated.meta()
        return generated.body

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        if page.file.src_uri not in self.trusted:
            html = sanitize.clean(html)
        generated = self.generated.get(page.file.src_uri)
        if generated is None:
            return html
        # The head (badges and tags under the title) and the tail (lists and tables of
        # links, already on other pages) join the page after the search index has read it:
        # markers here, replaced in on_post_page. Tags reach the index through page.meta.
        if generated.head:
            title_end = html.find("</h1>")
            html = html[:title_end + 5] + HEAD + html[title_end + 5:] if title_end >= 0 \
                else HEAD + html
        return html + TAIL if generated.tail else html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if assets.has_diagram(output):
            self.diagrams = True
            output = assets.with_mermaid(output, get_relative_url(assets.FOLDER, page.url))
        generated = self.generated.get(page.file.src_uri)
        if generated is None:
            return output
        output = assets.scoped(output)
        if generated.head:
            output = output.replace(HEAD, generated.head, 1)
        return output.replace(TAIL, generated.tail, 1) if generated.tail else output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.diagrams:
            assets.copy_mermaid(config.site_dir)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        root = Path(config.config_file_path).parent / self.config.root
        for folder in ("radar", "adr"):
            server.watch(str(root / folder))
        return server
