"""The home page: the playbook, its themes as cards, and where it comes from."""

from __future__ import annotations

from macros.pages.common import (
    GeneratedPage,
    PageContext,
    front_matter,
    link,
    rel,
    source_uri,
    theme_uri,
    with_class,
)
from macros.render.markdown import md_text

HOME_URI = "index.md"


def pages(ctx: PageContext) -> list[GeneratedPage]:
    return [GeneratedPage(HOME_URI, home_page(ctx), ctx.pb.info.origin.file, nav_title="Home")]


def theme_cards(ctx: PageContext, page_uri: str) -> str:
    """Material's grid cards: one card per theme, in order (md_in_html, our Markdown only)."""
    cards = []
    for theme in ctx.pb.themes.values():
        target = rel(page_uri, theme_uri(theme.id))
        count = len(theme.strategies)
        cards.append(
            f"-   **{link(f'{theme.order}. {theme.title}', target)}**\n\n"
            f"    ---\n\n"
            f"    {md_text(theme.tagline)}\n\n"
            f"    {count} key {'strategy' if count == 1 else 'strategies'}\n"
        )
    return '<div class="grid cards pb-theme-cards" markdown>\n\n' + "\n".join(cards) + "\n</div>\n"


def home_page(ctx: PageContext) -> str:
    info = ctx.pb.info
    sources = [
        f"- {link(ctx.pb.sources[s].title, rel(HOME_URI, source_uri(s)))}" for s in info.sources
    ]
    out = [
        front_matter(info.title, description=info.subtitle, hide=["navigation", "toc"]),
        f"# {md_text(info.title)}\n",
        with_class(md_text(info.subtitle), "pb-lead"),
        with_class(f"Version {md_text(info.version)} · {info.date:%B %-d, %Y}", "pb-version"),
        ctx.prose.block(info.summary),
        "## Themes { #themes }\n",
        theme_cards(ctx, HOME_URI),
    ]
    if sources:
        out += ["## Where this comes from { #sources }\n", *sources, ""]
    out.append(ctx.prose.block(info.funding_statement, "pb-funding"))
    return "\n".join(out)
