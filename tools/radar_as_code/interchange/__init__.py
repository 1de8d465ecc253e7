"""Other radar tools' formats: export to them, import from them.

One module per format; the registries below list every one, and a format's module is
imported only when it is used. Exports are derived from the snapshot and its editions
(movement columns are computed, never copied); imports become this tool's files, and a
source with several releases becomes a git history with one edition tag per release.
The mapping of each format, field by field, is in docs/formats.md.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType

# format -> (module under radar_as_code.interchange, its export function)
EXPORTERS: dict[str, tuple[str, str]] = {
    "json": ("native", "export"),
    "byor-csv": ("byor", "export_csv"),
    "byor-json": ("byor", "export_json"),
    "zalando": ("zalando", "export"),
    "backstage": ("backstage", "export"),
    "aoe": ("aoe_export", "export"),
}
# format -> (module, its read function, how it reads: "files", one release per file, or
# "history", one source that holds the whole radar and its releases)
IMPORTERS: dict[str, tuple[str, str, str]] = {
    "byor-csv": ("byor", "read_csv", "files"),
    "byor-json": ("byor", "read_json", "files"),
    "zalando": ("zalando", "read", "files"),
    "aoe": ("aoe", "read_folder", "history"),
    "backstage": ("backstage_read", "read", "history"),
}
IMPORT_FORMATS = tuple(IMPORTERS)


def module(name: str) -> ModuleType:
    return importlib.import_module(f"radar_as_code.interchange.{name}")


def function(entry: tuple[str, ...]) -> Callable[..., object]:
    found: Callable[..., object] = getattr(module(entry[0]), entry[1])
    return found
