"""The ProperDocs adapter: ProperDocs is a fork of MkDocs 1.6 that runs MkDocs plugins
(the `mkdocs.plugins` entry points, ours included) and redirects `mkdocs.*` imports to
itself, so mkdocs.yml builds unchanged. Because of that redirection it runs in a process of
its own, never in the one that has imported MkDocs. Its output is shown only on failure.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from macros.site.build_context import BuildContext

INSTALL_HINT = "install the engines with: pip install -e '.[engines]' (make setup does)"


def build(context: BuildContext, site_dir: Path, source_date_epoch: str) -> bool:
    """Build `context.project` into `site_dir` with ProperDocs (strict); True on success.
    The content was checked in this process; ProperDocs' run of our plugin reads it again."""
    if importlib.util.find_spec("properdocs") is None:
        print(f"ProperDocs is not installed: {INSTALL_HINT}", file=sys.stderr)
        return False
    config_file = context.project / "mkdocs.yml"
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--clean"]
        + ["--config-file", str(config_file), "--site-dir", str(site_dir)],
        cwd=context.project,
        env={**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # one stream, in the order ProperDocs wrote it
        text=True,
        check=False,
    )
    if result.returncode != 0:
        print(_problems(result.stdout), file=sys.stderr)
        return False
    return True


def _problems(output: str) -> str:
    """ProperDocs' log without its INFO lines (the warnings and errors are what matter)."""
    return "\n".join(line for line in output.splitlines() if not line.startswith("INFO"))
