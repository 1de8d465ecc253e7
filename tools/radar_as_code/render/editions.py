"""The pages of the radar's history: one per edition, showing the radar as it was with
every change of that edition, and the index of editions. Every change comes from
comparing two revisions, exactly as `radar diff` does (``docs/editions.md``)."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Mapping
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from radar_as_code.core.model import Radar, RadarConfig
from radar_as_code.editions.archive import EditionSummary, Note
from radar_as_code.editions.diff import KINDS, Change
from radar_as_code.editions.report import from_to
from radar_as_code.editions.timeline import Comparison, edition_day
from radar_as_code.render import svg
from radar_as_code.render.marks import key_html, origins
from radar_as_code.render.page import (
    EDITIONS_INDEX,
    UPCOMING,
    Linker,
    Page,
    Site,
    a,
    change_word,
    edition_page,
    markdown_links,
    marks,
)
from radar_as_code.render.text import attr, count, inline

if TYPE_CHECKING:
    import markdown


def picture(site: Site, radar: Radar, moves: Mapping[str, str],
            href: Callable[[str], str], news: Comparison | None = None) -> str:
    """The picture of an edition's radar (the one place the history draws one), its key
    beneath it; ``news``: the edition's changes, for "moved in from Trial"."""
    from radar_as_code.render.overview import legend  # overview shows the news: a cycle

    words = legend(site)
    drawing = svg.picture(radar, moves, href, words, key=False, origins=origins(news))
    return (f'<figure class="radar-figure">\n{drawing}\n'
            f"<figcaption>{key_html(words)}</figcaption></figure>")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


@functools.cache
def _engine() -> markdown.Markdown:
    """One Markdown engine for every quotation (making one costs more than using it)."""
    import markdown

    return markdown.Markdown()


def plain(markdown_text: str) -> str:
    """Markdown written in a blip, as plain text: its markup rendered, then dropped (the
    caller escapes the result)."""
    parser = _Text()
    parser.feed(_engine().reset().convert(markdown_text))
    parser.close()
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


def counts_line(site: Site, summary: EditionSummary) -> str:
    """"12 blips | 3 Adopt | 9 Trial" (Markdown)."""
    labels, counts = site.radar.config.labels, summary.counts["ring"]
    total = count(sum(counts.values()), labels.one_blip, labels.blips)
    return f"**{inline(total)}**" + "".join(
        f" | {counts[r.id]} {inline(r.label)}" for r in summary.config.rings if counts.get(r.id))


def kinds_line(site: Site, comparison: Comparison) -> str:
    """"2 new, 3 moved in; 30 unchanged" (plain text)."""
    found = [(kind, sum(1 for c in comparison.changes if c.kind == kind)) for kind in KINDS]
    words = [f"{n} {change_word(site, kind).lower()}" for kind, n in found if n]
    unchanged = f"{comparison.unchanged} {site.radar.config.labels.unchanged}"
    return f"{', '.join(words)}; {unchanged}" if words else \
        f"{site.radar.config.labels.nothing_moved} {unchanged}"


def blip_ref(site: Site, source: str, link: Linker, ident: str, title: str,
             number: int | None = None) -> str:
    """A changed blip as HTML: its number at the edition, its title, linked to its page
    when the site has one."""
    text = f"{number}. {title}" if number else title
    page = site.page_of(ident)
    return a(link(source, page), text) if page else attr(text)


def _record(site: Site, source: str, link: Linker, record_id: str, title: str,
            status: str) -> str:
    name = f"{record_id[:4]}: {title}" if title else record_id
    current = site.radar.decisions.get(record_id)
    shown = a(link(source, current.path), name) if current else attr(name)
    return f"{shown} ({attr(status)})" if status else shown


def changes_html(site: Site, source: str, link: Linker, comparison: Comparison,
                 numbers: Mapping[str, int], notes: Mapping[str, Note] | None = None) -> str:
    """Every change, grouped by kind: a heading and a list per kind; with ``notes``, each
    changed blip's decision records and decision as written at the edition."""
    labels = site.radar.config.labels
    out = []
    for kind in KINDS:
        group = in_order([c for c in comparison.changes if c.kind == kind], numbers)
        if not group:
            continue
        word = change_word(site, kind)
        out.append(f'<h2 id="{kind}">{attr(word)} ({len(group)})</h2>')
        items = [_item(site, source, link, comparison.config, change, numbers,
                       (notes or {}).get(change.id), labels.decision)
                 for change in group]
        out.append('<ul class="radar-changes">' + "".join(items) + "</ul>")
    return "\n".join(out)


def in_order(changes: list[Change], numbers: Mapping[str, int]) -> list[Change]:
    """Changes of one kind by blip number, those without one last (retired, removed)."""
    return sorted(changes, key=lambda c: (numbers.get(c.id, len(numbers) + 1),
                                          c.title.casefold(), c.id))


def _item(site: Site, source: str, link: Linker, config: RadarConfig, change: Change,
          numbers: Mapping[str, int], note: Note | None, record_word: str) -> str:
    before, after = from_to(config, change)
    if change.kind in ("retired", "removed"):
        where = f"{site.radar.config.labels.from_.lower()} {before}"
    elif change.kind in ("new", "revised"):
        where = after
    else:
        where = f"{before} → {after}" if before else after
    name = blip_ref(site, source, link, change.id, change.title, numbers.get(change.id))
    parts = [f'<strong>{name}</strong> <span class="radar-change-where">{attr(where)}</span>']
    if note is not None and note.records:
        parts.append(f'<br><span class="radar-change-records">{attr(record_word)}: ' + ", ".join(
            _record(site, source, link, r.id, r.title, r.status) for r in note.records) +
            "</span>")
    if note is not None and note.decision:
        parts.append(f'<blockquote class="radar-change-decision">'
                     f"{html.escape(plain(note.decision))}</blockquote>")
    return (f'<li class="radar-change" data-change="{attr(change.kind)}" '
            f'data-blip="{attr(change.id)}">' + "".join(parts) + "</li>")


def edition(site: Site, position: int, link: Linker) -> Page:
    """An edition as it was: its picture with its marks, every change, its counts."""
    labels = site.radar.config.labels
    summaries = site.chronicle.editions
    summary = summaries[position]
    page = edition_page(summary.tag.name)
    name = site.edition_name(summary)
    since = summary.since_previous
    out = [f"# {inline(name)}\n", f"{inline(labels.date)}: {edition_day(summary.tag)} · "
           f"{inline(summary.tag.name)}\n", counts_line(site, summary) + "\n"]
    out.append(inline(labels.first_edition) + "." if since is None
               else inline(kinds_line(site, since)) + ".")
    numbers = summary.radar.numbers

    def href(ident: str) -> str:
        target = site.page_of(ident)
        return link(page, target) if target else f"#gone-{ident}"

    nav = []
    if position > 0:
        before = summaries[position - 1]
        nav.append(f"← {attr(labels.previous_edition)}: "
                   f"{a(link(page, edition_page(before.tag.name)), site.edition_name(before))}")
    if position + 1 < len(summaries):
        after = summaries[position + 1]
        nav.append(f"{attr(labels.next_edition)}: "
                   f"{a(link(page, edition_page(after.tag.name)), site.edition_name(after))} →")
    tail = [f'<p class="radar-edition-nav">{" · ".join(nav)}</p>'] if nav else []
    tail.append(f'<div class="radar-view radar-edition">\n'
                f"{picture(site, summary.radar, marks(since), href, since)}\n</div>")
    if since is not None:
        tail.append(changes_html(site, page, link, since, numbers, summary.notes))
    gone = [b for b in summary.radar.blips.values()
            if b.id in numbers and site.page_of(b.id) is None]
    if gone:
        tail.append(f'<h2 id="not-on-site">{attr(labels.not_on_site)}</h2>')
        tail.append("<ul>" + "".join(
            f'<li id="gone-{attr(b.id)}">{numbers[b.id]}. {attr(b.meta.title)}</li>'
            for b in sorted(gone, key=lambda b: numbers[b.id])) + "</ul>")
    return Page(name, "\n".join(out) + "\n", tail="\n".join(tail), hide=("toc",))


def editions_index(site: Site, link: Linker) -> Page:
    labels = site.radar.config.labels
    out = [f"# {inline(labels.editions)}\n"]
    chronicle = site.chronicle
    if not chronicle.hide_upcoming and chronicle.latest is not None:
        ahead = chronicle.upcoming
        pending = f" ({len(ahead.changes)})" if ahead is not None else ""
        target = markdown_links(EDITIONS_INDEX, UPCOMING)
        out.append(f"[{inline(labels.upcoming)}{pending}]({target}): "
                   f"{inline(labels.upcoming_intro)}.\n")
    if not chronicle.editions:
        return Page(labels.editions, "\n".join([*out, inline(labels.no_editions)]) + "\n")
    items = []
    for summary in reversed(chronicle.editions):  # a list, not a table: it fits a phone
        since = summary.since_previous
        what = kinds_line(site, since).split(";")[0] if since else labels.first_edition
        total = count(sum(summary.counts["ring"].values()), labels.one_blip, labels.blips)
        name = a(link(EDITIONS_INDEX, edition_page(summary.tag.name)), site.edition_name(summary))
        items.append(f"<li>{name} · {edition_day(summary.tag)} · {attr(total)} · "
                     f"{attr(what)}</li>")
    tail = '<ul class="radar-editions">' + "".join(items) + "</ul>"
    return Page(labels.editions, "\n".join(out) + "\n", tail=tail)
