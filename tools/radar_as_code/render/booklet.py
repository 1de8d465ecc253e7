"""An edition as one printable HTML document, the booklet's source: a cover, the picture,
what changed, then one part per quadrant (a new page each) with its list by ring and
every blip's rationale. Pure: a snapshot in, a string out.

Blip text is untrusted: it is rendered with the Markdown engine and cleaned by the
site's sanitiser; links to other blips become links inside the booklet. The document
forbids itself every request (a Content-Security-Policy of ``default-src 'none'``), so
an image or a style in a blip cannot reach the network when the booklet is printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from radar_as_code.core.layout import file_id, is_blip_path
from radar_as_code.core.model import Blip, Radar
from radar_as_code.editions.diff import KINDS
from radar_as_code.editions.report import from_to
from radar_as_code.editions.timeline import Comparison
from radar_as_code.lint.links import resolve
from radar_as_code.render import svg
from radar_as_code.render.page import marks
from radar_as_code.render.text import attr, count

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
STYLE = """
@page { size: A4; margin: 18mm 16mm 20mm;
  @bottom-center { content: counter(page); font: 9pt sans-serif; color: #555; } }
@page :first { @bottom-center { content: none; } }
html { font: 10.5pt/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111; }
body { margin: 0; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; line-height: 1.2; }
h2 { font-size: 17pt; margin: 0 0 6pt; }
h3 { font-size: 12.5pt; margin: 14pt 0 4pt; }
h4 { font-size: 10.5pt; margin: 10pt 0 2pt; }
h5, h6 { font-size: 10pt; margin: 8pt 0 2pt; }
p, li { orphans: 3; widows: 3; }
a { color: inherit; text-decoration: none; }
pre, code { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; }
pre { white-space: pre-wrap; background: #f3f5f6; padding: 6pt; }
table { border-collapse: collapse; }
td, th { border: 0.5pt solid #aaa; padding: 2pt 4pt; }
.cover { height: 240mm; display: flex; flex-direction: column; justify-content: center;
  break-after: page; page-break-after: always; }
.cover h1 { font-size: 30pt; margin: 0 0 10pt; }
.cover .edition { font-size: 18pt; margin: 0 0 4pt; }
.cover .date, .cover .counts { font-size: 12pt; color: #444; margin: 0 0 4pt; }
.picture { break-after: page; page-break-after: always; }
.picture svg { width: 100%; height: auto; }
.part { break-before: page; page-break-before: always; }
.rings { columns: 2; column-gap: 10mm; }
.rings h3 { margin-top: 0; }
.ring { break-inside: avoid; page-break-inside: avoid; }
.rings ol { margin: 0 0 8pt; padding-left: 0; list-style: none; }
.blip { border-top: 0.5pt solid #bbb; margin-top: 12pt; }
.where { color: #444; font-size: 9.5pt; margin: 0 0 4pt; }
.changes li { margin: 0 0 2pt; }
"""


@dataclass(frozen=True)
class Edition:
    """What a booklet shows: the radar at an edition, with its title, date and changes."""

    radar: Radar  # read whole at the edition tag
    title: str
    date: str
    news: Comparison | None  # against the edition before (None: the first edition)
    draft: bool = False  # the working tree before any edition: no changes to tell


def _body(blip: Blip, radar: Radar) -> str:
    """A blip's rationale as clean HTML, its links to other blips kept inside the booklet."""
    import markdown

    from radar_as_code.site import sanitize

    rendered = sanitize.clean(markdown.markdown(blip.body.text, extensions=["tables"]))

    def target(match: re.Match[str]) -> str:
        href = match.group(1)
        path = None if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I) else \
            resolve(blip.path, href)
        if path is not None and is_blip_path(path) and file_id(path) in radar.numbers:
            return f'href="#blip-{attr(file_id(path))}"'
        return match.group(0)
    # Headings of a rationale sit under the blip's own heading.
    rendered = re.sub(r"<(/?)h([1-4])\b", lambda m: f"<{m.group(1)}h{int(m.group(2)) + 2}",
                      rendered)
    return re.sub(r'href="([^"]*)"', target, rendered)


def _changes(edition: Edition) -> list[str]:
    news, labels = edition.news, edition.radar.config.labels
    if news is None:
        text = labels.no_editions if edition.draft else f"{labels.first_edition}."
        return [f"<p>{attr(text)}</p>"]
    words = {"new": labels.new, "back": labels.back, "moved-in": labels.moved_in,
             "moved-out": labels.moved_out, "quadrant-changed": labels.quadrant_changed,
             "renamed": labels.renamed, "retired": labels.retired, "removed": labels.removed,
             "revised": labels.revised}
    if not news.changes:
        return [f"<p>{attr(labels.nothing_moved)}</p>"]
    out = ['<ul class="changes">']
    for kind in KINDS:
        for change in (c for c in news.changes if c.kind == kind):
            before, after = from_to(news.config, change)
            where = " → ".join(x for x in (before, after) if x)
            if change.kind in ("retired", "removed"):
                where = f"{labels.from_.lower()} {before}"
            name = attr(change.title)
            if change.id in edition.radar.numbers:
                name = f'<a href="#blip-{attr(change.id)}">' \
                       f"{edition.radar.numbers[change.id]}. {name}</a>"
            out.append(f"<li><strong>{attr(words[kind])}</strong>: {name}"
                       f"{f' ({attr(where)})' if where else ''}</li>")
    return [*out, "</ul>"]


def render(edition: Edition) -> str:
    radar = edition.radar
    config, labels = radar.config, radar.config.labels
    numbers = radar.numbers
    rings = {r.id: r.label for r in config.rings}
    counts = [(r, sum(1 for i in numbers if radar.blips[i].meta.ring == r.id))
              for r in config.rings]
    legend = {"none": labels.no_change, "new": labels.new, "moved-in": labels.moved_in,
              "moved-out": labels.moved_out, "blips": labels.blips}
    picture = svg.picture(radar, marks(edition.news), lambda i: f"#blip-{i}", legend)
    out = ["<!doctype html>", f'<html lang="{attr(config.language)}">', "<head>",
           '<meta charset="utf-8">',
           f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
           f"<title>{attr(config.title)}: {attr(edition.title)}</title>",
           f"<style>{STYLE}</style>", "</head>", "<body>",
           '<section class="cover">', f"<h1>{attr(config.title)}</h1>",
           f'<p class="edition">{attr(edition.title)}</p>',
           f'<p class="date">{attr(edition.date)}</p>',
           f'<p class="counts">{attr(count(len(numbers), labels.one_blip, labels.blips))}: '
           + ", ".join(
               f"{n} {attr(r.label)}" for r, n in counts if n) + "</p>",
           f"<p>{attr(config.description)}</p>" if config.description else "", "</section>",
           f'<section class="picture">{picture}', f"<h2>{attr(labels.change)}</h2>",
           *_changes(edition), "</section>"]
    for quadrant in config.quadrants:
        blips = [radar.blips[i] for i in sorted(numbers, key=numbers.__getitem__)
                 if radar.blips[i].meta.quadrant == quadrant.id]
        out.append(f'<section class="part" id="quadrant-{attr(quadrant.id)}">')
        out.append(f"<h2>{attr(quadrant.label)} "
                   f"({attr(count(len(blips), labels.one_blip, labels.blips))})</h2>")
        if quadrant.description:
            out.append(f"<p>{attr(quadrant.description)}</p>")
        out.append('<div class="rings">')
        for ring in config.rings:
            items = [b for b in blips if b.meta.ring == ring.id]
            if items:
                out.append(f'<div class="ring"><h3>{attr(ring.label)} ({len(items)})</h3><ol>'
                           + "".join(f'<li><a href="#blip-{attr(b.id)}">{numbers[b.id]}. '
                                     f"{attr(b.meta.title)}</a></li>" for b in items)
                           + "</ol></div>")
        out.append("</div>")
        for blip in blips:
            tags = f" · {attr(', '.join(blip.meta.tags))}" if blip.meta.tags else ""
            out.append(f'<article class="blip" id="blip-{attr(blip.id)}">'
                       f"<h3>{numbers[blip.id]}. {attr(blip.meta.title)}</h3>"
                       f'<p class="where">{attr(rings[blip.meta.ring])}, '
                       f"{attr(quadrant.label)}{tags}</p>{_body(blip, radar)}</article>")
        out.append("</section>")
    out += ["</body>", "</html>"]
    return "\n".join(line for line in out if line) + "\n"
