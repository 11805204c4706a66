"""`playbook schema [--check]`: the JSON Schemas of the data files, from the content model
(the work is done in macros/editor/schema.py)."""

from __future__ import annotations

import argparse

from macros.editor.schema import command as run

__all__ = ["add_parser", "run"]


def add_parser(commands) -> argparse.ArgumentParser:
    sub = commands.add_parser(
        "schema", help="write the JSON Schemas that editors' tools check the data files with"
    )
    sub.add_argument("--check", action="store_true", help="only check that they are current")
    return sub
