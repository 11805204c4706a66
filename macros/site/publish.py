"""All-or-nothing builds: a site is built into a temporary folder beside its place and only
then put there, so that a published site is never half old, half new."""

from __future__ import annotations

import gc
import shutil
import tempfile
from pathlib import Path

from macros.site import engines, reproducible
from macros.site.build_context import BuildContext


def build_into(context: BuildContext, site: Path, engine: str = engines.DEFAULT_ENGINE) -> bool:
    """A strict build of the checked content into the folder `site` (made afresh)."""
    epoch = reproducible.source_date_epoch(context.project)
    _ = context.pages  # made before the engine starts, to be frozen with the playbook
    # The checked playbook, its pages and every module live through the whole build, which
    # makes a great many objects of its own: frozen, they are no longer walked at each full
    # garbage collection (a quarter of a second at 100 times the real content). Freezing does
    # not nest: when the command froze first (commands/__init__.py), it unfreezes at its end;
    # else this does, after the build, so that a caller can collect them once replaced.
    frozen_by_caller = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        return engines.build(engine, context, site, epoch)
    finally:
        if not frozen_by_caller:
            gc.unfreeze()


def build_and_replace(
    context: BuildContext, site: Path, engine: str = engines.DEFAULT_ENGINE
) -> bool:
    """Build into a temporary folder, then replace `site` with it; on failure `site` is
    left as it was. True when the build succeeded."""
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-new-", dir=site.parent))
    if not build_into(context, staging, engine):
        shutil.rmtree(staging, ignore_errors=True)
        return False
    replace_site(staging, site)
    return True


def replace_site(staging: Path, site: Path) -> None:
    """Put a complete build in the place of `site`, with the old site out of the way first."""
    old = site.with_name(f".{site.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)
