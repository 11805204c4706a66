"""The story index: every story as a card, with filters by theme, state, policy area and cohort.

Without JavaScript the whole list shows and the filter form stays hidden. With it
(overrides/assets/javascripts/story-filters.js), the filters narrow the list at once, show the
count and are kept in the URL (?theme=…&state=…&area=…&cohort=…).
"""

from __future__ import annotations

from macros.content.model import Story
from macros.pages.blocks import story_meta
from macros.pages.common import (
    STORIES_URI,
    GeneratedPage,
    PageContext,
    front_matter,
    link,
    rel,
    theme_uri,
    with_class,
)
from macros.render.markdown import html_text, md_text


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


def _select(name: str, label: str, options: list[tuple[str, str]]) -> str:
    items = "".join(
        f'<option value="{html_text(value)}">{html_text(text)}</option>' for value, text in options
    )
    # A label tied by `for`, not wrapping the select: its accessible name is "State", not
    # "State" followed by every option.
    return (
        f'<span class="pb-filter"><label for="filter-{name}">{html_text(label)}</label>'
        f'<select id="filter-{name}" name="{name}" data-filter="{name}">'
        f'<option value="">All</option>{items}</select></span>'
    )


def filter_form(ctx: PageContext) -> str:
    """The filters, with only the values that some story has; hidden until the script runs."""
    pb, stories = ctx.pb, list(ctx.pb.stories.values())
    used_states = {c for s in stories for c in s.states}
    used_areas = {a for s in stories for a in s.policy_areas}
    used_cohorts = {c for s in stories for c in story_cohorts(ctx, s)}
    used_themes = {s.theme for s in stories}
    selects = [
        _select(
            "theme", "Theme", [(t.id, t.title) for t in pb.themes.values() if t.id in used_themes]
        ),
        _select(
            "state",
            "State",
            [(s.code, s.name) for s in pb.states.values() if s.code in used_states],
        ),
        _select(
            "area",
            "Policy area",
            [(a.id, a.name) for a in pb.policy_areas.values() if a.id in used_areas],
        ),
        _select(
            "cohort",
            "Cohort",
            [(c.id, c.name) for c in pb.cohorts.values() if c.id in used_cohorts],
        ),
    ]
    return (
        '<form class="pb-filters" role="search" aria-label="Filter the stories" hidden>'
        + "".join(selects)
        + '<button type="reset" class="md-button">Show all</button>'
        + f'<p class="pb-filter-count" role="status">{len(stories)} stories</p></form>'
    )


def card(ctx: PageContext, story: Story) -> str:
    pb = ctx.pb
    theme = pb.themes[story.theme]
    data = {
        "theme": story.theme,
        "state": " ".join(story.states),
        "area": " ".join(story.policy_areas),
        "cohort": " ".join(story_cohorts(ctx, story)),
    }
    attributes = " ".join(f'data-{k}="{html_text(v)}"' for k, v in data.items())
    where = [f"Theme: {link(theme.title, rel(STORIES_URI, theme_uri(theme.id)))}"]
    if story.strategy in pb.strategies:
        strategy = pb.strategies[story.strategy]
        target = rel(STORIES_URI, theme_uri(theme.id), strategy.id)
        where.append(f"Key strategy: {link(strategy.title, target)}")
    title_target = rel(STORIES_URI, theme_uri(story.theme), f"story-{story.id}")
    return "\n".join(
        [
            f'<article class="pb-story-card" id="card-{html_text(story.id)}" {attributes} '
            "markdown>",
            "",
            f"## {link(story.title, title_target)}",
            "",
            story_meta(ctx, story, STORIES_URI),
            with_class(" · ".join(where), "pb-story-where"),
            with_class(md_text(story.summary), "pb-summary"),
            "</article>",
            "",
        ]
    )


def index_page(ctx: PageContext) -> str:
    stories = list(ctx.pb.stories.values())
    return "\n".join(
        [
            front_matter(
                "Stories",
                description="Every state story; filters by theme, state, policy area, cohort.",
                boost=0.5,  # the story itself, on its theme page, ranks above its card here
                hide=["toc"],
            ),
            "# Stories\n",
            f"All {len(stories)} stories from the states. Choose a theme, a state, a policy "
            "area or a cohort to narrow the list; the address of the page keeps your choice, "
            "so that you can share or bookmark it.\n",
            filter_form(ctx),
            "",
            '<div class="pb-story-list" markdown>',
            "",
            *[card(ctx, story) for story in stories],
            "</div>",
            "",
        ]
    )
