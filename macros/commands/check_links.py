"""`playbook check-links [--site-dir site] [--external]`: every link and anchor of a built site."""

from __future__ import annotations

import argparse
import sys

from macros.commands.common import project_dir
from macros.content.settings import published_path


def add_parser(commands) -> argparse.ArgumentParser:
    links = commands.add_parser("check-links", help="check every link and anchor of a built site")
    links.add_argument("--site-dir", default="site", help="built site (default: site)")
    links.add_argument("--external", action="store_true", help="also fetch external links")
    return links


def run(args: argparse.Namespace) -> int:
    from macros.checks import linkcheck  # when the command runs: it needs the network modules

    project = project_dir(args)
    status, text = linkcheck.run(
        project / args.site_dir, external=args.external, root=published_path(project)
    )
    print(text, file=sys.stdout if status == 0 else sys.stderr)
    return status
