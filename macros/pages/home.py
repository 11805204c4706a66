"""The home page, a hub: the playbook's promise in one sentence, then the reader's tasks
(by theme, by state, by policy area, all stories, print for a meeting) before anything else,
the themes as cards, and what the playbook is and where it comes from."""

from __future__ import annotations

from typing import NamedTuple

from markupsafe import Markup

from macros.pages.common import (
    STORIES_URI,
    GeneratedPage,
    PageContext,
    PageLink,
    checked_target,
    page_link,
    render,
    source_uri,
    theme_uri,
)
from macros.pages.print_view import PRINT_URI
from macros.pages.urls import href

HOME_URI = "index.md"


class ThemeCard(NamedTuple):
    link: PageLink
    tagline: str
    strategies: int


class Task(NamedTuple):
    """One of the reader's ways in, at the top of the home page."""

    title: str  # the link's name starts with it
    text: str  # what the reader finds there, in a few words
    target: Markup  # as it appears in the built HTML (the list is raw HTML)


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def tasks(ctx: PageContext) -> list[Task]:
    """The ways in, for what the playbook holds: a way to nothing is left out."""
    pb = ctx.pb
    states = [s for s in pb.states.values() if pb.stories_for("state", s.code)]
    areas = [a for a in pb.policy_areas.values() if pb.stories_for("policy_area", a.id)]
    out = [
        Task(
            "By theme",
            f"{plural(len(pb.themes), 'theme', 'themes')} of working together",
            checked_target("#themes"),
        ),
    ]
    if states:
        out.append(
            Task(
                "By state",
                f"A map of the {plural(len(states), 'state', 'states')} with stories",
                checked_target(href(HOME_URI, "states/index.md")),
            )
        )
    if pb.policy_areas:
        out.append(
            Task(
                "By policy area",
                f"{plural(len(areas), 'policy area', 'policy areas')} with stories, "
                "from telehealth to the workforce"
                if areas
                else "What states worked on",
                checked_target(href(HOME_URI, "policy-areas/index.md")),
            )
        )
    if pb.stories:
        out.append(
            Task(
                "All stories",
                f"{plural(len(pb.stories), 'story', 'stories')}, to filter by theme, state "
                "and policy area",
                checked_target(href(HOME_URI, STORIES_URI)),
            )
        )
    out.append(
        Task(
            "Print or download for a meeting",
            "The whole playbook, or the parts you choose",
            checked_target(href(HOME_URI, PRINT_URI)),
        )
    )
    return out


def pages(ctx: PageContext) -> list[GeneratedPage]:
    return [GeneratedPage(HOME_URI, home_page(ctx), ctx.pb.info.origin.file, nav_title="Home")]


def theme_cards(ctx: PageContext, page_uri: str) -> list[ThemeCard]:
    """One card per theme, in order."""
    return [
        ThemeCard(
            page_link(f"{theme.order}. {theme.title}", page_uri, theme_uri(theme.id)),
            theme.tagline,
            len(theme.strategies),
        )
        for theme in ctx.pb.themes.values()
    ]


def theme_cards_markdown(ctx: PageContext, page_uri: str) -> str:
    """The cards as Markdown, for the `theme_cards()` macro of hand-written pages."""
    return render(ctx, "_block.md.j2", call="theme_cards", cards=theme_cards(ctx, page_uri))


def home_page(ctx: PageContext) -> str:
    info = ctx.pb.info
    pb = ctx.pb
    states = [s for s in pb.states.values() if pb.stories_for("state", s.code)]
    return render(
        ctx,
        "home.md.j2",
        info=info,
        promise=(
            f"{info.subtitle}: {plural(len(pb.themes), 'theme', 'themes')}, "
            f"{plural(len(pb.strategies), 'key strategy', 'key strategies')} and "
            f"{plural(len(pb.stories), 'story', 'stories')} from "
            f"{plural(len(states), 'state', 'states')}."
        ),
        tasks=tasks(ctx),
        themes=theme_cards(ctx, HOME_URI),
        sources=[page_link(ctx.pb.sources[s].title, HOME_URI, source_uri(s)) for s in info.sources],
    )
