"""The text of each file `radar init` writes, from the templates shipped in the package
(``scaffold/templates/``, package data). Placeholders are ``@@name@@``: they never clash
with GitHub's ``${{ }}`` expressions or with Markdown. Pure: no file is written here."""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass
from datetime import date
from importlib import resources

from radar_as_code.scaffold.pins import Pins
from radar_as_code.scaffold.presets import ADR_SECTIONS, BLIP_SECTIONS, Choices, Entry, words

_PLACEHOLDER = re.compile(r"@@([a-z_]+)@@")
# The published hook's file pattern (.pre-commit-hooks.yaml), below the radar's folder.
HOOK_FILES = r"(radar/.*\.md|radar/radar\.yml|adr/.*\.md)$"


@dataclass(frozen=True)
class Options(Choices):
    """Everything a new radar is made from: the person's choices, and the rest."""

    description: str
    site_prefix: str  # the site folder of the radar's pages; "" for the site's root
    repo_url: str | None  # e.g. https://github.com/acme/tech-radar: edit links
    branch: str  # the repository's main branch: CI runs on pushes to it
    pins: Pins
    today: date
    deciders: str


def template(name: str, **values: str) -> str:
    """A template with every ``@@name@@`` replaced (a missing value is a bug)."""
    text = resources.files("radar_as_code.scaffold").joinpath("templates", name).read_text(
        encoding="utf-8")
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


_PLAIN = re.compile(r"^[^\W\d_][\w &.,'()/+-]*$")
_RESERVED = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


def scalar(value: str) -> str:
    """A YAML scalar for any text: plain when it reads back as the same string in every
    YAML version, else double-quoted (JSON's strings are YAML too)."""
    if _PLAIN.match(value) and value.lower() not in _RESERVED and not value.endswith(" ") \
            and len(value) <= 60:
        return value
    return json.dumps(value, ensure_ascii=False)


def folded(value: str, indent: int) -> str:
    """A long text as a folded block (``>-``), wrapped for reading."""
    import textwrap

    pad = " " * indent
    return ">-\n" + "\n".join(textwrap.wrap(value, 88 - indent, initial_indent=pad,
                                             subsequent_indent=pad))


def language_file(name: str, language: str) -> str:
    """``name.<lang>.md`` for the languages the scaffold speaks, else English."""
    known = "fr" if language.split("-")[0] == "fr" else "en"
    return f"{name}.{known}.md"


def edition_example(pattern: str) -> str:
    return pattern.replace("*", "1") if "*" in pattern else pattern


def radar_yml(options: Options) -> str:
    lang = words(options.language)

    def entries(items: tuple[Entry, ...]) -> str:
        out = []
        for item in items:
            out.append(f"  - id: {item.id}\n    label: "
                       f"{scalar(lang.entries.get(item.id, item.label))}")
            if item.description and options.language.split("-")[0] == "en":
                out.append(f"    description: {folded(item.description, 6)}")
        return "\n".join(out) + "\n"

    def sections(ids: tuple[str, ...], headings: tuple[str, ...]) -> str:
        return "".join(f"  - id: {i}\n    heading: {scalar(h)}\n"
                       for i, h in zip(ids, headings, strict=True))

    labels = "" if not lang.labels else "\n# The words of the site.\nlabels:\n" + "".join(
        f"  {key}: {scalar(value)}\n" for key, value in lang.labels.items())
    return template("radar.yml", title=scalar(options.title),
                    description=folded(options.description, 2), language=options.language,
                    edition_tag=scalar(options.edition_tag),
                    edition_example=edition_example(options.edition_tag),
                    quadrants=entries(options.quadrants), rings=entries(options.rings),
                    blip_sections=sections(BLIP_SECTIONS, lang.blip_headings),
                    adr_sections=sections(ADR_SECTIONS, lang.adr_headings),
                    labels=labels).rstrip("\n") + "\n"


def first_record(options: Options) -> str:
    return template(language_file("adr-0001", options.language),
                    date=options.today.isoformat(), deciders=scalar(options.deciders))


def readme(options: Options) -> str:
    pins = options.pins
    install = f'uv tool install "radar-as-code[site] @ git+{pins.hook_repo}@{pins.hook_rev}"'
    return template(language_file("README", options.language), title=options.title,
                    description_text=options.description, tool_url=pins.hook_repo,
                    quadrant=options.quadrants[0].id, ring=options.rings[1 % len(
                        options.rings)].id, first_ring=options.rings[0].id,
                    edition_example=edition_example(options.edition_tag), install=install)


def mkdocs_yml(options: Options, folder: str) -> str:
    """A new site for the radar (``folder``: the radar's folder in the repository)."""
    docs = f"{folder}/docs/" if folder != "." else "docs/"
    repo = f"repo_url: {options.repo_url}\nedit_uri: edit/{options.branch}/{docs}\n" \
        if options.repo_url else \
        (f"# repo_url: https://github.com/OWNER/REPOSITORY  # \"edit this page\" links\n"
         f"# edit_uri: edit/{options.branch}/{docs}\n")
    plugin = f":\n      prefix: {options.site_prefix}" if options.site_prefix else ""
    pages = pages_url(options.repo_url)
    site_url = f"site_url: {pages}\n" if pages else \
        "# site_url: https://OWNER.github.io/REPOSITORY/  # where the site is published\n"
    return template("mkdocs.yml", title=scalar(options.title),
                    description=scalar(options.description), repo=site_url + repo,
                    language=options.language, plugin_options=plugin)


def pages_url(repo_url: str | None) -> str | None:
    """Where GitHub Pages publishes a GitHub repository's site: a project's site under a
    sub-path (``https://acme.github.io/tech-radar/``), an ``OWNER.github.io`` repository's
    at the root. The 404 page and the sitemap need it."""
    found = re.match(r"^https://github\.com/([\w.-]+)/([\w.-]+?)/?$", repo_url or "")
    if found is None:
        return None
    owner, name = found.group(1).lower(), found.group(2)
    if name.lower() == f"{owner}.github.io":
        return f"https://{owner}.github.io/"
    return f"https://{owner}.github.io/{name}/"


def precommit_hook(pins: Pins, folder: str) -> str:
    """The `repos:` entry of the radar's hook (a radar in a sub-folder says where it is)."""
    hook = "      - id: radar-check\n"
    if folder != ".":
        entry = f"radar -C {shlex.quote(folder)} check --staged --"
        hook += (f"        entry: {scalar(entry)}\n"
                 f"        files: {scalar(f'^{re.escape(folder)}/{HOOK_FILES}')}\n")
    return template("pre-commit-config.yaml", hook_repo=pins.hook_repo,
                    hook_rev=pins.hook_rev, hook=hook)


def workflow(name: str, options: Options, folder: str) -> str:
    pins = options.pins
    note = "" if pins.pinned else (
        f" TODO: pin to the commit of {pins.version} (radar init --action-ref SHA)")
    link_base = "" if not options.site_prefix else (
        "\n          link-base: https://${{ github.repository_owner }}.github.io/"
        "${{ github.event.repository.name }}/" + options.site_prefix)
    prefix = "" if folder == "." else f"{folder}/"
    return template(f"workflows/{name}", action=pins.action, version=pins.version,
                    placeholder_note=note, path=scalar(folder), link_base=link_base,
                    branch=scalar(options.branch), edition_tag=scalar(options.edition_tag),
                    mkdocs_config=scalar(f"{prefix}mkdocs.yml"),
                    site_dir=scalar(f"{prefix}site"))
