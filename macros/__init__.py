"""The Integrated Care Playbook: content model, validation and pages for MkDocs.

mkdocs-macros loads this package and calls `define_env`; the rest lives in modules with
names that say what they do (loader, model, validate, playbook, pages, render, cli).
"""

from __future__ import annotations


def define_env(env) -> None:
    """Macros for hand-written pages (opt-in with `render_macros: true` in front matter).

    Each returns Markdown built from the validated playbook, with editors' text escaped.
    """
    from macros.pages.common import PageContext
    from macros.pages.home import theme_cards as _theme_cards
    from macros.site import context as site

    def playbook():
        return site.load(env.conf)[0]

    @env.macro
    def playbook_info():
        """The playbook record: title, subtitle, publisher, version, date…"""
        return playbook().info

    @env.macro
    def theme_cards():
        """The themes as cards, linked to their pages."""
        return _theme_cards(PageContext.shared(playbook()), env.page.file.src_uri)

    @env.macro
    def count(kind: str) -> int:
        """How many records of a kind: themes, strategies, stories, quotes, states_with_stories…"""
        pb = playbook()
        if kind == "states_with_stories":
            return len(pb.states_with_stories())
        return len(getattr(pb, kind))
