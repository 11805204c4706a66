"""MkDocs hooks (listed under `hooks:` in mkdocs.yml): validate the content, lay out the
navigation, and add the generated pages with edit links to their data files."""

from __future__ import annotations

import os
import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from macros.render import glossary_terms
from macros.pages import open_data
from macros.pages.footer import footer_facts
from macros.site import context as site
from macros.pages.common import GLOSSARY_URI
from macros.pages.print_view import PRINT_URI


@event_priority(100)  # before the macros plugin, so that a content error is reported first
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    playbook, pages = site.load(config)
    config.nav = site.expand_nav(config.nav, pages)
    # The footer (overrides/partials/copyright.html) names the publisher and the date.
    config.extra["playbook"] = footer_facts(playbook.info, os.environ.get("SOURCE_DATE_EPOCH"))
    # Glossary acronyms become abbreviations in hand-written and generated Markdown too.
    if "abbr" in config.markdown_extensions:
        abbr = config.mdx_configs.setdefault("abbr", {})
        abbr["glossary"] = {**glossary_terms.abbreviations(playbook), **abbr.get("glossary", {})}
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    playbook, pages = site.load(config)
    # Open data (playbook.json, stories.csv), regenerated on every build.
    for name, content in open_data.files(playbook).items():
        files.append(File.generated(config, name, content=content))
    docs_prefix = posixpath.relpath(config.docs_dir, site.project_dir(config)).replace("\\", "/")
    for page in pages:
        if files.get_file_from_path(page.src_uri) is not None:
            raise Abort(
                f"docs/{page.src_uri} is generated from playbook_data/ and must not exist in "
                "docs/: delete it or rename it"
            )
        generated = File.generated(config, page.src_uri, content=page.markdown)
        # edit_uri in mkdocs.yml points at docs/; data files live beside it.
        generated.edit_uri = (
            posixpath.relpath(page.edit_path, docs_prefix) if page.edit_path else None
        )
        files.append(generated)
    return files


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    """Each glossary acronym links to its entry in the glossary (except on the glossary)."""
    glossary = files.get_file_from_path(GLOSSARY_URI)
    if glossary is None or page.file.src_uri == GLOSSARY_URI:
        return html
    playbook, _pages = site.load(config)
    url = get_relative_url(glossary.url, page.file.url)
    titles = page.file.src_uri != PRINT_URI  # no tooltips on the print view
    return glossary_terms.link_terms(html, glossary_terms.anchors(playbook), url, titles)
