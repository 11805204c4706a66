"""The Zensical adapter: generate → engine → finish, for an engine that reads mkdocs.yml but
runs neither MkDocs plugins nor hooks (Zensical 0.0.73 ignores `plugins:` except a few it
maps to its own extensions, mkdocs-macros among them).

The sources are written first (site/sources.py), Zensical renders them in a process of its
own, and the finishing pass (site/finish.py) does on the HTML what our plugin does in
MkDocs. Its output is shown only when the build fails: then it says why.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

from macros.site.build_context import BuildContext
from macros.site.finish import finish_site
from macros.site.sources import SourcesError, write_sources

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
    command = [sys.executable, "-m", "zensical", "build", "--strict", "--clean"]
    result = subprocess.run(
        [*command, "--config-file", str(sources.config_file)],
        cwd=sources.root,
        env={**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch, "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    # Strict: a warning (a link to a missing page) fails the build, as with MkDocs.
    if result.returncode != 0 or "Warning:" in result.stdout + result.stderr:
        print(result.stdout + result.stderr, file=sys.stderr)
        return False
    finish_site(
        context,
        sources.site_dir,
        sources.docs_dir,
        edit_base=sources.edit_base,
        docs_prefix=sources.docs_prefix,
    )
    _move_into(sources.site_dir, site_dir)
    shutil.rmtree(sources.root, ignore_errors=True)  # kept after a failure, to look into
    with contextlib.suppress(OSError):
        sources.root.parent.rmdir()  # when no other engine's sources are there
    return True


def _move_into(built: Path, site_dir: Path) -> None:
    shutil.rmtree(site_dir, ignore_errors=True)
    shutil.move(built, site_dir)
