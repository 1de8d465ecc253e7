"""Which files `radar init` writes where, and what it leaves to the user.

A new repository gets everything. In an existing repository, the radar's own files
(its config, its first record, its workflows) must not be there yet: each one that is
stops `radar init`, which lists them all and writes nothing. Files the repository
already has and shares with the radar (mkdocs.yml, .pre-commit-config.yaml, .gitignore,
README.md) are never touched: the lines to add to them are printed instead. Pure: the
caller says which paths exist.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from radar_as_code.scaffold import files
from radar_as_code.scaffold.files import Options

FIRST_RECORD = "adr/0001-keep-the-radar-as-code.md"
WORKFLOWS = ("radar.yml", "radar-comment.yml", "radar-release-notes.yml")
PAGES = "radar-pages.yml"


@dataclass(frozen=True)
class Place:
    """Where the radar goes: its folder, the repository's top, an existing site."""

    radar: Path
    top: Path  # the radar's folder itself when it is not in a repository yet
    site: Path | None = None  # the mkdocs.yml of an existing site

    @property
    def folder(self) -> str:
        """The radar's folder from the repository's top ("." for the top itself)."""
        return Path(os.path.relpath(self.radar, self.top)).as_posix()


@dataclass(frozen=True)
class Plan:
    writes: dict[Path, str]  # new files and their text
    additions: dict[Path, str] = field(default_factory=dict)  # existing file -> to add
    kept: tuple[Path, ...] = ()  # existing files left as they are

    def conflicts(self, exists: Callable[[Path], bool]) -> list[Path]:
        return sorted(p for p in self.writes if exists(p))


def radar_files(options: Options, kept: Path | None = None) -> dict[str, str]:
    """The radar itself, by path in its folder: what is checked before anything else.
    ``kept``: the folder of a radar that is already there (``--keep-radar``): its config is
    kept, and it gets the first record only if it has no record yet."""
    if kept is None:
        return {"radar/radar.yml": files.radar_yml(options),
                FIRST_RECORD: files.first_record(options)}
    has_records = (kept / "adr").is_dir() and any((kept / "adr").glob("[0-9]*.md"))
    return {} if has_records else {FIRST_RECORD: files.first_record(options)}


def site_lines(options: Options, place: Place, nav: list[object] | None) -> str:
    """What an existing mkdocs.yml needs: the plugin, and the radar's section in its
    ``nav`` when it has one (``nav``: the radar's section, None if the site has no nav)."""
    assert place.site is not None
    radar: dict[str, str] = {"prefix": options.site_prefix}
    root = Path(os.path.relpath(place.radar, place.site.parent)).as_posix()
    if root != ".":
        radar["root"] = root
    # `search` is listed: a site without `plugins:` had it by default, and would lose it.
    out = "plugins:\n  - search\n  - radar:\n" + "".join(f"      {k}: {files.scalar(v)}\n"
                                                          for k, v in radar.items())
    if nav is not None:
        out += "nav:\n" + yaml.safe_dump(nav, allow_unicode=True, sort_keys=False,
                                         default_flow_style=False, indent=2)
    return out


def plan(options: Options, place: Place, exists: Callable[[Path], bool],
         site: str = "", keep: bool = False) -> Plan:
    """Every file to write, and what to add to the shared files that exist (``site``: the
    lines for an existing mkdocs.yml; ``keep``: the radar that is there is kept)."""
    folder, radar, top = place.folder, place.radar, place.top
    writes = {radar / path: text
              for path, text in radar_files(options, radar if keep else None).items()}
    additions: dict[Path, str] = {}
    kept: list[Path] = []
    if place.site is None:
        writes[radar / "mkdocs.yml"] = files.mkdocs_yml(options, folder)
        if options.site_prefix:
            writes[radar / "docs" / "index.md"] = files.template(
                files.language_file("home", options.language), title_text=options.title,
                description_text=options.description, prefix=options.site_prefix)
        else:
            writes[radar / "docs" / "about.md"] = files.template(
                files.language_file("about", options.language))
    else:
        additions[place.site] = site
    shared = {radar / "README.md": files.readme(options),
              radar / ".gitignore": files.template("gitignore"),
              top / ".pre-commit-config.yaml": files.precommit_hook(options.pins, folder)}
    for path, text in shared.items():
        if not exists(path):
            writes[path] = text
        elif path.name == ".pre-commit-config.yaml":
            additions[path] = text.split("repos:\n", 1)[1]  # one more entry of `repos:`
        elif path.name == ".gitignore" and place.site is None:
            additions[path] = text
        else:
            kept.append(path)
    names = (*WORKFLOWS, PAGES) if place.site is None else WORKFLOWS
    for name in names:
        writes[top / ".github" / "workflows" / name] = files.workflow(name, options, folder)
    return Plan(writes, additions, tuple(kept))
