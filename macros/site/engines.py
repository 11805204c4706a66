"""The engines a site can be built with, and the one adapter each: `playbook build --engine`.

    mkdocs      MkDocs 1.6 + Material, our plugin in process (the default; site/mkdocs_build.py)
    properdocs  the MkDocs fork, our plugin in its own process (site/properdocs_build.py)
    zensical    generate → engine → finish (site/sources.py, zensical_build.py, finish.py)

Each adapter is imported only when its engine is asked for, so an engine that is not
installed costs nothing until it is used.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from macros.site.build_context import BuildContext

DEFAULT_ENGINE = "mkdocs"
ADAPTERS = {
    "mkdocs": "macros.site.mkdocs_build",
    "properdocs": "macros.site.properdocs_build",
    "zensical": "macros.site.zensical_build",
}
ENGINES = tuple(ADAPTERS)


def build(engine: str, context: BuildContext, site_dir: Path, source_date_epoch: str) -> bool:
    """A strict build of the checked content into `site_dir` with `engine`."""
    adapter = importlib.import_module(ADAPTERS[engine])
    if engine == "mkdocs":
        return adapter.build(context.project, site_dir, source_date_epoch, context)
    return adapter.build(context, site_dir, source_date_epoch)
