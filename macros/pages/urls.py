"""Links inside raw HTML blocks (an SVG map, a matrix table), which MkDocs does not rewrite.

Markdown links are checked and rewritten by MkDocs; links in raw HTML are not, so they are
computed here as MkDocs would for `use_directory_urls: true` (its default, and ours):
`states/kansas.md` is served as `states/kansas/`.
"""

from __future__ import annotations

import posixpath


def page_url(src_uri: str) -> str:
    """Where a page is served, relative to the site root: '' for index.md, 'a/b/' for a/b.md."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
        return stem
    return f"{stem}/"


def href(from_uri: str, to_uri: str, anchor: str = "") -> str:
    """A relative link from one page to another, as it must appear in the built HTML."""
    base, target = page_url(from_uri), page_url(to_uri)
    relative = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    relative = "./" if relative == "." else f"{relative}/"
    return f"{relative}#{anchor}" if anchor else relative
