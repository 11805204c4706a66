"""Reference pages: the glossary and the resources."""

from __future__ import annotations

from dataclasses import dataclass

from macros.content.model import Resource
from macros.pages.blocks import ResourceView, resource_view
from macros.pages.common import (
    GLOSSARY_URI,
    RESOURCES_URI,
    GeneratedPage,
    PageContext,
    PageLink,
    page_link,
    render,
    state_uri,
    story_uri,
    theme_uri,
)


@dataclass(frozen=True)
class ResourceEntry:
    resource: ResourceView
    related: list[PageLink]  # its states, themes and the stories that cite it


def pages(ctx: PageContext) -> list[GeneratedPage]:
    out = []
    terms = list(ctx.pb.terms.values())
    if terms:
        out.append(
            GeneratedPage(
                GLOSSARY_URI, glossary_page(ctx), terms[0].origin.file, nav_title="Glossary"
            )
        )
    resources = list(ctx.pb.resources.values())
    if resources:
        out.append(
            GeneratedPage(
                RESOURCES_URI, resources_page(ctx), resources[0].origin.file, nav_title="Resources"
            )
        )
    return out


def glossary_page(ctx: PageContext) -> str:
    return render(ctx, "glossary.md.j2", terms=list(ctx.pb.terms.values()))


def related(ctx: PageContext, resource: Resource) -> list[PageLink]:
    pb, uri = ctx.pb, RESOURCES_URI
    return (
        [page_link(pb.states[c].name, uri, state_uri(pb.states[c].name)) for c in resource.states]
        + [page_link(pb.themes[t].title, uri, theme_uri(t)) for t in resource.themes]
        + [
            page_link(story.title, uri, story_uri(story.id))
            for story in pb.stories_for("resource", resource.id)
        ]
    )


def resources_page(ctx: PageContext) -> str:
    entries = [
        ResourceEntry(resource_view(r, RESOURCES_URI), related(ctx, r))
        for r in ctx.pb.resources.values()
    ]
    return render(ctx, "resources.md.j2", resources=entries)
