"""The stories: a page per story, and the index of every story as a card, with filters by
theme, state, policy area and cohort.

A story's page (`stories/<story-id>/`) is its stable address, to share, bookmark and cite:
its states, theme, key strategy, policy areas, source and resources, stories like it, and a
citation line.

Without JavaScript the whole list shows and the filter form stays hidden. With it
(overrides/assets/javascripts/story-filters.js), the filters narrow the list at once, show the
count and are kept in the URL (?theme=…&state=…&area=…&cohort=…).
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from macros.content.model import Story
from macros.pages.blocks import (
    ResourceView,
    StoryCardView,
    StoryView,
    resource_view,
    source_ref,
    story_card,
    story_view,
)
from macros.pages.common import (
    STORIES_URI,
    GeneratedPage,
    PageContext,
    page_link,
    render,
    story_uri,
    theme_uri,
)
from macros.pages.urls import page_url

MORE_LIKE_THIS = 4  # "more stories like this" on a story's page


def pages(ctx: PageContext) -> list[GeneratedPage]:
    stories = list(ctx.pb.stories.values())
    if not stories:
        return []
    return [
        GeneratedPage(STORIES_URI, index_page(ctx), stories[0].origin.file, nav_title="Stories")
    ] + [
        GeneratedPage(story_uri(s.id), story_page(ctx, s), s.origin.file, nav_title=s.title)
        for s in stories
    ]


def story_cohorts(ctx: PageContext, story: Story) -> list[str]:
    """The story's own cohort and those of its states, in the cohorts' order."""
    ids = {story.cohort} if story.cohort else set()
    ids |= {c for code in story.states for c in ctx.pb.states[code].cohorts}
    return [c for c in ctx.pb.cohorts if c in ids]


class Filter(NamedTuple):
    name: str
    label: str
    options: list[tuple[str, str, bool]]  # (value, text, has stories)


def filters(ctx: PageContext) -> list[Filter]:
    """The filters. Themes and policy areas are the playbook's own structure: all are
    offered, those without a story yet greyed out and saying so. States and cohorts are
    offered where some story has them."""
    pb, stories = ctx.pb, list(ctx.pb.stories.values())
    used_states = {c for s in stories for c in s.states}
    used_areas = {a for s in stories for a in s.policy_areas}
    used_cohorts = {c for s in stories for c in story_cohorts(ctx, s)}
    used_themes = {s.theme for s in stories}
    return [
        Filter(
            "theme",
            "Theme",
            [(t.id, t.title, t.id in used_themes) for t in pb.themes.values()],
        ),
        Filter(
            "state",
            "State",
            [(s.code, s.name, True) for s in pb.states.values() if s.code in used_states],
        ),
        Filter(
            "area",
            "Policy area",
            [(a.id, a.name, a.id in used_areas) for a in pb.policy_areas.values()],
        ),
        Filter(
            "cohort",
            "Cohort",
            [(c.id, c.name, True) for c in pb.cohorts.values() if c.id in used_cohorts],
        ),
    ]


def card(ctx: PageContext, story: Story) -> StoryCardView:
    data = {
        "theme": story.theme,
        "state": " ".join(story.states),
        "area": " ".join(story.policy_areas),
        "cohort": " ".join(story_cohorts(ctx, story)),
    }
    return story_card(ctx, story, STORIES_URI, data=data)


def index_page(ctx: PageContext) -> str:
    cards = [card(ctx, story) for story in ctx.pb.stories.values()]
    return render(ctx, "stories.md.j2", filters=filters(ctx), cards=cards)


# A story's own page ----------------------------------------------------------------------


def like_this(ctx: PageContext, story: Story) -> list[Story]:
    """Other stories that share the most with this one: the same key strategy counts 3,
    each shared policy area or state 2, the same theme 1; ties in the data's order.

    Scored through the playbook's indexes, so that only stories that share something are
    looked at (comparing every pair of stories grew with the square of their number)."""
    pb = ctx.pb
    shared: Counter[str] = Counter()  # every score but the theme's

    def share(kind: str, keys: Iterable[str], weight: int) -> None:
        for key in set(keys):
            for _ in range(weight):  # Counter.update counts an id list at C speed
                shared.update(pb.story_ids_for(kind, key))

    share("strategy", [story.strategy] if story.strategy else [], 3)
    share("policy_area", story.policy_areas, 2)
    share("state", story.states, 2)
    shared.pop(story.id, None)

    def rank(other_id: str) -> tuple[int, int]:
        same_theme = pb.stories[other_id].theme == story.theme
        return -(shared[other_id] + same_theme), pb.story_order[other_id]

    best = heapq.nsmallest(MORE_LIKE_THIS, shared, key=rank)
    # Sharing only the theme (a score of 1) ranks below sharing anything else (2 or more).
    for other_id in pb.story_ids_for("theme", story.theme):
        if len(best) == MORE_LIKE_THIS:
            break
        if other_id != story.id and other_id not in shared:
            best.append(other_id)
    return [pb.stories[other_id] for other_id in best]


class Citation(NamedTuple):
    title: str
    playbook: str
    version: str
    publisher: str
    date: str
    url: str  # "" when the site's address is not configured


def citation(ctx: PageContext, story: Story) -> Citation:
    info = ctx.pb.info
    url = ctx.site_url.rstrip("/") + "/" + page_url(story_uri(story.id)) if ctx.site_url else ""
    return Citation(
        story.title,
        info.title,
        info.version,
        info.publisher,
        f"{info.date:%B} {info.date.day}, {info.date.year}",
        url,
    )


def story_page(ctx: PageContext, story: Story) -> str:
    pb, uri = ctx.pb, story_uri(story.id)
    view: StoryView = story_view(ctx, story, uri)
    theme = pb.themes[story.theme]
    resources: list[ResourceView] = [resource_view(pb.resources[r], uri) for r in story.resources]
    more: list[StoryCardView] = [story_card(ctx, s, uri) for s in like_this(ctx, story)]
    return render(
        ctx,
        "story.md.j2",
        story=view,
        theme=page_link(theme.title, uri, theme_uri(theme.id)),
        resources=resources,
        source=source_ref(ctx, story.source, uri, story.locator),
        more=more,
        all_stories=page_link("All stories", uri, STORIES_URI),
        cite=citation(ctx, story),
    )
