"""A page per state that has content: its stories grouped by theme, and its quotes."""

from __future__ import annotations

from ..model import State
from ..render import md_text
from .blocks import quote_block, story_teaser
from .common import GeneratedPage, PageContext, front_matter, link, rel, state_uri, theme_uri

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
    return bool(ctx.pb.stories_for("state", state.code) or ctx.pb.quotes_for("state", state.code))


def index_page(ctx: PageContext, states: list[State]) -> str:
    out = [front_matter("States", description="Stories from the states, state by state."),
           "# States\n"]
    for state in states:
        count = len(ctx.pb.stories_for("state", state.code))
        noun = "story" if count == 1 else "stories"
        out.append(f"- {link(state.name, rel(STATES_INDEX_URI, state_uri(state.name)))}"
                   f" — {count} {noun}")
    return "\n".join(out) + "\n"


def state_page(ctx: PageContext, state: State) -> str:
    pb, uri = ctx.pb, state_uri(state.name)
    out = [front_matter(state.name, description=f"Stories from {state.name}", boost=2),
           f"# {md_text(state.name)}\n"]
    cohorts = [pb.cohorts[c].name for c in state.cohorts]
    if cohorts:
        out.append(f"Delta Center cohort: {md_text(', '.join(cohorts))}\n")
    stories = pb.stories_for("state", state.code)
    for theme in pb.themes.values():
        in_theme = [s for s in stories if s.theme == theme.id]
        if in_theme:
            out.append(f"## {link(theme.title, rel(uri, theme_uri(theme.id)))}\n")
            out += [story_teaser(ctx, story, uri, level=3) for story in in_theme]
    quotes = pb.quotes_for("state", state.code)
    if quotes:
        out.append("## In their words { #quotes }\n")
        out += [quote_block(ctx, quote, uri) for quote in quotes]
    return "\n".join(out)
