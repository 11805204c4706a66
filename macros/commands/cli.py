"""The `playbook` command: validate the content, build the site, preview it.

    playbook validate [--format text|github|json]
    playbook build [--site-dir site]
    playbook serve [--port 8000]
    playbook check-links [--site-dir site] [--external]
    playbook pdf [--theme ID] [--state CODE] [--output PATH]   (macros/pdf_command.py)

Exit status: 0 when all is well, 1 when the content or the build has a problem, 2 for a
mistake in the command itself. An editor's mistake is reported, never as a traceback.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from macros.checks import linkcheck
from macros.content.playbook import Playbook
from macros.content.problems import ContentError, format_github, format_json, format_text
from macros.content.validate import load_playbook
from macros.site import reproducible

FORMATS = {"text": format_text, "github": format_github, "json": format_json}


def _project(args: argparse.Namespace) -> Path:
    return Path(args.project).resolve()


def _mkdocs_env() -> dict[str, str]:
    # Material prints an end-of-life banner on every run; it is noise for editors.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def validate(args: argparse.Namespace) -> int:
    project = _project(args)
    try:
        playbook = load_playbook(project / "playbook_data", project)
    except ContentError as error:
        print(FORMATS[args.format](error.problems), file=sys.stdout)
        return 1
    if args.format == "json":
        print("[]")
    elif args.format == "text":
        print(
            f"All good: {len(playbook.themes)} themes, {len(playbook.strategies)} key "
            f"strategies, {len(playbook.stories)} stories, {len(playbook.quotes)} quotes."
        )
    return 0


def load_checked(project: Path) -> Playbook | None:
    """The checked playbook, or None with every problem printed: content is checked before
    MkDocs starts, so that problems are shown alone and in full. It stays loaded, and a
    build in this same process (`playbook build`, `playbook pdf`) finds it so."""
    from macros.site import context as site

    try:
        playbook, _pages = site.load_data(project / "playbook_data", project)
    except ContentError as error:
        print(format_text(error.problems), file=sys.stderr)
        return None
    return playbook


def replace_site(staging: Path, site: Path) -> None:
    """Put a complete build in the place of `site`, with the old site out of the way first,
    so that `site` is never half old, half new."""
    old = site.with_name(f".{site.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)


def build(args: argparse.Namespace) -> int:
    """A strict build into a temporary folder that replaces the site only when complete."""
    project = _project(args)
    if load_checked(project) is None:
        return 1
    site = (project / args.site_dir).resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-new-", dir=site.parent))
    # In this process: the build finds the content checked above already loaded.
    from macros.site import mkdocs_build

    if not mkdocs_build.build(project, staging, reproducible.source_date_epoch(project)):
        shutil.rmtree(staging, ignore_errors=True)
        print(f"\nThe build failed; {args.site_dir}/ was left as it was.", file=sys.stderr)
        return 1
    replace_site(staging, site)
    print(f"Built the site in {os.path.relpath(site)}/")
    return 0


def serve(args: argparse.Namespace) -> int:
    project = _project(args)
    if load_checked(project) is None:
        return 1
    address = f"127.0.0.1:{args.port}"
    print(f"Serving the playbook at http://{address}/ (Ctrl+C to stop)")
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--dev-addr",
        address,
        "--config-file",
        str(project / "mkdocs.yml"),
    ]
    server = subprocess.Popen(command, cwd=project, env=_mkdocs_env())
    # Stopped by a signal (a test, a process manager), stop the preview server too: it would
    # otherwise keep running, and keep its port, after this command has ended.
    signal.signal(signal.SIGTERM, lambda *_: server.terminate())
    try:
        code = server.wait()
    except KeyboardInterrupt:
        server.terminate()  # Ctrl+C in a terminal has stopped it already
        server.wait()
        return 0
    return 0 if code in (0, -signal.SIGTERM) else code


def check_links(args: argparse.Namespace) -> int:
    status, text = linkcheck.run(_project(args) / args.site_dir, external=args.external)
    print(text, file=sys.stdout if status == 0 else sys.stderr)
    return status


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="playbook", description=__doc__.split("\n")[0])
    main.add_argument("--project", default=".", help="project folder (default: current)")
    commands = main.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("validate", help="check all content and report every problem")
    check.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="text",
        help="text (default), github (Actions annotations) or json",
    )
    check.set_defaults(run=validate)

    make = commands.add_parser("build", help="build the site (strict, all or nothing)")
    make.add_argument("--site-dir", default="site", help="output folder (default: site)")
    make.set_defaults(run=build)

    preview = commands.add_parser("serve", help="preview the site with live reload")
    preview.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    preview.set_defaults(run=serve)

    links = commands.add_parser("check-links", help="check every link and anchor of a built site")
    links.add_argument("--site-dir", default="site", help="built site (default: site)")
    links.add_argument("--external", action="store_true", help="also fetch external links")
    links.set_defaults(run=check_links)

    # Editors' helpers live in their own modules.
    from macros.editor import scaffold, schema

    scaffold.add_command(commands)
    schema.add_command(commands)
    from macros.commands import pdf as pdf_command

    pdf_command.add_parser(commands)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:
        # `playbook … | head` closed our output early: stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
