"""An "About" page per source: what it is, its facts, and what in the playbook draws on it."""

from __future__ import annotations

from macros.content.model import Source
from macros.pages.common import (
    GeneratedPage,
    PageContext,
    page_link,
    render,
    source_uri,
    story_uri,
    theme_uri,
)


def pages(ctx: PageContext) -> list[GeneratedPage]:
    return [
        GeneratedPage(source_uri(s.id), source_page(ctx, s), s.origin.file, nav_title=s.short_title)
        for s in ctx.pb.sources.values()
    ]


def source_page(ctx: PageContext, source: Source) -> str:
    uri = source_uri(source.id)
    themes = [t for t in ctx.pb.themes.values() if t.source == source.id]
    return render(
        ctx,
        "source.md.j2",
        source=source,
        themes=[page_link(t.title, uri, theme_uri(t.id)) for t in themes],
        stories=[
            page_link(s.title, uri, story_uri(s.id))
            for s in ctx.pb.stories.values()
            if s.source == source.id
        ],
    )
