"""Blocks that appear on several kinds of page: a story, a quote, a source line."""

from __future__ import annotations

from macros.content.model import Quote, Resource, Story
from macros.pages.common import (
    RESOURCES_URI,
    PageContext,
    link,
    policy_area_uri,
    rel,
    source_uri,
    state_uri,
    theme_uri,
    with_class,
)
from macros.render.markdown import link_target, md_text


def story_meta(ctx: PageContext, story: Story, page_uri: str) -> str:
    """One line: states (linked), cohort, year and policy areas."""
    pb = ctx.pb
    parts = [
        link(pb.states[code].name, rel(page_uri, state_uri(pb.states[code].name)))
        for code in story.states
    ]
    if story.cohort:
        parts.append(md_text(pb.cohorts[story.cohort].name))
    if story.year:
        parts.append(str(story.year))
    if story.policy_areas:
        names = ", ".join(
            link(pb.policy_areas[a].name, rel(page_uri, policy_area_uri(a)))
            for a in story.policy_areas
        )
        parts.append(f"Policy areas: {names}")
    return with_class(" · ".join(parts), "pb-story-meta")


def story_block(ctx: PageContext, story: Story, page_uri: str, level: int = 4) -> str:
    """A whole story: heading (with a stable anchor), meta line, body and the resources
    it cites."""
    heading = f"{'#' * level} {md_text(story.title)} {{ #story-{story.id} }}\n"
    out = [heading, story_meta(ctx, story, page_uri), ctx.prose.block(story.body, "pb-story-body")]
    if story.resources:
        cited = ", ".join(
            link(ctx.pb.resources[r].title, rel(page_uri, RESOURCES_URI, resource_anchor(r)))
            for r in story.resources
        )
        out.append(with_class(f"Resources: {cited}", "pb-story-meta"))
    return "\n".join(out)


def resource_anchor(resource_id: str) -> str:
    return f"resource-{resource_id}"


def resource_title(resource: Resource) -> str:
    """The title linked to the resource, or a plain note when its address is not known:
    never a broken link."""
    if resource.url:
        return link(resource.title, link_target(resource.url))
    return f"{md_text(resource.title)} *(link not yet available)*"


def resource_list(ctx: PageContext, resources: list[Resource], page_uri: str) -> str:
    """A list of resources, each pointing to its entry on the resources page."""
    lines = []
    for resource in resources:
        line = f"- {resource_title(resource)}"
        if resource.description:
            line += f": {md_text(resource.description)}"
        more = rel(page_uri, RESOURCES_URI, resource_anchor(resource.id))
        lines.append(f"{line} ([see in Resources]({more}))")
    return "\n".join(lines) + "\n"


def story_teaser(ctx: PageContext, story: Story, page_uri: str, level: int = 4) -> str:
    """A story's title (linked to the story on its theme page), meta line and summary."""
    target = rel(page_uri, theme_uri(story.theme), f"story-{story.id}")
    heading = f"{'#' * level} {link(story.title, target)}\n"
    return "\n".join(
        [
            heading,
            story_meta(ctx, story, page_uri),
            with_class(md_text(story.summary), "pb-summary"),
        ]
    )


def quote_block(ctx: PageContext, quote: Quote, page_uri: str) -> str:
    """A quotation with its attribution, linked to the speaker's state when there is one."""
    attribution = md_text(quote.attribution)
    if quote.state:
        state = ctx.pb.states[quote.state]
        attribution = link(quote.attribution, rel(page_uri, state_uri(state.name)))
    return f"> {md_text(quote.text)}\n>\n> — {attribution}\n{{ #quote-{quote.id} .pb-quote }}\n"


def source_line(ctx: PageContext, source_id: str, page_uri: str) -> str:
    source = ctx.pb.sources[source_id]
    target = rel(page_uri, source_uri(source.id))
    return with_class(f"Source: {link(source.short_title, target)}", "pb-source")
