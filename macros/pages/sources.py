"""An "About" page per source: what it is, its facts, and what in the playbook draws on it."""

from __future__ import annotations

from macros.content.model import Source
from macros.pages.common import (
    GeneratedPage,
    PageContext,
    front_matter,
    link,
    rel,
    source_uri,
    theme_uri,
)
from macros.render.markdown import md_text


def pages(ctx: PageContext) -> list[GeneratedPage]:
    return [
        GeneratedPage(source_uri(s.id), source_page(ctx, s), s.origin.file, nav_title=s.short_title)
        for s in ctx.pb.sources.values()
    ]


def source_page(ctx: PageContext, source: Source) -> str:
    uri = source_uri(source.id)
    details = [
        f"- **Published by:** {md_text(source.publisher)}",
        f"- **Year:** {md_text(source.year)}",
        f"- **Kind:** {md_text(source.kind)}",
    ]
    if source.place:
        details.append(f"- **Where:** {md_text(source.place)}")
    if source.url:
        details.append(f"- **Link:** {link(source.url, source.url)}")
    else:
        details.append("- **Link:** link not yet available")
    out = [
        front_matter(source.title, description=f"About {source.short_title}"),
        f"# {md_text(source.title)}\n",
        *details,
        "",
        ctx.prose.block(source.summary),
    ]
    if source.facts:
        out += ["## Key facts { #facts }\n", *[f"- {md_text(f)}" for f in source.facts], ""]
    themes = [t for t in ctx.pb.themes.values() if t.source == source.id]
    stories = [s for s in ctx.pb.stories.values() if s.source == source.id]
    if themes:
        out.append("## In this playbook { #in-this-playbook }\n")
        out += [f"- {link(t.title, rel(uri, theme_uri(t.id)))}" for t in themes]
        out.append(
            f"\n{len(stories)} state {'story' if len(stories) == 1 else 'stories'} "
            "come from this source.\n"
        )
    return "\n".join(out)
