"""A page per theme: intro, key strategies in order, approaches, stories and quotes."""

from __future__ import annotations

from typing import NamedTuple

from macros.content.model import Strategy, Theme
from macros.pages.blocks import (
    QuoteView,
    SourceRef,
    StoryCardView,
    quote_view,
    resource_view,
    source_ref,
    story_card,
)
from macros.pages.common import (
    GeneratedPage,
    PageContext,
    PageLink,
    in_page,
    render,
    theme_uri,
)


class StrategySection(NamedTuple):
    strategy: Strategy
    toc: PageLink  # its line in the list of key strategies
    stories: list[StoryCardView]
    quotes: list[QuoteView]
    source: SourceRef  # the theme's source, at the strategy's passage


def pages(ctx: PageContext) -> list[GeneratedPage]:
    return [
        GeneratedPage(
            theme_uri(theme.id),
            theme_page(ctx, theme),
            theme.origin.file,
            nav_title=f"{theme.order}. {theme.title}",
        )
        for theme in ctx.pb.themes.values()
    ]


def theme_page(ctx: PageContext, theme: Theme) -> str:
    return ctx.once(("theme page", theme.id), lambda: _theme_page(ctx, theme))


def _theme_page(ctx: PageContext, theme: Theme) -> str:
    pb, uri = ctx.pb, theme_uri(theme.id)

    def card(story) -> StoryCardView:
        return story_card(ctx, story, uri, with_theme=False)

    sections = [
        StrategySection(
            strategy,
            in_page(strategy.title, strategy.id),
            [card(s) for s in pb.stories_for("strategy", strategy.id)],
            [quote_view(ctx, q, uri) for q in pb.quotes_for("strategy", strategy.id)],
            source_ref(ctx, theme.source, uri, strategy.locator),
        )
        for strategy in pb.ordered_strategies(theme)
    ]
    return render(
        ctx,
        "theme.md.j2",
        theme=theme,
        theme_count=len(pb.themes),
        strategies=sections,
        loose_stories=[card(s) for s in pb.theme_stories_without_strategy(theme)],
        loose_quotes=[quote_view(ctx, q, uri) for q in pb.theme_quotes_without_strategy(theme)],
        resources=[resource_view(r, uri) for r in pb.resources_for("theme", theme.id)],
        source=source_ref(ctx, theme.source, uri, theme.locator),
    )
