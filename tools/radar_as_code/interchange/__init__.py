"""Other radar tools' formats: export to them, import from them.

One module per format; the registries below list every one. Exports are derived from the
snapshot and its editions (movement columns are computed, never copied); imports become
this tool's files, and a source with several releases becomes a git history with one
commit and one edition tag per release.
"""

from collections.abc import Callable

from radar_as_code.interchange import aoe, backstage, byor, native, zalando
from radar_as_code.interchange.source import Source

Exporter = Callable[[Source, "str | None"], dict[str, str]]

EXPORTERS: dict[str, Exporter] = {
    "json": lambda source, link: native.export(source),
    "byor-csv": lambda source, link: byor.export_csv(source),
    "byor-json": lambda source, link: byor.export_json(source),
    "zalando": zalando.export,
    "backstage": backstage.export,
    "aoe": lambda source, link: aoe.export(source),
}
IMPORT_FORMATS = ("byor-csv", "byor-json", "zalando", "aoe")
