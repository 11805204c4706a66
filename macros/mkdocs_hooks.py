"""MkDocs hooks (listed under `hooks:` in mkdocs.yml): validate the content, lay out the
navigation, and add the generated pages with edit links to their data files."""

from __future__ import annotations

import posixpath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from macros import site


@event_priority(100)  # before the macros plugin, so that a content error is reported first
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _playbook, pages = site.load(config)
    config.nav = site.expand_nav(config.nav, pages)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _playbook, pages = site.load(config)
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
