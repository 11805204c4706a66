"""Blocks that appear on several kinds of page (a story, a quote, a resource list, a source
line): the ready objects that templates/_blocks.md.j2 shows, and those blocks as Markdown for
code that assembles pages itself (the print view)."""

from __future__ import annotations

from typing import NamedTuple

from markupsafe import Markup

from macros.content.model import Quote, Resource, Story
from macros.pages.common import (
    RESOURCES_URI,
    PageContext,
    PageLink,
    page_link,
    policy_area_uri,
    render,
    source_uri,
    state_uri,
    story_uri,
    target,
    theme_uri,
)


class SourceRef(NamedTuple):
    """'Source: <linked short title> (<locator>)': where a record comes from, down to the
    passage, so that a reader can check it."""

    link: PageLink
    locator: str | None


class StoryMeta(NamedTuple):
    states: list[PageLink]
    cohort: str | None
    # For a story from another initiative: a label naming its source outside the Delta Center.
    other_initiative: str | None
    year: int | None
    policy_areas: list[PageLink]


class StoryView(NamedTuple):
    id: str
    title: str
    summary: str
    body: str  # editors' Markdown
    meta: StoryMeta
    link: PageLink  # the story on its theme page
    resources: list[PageLink]  # the resources it cites, on the resources page
    strategy: PageLink | None  # its key strategy, on its theme page
    source: SourceRef


class QuoteView(NamedTuple):
    id: str
    text: str
    attribution: str
    state: PageLink | None  # the speaker's state page, linked from the attribution
    source: SourceRef


class ResourceView(NamedTuple):
    id: str
    title: str
    url: str | None  # from the data; the template re-serialises it (link_target)
    description: str | None
    more_target: Markup  # its entry on the resources page


def other_initiative(ctx: PageContext, story: Story) -> str | None:
    """For a story that a source outside the Delta Center tells: where it comes from, named
    first. Whether its associations were Delta Center grantees no source says (the Phase 1
    states are not named), so the label says only where the story comes from."""
    if ctx.pb.from_delta_center(story):
        return None
    title = ctx.pb.sources[story.source].short_title
    return f"From the {title}, a source outside the Delta Center"


def story_meta(ctx: PageContext, story: Story, page_uri: str) -> StoryMeta:
    pb = ctx.pb
    return StoryMeta(
        states=[
            page_link(pb.states[c].name, page_uri, state_uri(pb.states[c].name))
            for c in story.states
        ],
        cohort=pb.cohorts[story.cohort].name if story.cohort else None,
        other_initiative=other_initiative(ctx, story),
        year=story.year,
        policy_areas=[
            page_link(pb.policy_areas[a].name, page_uri, policy_area_uri(a))
            for a in story.policy_areas
        ],
    )


def story_view(ctx: PageContext, story: Story, page_uri: str) -> StoryView:
    return StoryView(
        id=story.id,
        title=story.title,
        summary=story.summary,
        body=story.body,
        meta=story_meta(ctx, story, page_uri),
        link=page_link(story.title, page_uri, story_uri(story.id)),
        resources=[
            page_link(ctx.pb.resources[r].title, page_uri, RESOURCES_URI, resource_anchor(r))
            for r in story.resources
        ],
        strategy=_strategy_link(ctx, story, page_uri),
        source=source_ref(ctx, story.source, page_uri, story.locator),
    )


def _strategy_link(ctx: PageContext, story: Story, page_uri: str) -> PageLink | None:
    strategy = ctx.pb.strategies.get(story.strategy) if story.strategy else None
    if strategy is None:
        return None
    return page_link(strategy.title, page_uri, theme_uri(story.theme), strategy.id)


class StoryCardView(NamedTuple):
    """A story as a card on theme, state, policy-area and story pages: one link (to the
    story's own page), a line of plain facts and the summary. Unlike a quote, it is a card."""

    id: str
    link: PageLink  # the story's own page
    facts: list[str]  # plain text: states, other-initiative label, year, theme, policy areas
    summary: str
    data: dict[str, str]  # data-* attributes (the story filters read them); may be empty


def story_card(
    ctx: PageContext,
    story: Story,
    page_uri: str,
    *,
    except_state: str | None = None,
    with_theme: bool = True,
    data: dict[str, str] | None = None,
) -> StoryCardView:
    """`except_state`: the state whose page shows the card (not repeated on it);
    `with_theme`: False on the theme's own page."""
    pb = ctx.pb
    states = [pb.states[c].name for c in story.states if c != except_state]
    facts = [", ".join(states)] if states else []
    label = other_initiative(ctx, story)
    if label:  # said on every card: the story comes from a source outside the Delta Center
        facts.append(label)
    if story.year:
        facts.append(str(story.year))
    if with_theme:
        facts.append(f"Theme: {pb.themes[story.theme].title}")
    if story.policy_areas:
        areas = ", ".join(pb.policy_areas[a].name for a in story.policy_areas)
        label = "Policy area" if len(story.policy_areas) == 1 else "Policy areas"
        facts.append(f"{label}: {areas}")
    return StoryCardView(
        story.id,
        page_link(story.title, page_uri, story_uri(story.id)),
        facts,
        story.summary,
        data or {},
    )


def quote_view(ctx: PageContext, quote: Quote, page_uri: str) -> QuoteView:
    """The attribution links to the speaker's state page, except on that page itself."""
    state = None
    if quote.state and page_uri != state_uri(ctx.pb.states[quote.state].name):
        name = ctx.pb.states[quote.state].name
        state = page_link(quote.attribution, page_uri, state_uri(name))
    source = source_ref(ctx, quote.source, page_uri, quote.locator)
    return QuoteView(quote.id, quote.text, quote.attribution, state, source)


def resource_anchor(resource_id: str) -> str:
    return f"resource-{resource_id}"


def resource_view(resource: Resource, page_uri: str) -> ResourceView:
    return ResourceView(
        id=resource.id,
        title=resource.title,
        url=resource.url,
        description=resource.description,
        more_target=target(page_uri, RESOURCES_URI, resource_anchor(resource.id)),
    )


def source_link(ctx: PageContext, source_id: str, page_uri: str) -> PageLink:
    source = ctx.pb.sources[source_id]
    return page_link(source.short_title, page_uri, source_uri(source.id))


def source_ref(
    ctx: PageContext, source_id: str, page_uri: str, locator: str | None = None
) -> SourceRef:
    return SourceRef(source_link(ctx, source_id, page_uri), locator)


# The blocks as Markdown, for the print view ------------------------------------------------


def _block(ctx: PageContext, call: str, **values: object) -> str:
    return render(ctx, "_block.md.j2", call=call, **values)


def story_block(ctx: PageContext, story: Story, page_uri: str, level: int = 4) -> str:
    """A whole story: heading (with a stable anchor), meta line, body and resources."""
    return _block(ctx, "story_block", story=story_view(ctx, story, page_uri), level=level)


def quote_block(ctx: PageContext, quote: Quote, page_uri: str) -> str:
    return _block(ctx, "quote_block", quote=quote_view(ctx, quote, page_uri))


def resource_list(ctx: PageContext, resources: list[Resource], page_uri: str) -> str:
    views = [resource_view(r, page_uri) for r in resources]
    return _block(ctx, "resource_list", resources=views)
