"""A page per state that has content, and a states index with a tile-grid map and a table.

A state page answers "what did this state do?": its policy areas, its stories grouped by
theme (each linked to the story and its key strategy), its quotes and its resources.
"""

from __future__ import annotations

from macros.content.model import Resource, State, Story
from macros.pages import tile_map
from macros.pages.blocks import quote_block, resource_list, story_meta
from macros.pages.common import (
    GeneratedPage,
    PageContext,
    front_matter,
    link,
    policy_area_uri,
    rel,
    state_uri,
    theme_uri,
    with_class,
)
from macros.pages.urls import href
from macros.render.markdown import md_text

STATES_INDEX_URI = "states/index.md"


def pages(ctx: PageContext) -> list[GeneratedPage]:
    states = [s for s in ctx.pb.states.values() if has_content(ctx, s)]
    if not states:
        return []
    edit = next(iter(ctx.pb.states.values())).origin.file
    index = GeneratedPage(STATES_INDEX_URI, index_page(ctx, states), edit, nav_title="All states")
    return [index] + [
        GeneratedPage(state_uri(s.name), state_page(ctx, s), s.origin.file, nav_title=s.name)
        for s in states
    ]


def has_content(ctx: PageContext, state: State) -> bool:
    return bool(
        ctx.pb.stories_for("state", state.code)
        or ctx.pb.quotes_for("state", state.code)
        or state_resources(ctx, state)
    )


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def cohort_names(ctx: PageContext, state: State) -> list[str]:
    return [ctx.pb.cohorts[c].name for c in state.cohorts if c in ctx.pb.cohorts]


def state_policy_areas(ctx: PageContext, state: State) -> list[str]:
    """Ids of the policy areas the state's stories worked on, in the areas' order."""
    used = {a for story in ctx.pb.stories_for("state", state.code) for a in story.policy_areas}
    return [a for a in ctx.pb.policy_areas if a in used]


def state_resources(ctx: PageContext, state: State) -> list[Resource]:
    """Resources about the state, and those its stories point to, in file order."""
    return ctx.pb.resources_for("state", state.code)


# The states index ------------------------------------------------------------------------


def index_page(ctx: PageContext, states: list[State]) -> str:
    pb = ctx.pb
    out = [
        front_matter("States", description="Stories from the states, state by state."),
        "# States\n",
        "Each state with stories, quotes or resources has a page of its own. Choose a state "
        "on the map, or in the table below it.\n",
        map_block(ctx, states),
        "## States with content { #states-table }\n",
        "| State | Cohort | Stories | Policy areas |",
        "| --- | --- | --- | --- |",
    ]
    for state in states:
        areas = ", ".join(
            link(pb.policy_areas[a].name, rel(STATES_INDEX_URI, policy_area_uri(a)))
            for a in state_policy_areas(ctx, state)
        )
        out.append(
            f"| {link(state.name, rel(STATES_INDEX_URI, state_uri(state.name)))} "
            f"| {md_text(', '.join(cohort_names(ctx, state))) or '—'} "
            f"| {len(pb.stories_for('state', state.code))} | {areas or '—'} |"
        )
    return "\n".join(out) + "\n"


def map_block(ctx: PageContext, with_pages: list[State]) -> str:
    pb = ctx.pb
    linked = {s.code for s in with_pages}
    tiles = []
    for state in pb.states.values():
        if state.code in linked:
            stories = len(pb.stories_for("state", state.code))
            label = ", ".join(
                [f"{state.name}: {plural(stories, 'story', 'stories')}"] + cohort_names(ctx, state)
            )
            url = href(STATES_INDEX_URI, state_uri(state.name))
            tiles.append(
                tile_map.Tile(state.code, state.name, url, label, tile_map.style_key(state.cohorts))
            )
        else:
            tiles.append(
                tile_map.Tile(
                    state.code, state.name, None, f"{state.name}: no stories yet", "empty"
                )
            )
    used = {t.style for t in tiles}
    entries = [
        tile_map.LegendEntry(f"cohort-{c.id}", f"{c.name} ({c.years})")
        for c in pb.cohorts.values()
        if f"cohort-{c.id}" in used
    ]
    if "no-cohort" in used:
        entries.append(tile_map.LegendEntry("no-cohort", "Has a page; cohort not recorded"))
    if "empty" in used:
        entries.append(tile_map.LegendEntry("empty", "No stories yet"))
    cohort_ids = list(pb.cohorts)
    return (
        '\n<figure class="pb-tile-figure">'
        + tile_map.svg(tiles, cohort_ids, "Map of US states; states with a page are links")
        + "<figcaption>"
        + tile_map.legend(entries, cohort_ids)
        + "</figcaption></figure>\n"
    )


# A state's page --------------------------------------------------------------------------


def story_teaser(ctx: PageContext, story: Story, uri: str) -> str:
    """A story's title linked to the story, its meta line, its summary and key strategy."""
    pb = ctx.pb
    theme_page = theme_uri(story.theme)
    lines = [
        f"### {link(story.title, rel(uri, theme_page, f'story-{story.id}'))}\n",
        story_meta(ctx, story, uri),
        with_class(md_text(story.summary), "pb-summary"),
    ]
    if story.strategy in pb.strategies:
        strategy = pb.strategies[story.strategy]
        target = rel(uri, theme_page, strategy.id)
        lines.append(with_class(f"Key strategy: {link(strategy.title, target)}", "pb-strategy"))
    return "\n".join(lines)


def state_page(ctx: PageContext, state: State) -> str:
    pb, uri = ctx.pb, state_uri(state.name)
    stories = pb.stories_for("state", state.code)
    out = [
        front_matter(state.name, description=f"Stories from {state.name}", boost=2),
        f"# {md_text(state.name)}\n",
    ]
    facts = [plural(len(stories), "story", "stories")]
    cohorts = cohort_names(ctx, state)
    if cohorts:
        facts.append(f"Delta Center cohort: {md_text(', '.join(cohorts))}")
    out.append(with_class(" · ".join(facts), "pb-state-facts"))
    areas = state_policy_areas(ctx, state)
    if areas:
        out.append("## Policy areas { #policy-areas }\n")
        out += [f"- {link(pb.policy_areas[a].name, rel(uri, policy_area_uri(a)))}" for a in areas]
        out.append("")
    for theme in pb.themes.values():
        in_theme = [s for s in stories if s.theme == theme.id]
        if in_theme:
            out.append(f"## {link(theme.title, rel(uri, theme_uri(theme.id)))} {{ #{theme.id} }}\n")
            out += [story_teaser(ctx, story, uri) for story in in_theme]
    quotes = pb.quotes_for("state", state.code)
    if quotes:
        out.append("## In their words { #quotes }\n")
        out += [quote_block(ctx, quote, uri) for quote in quotes]
    resources = state_resources(ctx, state)
    if resources:
        out += ["## Resources { #resources }\n", resource_list(ctx, resources, uri)]
    return "\n".join(out)
