"""A strict MkDocs build in this process, for `playbook build`.

In the same process as the content check that comes before it, the build is handed the
checked BuildContext (the plugin's `preloaded`), instead of starting Python again and
reading every file a second time: a third of the time of a small build.

Strict means that any warning (a broken link or anchor, a page left out of the navigation)
is shown and fails the build. (`mkdocs build --strict --quiet` would silence the warnings
before they are counted, and pass.)
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from macros.site import deferred_imports
from macros.site.build_context import BuildContext

LOG_FORMAT = "%(levelname)-7s -  %(message)s"  # as the mkdocs command shows them


def build(
    project: Path, site_dir: Path, source_date_epoch: str, context: BuildContext | None = None
) -> bool:
    """Build `project` into `site_dir`; True when the build succeeded without a warning.
    `context`: the content, already checked (its `pdf_links` decides the PDF links)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    saved = (logger.level, logger.propagate, os.environ.get("SOURCE_DATE_EPOCH"))
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch  # MkDocs dates the sitemap with it
    try:
        with deferred_imports.deferred():  # load_config imports the plugins
            config = load_config(
                config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True
            )
        plugin = config.plugins.get("playbook")
        if plugin is not None and context is not None:
            plugin.preloaded = context
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:  # a configuration error, a plugin's, or strict's abort
        print(f"\n{error.format_message()}", file=sys.stderr)
        return False
    except SystemExit:  # mkdocs-macros exits on a macro error (on_error_fail)
        return False
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
        if saved[2] is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved[2]
    return True
