"""Policy areas, the shared policy priorities (the playbook's Figure 2): an overview, a page
per policy area with the stories and states behind it, and a matrix of policy areas × states
linking to the stories. An area without a story yet is shown as such, in a lighter way."""

from __future__ import annotations

from typing import NamedTuple

from markupsafe import Markup

from macros.content.model import PolicyArea, State
from macros.pages.blocks import story_card
from macros.pages.common import (
    GeneratedPage,
    PageContext,
    PageLink,
    checked_target,
    page_link,
    policy_area_uri,
    render,
    state_uri,
    story_uri,
)
from macros.pages.states import has_content
from macros.pages.urls import href
from macros.render import environment

INDEX_URI = "policy-areas/index.md"
MATRIX_URI = "policy-areas/matrix.md"


def pages(ctx: PageContext) -> list[GeneratedPage]:
    areas = list(ctx.pb.policy_areas.values())
    if not areas:
        return []
    edit = areas[0].origin.file
    return [
        GeneratedPage(INDEX_URI, index_page(ctx), edit, nav_title="Policy areas"),
        GeneratedPage(MATRIX_URI, matrix_page(ctx), edit, nav_title="Policy areas by state"),
    ] + [
        GeneratedPage(policy_area_uri(a.id), area_page(ctx, a), a.origin.file, nav_title=a.name)
        for a in areas
    ]


def area_states(ctx: PageContext, area: PolicyArea) -> list[State]:
    codes = {c for story in ctx.pb.stories_for("policy_area", area.id) for c in story.states}
    return [s for s in ctx.pb.states.values() if s.code in codes]


class AreaSummary(NamedTuple):
    area: PolicyArea
    link: PageLink
    stories: int
    states: int


class StateEntry(NamedTuple):
    name: str
    link: PageLink | None  # None: the state has no page


def index_page(ctx: PageContext) -> str:
    pb = ctx.pb
    areas = [
        AreaSummary(
            area,
            page_link(area.name, INDEX_URI, policy_area_uri(area.id)),
            len(pb.stories_for("policy_area", area.id)),
            len(area_states(ctx, area)),
        )
        for area in pb.policy_areas.values()
    ]
    matrix = page_link("matrix of policy areas by state", INDEX_URI, MATRIX_URI)
    return render(ctx, "policy_areas_index.md.j2", matrix=matrix, areas=areas)


def area_page(ctx: PageContext, area: PolicyArea) -> str:
    pb, uri = ctx.pb, policy_area_uri(area.id)
    stories = pb.stories_for("policy_area", area.id)
    states = [
        StateEntry(
            s.name, page_link(s.name, uri, state_uri(s.name)) if has_content(ctx, s) else None
        )
        for s in area_states(ctx, area)
    ]
    return render(
        ctx,
        "policy_area.md.j2",
        area=area,
        area_count=len(pb.policy_areas),
        states=states,
        stories=[story_card(ctx, s, uri) for s in stories],
        matrix=page_link("Policy areas by state", uri, MATRIX_URI),
    )


class MatrixLink(NamedTuple):
    target: Markup
    title: str
    label: str


class MatrixState(NamedTuple):
    code: str
    name: str
    target: Markup


class MatrixRow(NamedTuple):
    id: str
    name: str
    target: Markup
    cells: list[list[MatrixLink]]


def matrix_table(ctx: PageContext) -> str:
    """A table, policy areas down and states across; a filled cell links to each story.
    Its links are relative to the matrix page (the print view rewrites them)."""
    pb = ctx.pb
    states = [
        s
        for s in pb.states.values()
        if any(story.policy_areas for story in pb.stories_for("state", s.code))
    ]
    rows = []
    for area in areas_with_stories(ctx):  # a row without a dot says nothing: listed below
        cells = []
        for state in states:
            cells.append(
                [
                    MatrixLink(
                        checked_target(href(MATRIX_URI, story_uri(story.id))),
                        story.title,
                        f"{story.title} ({state.name}, {area.name})",
                    )
                    for story in pb.stories_for("policy_area", area.id)
                    if state.code in story.states
                ]
            )
        rows.append(
            MatrixRow(
                area.id,
                area.name,
                checked_target(href(MATRIX_URI, policy_area_uri(area.id))),
                cells,
            )
        )
    return environment.render(
        "matrix_table.html.j2",
        states=[
            MatrixState(s.code, s.name, checked_target(href(MATRIX_URI, state_uri(s.name))))
            for s in states
        ],
        rows=rows,
    )


def areas_with_stories(ctx: PageContext) -> list[PolicyArea]:
    return [a for a in ctx.pb.policy_areas.values() if ctx.pb.stories_for("policy_area", a.id)]


def matrix_page(ctx: PageContext) -> str:
    with_stories = {a.id for a in areas_with_stories(ctx)}
    return render(
        ctx,
        "matrix.md.j2",
        index=page_link("Policy areas", MATRIX_URI, INDEX_URI),
        table_html=Markup(matrix_table(ctx)),
        empty=[
            page_link(a.name, MATRIX_URI, policy_area_uri(a.id))
            for a in ctx.pb.policy_areas.values()
            if a.id not in with_stories
        ],
    )
