"""The story index: every story as a card, with filters by theme, state, policy area and cohort.

Without JavaScript the whole list shows and the filter form stays hidden. With it
(overrides/assets/javascripts/story-filters.js), the filters narrow the list at once, show the
count and are kept in the URL (?theme=…&state=…&area=…&cohort=…).
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.content.model import Story
from macros.pages.blocks import StoryView, story_view
from macros.pages.common import (
    STORIES_URI,
    GeneratedPage,
    PageContext,
    PageLink,
    page_link,
    render,
    theme_uri,
)


def pages(ctx: PageContext) -> list[GeneratedPage]:
    stories = list(ctx.pb.stories.values())
    if not stories:
        return []
    return [
        GeneratedPage(STORIES_URI, index_page(ctx), stories[0].origin.file, nav_title="All stories")
    ]


def story_cohorts(ctx: PageContext, story: Story) -> list[str]:
    """The story's own cohort and those of its states, in the cohorts' order."""
    ids = {story.cohort} if story.cohort else set()
    ids |= {c for code in story.states for c in ctx.pb.states[code].cohorts}
    return [c for c in ctx.pb.cohorts if c in ids]


@dataclass(frozen=True)
class Filter:
    name: str
    label: str
    options: list[tuple[str, str]]  # (value, text)


@dataclass(frozen=True)
class StoryCard:
    story: StoryView
    theme: PageLink
    data: dict[str, str]  # data-* attributes the filters read


def filters(ctx: PageContext) -> list[Filter]:
    """The filters, with only the values that some story has."""
    pb, stories = ctx.pb, list(ctx.pb.stories.values())
    used_states = {c for s in stories for c in s.states}
    used_areas = {a for s in stories for a in s.policy_areas}
    used_cohorts = {c for s in stories for c in story_cohorts(ctx, s)}
    used_themes = {s.theme for s in stories}
    return [
        Filter(
            "theme", "Theme", [(t.id, t.title) for t in pb.themes.values() if t.id in used_themes]
        ),
        Filter(
            "state",
            "State",
            [(s.code, s.name) for s in pb.states.values() if s.code in used_states],
        ),
        Filter(
            "area",
            "Policy area",
            [(a.id, a.name) for a in pb.policy_areas.values() if a.id in used_areas],
        ),
        Filter(
            "cohort",
            "Cohort",
            [(c.id, c.name) for c in pb.cohorts.values() if c.id in used_cohorts],
        ),
    ]


def card(ctx: PageContext, story: Story) -> StoryCard:
    theme = ctx.pb.themes[story.theme]
    return StoryCard(
        story_view(ctx, story, STORIES_URI),
        page_link(theme.title, STORIES_URI, theme_uri(theme.id)),
        {
            "theme": story.theme,
            "state": " ".join(story.states),
            "area": " ".join(story.policy_areas),
            "cohort": " ".join(story_cohorts(ctx, story)),
        },
    )


def index_page(ctx: PageContext) -> str:
    cards = [card(ctx, story) for story in ctx.pb.stories.values()]
    return render(ctx, "stories.md.j2", filters=filters(ctx), cards=cards)
