"""The `playbook` command: one module per sub-command, wired in one loop.

    playbook validate [--format text|github|json]
    playbook build [--site-dir site]
    playbook serve [--port 8000]
    playbook check-links [--site-dir site] [--external]
    playbook new KIND [...]
    playbook schema [--check]
    playbook pdf [--theme ID] [--state CODE] [--output PATH]

Each module has `add_parser(subparsers) -> parser` and `run(args) -> int`. Exit status: 0
when all is well, 1 when the content or the build has a problem, 2 for a mistake in the
command itself. An editor's mistake is reported, never as a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys

from macros.commands import build, check_links, new, pdf, schema, serve, validate

COMMANDS = (validate, build, serve, check_links, new, schema, pdf)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="playbook", description=__doc__.split("\n")[0])
    main.add_argument("--project", default=".", help="project folder (default: current)")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(commands).set_defaults(run=command.run)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)  # a usage mistake exits 2, with argparse's message
    try:
        return args.run(args)
    except BrokenPipeError:
        # `playbook … | head` closed our output early: stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
