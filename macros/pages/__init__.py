"""Pages generated from the playbook: plain Python, callable without MkDocs.

    generate_pages(playbook) -> list[GeneratedPage]

Each module builds one kind of page; this registry puts them together in navigation order.
"""

from __future__ import annotations

from macros.content.playbook import Playbook
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


def generate_pages(playbook: Playbook) -> list[GeneratedPage]:
    context = PageContext.shared(playbook)
    pages = [page for build in BUILDERS for page in build(context)]
    seen: set[str] = set()
    for page in pages:
        if page.src_uri in seen:  # a programming error, not an editor's
            raise ValueError(f"two generated pages at {page.src_uri}")
        seen.add(page.src_uri)
    return pages


__all__ = ["GeneratedPage", "generate_pages"]
