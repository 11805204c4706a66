"""The MkDocs side of the build: a plugin (`playbook` in mkdocs.yml) that forwards to the
engine-neutral pipeline. The only module, with mkdocs_build.py, that imports MkDocs.

    plugins:
      - search
      - playbook          # before macros: a content error is reported first
      - macros: …

State lives on the plugin object (a new one for every build, `mkdocs serve` included), in
one BuildContext: nothing is kept in module globals.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

from markupsafe import escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from macros.content.problems import ContentError
from macros.content.settings import DEFAULT_DATA_DIR
from macros.pages.common import GLOSSARY_URI
from macros.pages.footer import footer_facts
from macros.pages.print_view import PRINT_URI
from macros.render import glossary_terms
from macros.render.environment import compiled_templates_cache
from macros.site import csp
from macros.site.build_context import BuildContext
from macros.site.finish import finish_content, page_url
from macros.site.nav import NavError, expand_nav


class PlaybookConfig(Config):
    data_dir = c.Type(str, default=DEFAULT_DATA_DIR)  # relative to mkdocs.yml
    pdf_links = c.Type(bool, default=False)  # set by `playbook pdf`, which prints the PDFs


class PlaybookPlugin(BasePlugin[PlaybookConfig]):
    def __init__(self) -> None:
        self.context: BuildContext | None = None
        # A context already checked by `playbook build`/`pdf` in this process: used as is.
        self.preloaded: BuildContext | None = None

    @event_priority(100)  # before the macros plugin, so that a content error is reported first
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project = Path(config.config_file_path).resolve().parent
        if self.preloaded is not None:
            self.context = self.preloaded
            self.context.pdf_links = self.config.pdf_links or self.context.pdf_links
        else:
            try:
                self.context = BuildContext.load(
                    project, self.config.data_dir, pdf_links=self.config.pdf_links
                )
            except ContentError as error:
                raise Abort(str(error)) from None
        try:
            config.nav = expand_nav(config.nav, self.context.pages)
        except NavError as error:
            raise Abort(str(error)) from None
        # Glossary acronyms become abbreviations in hand-written and generated Markdown too.
        if "abbr" in config.markdown_extensions:
            abbr = config.mdx_configs.setdefault("abbr", {})
            terms = glossary_terms.abbreviations(self.context.playbook)
            abbr["glossary"] = {**terms, **abbr.get("glossary", {})}
        # The footer (overrides/partials/copyright.html) names the publisher and the date.
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        config.extra["playbook"] = footer_facts(self.context.playbook.info, epoch)
        _keep_theme_templates_compiled(config.theme)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        context = self._context()
        context.site_url = config.site_url or ""  # printed addresses and QR codes
        for name, content in context.extra_files.items():  # open data, on every build
            files.append(File.generated(config, name, content=content))
        docs_prefix = posixpath.relpath(config.docs_dir, context.project).replace("\\", "/")
        for page in context.pages:
            if files.get_file_from_path(page.src_uri) is not None:
                raise Abort(
                    f"docs/{page.src_uri} is generated from playbook_data/ and must not exist "
                    "in docs/: delete it or rename it"
                )
            generated = File.generated(config, page.src_uri, content=page.markdown)
            # edit_uri in mkdocs.yml points at docs/; data files live beside it.
            generated.edit_uri = (
                posixpath.relpath(page.edit_path, docs_prefix) if page.edit_path else None
            )
            files.append(generated)
        view = context.print_view
        printed = File.generated(
            config, view.src_uri, content=view.markdown, inclusion=InclusionLevel.NOT_IN_NAV
        )
        printed.edit_uri = None  # made from every data file at once: nothing single to edit
        files.append(printed)
        return files

    def on_nav(self, nav, config: MkDocsConfig, files: Files):
        """A generated page's title in the navigation is its `nav_title` as HTML-safe text
        (Markup): the theme prints it as it is in some places and escapes it (`| e`) in
        others, such as the footer's "Previous"/"Next" labels, which a screen reader reads.
        A plain escaped string would be escaped twice there ("Health &amp;amp; Medicine")."""
        titles = {page.src_uri: page.nav_title for page in self._context().pages}
        for page in nav.pages:
            title = titles.get(page.file.src_uri)
            if title and page.title is not None:
                page.title = escape(title)
        return nav

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        context = self._context()
        # Each glossary acronym links to its entry in the glossary (except on the glossary);
        # the page's PDF, when printed, is linked under its title (site/finish.py).
        glossary = files.get_file_from_path(GLOSSARY_URI)
        glossary_href = None
        if glossary is not None and page.file.src_uri != GLOSSARY_URI:
            glossary_href = get_relative_url(glossary.url, page.file.url)
        item = context.downloads.get(page.file.src_uri)
        packet = context.packet_links.get(page.file.src_uri)
        return finish_content(
            html,
            context,
            glossary_href=glossary_href,
            download=item,
            download_href=get_relative_url(item.path, page.file.url) if item else "",
            packet=packet,
            print_href=get_relative_url(page_url(PRINT_URI), page.file.url),
            src_uri=page.file.src_uri,
        )

    @event_priority(-100)  # last: the page as it will be written, every script in it
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return csp.with_policies(output)

    @event_priority(-100)
    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        # 404.html and the like: pages of the theme, not of the docs.
        if template_name.endswith(".html"):
            return csp.with_policies(output_content)
        return output_content

    def on_serve(self, server, config: MkDocsConfig, builder):
        """`mkdocs serve` rebuilds when a data file changes: the data folder is watched
        wherever the `data_dir` setting puts it."""
        server.watch(str(self._context().data_dir))
        return server

    def _context(self) -> BuildContext:
        if self.context is None:  # pragma: no cover - MkDocs always calls on_config first
            raise RuntimeError("the playbook plugin was used before on_config")
        return self.context


def _keep_theme_templates_compiled(theme) -> None:
    """Every Jinja2 environment the theme makes from now on keeps its compiled templates
    between builds (`compiled_templates_cache`): MkDocs' own, for the pages, and the three
    that Material's search plugin makes in its `on_config` (after ours, which runs first) to
    translate its settings. MkDocs compiles the templates again in each of them at every
    build."""
    make_env = theme.get_env
    if getattr(make_env, "keeps_compiled_templates", False):
        return  # the same theme in a second build of this configuration

    def get_env():
        env = make_env()
        env.bytecode_cache = compiled_templates_cache(env, "theme")
        return env

    get_env.keeps_compiled_templates = True
    theme.get_env = get_env
