"""The home page: the playbook, its themes as cards, and where it comes from."""

from __future__ import annotations

from dataclasses import dataclass

from macros.pages.common import (
    GeneratedPage,
    PageContext,
    PageLink,
    page_link,
    render,
    source_uri,
    theme_uri,
)

HOME_URI = "index.md"


@dataclass(frozen=True)
class ThemeCard:
    link: PageLink
    tagline: str
    strategies: int


def pages(ctx: PageContext) -> list[GeneratedPage]:
    return [GeneratedPage(HOME_URI, home_page(ctx), ctx.pb.info.origin.file, nav_title="Home")]


def theme_cards(ctx: PageContext, page_uri: str) -> list[ThemeCard]:
    """One card per theme, in order."""
    return [
        ThemeCard(
            page_link(f"{theme.order}. {theme.title}", page_uri, theme_uri(theme.id)),
            theme.tagline,
            len(theme.strategies),
        )
        for theme in ctx.pb.themes.values()
    ]


def theme_cards_markdown(ctx: PageContext, page_uri: str) -> str:
    """The cards as Markdown, for the `theme_cards()` macro of hand-written pages."""
    return render(ctx, "_block.md.j2", call="theme_cards", cards=theme_cards(ctx, page_uri))


def home_page(ctx: PageContext) -> str:
    info = ctx.pb.info
    return render(
        ctx,
        "home.md.j2",
        info=info,
        themes=theme_cards(ctx, HOME_URI),
        sources=[page_link(ctx.pb.sources[s].title, HOME_URI, source_uri(s)) for s in info.sources],
    )
