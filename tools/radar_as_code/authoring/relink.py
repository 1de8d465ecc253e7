"""A blip or decision record under a new id: its file renamed and every reference to it,
in front-matter lists and in Markdown links of every body, rewritten in place."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from pathlib import Path

from radar_as_code.authoring import edit
from radar_as_code.authoring.operations import Write, checked, read_text
from radar_as_code.core.model import Blip, Decision, Radar
from radar_as_code.lint.links import resolve

Lists = tuple[tuple[str, ...], tuple[str, ...]]  # keys naming it: in blips, in records


def relocate(root: Path, radar: Radar, doc: Blip | Decision, new_id: str, lists: Lists,
             also: Callable[[str], str] = lambda text: text) -> list[Write]:
    """The writes that give ``doc`` the id ``new_id``; ``lists`` are the front-matter keys
    that refer to it, ``also`` a further edit of the document itself."""
    old_id, old_path = doc.id, doc.path
    new_path = posixpath.join(posixpath.dirname(old_path), f"{new_id}.md")
    docs: list[Blip | Decision] = [*radar.blips.values(), *radar.decisions.values()]
    valid = {d.path: d for d in docs}
    writes: list[Write] = []
    for path in sorted(set(radar.bodies) | set(valid)):
        body = radar.bodies.get(path)
        links = [link for link in (body.links if body else ())
                 if resolve(path, link.target) == old_path]
        other = valid.get(path)
        keys = lists[0] if isinstance(other, Blip) else lists[1] if other is not None else ()
        refers = other is not None and any(old_id in getattr(other.meta, k) for k in keys)
        if path != old_path and not links and not refers:
            continue
        text = original = read_text(root, path)
        where = new_path if path == old_path else path
        for link in sorted(links, key=lambda k: (k.line, k.col), reverse=True):
            # from the right: a replacement shifts what follows it on its line
            fragment = "#" + link.target.split("#", 1)[1] if "#" in link.target else ""
            relative = posixpath.relpath(new_path, posixpath.dirname(where) or ".")
            text = edit.replace_at(text, link.line, link.col, link.target, relative + fragment)
        for key in keys:
            text = edit.list_replace(text, key, old_id, new_id)
        if path == old_path:
            text = also(text)
            checked(new_path, text.encode("utf-8"))
            writes.append(Write(new_path, text.encode("utf-8"), remove=old_path))
        elif text != original:
            if other is not None:
                checked(path, text.encode("utf-8"))
            writes.append(Write(path, text.encode("utf-8")))
    return writes
