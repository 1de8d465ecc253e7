"""The `radar` command: ``main(argv) -> int``, one module per sub-command.

Exit status: 0 clean, 1 problems found, 2 usage error or a radar that cannot be read.
Exceptions end here: a ``RadarError`` becomes one message on stderr, never a traceback.

Start-up is part of every command's time: a sub-command's module (and what it needs, such
as pydantic) is imported only when that sub-command runs. ``COMMANDS`` is the registry:
name -> (module under ``radar_as_code.cli``, one-line help).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from radar_as_code import __version__

TYPE_CHECKING = False  # not `typing`: its import is a tenth of `radar --help`

if TYPE_CHECKING:
    from pathlib import Path


COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("check", "check blips, decision records and the config; report every problem "
                       "at once"),
    "show": ("show", "print the radar: every blip and decision record, as a table or JSON"),
    "diff": ("diff", "show the ring movements between two editions or revisions (default: "
                     "latest edition against the working tree)"),
    "history": ("history", "show a blip's ring, quadrant and title at every edition and in "
                           "the working tree"),
    "editions": ("editions", "list every edition with its date, counts per ring and "
                             "quadrant, and its moves"),
    "new": ("new", "create a blip with its rationale sections ready to fill"),
    "move": ("move", "move a blip to another ring (sets the review date; every other byte "
                     "is kept)"),
    "review": ("review", "record the review of blips that keep their ring (review date "
                         "only)"),
    "retire": ("retire", "retire a blip (status: retired, and the date)"),
    "rename": ("rename", "rename a blip's id: renames the file, records the former id, "
                         "rewrites references"),
    "adr": ("adr", "decision records: `radar adr new | accept | reject | deprecate | "
                   "supersede | renumber`"),
    "agenda": ("agenda", "what the next edition review must look at: changes, due reviews, "
                         "open records"),
    "export": ("export", "export the radar: byor-csv, byor-json, zalando, backstage, aoe or "
                         "json"),
    "import": ("import_", "import a BYOR CSV/JSON or Zalando config.json (one file per "
                          "edition), an AOE folder or Backstage's JSON"),
    "render": ("render", "write the site's pages (Markdown) and the radar picture (SVG) to a "
                         "folder"),
    "schema": ("schema", "print or write the JSON Schemas of blip, decision-record and "
                         "config files"),
    "rules": ("rules", "document every lint rule (Markdown, as on the site's rules page)"),
    "booklet": ("booklet", "write an edition as a printable PDF booklet (--out FILE.pdf)"),
    "init": ("init", "start a radar: a new repository, or a radar added to an existing one "
                     "and its MkDocs site"),
}
_CONFIG = ("radar", "radar.yml")
JOURNAL = ".radar-journal"  # authoring/journal.py: a change a crashed command left


def _command(argv: Sequence[str]) -> str | None:
    """The sub-command named in ``argv``: the first word that is not a global option."""
    words = iter(argv)
    for word in words:
        if word == "-C":
            next(words, None)
        elif word == "--":
            return next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The argument parser; only the sub-command named in ``argv`` gets its arguments (and
    its module imported)."""
    top = argparse.ArgumentParser(
        prog="radar", description="A technology radar kept as reviewed files in git.")
    top.add_argument("--version", action="version", version=f"radar {__version__}")
    top.add_argument("-C", dest="root", default=None, metavar="DIR",
                     help="run as if started in DIR (default: the radar found in the current "
                          "folder or the nearest folder above it that has radar/radar.yml)")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    chosen = _command(argv)
    # A known command needs only its own parser; the list of all is for help and typos.
    for name, (_, help_text) in COMMANDS.items():
        if chosen in COMMANDS and name != chosen:
            continue
        command = sub.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            module(name).add_parser(command)
    return top


def module(name: str) -> ModuleType:
    """A sub-command's module, imported now."""
    return importlib.import_module(f"radar_as_code.cli.{COMMANDS[name][0]}")


def find_root(start: Path) -> Path:
    """The radar's folder: ``start`` or the nearest folder above it with radar/radar.yml
    (like git finding its repository); ``start`` itself when there is none."""
    here = start.absolute()
    for folder in (here, *here.parents):
        if folder.joinpath(*_CONFIG).is_file():
            return folder
    return here


def _utf8_output() -> None:
    """UTF-8 output whatever the locale (ASCII under LC_ALL=C), and a file name that is
    not UTF-8 escaped rather than an error."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="backslashreplace")


# Arguments naming files: kept as the system gives them.
_PATHS = frozenset({"root", "paths", "start", "dir"})


def _text_arguments(args: argparse.Namespace) -> None:
    """Titles, ids and revisions as UTF-8 text, whatever the locale decoded them as."""
    from radar_as_code.core.layout import repo_name
    from radar_as_code.errors import UsageError

    def text(value: str) -> str:
        decoded = repo_name(value)
        if any("\ud800" <= c <= "\udfff" for c in decoded):
            raise UsageError(f"{decoded.encode('utf-8', 'backslashreplace').decode()!r} "
                             "is not valid UTF-8 text")
        return decoded

    for name, value in vars(args).items():
        if name in _PATHS:
            continue
        if isinstance(value, str):
            setattr(args, name, text(value))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            setattr(args, name, [text(v) for v in value])


def entry() -> None:
    """The `radar` executable: ``main`` without pydantic plugins, then the process ends at
    once (tools/decisions/0006).

    pydantic looks for plugins (package entry points) when it builds its first model,
    which imports ``importlib.metadata`` and the ``email`` package; the radar uses no
    pydantic plugin, so its executable registers an empty plugin loader first. And
    everything a command made dies with its process: tearing it down object by object,
    module by module, would cost a short command a tenth of its time."""
    if "pydantic.plugin._loader" not in sys.modules:
        loader = type(sys)("pydantic.plugin._loader")
        loader.get_plugins = tuple  # type: ignore[attr-defined]  # no plugin
        sys.modules["pydantic.plugin._loader"] = loader
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):  # pragma: no cover - e.g. `radar show | head`
        code = code or 1
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _utf8_output()
    try:
        args = parser(argv).parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage message
        return 0 if exc.code in (0, None) else 2
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    import gc

    from radar_as_code.errors import RadarError

    # A command is one short process whose many small objects (a snapshot) live until it
    # exits: the cyclic garbage collector would only re-scan them, about 20% of a large
    # check. Reference counting still frees everything else.
    gc.disable()
    try:
        from pathlib import Path

        args.start = args.root or "."  # where the command was started (`radar init`)
        if args.root and not Path(args.root).is_dir() and args.command != "init":
            from radar_as_code.errors import UsageError

            raise UsageError(f"-C {args.root}: no such folder")
        args.root = str(find_root(Path(args.start)))
        _text_arguments(args)
        if os.path.lexists(Path(args.root) / JOURNAL):  # one stat when there is none
            from radar_as_code.authoring.journal import recover

            outcome = recover(Path(args.root))
            if outcome:
                print(f"radar: {outcome}", file=sys.stderr)
        from radar_as_code.interchange.sweep import sweep

        sweep()  # the folders of imports killed with SIGKILL
        return int(module(args.command).run(args))
    except RadarError as exc:
        print(f"radar: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    except BrokenPipeError:  # pragma: no cover - e.g. `radar show | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as exc:  # the machine said no: a folder, a permission, a full disk
        print(f"radar: error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug: say so in one line; RADAR_DEBUG=1 shows where
        if os.environ.get("RADAR_DEBUG"):
            raise
        print(f"radar: internal error: {type(exc).__name__}: {exc} (this is a bug in radar; "
              "RADAR_DEBUG=1 shows the traceback)", file=sys.stderr)
        return 3
    finally:
        gc.enable()
