"""`radar init [DIR]`: a new radar repository that passes its own checks at once, or a
radar added to an existing repository and MkDocs site (``--site-prefix``)."""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import date
from pathlib import Path

from radar_as_code.errors import UsageError
from radar_as_code.scaffold import presets
from radar_as_code.scaffold.files import Options
from radar_as_code.scaffold.plan import Place, Plan
from radar_as_code.scaffold.presets import PRESETS, Choices, entry

_SHA = re.compile(r"^[0-9a-f]{40}$")


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", nargs="?", default=".", metavar="DIR",
                        help="the radar's folder (default: the current one); created if "
                             "missing, `git init` if it is in no repository")
    parser.add_argument("--preset", choices=sorted(PRESETS),
                        help="quadrants and rings: thoughtworks (Techniques, Tools, "
                             "Platforms, Languages & Frameworks) or ai (this project's own)")
    parser.add_argument("--title")
    parser.add_argument("--description")
    parser.add_argument("--quadrant", action="append", default=[], metavar="LABEL",
                        help="a quadrant, in order (repeat; `id=Label` chooses its id)")
    parser.add_argument("--ring", action="append", default=[], metavar="LABEL",
                        help="a ring, from the centre outwards (repeat; `id=Label`)")
    parser.add_argument("--edition-tag", metavar="GLOB",
                        help="git tags that are editions (default: edition-*)")
    parser.add_argument("--language", metavar="CODE", help="the site's language (default: en)")
    parser.add_argument("--site-prefix", metavar="FOLDER", default="",
                        help="mount the radar's pages in this folder of the site (for a "
                             "repository whose mkdocs.yml has pages of its own)")
    parser.add_argument("--repo-url", metavar="URL",
                        help="the repository's web address, for \"edit this page\" links "
                             "(default: the GitHub remote `origin`, if any)")
    parser.add_argument("--hook-repo", metavar="URL",
                        help="where pre-commit takes the radar's hook from (default: the "
                             "tool's repository)")
    parser.add_argument("--action-ref", metavar="SHA",
                        help="the commit the workflows pin the action to (default: the one "
                             "the installed version was built from)")
    parser.add_argument("--keep-radar", action="store_true",
                        help="the folder holds a radar already (radar/radar.yml, e.g. from "
                             "`radar import`): keep it, and add the site, CI, hook and (if "
                             "adr/ has none) a first decision record around it")
    parser.add_argument("--no-input", action="store_true",
                        help="never ask: take the flags and the defaults")
    parser.add_argument("--dry-run", action="store_true", help="say what would be written")


def _github(url: str) -> str | None:
    found = re.match(r"^(?:https://(?:[^@/\s]+@)?github\.com/|git@github\.com:|"
                     r"ssh://git@github\.com/)([\w.-]+/[\w.-]+?)(?:\.git)?/?$", url)
    return f"https://github.com/{found.group(1)}" if found else None


def place_of(target: Path, prefix: str) -> tuple[Place, str | None, str | None]:
    """Where the radar goes, the repository's branch and its GitHub address."""
    from radar_as_code.editions.git import Git

    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} is a file, not a folder")
    existing = next(p for p in (target, *target.parents) if p.is_dir())
    git = Git(existing)
    top_text = git.ask("rev-parse", "--show-toplevel")
    top = Path(top_text) if top_text else target
    site = next((p for p in (target / "mkdocs.yml", top / "mkdocs.yml") if p.is_file()), None)
    if site == target / "mkdocs.yml" and (target / "radar" / "radar.yml").exists() and \
            not prefix:
        site = None  # a radar's own site (`radar init` again): its files are in the way
    if site is not None and not prefix:
        raise UsageError(f"{site} is a MkDocs site with pages of its own: add the radar to it "
                         "in a folder with `--site-prefix radar` (nothing was written)")
    branch = git.ask("symbolic-ref", "--short", "HEAD") if top_text else ""
    origin = git.ask("remote", "get-url", "origin") if top_text else ""
    return Place(target, top, site), branch or None, _github(origin)


def options_of(args: argparse.Namespace, branch: str | None, origin: str | None,
               kept: Path | None = None) -> Options:
    """The options from the flags (or the prompts); ``kept``: the folder of a radar that is
    already there, whose radar.yml gives the choices."""
    from radar_as_code.scaffold import prompts
    from radar_as_code.scaffold.pins import pins

    if args.action_ref and not _SHA.match(args.action_ref):
        raise UsageError("--action-ref takes a full commit SHA (40 hexadecimal digits)")
    given = Choices(args.preset or "", args.title or "", tuple(entry(q) for q in args.quadrant),
                    tuple(entry(r) for r in args.ring), args.edition_tag or "",
                    args.language or "")
    description = args.description
    if kept is not None:
        from radar_as_code.scaffold.check import kept_choices

        chosen_flags = [f for f, v in (("--preset", args.preset), ("--title", args.title),
                                       ("--quadrant", args.quadrant), ("--ring", args.ring),
                                       ("--edition-tag", args.edition_tag),
                                       ("--language", args.language)) if v]
        if chosen_flags:
            raise UsageError(f"--keep-radar keeps radar/radar.yml as it is: "
                             f"{', '.join(chosen_flags)} cannot change it (edit the file)")
        chosen, kept_description = kept_choices(kept)
        description = description or kept_description
    elif not args.no_input and sys.stdin.isatty() and sys.stdout.isatty():
        chosen = prompts.ask(input, given)
    else:
        preset = PRESETS[given.preset or "thoughtworks"]
        chosen = Choices(given.preset or "thoughtworks", given.title or preset.title,
                         given.quadrants or preset.quadrants, given.rings or preset.rings,
                         given.edition_tag or "edition-*", given.language or "en")
    from radar_as_code.site.mount import folder

    try:
        prefix = folder(args.site_prefix)
    except ValueError as exc:
        raise UsageError(f"--site-prefix: {exc}") from None
    return Options(**vars(chosen),
                   description=description or presets.description(
                       chosen.preset or "thoughtworks", chosen.language),
                   site_prefix=prefix, repo_url=args.repo_url or origin,
                   branch=branch or "main", pins=pins(args.hook_repo, args.action_ref),
                   today=date.today(), deciders=f"{chosen.title} maintainers")


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def _show(path: Path) -> str:
    """A path as the user knows it: from the current folder when it is inside it."""
    here = Path.cwd()
    return path.relative_to(here).as_posix() or "." if path.is_relative_to(here) else str(path)


def report(plan: Plan, place: Place, options: Options, dry_run: bool) -> None:
    verb = "would write" if dry_run else "wrote"
    for path in sorted(plan.writes):
        print(f"{verb} {_show(path)}")
    for path in plan.kept:
        print(f"kept {_show(path)} as it is")
    for path, lines in plan.additions.items():
        print(f"\nadd to {_show(path)} (left as it is):\n\n{lines.rstrip()}")
    if not options.pins.pinned:
        print(f"\nradar: warning: the workflows name the action {options.pins.action}, a "
              f"placeholder: this installation does not know the commit of "
              f"{options.pins.version}; pin it with `--action-ref SHA` or edit the `uses:` "
              "lines marked TODO before pushing", file=sys.stderr)
    where = _show(place.radar)
    ring = options.rings[min(1, len(options.rings) - 1)].id
    print("\nnext:" + (f"\n  cd {where}" if where != "." else "") +
          "\n  git add -A && git commit -m \"Start the radar\"\n  pre-commit install"
          f"\n  radar new ID --title TITLE --quadrant {options.quadrants[0].id} --ring {ring}"
          "\n  radar check && mkdocs serve")


def run(args: argparse.Namespace) -> int:
    from radar_as_code.authoring import atomic
    from radar_as_code.editions.git import Git
    from radar_as_code.scaffold import check, plan

    target = Path(os.path.normpath(Path(args.start).absolute() / args.dir))
    place, branch, origin = place_of(target, args.site_prefix)
    keep = bool(args.keep_radar)
    if keep and not (target / "radar" / "radar.yml").is_file():
        raise UsageError(f"--keep-radar: {_show(target / 'radar' / 'radar.yml')} is not "
                         "there: leave the option out to start a new radar")
    options = options_of(args, branch, origin, target if keep else None)
    in_the_way = plan.plan(options, place, _exists, keep=keep).conflicts(_exists)
    if in_the_way:
        radar_only = all(p == target / "radar" / "radar.yml" or p.parent == target / "adr"
                         for p in in_the_way)
        hint = "\n(a radar is there: `radar init --keep-radar` adds the rest around it)" \
            if radar_only and not keep and (target / "radar" / "radar.yml").is_file() else ""
        raise UsageError("these files are already there, so nothing was written:\n" +
                         "\n".join(f"  {_show(p)}" for p in in_the_way) + hint)
    radar = check.planned_radar(place.radar, plan.radar_files(
        options, place.radar if keep else None), kept=keep)
    the_plan = plan.plan(options, place, _exists, check.site_lines(options, place, radar),
                         keep=keep)
    if not args.dry_run:
        place.radar.mkdir(parents=True, exist_ok=True)
        if place.top == place.radar and not (place.radar / ".git").exists() and \
                not Git(place.radar).is_repository():
            Git(place.radar).init()
            print(f"initialised a git repository in {_show(place.radar)}")
        for path, text in sorted(the_plan.writes.items()):
            if path.exists() or path.is_symlink():  # appeared meanwhile: never overwritten
                raise UsageError(f"{_show(path)} appeared while writing; it was left as it is")
            atomic.write_text(path, text)
    report(the_plan, place, options, args.dry_run)
    return 0
