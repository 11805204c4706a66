"""Policy priorities (the playbook's Figure 2): an overview, a page per policy area with the
stories and states behind it, and a matrix of policy areas × states linking to the stories."""

from __future__ import annotations

from macros.content.model import PolicyArea, State, Story
from macros.pages.blocks import story_meta
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
from macros.pages.states import has_content
from macros.pages.urls import href
from macros.render.markdown import html_text, md_text

INDEX_URI = "policy-areas/index.md"
MATRIX_URI = "policy-areas/matrix.md"


def pages(ctx: PageContext) -> list[GeneratedPage]:
    areas = list(ctx.pb.policy_areas.values())
    if not areas:
        return []
    edit = areas[0].origin.file
    return [
        GeneratedPage(INDEX_URI, index_page(ctx), edit, nav_title="All policy areas"),
        GeneratedPage(MATRIX_URI, matrix_page(ctx), edit, nav_title="Policy areas by state"),
    ] + [
        GeneratedPage(policy_area_uri(a.id), area_page(ctx, a), a.origin.file, nav_title=a.name)
        for a in areas
    ]


def area_states(ctx: PageContext, area: PolicyArea) -> list[State]:
    codes = {c for story in ctx.pb.stories_for("policy_area", area.id) for c in story.states}
    return [s for s in ctx.pb.states.values() if s.code in codes]


def count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def index_page(ctx: PageContext) -> str:
    pb = ctx.pb
    out = [
        front_matter(
            "Policy priorities",
            description="The shared policy priority areas that PCAs and BHSAs worked on.",
            boost=1.5,
        ),
        "# Policy priorities\n",
        "The policy areas that primary care and behavioral health associations named as "
        f"shared priorities. See them all at once in the "
        f"{link('matrix of policy areas by state', rel(INDEX_URI, MATRIX_URI))}.\n",
    ]
    for area in pb.policy_areas.values():
        stories = pb.stories_for("policy_area", area.id)
        states = area_states(ctx, area)
        title = link(area.name, rel(INDEX_URI, policy_area_uri(area.id)))
        out.append(f"## {title} {{ #{area.id} }}\n")
        out.append(ctx.prose.block(area.description))
        out.append(
            with_class(
                f"{count(len(stories), 'story', 'stories')} · "
                f"{count(len(states), 'state', 'states')}",
                "pb-area-facts",
            )
        )
    return "\n".join(out)


def area_page(ctx: PageContext, area: PolicyArea) -> str:
    pb, uri = ctx.pb, policy_area_uri(area.id)
    stories = pb.stories_for("policy_area", area.id)
    states = area_states(ctx, area)
    out = [
        front_matter(area.name, description=f"Policy priority: {area.name}", boost=2),
        f"# {md_text(area.name)}\n",
        with_class(f"Policy priority {area.order} of {len(pb.policy_areas)}", "pb-eyebrow"),
        ctx.prose.block(area.description),
    ]
    if states:
        out.append("## States { #states }\n")
        out += [
            f"- {link(s.name, rel(uri, state_uri(s.name)))}"
            if has_content(ctx, s)
            else f"- {md_text(s.name)}"
            for s in states
        ]
        out.append("")
    out.append("## Stories { #stories }\n")
    if not stories:
        out.append("No story in this playbook is about this policy area yet.\n")
    for story in stories:
        theme = pb.themes[story.theme]
        target = rel(uri, theme_uri(story.theme), f"story-{story.id}")
        out += [
            f"### {link(story.title, target)}\n",
            story_meta(ctx, story, uri),
            with_class(md_text(story.summary), "pb-summary"),
            with_class(f"Theme: {link(theme.title, rel(uri, theme_uri(theme.id)))}", "pb-theme"),
        ]
    out.append(with_class(link("All policy areas by state", rel(uri, MATRIX_URI)), "pb-more"))
    return "\n".join(out)


def _cell(ctx: PageContext, stories: list[Story], state: State, area: PolicyArea) -> str:
    links = []
    for story in stories:
        url = href(MATRIX_URI, theme_uri(story.theme), f"story-{story.id}")
        label = f"{story.title} ({state.name}, {area.name})"
        links.append(
            f'<a class="pb-matrix-link" href="{html_text(url)}" title="{html_text(story.title)}">'
            f'<span aria-hidden="true">●</span>'
            f'<span class="pb-visually-hidden">{html_text(label)}</span></a>'
        )
    return " ".join(links)


def matrix_table(ctx: PageContext) -> str:
    """A table, policy areas down and states across; a filled cell links to each story.
    Its links are relative to the matrix page (the print view rewrites them)."""
    pb = ctx.pb
    states = [
        s
        for s in pb.states.values()
        if any(story.policy_areas for story in pb.stories_for("state", s.code))
    ]
    head = "".join(
        f'<th scope="col"><a href="{html_text(href(MATRIX_URI, state_uri(s.name)))}">'
        f'<abbr title="{html_text(s.name)}">{html_text(s.code)}</abbr></a></th>'
        for s in states
    )
    rows = []
    for area in pb.policy_areas.values():
        cells = []
        for state in states:
            stories = [
                story
                for story in pb.stories_for("policy_area", area.id)
                if state.code in story.states
            ]
            cells.append(f"<td>{_cell(ctx, stories, state, area)}</td>")
        area_link = html_text(href(MATRIX_URI, policy_area_uri(area.id)))
        rows.append(
            f'<tr data-area="{html_text(area.id)}"><th scope="row">'
            f'<a href="{area_link}">{html_text(area.name)}</a></th>{"".join(cells)}</tr>'
        )
    return (
        '<div class="pb-matrix-wrap" role="region" tabindex="0" '
        'aria-label="Policy areas by state (scrolls sideways)">'
        '<table class="pb-matrix"><caption>Policy areas (rows) and the states whose stories '
        "worked on them (columns). Each dot links to a story.</caption>"
        f'<thead><tr><th scope="col">Policy area</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def matrix_page(ctx: PageContext) -> str:
    table = matrix_table(ctx)
    return "\n".join(
        [
            front_matter(
                "Policy areas by state",
                description="Which states' stories worked on which policy priority.",
            ),
            "# Policy areas by state\n",
            "Each row is a policy priority and each column a state. A dot links to a story from "
            "that state about that policy area. "
            f"{link('All policy areas', rel(MATRIX_URI, INDEX_URI))}.\n",
            f"\n{table}\n",
        ]
    )
