"""`playbook build [--site-dir site] [--engine mkdocs|zensical|properdocs]`: a strict build
that replaces the site only when whole. The content is checked first, the same way for every
engine, so an editor's mistake reads the same whichever engine builds."""

from __future__ import annotations

import argparse
import os
import sys

from macros.commands.common import load_checked, project_dir
from macros.site.engines import DEFAULT_ENGINE, ENGINES
from macros.site.publish import build_and_replace


def add_parser(commands) -> argparse.ArgumentParser:
    make = commands.add_parser("build", help="build the site (strict, all or nothing)")
    make.add_argument("--site-dir", default="site", help="output folder (default: site)")
    make.add_argument(
        "--engine",
        choices=ENGINES,
        default=DEFAULT_ENGINE,
        help=f"the static site engine (default: {DEFAULT_ENGINE}; see README 'Other engines')",
    )
    return make


def run(args: argparse.Namespace) -> int:
    project = project_dir(args)
    context = load_checked(project)
    if context is None:
        return 1
    site = (project / args.site_dir).resolve()
    if not build_and_replace(context, site, args.engine):
        print(f"\nThe build failed; {args.site_dir}/ was left as it was.", file=sys.stderr)
        return 1
    print(f"Built the site in {os.path.relpath(site)}/")
    return 0
