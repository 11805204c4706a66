"""Reference pages: the glossary and the resources."""

from __future__ import annotations

import string
from typing import NamedTuple

from macros.content.model import Resource, Term
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


class ResourceEntry(NamedTuple):
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


class Letter(NamedTuple):
    letter: str  # "A"…"Z", or "#" for terms that start with another character
    terms: list[Term]  # alphabetical; empty: the index shows the letter without a link


def glossary_letters(terms: list[Term]) -> list[Letter]:
    """The terms from A to Z, by their first letter; every letter of the alphabet is listed
    so that the index keeps its shape, "#" last for terms starting otherwise."""
    groups: dict[str, list[Term]] = {letter: [] for letter in string.ascii_uppercase}
    for term in sorted(terms, key=lambda t: (t.term.casefold(), t.id)):
        first = term.term[:1].upper()
        groups.setdefault(first if first in groups else "#", []).append(term)
    return [Letter(letter, found) for letter, found in groups.items()]


def glossary_page(ctx: PageContext) -> str:
    return render(ctx, "glossary.md.j2", letters=glossary_letters(list(ctx.pb.terms.values())))


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
