"""Where the radar sits in a MkDocs site: the URL folder its pages are mounted in (so that
an existing site with its own home page gains the radar under e.g. ``/radar/``), the
navigation it adds, and where "edit this page" leads (MkDocs' ``repo_url`` and
``edit_uri``, which point at the docs folder, turned towards the radar's own files).
Pure functions of paths and strings."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Mapping, Sequence
from pathlib import Path
from urllib.parse import urljoin

NavEntry = Mapping[str, object]


def folder(prefix: str) -> str:
    """The URL prefix as a folder path ("radar", "team/radar"; "" for the site's root).
    A ValueError for a prefix that would leave the site."""
    cleaned = prefix.strip().strip("/")
    if not cleaned:
        return ""
    parts = cleaned.split("/")
    if any(p in ("", ".", "..") for p in parts) or "\\" in cleaned:
        raise ValueError(f"prefix '{prefix}' must be a folder inside the site, such as "
                         "'radar'")
    return cleaned


def mounted(mount: str, path: str) -> str:
    """A generated page's path in the site."""
    return f"{mount}/{path}" if mount else path


def nav(mount: str, generated: Sequence[NavEntry | str], docs: Sequence[str], title: str
        ) -> list[object]:
    """The navigation of a site that has none: the radar's sections first; when the radar
    is mounted in a folder, the site's own pages first and the radar as one section."""
    if not mount:
        return [*generated, *docs]
    return [*docs, {title: [_moved(mount, entry) for entry in generated]}]


def _moved(mount: str, entry: object) -> object:
    if isinstance(entry, str):
        return mounted(mount, entry)
    if isinstance(entry, Mapping):
        return {key: _moved(mount, value) for key, value in entry.items()}
    if isinstance(entry, list):
        return [_moved(mount, item) for item in entry]
    return entry


def edit_prefix(repo_url: str | None, edit_uri: str | None, docs_dir: Path,
                root: Path) -> str | None:
    """The "edit" URL of the radar's folder, from MkDocs' settings: ``edit_uri`` leads to
    the docs folder (``edit/main/docs/``); the radar's files are found from there. None
    when the site has no edit links."""
    if not edit_uri:
        return None
    base = urljoin(repo_url.rstrip("/") + "/", edit_uri) if repo_url else edit_uri
    relative = Path(os.path.relpath(root, docs_dir)).as_posix()
    return base if relative == "." else urljoin(base, relative + "/")


def source_uri(docs_dir: Path, root: Path, path: str) -> str:
    """A radar file's path relative to the docs folder, as MkDocs joins it to
    ``repo_url`` and ``edit_uri`` for the theme's edit button."""
    return posixpath.normpath(Path(os.path.relpath(root, docs_dir)).as_posix() + "/" + path)
