"""Reading a built site the way a reader meets it, to compare the builds of two engines.

Each engine writes its own theme markup around a page; what must be the same is inside
the page's article (its text, where each link leads, its anchors), the navigation's
targets, the set of pages and the files beside them.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
# The navigation: from the main <nav> to the page's content (the sidebars come first).
PRIMARY_NAV = re.compile(
    r'<nav class="md-nav md-nav--primary[^"]*"(.*?)<div class="md-content"', re.S
)
LINK = re.compile(r'\b(?:href|src)="([^"]*)"')
ANCHOR = re.compile(r'\bid="([^"]*)"')
TAG = re.compile(r"<[^>]+>")
# Ids that a theme's template puts inside the article (Zensical: the skip link's target).
TEMPLATE_IDS = {"__skip"}


def pages(site: Path) -> set[str]:
    """Every HTML page of the site, by its path (theme assets aside)."""
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if p.relative_to(site).parts[0] != "assets"
    }


def article(site: Path, page: str) -> str:
    found = ARTICLE.search((site / page).read_text(encoding="utf-8"))
    assert found, f"{page}: no article"
    return found.group(1)


def text(fragment: str) -> str:
    """What a reader reads: the text without tags, whitespace folded."""
    return " ".join(html.unescape(TAG.sub(" ", fragment)).split())


def targets(fragment: str, page: str) -> list[str]:
    """Where each link of `fragment` leads, as a site path (`/states/kansas/#story-x`):
    `./` on a page and `../kansas/` on the same page lead to the same place."""
    folder = posixpath.dirname(page)
    here = f"/{folder}/" if folder else "/"
    out = []
    for url in LINK.findall(fragment):
        parts = urlsplit(html.unescape(url))
        if parts.scheme or parts.netloc or url.startswith("#"):
            out.append(url)
            continue
        path = here
        if parts.path:
            path = posixpath.normpath(posixpath.join(here, parts.path))
            if parts.path.endswith(("/", ".")) and path != "/":
                path += "/"
        out.append(path + (f"#{parts.fragment}" if parts.fragment else ""))
    return out


def anchors(fragment: str) -> set[str]:
    return set(ANCHOR.findall(fragment)) - TEMPLATE_IDS


def navigation(site: Path, page: str) -> list[str]:
    """Where the links of the main navigation lead, seen from `page`."""
    found = PRIMARY_NAV.search((site / page).read_text(encoding="utf-8"))
    return targets(found.group(1), page) if found else []


def search_locations(site: Path) -> set[str]:
    """The pages (not the sections) the search index lists: MkDocs' search plugin writes
    search/search_index.json ("docs"), Zensical search.json ("items")."""
    for name, key in (("search/search_index.json", "docs"), ("search.json", "items")):
        path = site / name
        if path.is_file():
            entries = json.loads(path.read_text(encoding="utf-8"))[key]
            return {entry["location"].partition("#")[0] for entry in entries}
    raise AssertionError(f"{site}: no search index")
