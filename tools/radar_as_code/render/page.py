"""What a generated page is, where each page lives, how pages link to each other, and the
small HTML pieces the pages share. Pure: no I/O, no site engine.

Every value from the radar's files is escaped with ``render.text``; the bodies of blips
and decision records are included as their authors wrote them (the site sanitises the
rendered HTML). Links between pages are relative ``.md`` links, which MkDocs checks and
turns into URLs, and which any other Markdown site engine understands.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from radar_as_code.core.model import Blip, Radar
from radar_as_code.editions.archive import EditionSummary, edition_title
from radar_as_code.editions.timeline import Comparison
from radar_as_code.render.text import attr, inline, slug

Linker = Callable[[str, str], str]  # (source page, target page) -> relative URL

HOME = "index.md"
TAGS = "tags.md"
RULES = "rules.md"
ADR_INDEX = "adr/index.md"
EDITIONS_INDEX = "editions/index.md"
UPCOMING = "editions/since-last.md"  # what was merged since the latest edition
MARK_KINDS = {"new": "new", "back": "new", "moved-in": "moved-in", "moved-out": "moved-out"}


@dataclass(frozen=True)
class Page:
    """A generated page: its title and Markdown body for the site engine, HTML shown right
    under the title (``head``), and an HTML ``tail`` appended to the rendered page as is
    (long generated lists and tables, already escaped, that gain nothing from Markdown).
    The body always starts with the page's heading, never with metadata."""

    title: str
    body: str
    head: str = ""
    tail: str = ""
    hide: tuple[str, ...] = ()  # parts of the theme's layout to hide ("toc")
    search_exclude: bool = False  # pages that only repeat what other pages say
    tags: tuple[str, ...] = ()  # for the search index (the page shows them in its head)

    def meta(self) -> dict[str, object]:
        """The page's metadata as a site engine reads it from front matter. Themes put the
        title into navigation and search without escaping it, so it is escaped here."""
        meta: dict[str, object] = {"title": attr(self.title)}
        if self.search_exclude:
            meta["search"] = {"exclude": True}
        if self.tags:
            meta["tags"] = list(self.tags)
        if self.hide:
            meta["hide"] = list(self.hide)
        return meta

    def text(self) -> str:
        """One Markdown file, front matter included, for engines without a way to add
        HTML before or after the rendered body."""
        front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
                        for key, value in self.meta().items())
        body = self.body
        if self.head:
            line, _, rest = body.partition("\n")
            body = f"{line}\n\n{self.head}\n{rest}"
        return f"---\n{front}---\n\n{body}" + (f"\n{self.tail}\n" if self.tail else "")


@dataclass(frozen=True)
class Chronicle:
    """What git says about the radar, by the rule of ``docs/editions.md``: its editions,
    the latest edition's radar as the site shows it, and what was merged since then."""

    editions: tuple[EditionSummary, ...] = ()
    # The latest edition's radar, each blip's path that of its page on this site.
    shown: Radar | None = None
    # The latest edition against the working tree (what `radar diff` reports); None
    # before the first edition, or when the site hides it.
    upcoming: Comparison | None = None
    hide_upcoming: bool = False

    @property
    def latest(self) -> EditionSummary | None:
        return self.editions[-1] if self.editions else None

    @property
    def news(self) -> Comparison | None:
        """The latest edition against the one before (None for the first edition)."""
        return self.latest.since_previous if self.latest else None

    def moves(self) -> dict[str, str]:
        """The marks of the latest edition's picture, by blip id."""
        return marks(self.news)


def renamed(radar: Radar) -> dict[str, Blip]:
    """Blips by the former ids they no longer use."""
    return {former: blip for blip in radar.blips.values()
            for former in blip.meta.former_ids if former not in radar.blip_paths}


def marks(comparison: Comparison | None) -> dict[str, str]:
    """Blip id -> the mark its change gets on a picture."""
    if comparison is None:
        return {}
    return {c.id: MARK_KINDS[c.kind] for c in comparison.changes if c.kind in MARK_KINDS}


@dataclass(frozen=True)
class Site:
    radar: Radar  # the working tree: every page's text
    chronicle: Chronicle = field(default_factory=Chronicle)
    edit_url: str | None = None  # prefix of "edit this page" links, e.g. .../edit/main/
    today: date | None = None  # the build's date: blips due for review are marked
    mount: str = ""  # the site folder the pages are mounted in ("" for the site's root)

    @property
    def shown(self) -> Radar:
        """The radar the site presents (picture, numbers, rings, lists): the latest
        edition's, or the working tree's before the first edition."""
        return self.chronicle.shown or self.radar

    @cached_property
    def _renamed(self) -> dict[str, Blip]:
        return renamed(self.radar)

    def page_of(self, ident: str) -> str | None:
        """The page of a blip known by any id it had: its page from the working tree (a
        blip renamed since has the new one's), else the page the site makes for a blip of
        the latest edition that the working tree no longer has; None when there is none."""
        blip = self.radar.blips.get(ident) or self._renamed.get(ident) or \
            self.shown.blips.get(ident)
        return blip.path if blip else None

    @cached_property
    def _names(self) -> dict[str, str]:
        word = self.radar.config.labels.edition
        return {s.tag.name: edition_title(s.tag, s.config.edition_tag, word)
                for s in self.chronicle.editions}

    def edition_name(self, summary: EditionSummary) -> str:
        return self._names[summary.tag.name]


def quadrant_page(quadrant: str) -> str:
    return f"quadrants/{quadrant}.md"


def edition_page(tag: str) -> str:
    return f"editions/{slug(tag)}.md"


# --- links ------------------------------------------------------------------------------

def markdown_links(source: str, target: str) -> str:
    """Links between the Markdown files themselves (for another site engine)."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def _url(path: str, directory_urls: bool) -> str:
    stem = posixpath.splitext(path)[0]
    if posixpath.basename(stem) == "index":
        return posixpath.dirname(stem) + "/" if posixpath.dirname(stem) else ""
    return f"{stem}/" if directory_urls else f"{stem}.html"


def _relative(target: str, base: str) -> str:
    """``posixpath.relpath`` for clean relative paths ("a/b"), without its file-system
    calls: the site has thousands of links."""
    to, start = [p for p in target.split("/") if p], [p for p in base.split("/") if p]
    common = 0
    while common < min(len(to), len(start)) and to[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + to[common:]) or "."


def url_links(directory_urls: bool) -> Linker:
    """Links between the built pages, as MkDocs writes them."""
    urls: dict[str, str] = {}  # each page's URL, computed once: pages link to each other a lot

    def url(path: str) -> str:
        found = urls.get(path)
        if found is None:
            found = urls[path] = _url(path, directory_urls)
        return found

    def link(source: str, target: str) -> str:
        src, dst = url(source), url(target)
        base = src.rstrip("/") if src.endswith("/") else posixpath.dirname(src)
        rel = _relative(dst.rstrip("/"), base)
        return rel + "/" if dst.endswith("/") or not dst else rel
    return link


# --- shared pieces ----------------------------------------------------------------------

def labels_of(radar: Radar) -> tuple[dict[str, str], dict[str, str]]:
    """Ring and quadrant labels by id."""
    config = radar.config
    return ({r.id: r.label for r in config.rings}, {q.id: q.label for q in config.quadrants})


def change_word(site: Site, kind: str) -> str:
    labels = site.radar.config.labels
    return {"new": labels.new, "back": labels.back, "moved-in": labels.moved_in,
            "moved-out": labels.moved_out, "quadrant-changed": labels.quadrant_changed,
            "renamed": labels.renamed, "retired": labels.retired, "removed": labels.removed,
            "revised": labels.revised}[kind]


def blip_link(radar: Radar, source: str, ident: str) -> str:
    """A Markdown link from page ``source`` to a blip's page, its title as the text."""
    blip = radar.blips[ident]
    return f"[{inline(blip.meta.title)}]({markdown_links(source, blip.path)})"


def a(href: str, text: str, css: str = "") -> str:
    """A link, its URL and text escaped."""
    cls = f' class="{attr(css)}"' if css else ""
    return f'<a href="{attr(href)}"{cls}>{attr(text)}</a>'


def table(head: list[str], rows: list[list[str]], right: tuple[int, ...] = ()) -> str:
    """An HTML table: ``head`` is text (escaped here), ``rows`` are HTML already."""
    def cell(tag: str, index: int, value: str) -> str:
        align = ' style="text-align: right"' if index in right else ""
        return f"<{tag}{align}>{value}</{tag}>"
    out = ["<table>", "<thead><tr>" + "".join(cell("th", i, attr(h)) for i, h in
                                              enumerate(head)) + "</tr></thead>", "<tbody>"]
    out += ["<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>"
            for row in rows]
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def badges(items: list[tuple[str, str]]) -> str:
    spans = " ".join(f'<span class="radar-badge radar-{attr(kind)}">{attr(text)}</span>'
                     for kind, text in items)
    return f'<p class="radar-badges">{spans}</p>\n'


def tag_anchor(tag: str) -> str:
    """The id of a tag's section on the tags page (prefixed: a tag may be any id, such
    as the page heading's own)."""
    return f"tag-{tag}"


def tag_links(tags: tuple[str, ...], source: str, link: Linker) -> str:
    """Each tag as a link to its section of the tags page."""
    return " ".join(a(f"{link(source, TAGS)}#{tag_anchor(tag)}", tag, "radar-tag")
                    for tag in tags)
