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
import gc
import os
import sys
from types import ModuleType


def commands() -> tuple[ModuleType, ...]:
    """The sub-commands' modules, imported when the command line is read (`main`)."""
    from macros.commands import build, check_links, new, pdf, schema, serve, validate

    return (validate, build, serve, check_links, new, schema, pdf)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="playbook", description=__doc__.split("\n")[0])
    main.add_argument("--project", default=".", help="project folder (default: current)")
    subparsers = main.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in commands():
        command.add_parser(subparsers).set_defaults(run=command.run)
    return main


def main(argv: list[str] | None = None) -> int:
    # What importing the commands makes (pydantic, the content model, the page modules)
    # lives as long as the process: the garbage collector is kept out of it, then told to
    # leave it be (frozen), so that no later collection walks it again (9 ms of a 1-second
    # build). The little cyclic garbage an import leaves is kept with it until the end.
    # Unfrozen at the end, for a caller that goes on in this process (the tests).
    collecting = gc.isenabled()
    gc.disable()
    try:
        args = parser().parse_args(argv)  # a usage mistake exits 2, with argparse's message
        gc.freeze()
    finally:
        if collecting:
            gc.enable()
    try:
        return args.run(args)
    except BrokenPipeError:
        # `playbook … | head` closed our output early: stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    finally:
        gc.unfreeze()
