"""`playbook validate [--format text|github|json]`: check all content, list every problem."""

from __future__ import annotations

import argparse

from macros.commands.common import project_dir
from macros.content.problems import ContentError, format_github, format_json, format_text
from macros.site.build_context import BuildContext

FORMATS = {"text": format_text, "github": format_github, "json": format_json}


def add_parser(commands) -> argparse.ArgumentParser:
    check = commands.add_parser("validate", help="check all content and report every problem")
    check.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="text",
        help="text (default), github (Actions annotations) or json",
    )
    return check


def run(args: argparse.Namespace) -> int:
    project = project_dir(args)
    try:
        # Everything `playbook build` does before the engine starts: the same checks.
        context = BuildContext.load(project)
        context.print_view, context.extra_files  # noqa: B018 - made here to fail here
        playbook = context.playbook
    except ContentError as error:
        print(FORMATS[args.format](error.problems))
        return 1
    if args.format == "json":
        print("[]")
    elif args.format == "text":
        print(
            f"All good: {len(playbook.themes)} themes, {len(playbook.strategies)} key "
            f"strategies, {len(playbook.stories)} stories, {len(playbook.quotes)} quotes."
        )
    return 0
