"""A comparison as text, Markdown (pull-request comments, release notes) or JSON."""

from __future__ import annotations

import re
from typing import Any

from radar_as_code.core.model import RadarConfig
from radar_as_code.editions.diff import Change
from radar_as_code.editions.timeline import Comparison
from radar_as_code.lint.report import printable

FORMATS = ("text", "markdown", "json")
WORDS = {"new": "new", "back": "back", "moved-in": "moved in", "moved-out": "moved out",
         "quadrant-changed": "changed quadrant", "renamed": "renamed", "retired": "retired",
         "removed": "removed", "revised": "rationale revised"}
SIGNS = {"new": "★", "back": "↺", "moved-in": "▲", "moved-out": "▼", "quadrant-changed": "⇄",
         "renamed": "✎", "retired": "✕", "removed": "✕", "revised": "✎"}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#!|~<>@&])")


def md_text(text: str) -> str:
    """Plain text, shown literally in GitHub Markdown: no markup, no HTML, no mentions."""
    return _MD_SPECIAL.sub(r"\\\1", printable(text)).replace("\\<", "&lt;").replace("\\>", "&gt;")


def _label(config: RadarConfig, kind: str, ident: str | None) -> str:
    if ident is None:
        return ""
    entries = config.rings if kind == "ring" else config.quadrants
    return next((e.label for e in entries if e.id == ident or ident in e.former_ids), ident)


def _ends(comparison: Comparison) -> tuple[str, str]:
    def name(ref: str, sha: str | None) -> str:
        return f"{ref} ({sha[:10]})" if sha else ref
    return (name(comparison.base.ref, comparison.base.sha),
            name(comparison.head.ref, comparison.head.sha))


def from_to(config: RadarConfig, change: Change) -> tuple[str, str]:
    """What a change went from and to, as labels: rings, quadrants or ids; a retired or
    removed blip goes to nothing (it leaves the radar from its ring)."""
    if change.kind == "quadrant-changed":
        return (_label(config, "quadrant", change.from_quadrant),
                _label(config, "quadrant", change.to_quadrant))
    if change.kind == "renamed":
        return change.former_id or "", change.id
    if change.kind in ("retired", "removed"):
        return _label(config, "ring", change.from_ring), ""
    return _label(config, "ring", change.from_ring), _label(config, "ring", change.to_ring)


def column(values: list[str], least: int, most: int = 60) -> int:
    """The width of a text column: its longest value (at least ``least``, at most
    ``most``: a longer value shifts its own line only)."""
    return max(least, min(most, max((len(v) for v in values), default=0)))


def text(comparison: Comparison) -> str:
    config = comparison.config
    base, head = _ends(comparison)
    lines = [f"{base} -> {head}"]
    ids, titles = (column([printable(getattr(c, key)) for c in comparison.changes], least)
                   for key, least in (("id", 28), ("title", 32)))
    for change in comparison.changes:
        before, after = from_to(config, change)
        arrow = f"{before} -> {after}" if before and after and before != after \
            else before or after
        lines.append(f"  {WORDS[change.kind]:<17} {printable(change.id):<{ids}} "
                     f"{printable(change.title):<{titles}} {printable(arrow)}".rstrip())
    for problem in comparison.problems:
        lines.append(f"  problem: {problem.path}:{problem.line}:{problem.col}: "
                     f"{printable(problem.message)} [{problem.rule}]")
    lines.append(f"{len(comparison.changes)} change{'s' * (len(comparison.changes) != 1)}, "
                 f"{comparison.unchanged} unchanged")
    return "\n".join(lines) + "\n"


def markdown(comparison: Comparison, link_base: str | None = None) -> str:
    config = comparison.config
    base, head = _ends(comparison)
    out = [f"### Radar changes: {md_text(base)} → {md_text(head)}", ""]
    if comparison.changes:
        out += ["| | Blip | Change | From | To |", "| --- | --- | --- | --- | --- |"]
        for change in comparison.changes:
            title = md_text(change.title)
            if link_base and change.kind != "removed":
                title = f"[{title}]({link_base.rstrip('/')}/radar/{change.id}/)"
            before, after = from_to(config, change)
            out.append(f"| {SIGNS[change.kind]} | {title} | {WORDS[change.kind]} | "
                       f"{md_text(before)} | {md_text(after)} |")
    else:
        out.append("No blip changed.")
    out += ["", f"{comparison.unchanged} blip{'s' * (comparison.unchanged != 1)} unchanged."]
    if comparison.problems:
        out += ["", f"**{len(comparison.problems)} problem(s)** (run `radar check`):", ""]
        out += [f"- `{p.path}:{p.line}:{p.col}` {md_text(p.message)} ({p.rule})"
                for p in comparison.problems]
    return "\n".join(out) + "\n"


def as_dict(comparison: Comparison) -> dict[str, Any]:
    return {"base": comparison.base.as_dict(), "head": comparison.head.as_dict(),
            "changes": [c.as_dict() for c in comparison.changes],
            "unchanged": comparison.unchanged,
            "problems": [p.as_dict() for p in comparison.problems]}


def render(comparison: Comparison, fmt: str, link_base: str | None = None) -> str:
    if fmt == "json":
        import json  # imported for this format only: start-up counts (decision 0006)

        return json.dumps(as_dict(comparison), indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return markdown(comparison, link_base)
    return text(comparison)
