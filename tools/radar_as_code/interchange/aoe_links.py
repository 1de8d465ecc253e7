"""Links in AOE bodies, to this radar's links. Code (fenced, indented, spans) is left as is.

AOE items link to each other by their pages: ``/segment/id/``, ``/id/``, with or without
the final slash or the old ``.html``, or relative (``segment/id/``, ``../segment/id/``).
Each becomes a link to the blip's file (``wiremock.md``), whatever the segment. An image
or file of the AOE site (``/images/x.png``, from its ``public/`` folder) is copied to
``docs/`` and linked there. A link to a page the AOE site does not have is kept as a
link to that site (``baseUrl`` in config.json), or as text when no site is known. A link
with a scheme other than http, https or mailto is kept as text.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from radar_as_code.core import htmlpolicy, markdown
from radar_as_code.interchange import sources
from radar_as_code.interchange.records import ImportRefused, Problems, Where, refuse

_REFERENCE = re.compile(r"^( {0,3}\[(?:[^\[\]\\]|\\.)+\]:[ \t]*)(<[^<>\n]*>|\S+)(.*)$")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


@dataclass
class Linker:
    ids: dict[str, str]  # AOE id -> blip id
    public: Path | None  # the AOE site's public/ folder
    site: str | None  # baseUrl + basePath of the AOE site
    budget: sources.Budget
    problems: Problems
    files: dict[str, bytes] = field(default_factory=dict)  # docs/... -> content
    site_hint: str = " (baseUrl in config.json)"  # where the source names its site
    notes: list[tuple[Where, str]] = field(default_factory=list)

    def body(self, text: str, where: Where) -> str:
        """The body with its links rewritten, outside code."""
        code = htmlpolicy.code_mask(text)
        out = []
        for index, line in enumerate(text.split("\n")):
            if code[index]:
                out.append(line)
                continue
            here = Where(where.path, where.line + index)
            reference = _REFERENCE.match(line)
            if reference:
                target = self._target(reference.group(2).strip("<>"), here)
                out.append(line if target is None else
                           f"{reference.group(1)}{target}{reference.group(3)}")
                continue
            out.append(self._line(line, here))
        return "\n".join(out)

    def _line(self, line: str, where: Where) -> str:
        """Links found as the linter finds them (outside code spans, a label may be code:
        [`bun`](/x/), in linear time), then rewritten in the line as written."""
        out, pos = [], 0
        for span in markdown.link_spans(line)[0]:
            image = line[span.start:span.label[0]]
            label = line[span.label[0]:span.label[1]]
            target = self._target(line[span.target[0]:span.target[1]].strip("<>").strip(), where)
            title = line[span.target[1]:span.end - 1]
            out.append(line[pos:span.start])
            out.append(label[1:-1] if target is None else f"{image}{label}({target}{title})")
            pos = span.end
        out.append(line[pos:])
        return "".join(out)

    def _target(self, raw: str, where: Where) -> str | None:
        """The link's new target; None to keep its text only."""
        scheme = _SCHEME.match(raw)
        if scheme:
            if scheme.group(1).lower() in htmlpolicy.URL_SCHEMES:
                return raw
            self.notes.append((where, f"link '{raw[:60]}' has a scheme that is not allowed: "
                               "kept as text"))
            return None
        if raw.startswith("#") or raw.startswith("//") or not raw:
            return raw
        path, sep, fragment = raw.partition("#")
        path = unquote(path.split("?", 1)[0])
        parts = [p for p in posixpath.normpath("/" + path).split("/") if p]
        last = parts[-1].removesuffix(".html") if parts else ""
        if last in self.ids and len(parts) <= 3:
            return f"{self.ids[last]}.md{sep}{fragment}"
        copied = self._copy(parts, where)
        if copied is not None:
            return copied + sep + fragment
        if self.site:
            url = f"{self.site.rstrip('/')}/{'/'.join(parts)}{'/' if raw.endswith('/') else ''}"
            self.notes.append((where, f"link '{raw[:60]}' names no item: now links to {url}"))
            return url + sep + fragment
        self.notes.append((where, f"link '{raw[:60]}' names no item and no site is known"
                           f"{self.site_hint}: kept as text"))
        return None

    def _copy(self, parts: list[str], where: Where) -> str | None:
        """A file of the AOE site's public folder, copied to docs/; its link from radar/."""
        if self.public is None or not parts or any(p in ("", ".", "..") for p in parts):
            return None
        source = self.public.joinpath(*parts)
        if not source.is_file() or source.is_symlink():
            return None
        name = "docs/" + "/".join(parts)
        if name not in self.files:
            try:
                self.files[name] = sources.read_bytes(source, Where(str(source)),
                                                      sources.MAX_IMAGE, self.budget,
                                                      follow=False)
            except ImportRefused as exc:  # recorded; the rest is still checked
                self.problems.found.extend(exc.problems)
                return None
        return "../" + name


def check_site(base_url: object, base_path: object, where: Where) -> str | None:
    """The AOE site's address from config.json, when it is an absolute http(s) URL."""
    if not isinstance(base_url, str) or not base_url.strip():
        return None
    if not re.match(r"^https?://[^\s/]+", base_url.strip()):
        raise refuse(where, f"baseUrl {base_url!r:.60} is not an http(s) URL")
    path = base_path.strip("/") if isinstance(base_path, str) else ""
    return base_url.strip().rstrip("/") + (f"/{path}" if path else "")
