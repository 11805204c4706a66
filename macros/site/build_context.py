"""One build's state, made once per build and passed explicitly: no engine imported here.

    context = BuildContext.load(project)        # raises ContentError with every problem
    context.pages, context.extra_files, context.downloads

The MkDocs plugin, the macros for hand-written pages and `playbook pdf` all read the same
object, so the data is read, checked and turned into pages once per build.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from macros.content.playbook import Playbook
from macros.content.problems import ContentError
from macros.content.settings import data_dir_name, site_url
from macros.content.validate import load_playbook
from macros.pages import GeneratedPage, generate_pages, open_data
from macros.pages.checks import page_problems
from macros.pages.common import PageContext
from macros.pages.downloads import Download, PacketLink, downloads, packet_links
from macros.pages.print_view import PRINT_URI, print_page
from macros.render import glossary_terms
from macros.site import pagedjs

# Kept between builds (git-ignored): renderings and drawings that cost time and depend only
# on their input (render/kept.py).
CACHE_DIR = ".cache/playbook"


@dataclass
class BuildContext:
    project: Path
    data_dir: Path
    playbook: Playbook
    pdf_links: bool = False  # link each page's PDF (only when `playbook pdf` prints them)
    site_url: str = ""  # where the site is published (mkdocs.yml), for addresses on paper
    pages_context: PageContext = field(init=False)

    def __post_init__(self) -> None:
        # One renderer for the whole build: the pages, the print view and the macros share
        # it, and so render each editor's text once.
        self.pages_context = PageContext(
            self.playbook, site_url(self.project), self.project / CACHE_DIR
        )
        # What the pages need beyond the model (Markdown that renders as written, page
        # addresses and anchors of their own): checked here, so `playbook validate` too.
        problems = page_problems(self.pages_context, self.project / "docs")
        if problems:
            raise ContentError(problems)

    @functools.cached_property
    def pages(self) -> list[GeneratedPage]:
        """The generated pages, made when a build first asks for them (`playbook pdf`
        printing from a built site needs none)."""
        return generate_pages(self.pages_context)

    @classmethod
    def load(
        cls, project: Path, data_dir: str | None = None, *, pdf_links: bool = False
    ) -> BuildContext:
        """Read and check the content of `project` (its data folder: `data_dir`, else the
        project's setting in mkdocs.yml). Raises ContentError."""
        project = project.resolve()
        folder = project / (data_dir or data_dir_name(project))
        return cls(project, folder, load_playbook(folder, project), pdf_links=pdf_links)

    @property
    def print_view(self) -> GeneratedPage:
        """The whole playbook on one page, for print; not in the navigation."""
        markdown = print_page(self.pages_context, self.site_url, paged=self.ships_pagedjs)
        page = GeneratedPage(PRINT_URI, markdown, None)
        self.pages_context.save_kept()  # the last page made: every text is rendered by now
        return page

    @functools.cached_property
    def ships_pagedjs(self) -> bool:
        """Paged.js is installed in the project (npm): the site ships it (site/pagedjs.py)."""
        return pagedjs.installed(self.project)

    @property
    def extra_files(self) -> dict[str, str]:
        """Files other than pages, by their path in the built site: the open data, and
        Paged.js when installed."""
        files = open_data.files(self.playbook)
        if self.ships_pagedjs:
            files |= pagedjs.shipped_files(self.project)
        return files

    # Looked up for every page of a build: made once.
    @functools.cached_property
    def _every_download(self) -> dict[str, Download]:
        return {item.page: item for item in downloads(self.pages_context)}

    @property
    def downloads(self) -> dict[str, Download]:
        """Each page's PDF by the page's src_uri; none unless the PDFs are printed too."""
        return self._every_download if self.pdf_links else {}

    @functools.cached_property
    def packet_links(self) -> dict[str, PacketLink]:
        """Each page's link to the "Make a packet" form, by the page's src_uri."""
        return {item.page: item for item in packet_links(self.pages_context)}

    @functools.cached_property
    def glossary_anchors(self) -> dict[str, str]:
        """Each acronym's anchor on the glossary page, for the links on every page."""
        return glossary_terms.anchors(self.playbook)


def context_for(config) -> BuildContext:
    """The build context for an engine's configuration: the playbook plugin's when it runs
    (MkDocs, ProperDocs), else read from the project's data (engines that run the macros of
    hand-written pages without our plugin, e.g. Zensical's macros extension, which passes
    the configuration as a plain dict). Works with config objects and plain dicts."""
    plugins = _get(config, "plugins") or {}
    plugin = plugins.get("playbook") if hasattr(plugins, "get") else None
    context = getattr(plugin, "context", None)
    if context is not None:
        return context
    extra = _get(config, "extra") or {}
    # The sources written for another engine name the project (site/sources.py); else the
    # project is the configuration's folder (MkDocs: config_file_path, Zensical: root_dir).
    project = extra.get("playbook_project")
    if not project:
        config_file = _get(config, "config_file_path")
        project = Path(config_file).parent if config_file else _get(config, "root_dir") or "."
    return BuildContext.load(Path(project), extra.get("playbook_data"))


def _get(config, key: str):
    try:
        return config[key]
    except (KeyError, TypeError):
        return getattr(config, key, None)
