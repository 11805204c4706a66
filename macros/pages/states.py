"""A page per state that has content, and a states index with a tile-grid map and a table.

A state page answers "what did this state do?": its policy areas, its stories grouped by
theme (each linked to the story and its key strategy), its quotes and its resources.
"""

from __future__ import annotations

from typing import NamedTuple

from markupsafe import Markup

from macros.content.model import Resource, State
from macros.pages import tile_map
from macros.pages.blocks import (
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
    page_link,
    policy_area_uri,
    render,
    state_uri,
    theme_uri,
)
from macros.pages.urls import href

STATES_INDEX_URI = "states/index.md"


def pages(ctx: PageContext) -> list[GeneratedPage]:
    states = [s for s in ctx.pb.states.values() if has_content(ctx, s)]
    if not states:
        return []
    edit = next(iter(ctx.pb.states.values())).origin.file
    index = GeneratedPage(STATES_INDEX_URI, index_page(ctx, states), edit, nav_title="States")
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


class StateRow(NamedTuple):
    state: PageLink
    cohorts: str
    stories: int
    policy_areas: list[PageLink]


def index_page(ctx: PageContext, states: list[State]) -> str:
    pb, uri = ctx.pb, STATES_INDEX_URI
    rows = [
        StateRow(
            page_link(state.name, uri, state_uri(state.name)),
            ", ".join(cohort_names(ctx, state)),
            len(pb.stories_for("state", state.code)),
            [
                page_link(pb.policy_areas[a].name, uri, policy_area_uri(a))
                for a in state_policy_areas(ctx, state)
            ],
        )
        for state in states
    ]
    return render(ctx, "states_index.md.j2", map_html=Markup(map_block(ctx, states)), rows=rows)


def map_block(ctx: PageContext, with_pages: list[State]) -> str:
    pb = ctx.pb
    linked = {s.code for s in with_pages}
    tiles = []
    for state in pb.states.values():
        if state.code in linked:
            label = tile_label(ctx, state)
            url = href(STATES_INDEX_URI, state_uri(state.name))
            tiles.append(
                tile_map.Tile(state.code, state.name, url, label, tile_map.style_key(state.cohorts))
            )
        else:
            tiles.append(
                tile_map.Tile(
                    state.code,
                    state.name,
                    None,
                    f"{state.code} {state.name}: not in the playbook yet",
                    "empty",
                )
            )
    used = {t.style for t in tiles}
    # The legend claims only what the data records: a state's grantee cohort (state.cohorts),
    # or that the playbook has something about it from another source, or nothing yet.
    entries = [
        tile_map.LegendEntry(f"cohort-{c.id}", f"Delta Center {c.name} ({c.years})")
        for c in pb.cohorts.values()
        if f"cohort-{c.id}" in used
    ]
    if "other" in used:
        entries.append(
            tile_map.LegendEntry("other", "In the playbook, not recorded as a Delta Center grantee")
        )
    if "empty" in used:
        entries.append(tile_map.LegendEntry("empty", "Not in the playbook yet"))
    cohort_ids = list(pb.cohorts)
    return (
        '\n<figure class="pb-tile-figure">'
        + tile_map.svg(tiles, cohort_ids, "Map of US states; the states in the playbook are links")
        + "<figcaption>"
        + tile_map.legend(entries, cohort_ids)
        + "</figcaption></figure>\n"
    )


def tile_label(ctx: PageContext, state: State) -> str:
    """A linked tile's accessible name: the visible code first (WCAG 2.5.3), then what the
    state has: "KS Kansas: 4 stories; Delta Center Phase 2 grantees"."""
    pb = ctx.pb
    has = [plural(len(pb.stories_for("state", state.code)), "story", "stories")]
    quotes = len(pb.quotes_for("state", state.code))
    if quotes:
        has.append(plural(quotes, "quote", "quotes"))
    cohorts = [f"Delta Center {name}" for name in cohort_names(ctx, state)]
    return f"{state.code} {state.name}: " + "; ".join([", ".join(has), *cohorts])


# A state's page --------------------------------------------------------------------------


class ThemeStories(NamedTuple):
    theme: PageLink
    id: str
    stories: list[StoryCardView]


def in_words(items: list[str]) -> str:
    """A list as a reader would say it: "a", "a and b", "a, b and c"; with semicolons when an
    item has an "and" of its own ("a; b; and c and d")."""
    if any(" and " in item for item in items) and len(items) > 2:
        return "; ".join(items[:-1]) + "; and " + items[-1]
    return " and ".join([", ".join(items[:-1]), items[-1]] if len(items) > 2 else items)


def standing_text(ctx: PageContext, state: State) -> str:
    """Why the state is in the playbook, claiming no more than the sources say: a cohort
    is the state's associations' (as `State.cohorts` records it), and the sources that tell
    of the state are named. "This playbook", since "the playbook" could be read as the
    Delta Center partner playbook."""
    pb, name = ctx.pb, state.name
    standing = pb.state_standing(state.code)

    def titles(source_ids) -> str:
        return in_words([f"the {pb.sources[s].short_title}" for s in dict.fromkeys(source_ids)])

    if standing.kind == "grantee":
        cohorts = [pb.cohorts[c] for c in standing.cohorts if c in pb.cohorts]
        phases = in_words([f"{c.name} ({c.years})" for c in cohorts])
        return (
            f"Associations from {name} were among the Delta Center's {phases}, "
            f"according to {titles(c.source for c in cohorts)}."
        )
    if standing.kind == "delta-center":
        told_by = standing.delta_center_sources
        told = titles(told_by)
        verb = "tells" if len(told_by) == 1 else "tell"
        return (
            f"{told[0].upper()}{told[1:]} {verb} of work in {name}. No source in this playbook "
            f"says which Delta Center cohort, if any, associations from {name} were in."
        )
    if standing.kind == "other":
        not_said = (
            f"No source in this playbook says whether associations from {name} were "
            "Delta Center grantees."
        )
        sources = standing.other_sources
        if not sources:
            return f"This playbook lists resources about {name}. {not_said}"
        told = (
            f"Sources outside the Delta Center tell of work in {name}: {titles(sources)}."
            if len(sources) > 1
            else f"A source outside the Delta Center tells of work in {name}: {titles(sources)}."
        )
        also = " This playbook also lists resources about the state." if standing.resources else ""
        return f"{told}{also} {not_said}"
    return f"Nothing in the playbook is about {name} yet."


def state_page(ctx: PageContext, state: State) -> str:
    pb, uri = ctx.pb, state_uri(state.name)
    stories = pb.stories_for("state", state.code)
    themes = []
    for theme in pb.themes.values():
        in_theme = [
            story_card(ctx, s, uri, except_state=state.code, with_theme=False)
            for s in stories
            if s.theme == theme.id
        ]
        if in_theme:
            themes.append(
                ThemeStories(page_link(theme.title, uri, theme_uri(theme.id)), theme.id, in_theme)
            )
    return render(
        ctx,
        "state.md.j2",
        state=state,
        story_count=len(stories),
        standing=standing_text(ctx, state),
        associations_source=source_ref(ctx, state.associations_source, uri)
        if state.associations
        else None,
        policy_areas=[
            page_link(pb.policy_areas[a].name, uri, policy_area_uri(a))
            for a in state_policy_areas(ctx, state)
        ],
        themes=themes,
        quotes=[quote_view(ctx, q, uri) for q in pb.quotes_for("state", state.code)],
        resources=[resource_view(r, uri) for r in state_resources(ctx, state)],
    )
