"""Reference pages: the glossary and the resources."""

from __future__ import annotations

from macros.pages.blocks import resource_anchor, resource_title
from macros.pages.common import (
    GLOSSARY_URI,
    RESOURCES_URI,
    GeneratedPage,
    PageContext,
    front_matter,
    link,
    rel,
    state_uri,
    theme_uri,
)
from macros.render.markdown import html_text, md_text


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
    entries = []
    for term in ctx.pb.terms.values():
        name = html_text(term.term)
        if term.expansion:
            name += f' <span class="pb-expansion">({html_text(term.expansion)})</span>'
        entries.append(f'<dt id="term-{term.id}">{name}</dt><dd>{html_text(term.definition)}</dd>')
    return "\n".join(
        [
            front_matter(
                "Glossary", description="Acronyms and terms used in the playbook", boost=1.5
            ),
            "# Glossary\n",
            "The acronyms and terms you meet in this playbook, in plain language.\n",
            f'<dl class="pb-glossary">\n{chr(10).join(entries)}\n</dl>\n',
        ]
    )


def resources_page(ctx: PageContext) -> str:
    pb = ctx.pb
    out = [front_matter("Resources", description="Further reading and tools"), "# Resources\n"]
    for resource in pb.resources.values():
        related = [
            link(pb.states[c].name, rel(RESOURCES_URI, state_uri(pb.states[c].name)))
            for c in resource.states
        ]
        related += [
            link(pb.themes[t].title, rel(RESOURCES_URI, theme_uri(t))) for t in resource.themes
        ]
        related += [
            link(story.title, rel(RESOURCES_URI, theme_uri(story.theme), f"story-{story.id}"))
            for story in pb.stories_for("resource", resource.id)
        ]
        line = f"- {resource_title(resource)}"
        if resource.description:
            line += f": {md_text(resource.description)}"
        if related:
            line += f" ({', '.join(related)})"
        # attr_list on a line of its own gives the list item an anchor that other pages use.
        out.append(f"{line}\n  {{ #{resource_anchor(resource.id)} }}")
    return "\n".join(out) + "\n"
