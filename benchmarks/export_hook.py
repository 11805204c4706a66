"""A MkDocs hook for benchmarks/synthetic.py: records the Markdown of every page as MkDocs
renders it (after our page generation and macros), with the navigation, the glossary's
abbreviations and the generated data files, into $PLAYBOOK_EXPORT_DIR."""

from __future__ import annotations

import json
import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel

OUT = Path(os.environ["PLAYBOOK_EXPORT_DIR"])
_recorded: dict = {}


@event_priority(-100)  # after our hooks and the macros plugin
def on_config(config):
    _recorded["nav"] = config.nav
    abbr = config.mdx_configs.get("abbr", {})
    _recorded["abbreviations"] = abbr.get("glossary", {})


@event_priority(-100)
def on_files(files, config):
    _recorded["not_in_nav"] = []
    for file in files:
        if not file.generated_by:
            continue
        if file.inclusion == InclusionLevel.NOT_IN_NAV:
            _recorded["not_in_nav"].append("/" + file.src_uri)
        if not file.is_documentation_page():  # open data: copied as it is
            target = OUT / file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.content_bytes)
    return files


@event_priority(-100)
def on_page_markdown(markdown, page, config, files):
    meta = {key: value for key, value in page.meta.items() if key != "render_macros"}
    head = f"---\n{yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)}---\n\n"
    target = OUT / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(head + markdown if meta else markdown, encoding="utf-8")
    return markdown


def on_post_build(config):
    (OUT / "_export.json").write_text(json.dumps(_recorded), encoding="utf-8")
