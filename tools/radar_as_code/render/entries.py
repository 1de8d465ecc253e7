"""The page of each blip and of each decision record, and the index of the records."""

from __future__ import annotations

from typing import get_args

from radar_as_code.core.model import Blip, Decision, DecisionStatus, Radar
from radar_as_code.core.period import before
from radar_as_code.editions.timeline import edition_day
from radar_as_code.lint.links import resolve
from radar_as_code.render import news
from radar_as_code.render.page import (
    ADR_INDEX,
    UPCOMING,
    Linker,
    Page,
    Site,
    a,
    badges,
    blip_link,
    edition_page,
    markdown_links,
    table,
    tag_links,
)
from radar_as_code.render.text import attr, inline

_SHOWN_FIRST = ("accepted", "proposed", "deprecated", "superseded", "rejected")
# Every status of the model, in reading order: one added to the model is listed too.
STATUSES = sorted(get_args(DecisionStatus), key=lambda s: (
    _SHOWN_FIRST.index(s) if s in _SHOWN_FIRST else len(_SHOWN_FIRST), s))


def rewrite_links(doc: Blip | Decision, mount: str = "") -> str:
    """The body, with links to files under docs/ pointed at where the site serves them
    (at its root, while the radar's pages may be mounted in the folder ``mount``)."""
    body = doc.body
    lines = body.text.split("\n")
    for link in sorted(body.links, key=lambda k: (k.line, -k.col)):
        target = resolve(doc.path, link.target)
        if target is None or not target.startswith("docs/") or "://" in link.target:
            continue
        fragment = "#" + link.target.split("#", 1)[1] if "#" in link.target else ""
        source = f"{mount}/{doc.path}" if mount else doc.path
        new = markdown_links(source, target.removeprefix("docs/")) + fragment
        index = link.line - body.first_line
        line = lines[index]
        start = link.col - 1 + (1 if line[link.col - 1:link.col] == "<" else 0)
        if line[start:start + len(link.target)] == link.target:
            lines[index] = line[:start] + new + line[start + len(link.target):]
    return "\n".join(lines).strip() + "\n"


def _history(site: Site, blip: Blip, link: Linker) -> list[str]:
    labels = site.radar.config.labels
    editions = site.chronicle.editions
    if not editions:
        return []
    names = {blip.id, *blip.meta.former_ids}
    rows = []
    for summary in editions:
        found = next((summary.state[n] for n in sorted(names) if n in summary.state), None)
        where = [a(link(blip.path, edition_page(summary.tag.name)), site.edition_name(summary)),
                 edition_day(summary.tag)]
        if found is None:
            rows.append([*where, f"<em>{attr(labels.absent)}</em>", ""])
            continue
        quad, ring, status = found
        shown = attr(summary.ring_labels.get(ring, ring)) + (
            f" ({attr(labels.retired.lower())})" if status == "retired" else "")
        rows.append([*where, shown, attr(summary.quadrant_labels.get(quad, quad))])
    kinds = news.ahead(site, blip) - {"revised", "renamed"}
    if kinds:  # where the next edition will have it
        meta, upcoming = blip.meta, [a(link(blip.path, UPCOMING), labels.upcoming), ""]
        if "removed" in kinds:
            rows.append([*upcoming, f"<em>{attr(labels.absent)}</em>", ""])
        else:
            rows.append([*upcoming, attr(_label(site, meta.ring, "ring")) + (
                f" ({attr(labels.retired.lower())})" if meta.status == "retired" else ""),
                attr(_label(site, meta.quadrant, "quadrant"))])
    return [f'<h2 id="history">{attr(labels.history)}</h2>',
            table([labels.edition, labels.date, labels.ring, labels.quadrant], rows)]


def blip_page(site: Site, blip: Blip, link: Linker) -> Page:
    """A blip's page: its text from the working tree; its number, ring and quadrant as
    the latest edition shows them, with what was merged since (``docs/editions.md``)."""
    radar, labels = site.radar, site.radar.config.labels
    shown = news.at_edition(site, blip)
    meta = (shown or blip).meta
    marks = [("ring", _label(site, meta.ring, "ring")),
             ("quadrant", _label(site, meta.quadrant, "quadrant"))]
    if meta.status == "retired":
        marks.append(("retired", f"{labels.retired} {meta.retired.isoformat()}"
                      if meta.retired else labels.retired))
    elif _due(site, blip):
        marks.append(("due", labels.review_due))
    if shown is None:
        marks.append(("upcoming", labels.upcoming))
    head = badges(marks) + news.blip_notes(site, blip, link)
    if blip.meta.tags:
        head += f'<p class="radar-tags">{tag_links(blip.meta.tags, blip.path, link)}</p>\n'
    number = site.shown.numbers.get(shown.id) if shown else None
    heading = f"{number}. {blip.meta.title}" if number else blip.meta.title
    # The heading's id is the blip's: anchors do not move when numbers or titles change.
    body = (f'<h1 id="blip-{attr(blip.id)}">{attr(heading)}</h1>\n\n'
            f'{rewrite_links(blip, site.mount)}')
    meta = blip.meta
    tail = []
    related = [r for r in meta.related if r in radar.blips]
    if related:
        tail.append(f'<h2 id="related">{attr(labels.related)}</h2>')
        items = []
        for r in related:
            other = news.at_edition(site, radar.blips[r]) or radar.blips[r]
            items.append(f"<li>{a(link(blip.path, radar.blips[r].path), radar.blips[r].meta.title)}"
                         f" ({attr(_label(site, other.meta.ring, 'ring'))}, "
                         f"{attr(_label(site, other.meta.quadrant, 'quadrant'))})</li>")
        tail.append("<ul>" + "".join(items) + "</ul>")
    decisions = [d for d in meta.decisions if d in radar.decisions]
    if decisions:
        tail.append(f'<h2 id="decisions">{attr(labels.decisions)}</h2>')
        tail.append("<ul>" + "".join(
            f"<li>{a(link(blip.path, radar.decisions[d].path), _decision_name(radar, d))} "
            f"({attr(radar.decisions[d].meta.status)})</li>" for d in decisions) + "</ul>")
    tail += _history(site, blip, link)
    footer = f"<em>{attr(labels.reviewed)}: {meta.reviewed.isoformat()}</em>"
    if site.edit_url:
        footer += f" · {a(site.edit_url + blip.path, labels.edit)}"
    tail.append(f'<p class="radar-footer">{footer}</p>')
    return Page(meta.title, body, head=head, tail="\n".join(tail), tags=meta.tags)


def _label(site: Site, ident: str, kind: str) -> str:
    """A ring's or quadrant's label: as the site's radar has it, else the working tree's."""
    for radar in (site.shown, site.radar):
        entries = radar.config.rings if kind == "ring" else radar.config.quadrants
        for entry in entries:
            if entry.id == ident:
                return entry.label
    return ident


def _due(site: Site, blip: Blip) -> bool:
    """Not reviewed for longer than the config's ``review_after`` (when it sets one)."""
    after = site.radar.config.review_after
    return bool(after and site.today and blip.meta.reviewed < before(site.today, after))


def _decision_name(radar: Radar, ident: str) -> str:
    return f"{ident[:4]}: {radar.decisions[ident].meta.title}"


def _decision_link(radar: Radar, source: str, ident: str) -> str:
    decision = radar.decisions[ident]
    return (f"[{inline(ident[:4])}: {inline(decision.meta.title)}]"
            f"({markdown_links(source, decision.path)}) ({inline(decision.meta.status)})")


def decision_page(site: Site, decision: Decision) -> Page:
    radar, labels = site.radar, site.radar.config.labels
    meta = decision.meta
    out = [f"# {inline(decision.id[:4])}: {inline(meta.title)}\n",
           badges([("status", meta.status), ("date", meta.date.isoformat())]),
           f"{inline(labels.deciders)}: " + ", ".join(inline(d) for d in meta.deciders) + "\n"]
    for label, refs in ((labels.supersedes, meta.supersedes),
                        (labels.superseded_by, meta.superseded_by)):
        known = [r for r in refs if r in radar.decisions]
        if known:
            out.append(f"{inline(label)}: " + ", ".join(
                _decision_link(radar, decision.path, r) for r in known) + "\n")
    out.append(rewrite_links(decision, site.mount))
    concerned = [b for b in meta.blips if b in radar.blips]
    if concerned:
        out.append(f"## {inline(labels.concerns)}\n")
        out += [f"- {blip_link(radar, decision.path, b)}" for b in concerned]
        out.append("")
    if site.edit_url:
        out.append(f"[{inline(labels.edit)}]({attr(site.edit_url + decision.path)})")
    return Page(_decision_name(radar, decision.id), "\n".join(out) + "\n")


def decision_index(site: Site) -> Page:
    radar, labels = site.radar, site.radar.config.labels
    out = [f"# {inline(labels.decisions)}\n"]
    for status in STATUSES:
        items = sorted((d for d in radar.decisions.values() if d.meta.status == status),
                       key=lambda d: d.id)
        if not items:
            continue
        out.append(f"## {inline(status.capitalize())} ({len(items)})\n")
        out.append(f"| # | {inline(labels.decision)} | {inline(labels.date)} | "
                   f"{inline(labels.concerns)} |")
        out.append("| --- | --- | --- | --- |")
        for d in items:
            blips = ", ".join(blip_link(radar, ADR_INDEX, b) for b in d.meta.blips
                              if b in radar.blips)
            link = markdown_links(ADR_INDEX, d.path)
            out.append(f"| {inline(d.id[:4])} | [{inline(d.meta.title)}]({link}) | "
                       f"{d.meta.date.isoformat()} | {blips} |")
        out.append("")
    return Page(labels.decisions, "\n".join(out) + "\n")
