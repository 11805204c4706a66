"""The Zensical adapter: generate → engine → finish, for an engine that reads mkdocs.yml but
runs neither MkDocs plugins nor hooks (Zensical 0.0.73 ignores `plugins:` except a few it
maps to its own extensions, mkdocs-macros among them).

The sources are written first (site/sources.py), Zensical renders them in a process of its
own (this module run as a script: the one place that imports Zensical), and the finishing
pass (site/finish.py) does on the HTML what our plugin does in MkDocs. Zensical's report is
shown only when the build fails, then it says why. The written sources are removed either
way (they are the content and docs/ again, nothing to edit).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from macros.site.build_context import BuildContext
from macros.site.finish import finish_site
from macros.site.sources import SourcesError, remove_sources, write_sources

NAME = "zensical"
INSTALL_HINT = "install the engines with: pip install -e '.[engines]' (make setup does)"


def build(context: BuildContext, site_dir: Path, source_date_epoch: str) -> bool:
    """Build the checked content into `site_dir` with Zensical; True on success."""
    if importlib.util.find_spec("zensical") is None:
        print(f"Zensical is not installed: {INSTALL_HINT}", file=sys.stderr)
        return False
    try:
        sources = write_sources(context, NAME)
    except SourcesError as error:
        print(error, file=sys.stderr)
        return False
    try:
        result = subprocess.run(
            [sys.executable, "-m", __name__, str(sources.config_file)],
            cwd=sources.root,
            env={**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch, "NO_COLOR": "1"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            print(_report(result.stdout), file=sys.stderr)
            return False
        finish_site(
            context,
            sources.site_dir,
            sources.docs_dir,
            edit_base=sources.edit_base,
            docs_prefix=sources.docs_prefix,
        )
        shutil.rmtree(site_dir, ignore_errors=True)
        shutil.move(sources.site_dir, site_dir)
        return True
    finally:
        remove_sources(sources.root)


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _report(output: str) -> str:
    """Zensical's report as plain text (it colours it even when not on a terminal)."""
    return _ANSI.sub("", output).rstrip()


def _run(config_file: str) -> int:
    """In the child process: a strict Zensical build (a warning fails it, as with MkDocs)."""
    import zensical

    try:
        zensical.build(config_file, {"strict": True, "clean": True})
    except RuntimeError as error:  # Zensical's way of saying that strict mode stopped it
        print(f"{error}.")  # "Aborted because --strict flag is set."
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_run(sys.argv[1]))
