"""`radar rules`: the documentation of every lint rule, from the rules' docstrings."""

from __future__ import annotations

import argparse

from radar_as_code.render.rules import rules_page


def add_parser(parser: argparse.ArgumentParser) -> None:
    del parser  # no options


def run(args: argparse.Namespace) -> int:
    del args
    print(rules_page(), end="")
    return 0
