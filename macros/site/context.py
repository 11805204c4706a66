"""The bridge between MkDocs and the content logic, kept small on purpose.

Material for MkDocs reaches end of life in May 2027: everything MkDocs-specific lives here
and in `mkdocs_hooks.py`; the model, validation and page generation know nothing of MkDocs.
"""

from __future__ import annotations

import gc
import html
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from macros.pages import GeneratedPage, generate_pages
from macros.content.playbook import Playbook
from macros.content.problems import ContentError
from macros.content.validate import YAML_SUFFIXES, load_playbook

NAV_MARKER = "playbook:"
_cache: dict[Path, tuple[tuple, Playbook, list[GeneratedPage]]] = {}
# The build under way: MkDocs makes a new config for every build, `mkdocs serve` included.
_current: list[tuple[MkDocsConfig, Playbook, list[GeneratedPage]]] = []


def project_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def data_dir(config: MkDocsConfig) -> Path:
    return project_dir(config) / config.extra.get("playbook_data", "playbook_data")


def _signature(folder: Path) -> tuple:
    if not folder.is_dir():
        return ()
    files = sorted(p for p in folder.rglob("*") if p.suffix in YAML_SUFFIXES)
    return tuple((str(p), stat.st_mtime_ns, stat.st_size) for p in files for stat in [p.stat()])


def load(config: MkDocsConfig) -> tuple[Playbook, list[GeneratedPage]]:
    """The validated playbook and its pages, read once per change of the data files.

    Both the build hooks and the macros ask for it, for every page; the data files are
    looked at once per build (a new config), so that `mkdocs serve` still sees every edit.
    """
    if _current and _current[0][0] is config:
        return _current[0][1], _current[0][2]
    try:
        playbook, pages = load_data(data_dir(config), project_dir(config))
    except ContentError as error:
        raise Abort(str(error)) from None
    _current[:] = [(config, playbook, pages)]
    return playbook, pages


def load_data(folder: Path, project: Path) -> tuple[Playbook, list[GeneratedPage]]:
    """The playbook in `folder` and its pages, loaded again only when a data file changed.

    `playbook build` checks the content with it, then builds in the same process: the
    build finds the playbook loaded. Raises ContentError.
    """
    folder = folder.resolve()
    signature = _signature(folder)
    cached = _cache.get(folder)
    if cached and cached[0] == signature:
        return cached[1], cached[2]
    gc.unfreeze()  # what an earlier build kept can be collected again once replaced
    playbook = load_playbook(folder, project)
    pages = generate_pages(playbook)
    _cache[folder] = (signature, playbook, pages)
    # The playbook and its pages live as long as the build, which makes a great many objects
    # of its own: frozen, they are no longer walked by every full garbage collection (a
    # quarter of a second at 100 times the real content; see the README's Performance).
    gc.freeze()
    return playbook, pages


def expand_nav(nav: list | None, pages: list[GeneratedPage]) -> list | None:
    """Fill the `playbook:…` entries of mkdocs.yml's nav with generated pages.

    `playbook:home` is the home page, `playbook:glossary.md` one page, `playbook:themes`
    every page under themes/ in the data's order (spliced into the list it stands in).
    mkdocs.yml keeps the place of each generated section; the data decides the pages.
    """
    if nav is None:
        return None

    def entry(page: GeneratedPage):
        title = html.escape(page.nav_title, quote=False)  # MkDocs does not escape nav titles
        return {title: page.src_uri} if title else page.src_uri

    def pages_for(marker: str) -> list:
        target = marker.removeprefix(NAV_MARKER)
        if target == "home":
            target = "index.md"
        if target.endswith(".md"):
            found = [entry(p) for p in pages if p.src_uri == target]
        else:
            found = [entry(p) for p in pages if p.src_uri.startswith(f"{target}/")]
        if not found:
            raise Abort(f"mkdocs.yml: nav: '{marker}' matches no generated page")
        return found

    def expand(item):
        if isinstance(item, str) and item.startswith(NAV_MARKER):
            found = pages_for(item)
            # Under a title of its own (`Home: playbook:home`), one page needs no title.
            if len(found) == 1 and isinstance(found[0], dict):
                return next(iter(found[0].values()))
            return found
        if isinstance(item, dict):
            return {key: expand(value) for key, value in item.items()}
        if isinstance(item, list):
            out = []
            for value in item:
                if isinstance(value, str) and value.startswith(NAV_MARKER):
                    out += pages_for(value)
                else:
                    out.append(expand(value))
            return out
        return item

    return expand(nav)
