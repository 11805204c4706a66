"""The Integrated Care Playbook: content model, validation and pages for a static site.

The pipeline, one package a step: content/ (load, validate, index) → pages/ (page specs) →
render/ (Markdown and HTML) → site/ (engine adapters) → pdf/ (print); editor/, checks/ and
commands/ serve people. This file only holds `define_env`, the hook mkdocs-macros calls.
"""

from __future__ import annotations


def define_env(env) -> None:
    """Macros for hand-written pages (opt-in with `render_macros: true` in front matter).

    Each returns Markdown built from the validated playbook, with editors' text escaped.
    Only mkdocs-macros' portable surface is used (`env.conf`, `env.macro`, `env.page`).
    """
    from macros.pages.home import theme_cards_markdown as _theme_cards
    from macros.site.build_context import BuildContext, context_for

    found: list[BuildContext] = []  # this env's build, looked up once

    def context() -> BuildContext:
        if not found:
            found.append(context_for(env.conf))
        return found[0]

    @env.macro
    def playbook_info():
        """The playbook record: title, subtitle, publisher, version, date…"""
        return context().playbook.info

    @env.macro
    def theme_cards():
        """The themes as cards, linked to their pages."""
        return _theme_cards(context().pages_context, _src_uri(env.page))

    @env.macro
    def count(kind: str) -> int:
        """How many records of a kind: themes, strategies, stories, quotes, states_with_stories…"""
        pb = context().playbook
        if kind == "states_with_stories":
            return len(pb.states_with_stories())
        return len(getattr(pb, kind))


def _src_uri(page) -> str:
    """The page's path in docs/: MkDocs' pages have `file.src_uri`, Zensical's `path`."""
    file = getattr(page, "file", None)
    return file.src_uri if file is not None else page.path
