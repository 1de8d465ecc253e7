"""Every reference in front matter resolves.

A blip's ``related`` blips and ``decisions``, a decision record's ``blips``,
``supersedes`` and ``superseded_by`` must name existing files; nothing refers to
itself, and no list names the same id twice. A reference to a renamed blip's former id
is reported with the blip's current id.

Fails:

```yaml
related: [streamlit, steamlit]   # no blip 'steamlit' (did you mean 'streamlit'?)
decisions: [0042-use-polars]      # no decision record '0042-use-polars'
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from radar_as_code.core import suggest
from radar_as_code.core.model import Blip, Decision
from radar_as_code.core.problem import Level, Problem
from radar_as_code.lint.context import Context

ID = "references"
LEVEL: Level = "error"


class _Hints(suggest.Budget):
    """Close matches for unknown references, while the budget lasts (a search compares
    with every id of the radar)."""

    def __call__(self, value: str, index: Mapping[str, tuple[str, ...]]) -> str:
        import difflib  # only for a hint: start-up counts (tools/decisions/0006)

        close = difflib.get_close_matches(value, list(index), n=1) if self.take() else []
        return f" (did you mean '{close[0]}'?)" if close else ""


def _check_list(doc: Blip | Decision, key: str, values: tuple[str, ...], what: str,
                index: Mapping[str, tuple[str, ...]] | None,
                renamed: Mapping[str, str], hint: _Hints) -> Iterator[Problem]:
    seen: set[str] = set()
    for position, value in enumerate(values):
        where = doc.source.position((key, position))
        if value in seen:
            yield Problem(doc.path, *where, ID, LEVEL, f"{key}: '{value}' is listed twice")
            continue
        seen.add(value)
        if value == doc.id:
            yield Problem(doc.path, *where, ID, LEVEL, f"{key}: '{value}' refers to itself")
        elif index is None:
            pass  # tags and other lists without an index: only duplicates matter
        elif value in renamed:
            yield Problem(doc.path, *where, ID, LEVEL,
                          f"{key}: '{value}' was renamed to '{renamed[value]}'; "
                          "refer to the current id")
        elif value not in index:
            yield Problem(doc.path, *where, ID, LEVEL,
                          f"{key}: no {what} '{value}'{hint(value, index)}")


def check(ctx: Context) -> Iterator[Problem]:
    radar = ctx.radar
    renamed = {former: blip.id for blip in radar.blips.values()
               for former in blip.meta.former_ids if former not in radar.blip_paths}
    hint = _Hints()
    for blip in radar.blips.values():
        about = blip.meta
        yield from _check_list(blip, "tags", about.tags, "tag", None, {}, hint)
        yield from _check_list(blip, "former_ids", about.former_ids, "id", None, {}, hint)
        yield from _check_list(blip, "related", about.related, "blip", radar.blip_paths,
                               renamed, hint)
        yield from _check_list(blip, "decisions", about.decisions, "decision record",
                               radar.decision_paths, {}, hint)
    for decision in radar.decisions.values():
        meta = decision.meta
        yield from _check_list(decision, "blips", meta.blips, "blip", radar.blip_paths, renamed,
                               hint)
        yield from _check_list(decision, "supersedes", meta.supersedes, "decision record",
                               radar.decision_paths, {}, hint)
        yield from _check_list(decision, "superseded_by", meta.superseded_by,
                               "decision record", radar.decision_paths, {}, hint)
