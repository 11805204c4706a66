"""Pages generated from the playbook: plain Python, callable without MkDocs.

    generate_pages(PageContext(playbook)) -> list[GeneratedPage]

Each module builds one kind of page; this registry puts them together in navigation order.
What a page module hands its templates are immutable records, written as NamedTuples: a
frozen dataclass costs about half a millisecond to define, and a build imports 39 of
them (benchmarks/build.py counts every import).
"""

from __future__ import annotations

from macros.pages import (
    field_reference,
    home,
    policy_areas,
    reference,
    sources,
    states,
    stories,
    themes,
)
from macros.pages.common import GeneratedPage, PageContext

# Each builder takes a PageContext and returns its pages.
BUILDERS = (
    home.pages,
    themes.pages,
    states.pages,
    policy_areas.pages,
    stories.pages,
    sources.pages,
    reference.pages,
    field_reference.pages,
)


def generate_pages(context: PageContext) -> list[GeneratedPage]:
    pages = [page for build in BUILDERS for page in build(context)]
    seen: set[str] = set()
    for page in pages:
        if page.src_uri in seen:  # a programming error, not an editor's
            raise ValueError(f"two generated pages at {page.src_uri}")
        seen.add(page.src_uri)
    return pages


__all__ = ["GeneratedPage", "PageContext", "generate_pages"]
