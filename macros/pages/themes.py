"""A page per theme: intro, key strategies in order, approaches, stories and quotes."""

from __future__ import annotations

from macros.content.model import Strategy, Theme
from macros.pages.blocks import quote_block, resource_list, source_line, story_block
from macros.pages.common import GeneratedPage, PageContext, front_matter, theme_uri, with_class
from macros.render.markdown import md_text


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
    pb, uri = ctx.pb, theme_uri(theme.id)
    strategies = pb.ordered_strategies(theme)
    out = [
        front_matter(theme.title, description=theme.tagline, boost=2),
        f"# {md_text(theme.title)}\n",
        with_class(f"Theme {theme.order} of {len(pb.themes)}", "pb-eyebrow"),
        with_class(md_text(theme.tagline), "pb-lead"),
        ctx.prose.block(theme.intro),
        "## Key strategies { #key-strategies }\n",
    ]
    if theme.strategies_intro:
        out.append(ctx.prose.block(theme.strategies_intro))
    out += [f"{s.order}. [{md_text(s.title)}](#{s.id})" for s in strategies]
    out.append("")
    for strategy in strategies:
        out.append(strategy_section(ctx, strategy, uri))

    loose_stories = pb.theme_stories_without_strategy(theme)
    loose_quotes = pb.theme_quotes_without_strategy(theme)
    if loose_stories or loose_quotes:
        out.append("## More from the states { #more-from-the-states }\n")
        out += [story_block(ctx, story, uri, level=3) for story in loose_stories]
        out += [quote_block(ctx, quote, uri) for quote in loose_quotes]
    resources = pb.resources_for("theme", theme.id)
    if resources:
        out += ["## Resources { #resources }\n", resource_list(ctx, resources, uri)]
    out.append(source_line(ctx, theme.source, uri))
    return "\n".join(out)


def strategy_section(ctx: PageContext, strategy: Strategy, uri: str) -> str:
    out = [
        f"## {strategy.order}. {md_text(strategy.title)} {{ #{strategy.id} }}\n",
        ctx.prose.block(strategy.description),
    ]
    if strategy.approaches:
        lead = strategy.approaches_intro or "Effective approaches:"
        out.append(with_class(f"**{md_text(lead)}**", "pb-approaches-intro"))
        items = "".join(f"<li>{ctx.prose.inline(a)}</li>" for a in strategy.approaches)
        out.append(f'\n<ul class="pb-approaches">{items}</ul>\n')
    stories = ctx.pb.stories_for("strategy", strategy.id)
    if stories:
        out.append(f"### Stories from the states {{ #{strategy.id}-stories }}\n")
        out += [story_block(ctx, story, uri) for story in stories]
    quotes = ctx.pb.quotes_for("strategy", strategy.id)
    if quotes:
        out.append(f"### In their words {{ #{strategy.id}-quotes }}\n")
        out += [quote_block(ctx, quote, uri) for quote in quotes]
    return "\n".join(out)
