"""What the pages need from the content beyond the model's own rules, checked before any
page is made, so that `playbook validate` finds everything `playbook build` would fail on.

    page_problems(ctx, docs_dir) -> list[Problem]

* editors' Markdown renders as written: no link or image that would be dropped, no
  nesting too deep to show (the very renderer the pages use says so);
* every record's page has an address of its own: a state name that gives no address or the
  same address as another state, an id that names a generated or hand-written page;
* every anchor on a page is unique (an id that would repeat a heading's anchor);
* no glossary acronym is a word the pages' markup is made of (`amp`, Markdown's own);
* there is something to show: at least one theme and one story.
"""

from __future__ import annotations

import functools
import html.entities
from collections.abc import Iterable
from pathlib import Path

from macros.content.model import Record
from macros.content.problems import Problem
from macros.content.slugs import slugify
from macros.editor.fields import field_type
from macros.pages.common import (
    GLOSSARY_URI,
    RESOURCES_URI,
    STORIES_URI,
    PageContext,
    policy_area_uri,
    source_uri,
    state_uri,
    theme_uri,
)

# Pages made by code, whatever the content: (address, what it is, for messages).
FIXED_PAGES = {
    "index.md": "the home page",
    "states/index.md": "the states index",
    "policy-areas/index.md": "the policy areas' index",
    "policy-areas/matrix.md": "the matrix of policy areas by state",
    STORIES_URI: "the story index",
    GLOSSARY_URI: "the glossary",
    RESOURCES_URI: "the resources page",
    "contribute/fields.md": "the field reference",
    "print/index.md": "the print view",
}
# Anchors that pages make themselves (pages/templates), beside those made from ids.
THEME_ANCHORS = ("key-strategies", "more-from-the-states", "resources")
STATE_ANCHORS = ("policy-areas", "quotes", "resources")


def page_problems(ctx: PageContext, docs_dir: Path | None = None) -> list[Problem]:
    return [
        *markdown_problems(ctx),
        *acronym_problems(ctx),
        *address_problems(ctx, docs_dir),
        *anchor_problems(ctx),
        *emptiness_problems(ctx),
    ]


def _records(ctx: PageContext) -> Iterable[Record]:
    pb = ctx.pb
    yield pb.info
    for group in (pb.sources, pb.cohorts, pb.states, pb.policy_areas, pb.themes):
        yield from group.values()
    yield from pb.strategies.values()
    for group in (pb.stories, pb.quotes, pb.resources, pb.terms):
        yield from group.values()


@functools.cache  # the same few record types, asked for every record
def _markdown_fields_of(kind: type[Record]) -> tuple[str, ...]:
    fields = kind.model_fields
    return tuple(n for n, f in fields.items() if field_type(f.annotation, f.metadata).markdown)


def markdown_problems(ctx: PageContext) -> list[Problem]:
    problems = []
    for record in _records(ctx):
        origin = record.origin
        for name in _markdown_fields_of(type(record)):
            value = getattr(record, name)
            texts = [(None, value)] if isinstance(value, str) else list(enumerate(value or []))
            for index, text in texts:
                for found in ctx.prose.problems(text):
                    problems.append(
                        Problem(
                            origin.file,
                            origin.line_of(name, index),
                            origin.path(name, index),
                            found.message,
                            found.hint,
                        )
                    )
    return problems


# Words that Markdown writes into pages while it works (placeholders for raw HTML and
# escapes): an acronym equal to one would be marked inside them and wipe that HTML.
_MARKDOWN_WORDS = ("wzxhzdk", "klzzwxh")


def acronym_problems(ctx: PageContext) -> list[Problem]:
    """Acronyms become <abbr> wherever they appear as a word, in every page: one that is a
    word of Markdown's or the name of an HTML character (`amp` in `&amp;`) would break
    the page's own markup."""
    problems = []
    for term in ctx.pb.terms.values():
        if not term.expansion:
            continue
        clash = next((w for w in _MARKDOWN_WORDS if w in term.term.lower()), None)
        if clash is None and f"{term.term};" in html.entities.html5:
            clash = f"&{term.term};"
        if clash:
            origin = term.origin
            problems.append(
                Problem(
                    origin.file,
                    origin.line_of("term"),
                    origin.path("term"),
                    f"the acronym '{term.term}' would change the pages' own markup "
                    f"({clash} is written by Markdown or HTML)",
                    "spell the acronym differently, or leave out `expansion:` so that it is "
                    "not marked across the site",
                )
            )
    return problems


def address_problems(ctx: PageContext, docs_dir: Path | None) -> list[Problem]:
    pb = ctx.pb
    taken = dict(FIXED_PAGES)
    if docs_dir is not None and docs_dir.is_dir():
        for path in sorted(docs_dir.rglob("*.md")):
            relative = path.relative_to(docs_dir).as_posix()
            taken.setdefault(relative, f"the page docs/{relative}")
    claims = (
        [(theme_uri(t.id), t, "id", "theme", "id") for t in pb.themes.values()]
        + [(state_uri(s.name), s, "name", "state", "name") for s in pb.states.values()]
        + [(source_uri(s.id), s, "id", "source", "id") for s in pb.sources.values()]
        + [(policy_area_uri(a.id), a, "id", "policy area", "id") for a in pb.policy_areas.values()]
    )
    problems = []
    for uri, record, field, kind, what in claims:
        origin = record.origin
        where = (origin.file, origin.line_of(field), origin.path(field))
        if kind == "state" and not slugify(record.name):
            problems.append(
                Problem(
                    *where,
                    f"the state name '{record.name}' gives no page address",
                    "write the name with letters, for example 'Kansas'",
                )
            )
            continue
        address = uri.removesuffix(".md")
        if uri in taken:
            problems.append(
                Problem(
                    *where,
                    f"this {kind}'s page would be at {address}/, where {taken[uri]} is",
                    f"choose another {what}",
                )
            )
            continue
        taken[uri] = f"the page of the {kind} in {origin.file}:{origin.line_of(field)}"
    return problems


def anchor_problems(ctx: PageContext) -> list[Problem]:
    """Ids that would repeat an anchor on a theme or state page (duplicate HTML ids)."""
    pb = ctx.pb
    problems = []

    def check(anchors: list[tuple[str, Record | None, str]], page: str) -> None:
        seen: dict[str, Record | None] = {}
        for anchor, record, field in anchors:
            if anchor not in seen:
                seen[anchor] = record
                continue
            owner = record or seen[anchor]
            if owner is None:  # pragma: no cover - fixed anchors are distinct
                continue
            origin = owner.origin
            problems.append(
                Problem(
                    origin.file,
                    origin.line_of(field),
                    origin.path(field),
                    f"the anchor '#{anchor}' would appear twice on {page}",
                    "choose another id",
                )
            )

    for theme in pb.themes.values():
        anchors: list[tuple[str, Record | None, str]] = [(a, None, "") for a in THEME_ANCHORS]
        for strategy in pb.ordered_strategies(theme):
            anchors += [
                (strategy.id, strategy, "id"),
                (f"{strategy.id}-stories", strategy, "id"),
                (f"{strategy.id}-quotes", strategy, "id"),
            ]
        anchors += [(f"story-{s.id}", s, "id") for s in pb.stories_for("theme", theme.id)]
        anchors += [(f"quote-{q.id}", q, "id") for q in pb.quotes.values() if q.theme == theme.id]
        check(anchors, f"the page of the theme '{theme.id}'")
    state_anchors: list[tuple[str, Record | None, str]] = [(a, None, "") for a in STATE_ANCHORS]
    state_anchors += [(t.id, t, "id") for t in pb.themes.values()]
    state_anchors += [(f"quote-{q.id}", q, "id") for q in pb.quotes.values() if q.state]
    check(state_anchors, "a state's page")
    return problems


def emptiness_problems(ctx: PageContext) -> list[Problem]:
    pb, problems = ctx.pb, []
    data = Path(pb.info.origin.file).parent.as_posix()
    if not pb.themes:
        problems.append(
            Problem(
                f"{data}/themes",
                1,
                "",
                "there are no themes",
                "add a theme file in playbook_data/themes/ (see the field reference)",
            )
        )
    if not pb.stories:
        problems.append(
            Problem(
                f"{data}/stories",
                1,
                "",
                "there are no stories",
                "add a story: playbook new story --state XX --theme ID",
            )
        )
    return problems
