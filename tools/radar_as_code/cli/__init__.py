"""The `radar` command: ``main(argv) -> int``, one module per sub-command.

Exit status: 0 clean, 1 problems found, 2 usage error or a radar that cannot be read.
Exceptions end here: a ``RadarError`` becomes one message on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence

from radar_as_code import __version__
from radar_as_code.cli import (
    adr,
    check,
    diff,
    editions,
    export,
    history,
    import_,
    move,
    new,
    rename,
    render,
    retire,
    rules,
    schema,
    show,
)
from radar_as_code.errors import RadarError

COMMANDS = {"check": check, "show": show, "diff": diff, "history": history,
            "editions": editions, "new": new, "move": move, "retire": retire,
            "rename": rename, "adr": adr, "export": export, "import": import_,
            "render": render, "schema": schema, "rules": rules}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="radar", description="A technology radar kept as reviewed files in git.")
    top.add_argument("--version", action="version", version=f"radar {__version__}")
    top.add_argument("-C", dest="root", default=".", metavar="DIR",
                     help="run as if started in DIR (the radar's repository)")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module in COMMANDS.items():
        module.add_parser(sub.add_parser(name, help=module.HELP, description=module.HELP))
    return top


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage message
        return 0 if exc.code in (0, None) else 2
    # A command is one short process whose many small objects (a snapshot) live until it
    # exits: the cyclic garbage collector would only re-scan them, about 20% of a large
    # check. Reference counting still frees everything else.
    gc.disable()
    try:
        return int(COMMANDS[args.command].run(args))
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
