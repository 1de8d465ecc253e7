"""The site's pages as Markdown text: pure functions of a snapshot and its history.

Every value from the radar's files is escaped with ``render.text``; the bodies of blips
and decision records are included as their authors wrote them (the site sanitises the
rendered HTML). Links between pages are relative ``.md`` links, which MkDocs checks and
turns into URLs, and which any other Markdown site engine understands.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from radar_as_code import jsonview
from radar_as_code.diff import Change
from radar_as_code.lint.links import resolve
from radar_as_code.model import Blip, Decision, Radar
from radar_as_code.render import svg
from radar_as_code.render.text import attr, inline, meta_title, slug
from radar_as_code.timeline import Comparison, EditionSummary, day

Linker = Callable[[str, str], str]  # (source page, target page) -> relative URL


@dataclass(frozen=True)
class Page:
    """A generated page: Markdown for the site engine, and an HTML tail appended to the
    rendered page as is (long generated lists and tables, already escaped, that gain
    nothing from going through Markdown)."""

    markdown: str
    tail: str = ""
    head: str = ""  # HTML shown right under the page's title

    def text(self) -> str:
        """One Markdown text for engines without a way to add HTML after rendering."""
        markdown = self.markdown
        if self.head:
            title, sep, rest = markdown.partition("\n# ")
            line, _, after = rest.partition("\n")
            markdown = f"{title}{sep}{line}\n\n{self.head}\n{after}" if sep else \
                f"{self.head}\n{markdown}"
        return markdown + (f"\n{self.tail}\n" if self.tail else "")


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
    def link(source: str, target: str) -> str:
        src, dst = _url(source, directory_urls), _url(target, directory_urls)
        base = src.rstrip("/") if src.endswith("/") else posixpath.dirname(src)
        rel = _relative(dst.rstrip("/"), base)
        return rel + "/" if dst.endswith("/") or not dst else rel
    return link


HOME = "index.md"
TAGS = "tags.md"
RULES = "rules.md"
ADR_INDEX = "adr/index.md"
EDITIONS_INDEX = "editions/index.md"
SINCE_LAST = "editions/since-last.md"
MARK_KINDS = {"new": "new", "back": "new", "moved-in": "moved-in", "moved-out": "moved-out"}


@dataclass(frozen=True)
class Chronicle:
    """What git says about the radar: its editions and what changed since the last one."""

    editions: tuple[EditionSummary, ...] = ()
    since_last: Comparison | None = None

    def moves(self) -> dict[str, str]:
        if self.since_last is None:
            return {}
        return {c.id: MARK_KINDS[c.kind] for c in self.since_last.changes if c.kind in MARK_KINDS}


@dataclass(frozen=True)
class Site:
    radar: Radar
    chronicle: Chronicle = field(default_factory=Chronicle)
    edit_url: str | None = None  # prefix of "edit this page" links, e.g. .../edit/main/


def quadrant_page(quadrant: str) -> str:
    return f"quadrants/{quadrant}.md"


def edition_page(tag: str) -> str:
    return f"editions/{slug(tag)}.md"


def _front(title: str, tags: tuple[str, ...] = (), hide: tuple[str, ...] = (),
           search_exclude: bool = False) -> str:
    out = ["---", f"title: {meta_title(title)}"]
    if search_exclude:  # every blip has its own page; the overview would only repeat them
        out += ["search:", "  exclude: true"]
    if tags:
        out.append("tags:")
        out += [f"  - {tag}" for tag in tags]
    if hide:
        out.append("hide:")
        out += [f"  - {item}" for item in hide]
    out.append("---")
    return "\n".join(out) + "\n\n"


def _labels(radar: Radar) -> tuple[dict[str, str], dict[str, str]]:
    config = radar.config
    return ({r.id: r.label for r in config.rings}, {q.id: q.label for q in config.quadrants})


def _change_word(site: Site, kind: str) -> str:
    labels = site.radar.config.labels
    return {"new": labels.new, "back": labels.back, "moved-in": labels.moved_in,
            "moved-out": labels.moved_out, "quadrant-changed": labels.quadrant_changed,
            "renamed": labels.renamed, "retired": labels.retired, "removed": labels.removed,
            "revised": labels.revised}[kind]


def _a(href: str, text: str) -> str:
    return f'<a href="{attr(href)}">{attr(text)}</a>'


def _table(head: list[str], rows: list[list[str]], right: tuple[int, ...] = ()) -> str:
    def cell(tag: str, index: int, value: str) -> str:
        align = ' style="text-align: right"' if index in right else ""
        return f"<{tag}{align}>{value}</{tag}>"
    out = ["<table>", "<thead><tr>" + "".join(cell("th", i, attr(h)) for i, h in
                                              enumerate(head)) + "</tr></thead>", "<tbody>"]
    out += ["<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>"
            for row in rows]
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def _blip_link(radar: Radar, source: str, ident: str) -> str:
    blip = radar.blips[ident]
    return f"[{inline(blip.meta.title)}]({markdown_links(source, blip.path)})"


def legend(site: Site) -> dict[str, str]:
    """The words of the picture's legend and accessible names."""
    labels = site.radar.config.labels
    return {"none": labels.no_change, "new": labels.new, "moved-in": labels.moved_in,
            "moved-out": labels.moved_out, "blips": labels.blips}


def home(site: Site, link: Linker) -> Page:
    radar, labels = site.radar, site.radar.config.labels
    rings, quadrants = _labels(radar)
    moves = site.chronicle.moves()
    picture = svg.picture(radar, moves, lambda i: link(HOME, radar.blips[i].path),
                          legend(site))
    out = [_front(radar.config.title, hide=("toc",), search_exclude=True),
           f"# {inline(radar.config.title)}\n"]
    if radar.config.description:
        out.append(inline(radar.config.description) + "\n")
    since = f" ({labels.since_last.lower()})" if site.chronicle.since_last else ""
    rows = []
    for blip in jsonview.ordered_blips(radar):
        number = radar.numbers.get(blip.id)
        if number is None:
            continue
        move = moves.get(blip.id)
        rows.append([str(number), _a(link(HOME, blip.path), blip.meta.title),
                     _a(link(HOME, quadrant_page(blip.meta.quadrant)),
                        quadrants[blip.meta.quadrant]),
                     attr(rings[blip.meta.ring]), attr(_change_word(site, move)) if move else ""])
    table = _table(["#", labels.blip, labels.quadrant, labels.ring, labels.change + since],
                   rows, right=(0,))
    tail = (f'<div class="radar-picture-box">\n{picture}\n</div>\n'
            f'<h2 id="blips">{attr(labels.blips.capitalize())}</h2>\n{table}')
    return Page("\n".join(out) + "\n", tail)


def quadrant(site: Site, ident: str, link: Linker) -> Page:
    radar, labels = site.radar, site.radar.config.labels
    entry = next(q for q in radar.config.quadrants if q.id == ident)
    page = quadrant_page(ident)
    blips = [b for b in jsonview.ordered_blips(radar)
             if b.meta.quadrant == ident and b.id in radar.numbers]
    counts = [(ring, [b for b in blips if b.meta.ring == ring.id]) for ring in radar.config.rings]
    summary = f"**{len(blips)} {inline(labels.blips)}**" + "".join(
        f" | {len(items)} {inline(ring.label)}" for ring, items in counts if items)
    out = [_front(entry.label), f"# {inline(entry.label)}\n", summary + "\n"]
    if entry.description:
        out.append(inline(entry.description) + "\n")
    tail = []
    for ring, items in counts:
        if not items:
            continue
        tail.append(f'<h2 id="{attr(ring.id)}">{attr(ring.label)} ({len(items)})</h2>')
        if ring.description:
            tail.append(f"<p><em>{attr(ring.description)}</em></p>")
        tail.append(_table(["#", labels.blip, labels.tags], [
            [str(radar.numbers[b.id]), _a(link(page, b.path), b.meta.title),
             ", ".join(attr(t) for t in b.meta.tags)] for b in items], right=(0,)))
    retired = [b for b in radar.blips.values()
               if b.meta.quadrant == ident and b.meta.status == "retired"]
    if retired:
        tail.append(f'<h2 id="retired">{attr(labels.retired)}</h2>')
        tail.append("<ul>" + "".join(f"<li>{_a(link(page, b.path), b.meta.title)}</li>"
                                     for b in sorted(retired, key=lambda b: b.id)) + "</ul>")
    return Page("\n".join(out) + "\n", "\n".join(tail))


def rewrite_links(doc: Blip | Decision) -> str:
    """The body, with links to files under docs/ pointed at where the site serves them."""
    body = doc.body
    lines = body.text.split("\n")
    for link in sorted(body.links, key=lambda k: (k.line, -k.col)):
        target = resolve(doc.path, link.target)
        if target is None or not target.startswith("docs/") or "://" in link.target:
            continue
        fragment = "#" + link.target.split("#", 1)[1] if "#" in link.target else ""
        new = markdown_links(doc.path, target.removeprefix("docs/")) + fragment
        index = link.line - body.first_line
        line = lines[index]
        start = link.col - 1 + (1 if line[link.col - 1:link.col] == "<" else 0)
        if line[start:start + len(link.target)] == link.target:
            lines[index] = line[:start] + new + line[start + len(link.target):]
    return "\n".join(lines).strip() + "\n"


def _badges(items: list[tuple[str, str]]) -> str:
    spans = " ".join(f'<span class="radar-badge radar-{attr(kind)}">{attr(text)}</span>'
                     for kind, text in items)
    return f'<p class="radar-badges">{spans}</p>\n'


def _history(site: Site, blip: Blip, link: Linker) -> list[str]:
    labels = site.radar.config.labels
    rings, quadrants = _labels(site.radar)
    editions = site.chronicle.editions
    if not editions:
        return []
    names = {blip.id, *blip.meta.former_ids}
    rows = []
    for summary in editions:
        found = next((summary.state[n] for n in sorted(names) if n in summary.state), None)
        where = [_a(link(blip.path, edition_page(summary.tag.name)), summary.tag.name),
                 day(summary.tag.date)]
        if found is None:
            rows.append([*where, f"<em>{attr(labels.absent)}</em>", ""])
            continue
        quad, ring, status = found
        shown = attr(rings.get(ring, ring)) + (
            f" ({attr(labels.retired.lower())})" if status == "retired" else "")
        rows.append([*where, shown, attr(quadrants.get(quad, quad))])
    return [f'<h2 id="history">{attr(labels.history)}</h2>',
            _table([labels.edition, labels.date, labels.ring, labels.quadrant], rows)]


def blip_page(site: Site, blip: Blip, link: Linker) -> Page:
    radar, labels = site.radar, site.radar.config.labels
    rings, quadrants = _labels(radar)
    meta = blip.meta
    badges = [("ring", rings.get(meta.ring, meta.ring)),
              ("quadrant", quadrants.get(meta.quadrant, meta.quadrant))]
    if meta.status == "retired":
        badges.append(("retired", labels.retired))
    number = radar.numbers.get(blip.id)
    heading = f"{number}. {meta.title}" if number else meta.title
    out = [_front(meta.title, meta.tags), f"# {inline(heading)}\n"]
    out.append(rewrite_links(blip))
    tail = []
    related = [r for r in meta.related if r in radar.blips]
    if related:
        tail.append(f'<h2 id="related">{attr(labels.related)}</h2>')
        tail.append("<ul>" + "".join(
            f"<li>{_a(link(blip.path, radar.blips[r].path), radar.blips[r].meta.title)} "
            f"({attr(rings[radar.blips[r].meta.ring])}, "
            f"{attr(quadrants[radar.blips[r].meta.quadrant])})</li>" for r in related) + "</ul>")
    decisions = [d for d in meta.decisions if d in radar.decisions]
    if decisions:
        tail.append(f'<h2 id="decisions">{attr(labels.decisions)}</h2>')
        tail.append("<ul>" + "".join(
            f"<li>{_a(link(blip.path, radar.decisions[d].path), _decision_name(radar, d))} "
            f"({attr(radar.decisions[d].meta.status)})</li>" for d in decisions) + "</ul>")
    tail += _history(site, blip, link)
    footer = f"<em>{attr(labels.reviewed)}: {meta.reviewed.isoformat()}</em>"
    if site.edit_url:
        footer += f" · {_a(site.edit_url + blip.path, labels.edit)}"
    tail.append(f'<p class="radar-footer">{footer}</p>')
    return Page("\n".join(out) + "\n", "\n".join(tail), _badges(badges))


def _decision_name(radar: Radar, ident: str) -> str:
    return f"{ident[:4]}: {radar.decisions[ident].meta.title}"


def _decision_link(radar: Radar, source: str, ident: str) -> str:
    decision = radar.decisions[ident]
    return (f"[{inline(ident[:4])}: {inline(decision.meta.title)}]"
            f"({markdown_links(source, decision.path)}) ({inline(decision.meta.status)})")


def decision_page(site: Site, decision: Decision) -> str:
    radar, labels = site.radar, site.radar.config.labels
    meta = decision.meta
    out = [_front(f"{decision.id[:4]}: {meta.title}"),
           f"# {inline(decision.id[:4])}: {inline(meta.title)}\n",
           _badges([("status", meta.status), ("date", meta.date.isoformat())]),
           f"{inline(labels.deciders)}: " + ", ".join(inline(d) for d in meta.deciders) + "\n"]
    for label, refs in ((labels.supersedes, meta.supersedes),
                        (labels.superseded_by, meta.superseded_by)):
        known = [r for r in refs if r in radar.decisions]
        if known:
            out.append(f"{inline(label)}: " + ", ".join(
                _decision_link(radar, decision.path, r) for r in known) + "\n")
    out.append(rewrite_links(decision))
    concerned = [b for b in meta.blips if b in radar.blips]
    if concerned:
        out.append(f"## {inline(labels.concerns)}\n")
        out += [f"- {_blip_link(radar, decision.path, b)}" for b in concerned]
        out.append("")
    if site.edit_url:
        out.append(f"[{inline(labels.edit)}]({attr(site.edit_url + decision.path)})")
    return "\n".join(out) + "\n"


def decision_index(site: Site) -> str:
    radar, labels = site.radar, site.radar.config.labels
    out = [_front(labels.decisions), f"# {inline(labels.decisions)}\n"]
    for status in ("accepted", "proposed", "deprecated", "superseded", "rejected"):
        items = sorted((d for d in radar.decisions.values() if d.meta.status == status),
                       key=lambda d: d.id)
        if not items:
            continue
        out.append(f"## {inline(status.capitalize())} ({len(items)})\n")
        out.append(f"| # | {inline(labels.decision)} | {inline(labels.date)} | "
                   f"{inline(labels.concerns)} |")
        out.append("| --- | --- | --- | --- |")
        for d in items:
            blips = ", ".join(_blip_link(radar, ADR_INDEX, b) for b in d.meta.blips
                              if b in radar.blips)
            link = markdown_links(ADR_INDEX, d.path)
            out.append(f"| {inline(d.id[:4])} | [{inline(d.meta.title)}]({link}) | "
                       f"{d.meta.date.isoformat()} | {blips} |")
        out.append("")
    return "\n".join(out) + "\n"


def _changes_table(site: Site, source: str, changes: tuple[Change, ...]) -> list[str]:
    radar, labels = site.radar, site.radar.config.labels
    rings, quadrants = _labels(radar)
    if not changes:
        return [inline(labels.nothing_moved), ""]
    out = [f"| {inline(labels.blip)} | {inline(labels.change)} | {inline(labels.from_)} | "
           f"{inline(labels.to)} |", "| --- | --- | --- | --- |"]
    for change in changes:
        name = (_blip_link(radar, source, change.id) if change.id in radar.blips
                else inline(change.title))
        if change.kind == "quadrant-changed":
            before = quadrants.get(change.from_quadrant or "", change.from_quadrant or "")
            after = quadrants.get(change.to_quadrant or "", change.to_quadrant or "")
        elif change.kind == "renamed":
            before, after = change.former_id or "", change.id
        else:
            before = rings.get(change.from_ring or "", change.from_ring or "")
            after = rings.get(change.to_ring or "", change.to_ring or "")
        out.append(f"| {name} | {inline(_change_word(site, change.kind))} | {inline(before)} | "
                   f"{inline(after)} |")
    return [*out, ""]


def edition(site: Site, summary: EditionSummary) -> str:
    labels = site.radar.config.labels
    _rings, _ = _labels(site.radar)
    page = edition_page(summary.tag.name)
    counts = summary.counts["ring"]
    total = sum(counts.values())
    out = [_front(f"{labels.edition} {summary.tag.name}"),
           f"# {inline(labels.edition)} {inline(summary.tag.name)}\n",
           f"{inline(labels.date)}: {day(summary.tag.date)}\n",
           f"**{total} {inline(labels.blips)}**" + "".join(
               f" | {counts[r.id]} {inline(r.label)}" for r in site.radar.config.rings
               if counts.get(r.id)) + "\n"]
    since = summary.since_previous
    if since is not None:
        out.append(f"## {inline(labels.change)}: {inline(since.base.ref)} → "
                   f"{inline(summary.tag.name)}\n")
        out += _changes_table(site, page, since.changes)
        out.append(f"{since.unchanged} {inline(labels.unchanged)}.\n")
    return "\n".join(out) + "\n"


def since_last(site: Site) -> str:
    labels = site.radar.config.labels
    comparison = site.chronicle.since_last
    out = [_front(labels.since_last), f"# {inline(labels.since_last)}\n"]
    if comparison is None:
        return "\n".join([*out, inline(labels.no_editions)]) + "\n"
    out.append(f"{inline(comparison.base.ref)} → {inline(comparison.head.ref)}\n")
    out += _changes_table(site, SINCE_LAST, comparison.changes)
    out.append(f"{comparison.unchanged} {inline(labels.unchanged)}.\n")
    return "\n".join(out) + "\n"


def editions_index(site: Site) -> str:
    labels = site.radar.config.labels
    out = [_front(labels.editions), f"# {inline(labels.editions)}\n",
           f"- [{inline(labels.since_last)}]({markdown_links(EDITIONS_INDEX, SINCE_LAST)})\n"]
    if not site.chronicle.editions:
        return "\n".join([*out, inline(labels.no_editions)]) + "\n"
    out.append(f"| {inline(labels.edition)} | {inline(labels.date)} | {inline(labels.blips)} | "
               f"{inline(labels.change)} |")
    out.append("| --- | --- | ---: | ---: |")
    for summary in reversed(site.chronicle.editions):
        moved = len(summary.since_previous.changes) if summary.since_previous else ""
        out.append(f"| [{inline(summary.tag.name)}]"
                   f"({markdown_links(EDITIONS_INDEX, edition_page(summary.tag.name))}) | "
                   f"{day(summary.tag.date)} | {sum(summary.counts['ring'].values())} | {moved} |")
    return "\n".join(out) + "\n"


def tags_page(site: Site) -> str:
    labels = site.radar.config.labels
    return _front(labels.tags) + f"# {inline(labels.tags)}\n\n<!-- material/tags -->\n"


def pages(site: Site, link: Linker, rules_page: Callable[[], str]) -> dict[str, Page]:
    """Every generated page, by site path."""
    radar = site.radar
    out = {HOME: home(site, link), ADR_INDEX: Page(decision_index(site)),
           EDITIONS_INDEX: Page(editions_index(site)), SINCE_LAST: Page(since_last(site)),
           TAGS: Page(tags_page(site)), RULES: Page(rules_page())}
    for entry in radar.config.quadrants:
        out[quadrant_page(entry.id)] = quadrant(site, entry.id, link)
    for blip in radar.blips.values():
        out[blip.path] = blip_page(site, blip, link)
    for decision in radar.decisions.values():
        out[decision.path] = Page(decision_page(site, decision))
    for summary in site.chronicle.editions:
        out[edition_page(summary.tag.name)] = Page(edition(site, summary))
    return out


def generated_nav(site: Site) -> list[Mapping[str, object]]:
    """The navigation: sections only; blip and record pages are reached from them."""
    config, labels = site.radar.config, site.radar.config.labels
    return [
        {attr(config.title): HOME},
        {attr(labels.quadrants): [{attr(q.label): quadrant_page(q.id)} for q in config.quadrants]},
        {attr(labels.decisions): ADR_INDEX},
        {attr(labels.editions): EDITIONS_INDEX},
        {attr(labels.tags): TAGS},
    ]
