"""The navigation of mkdocs.yml with its `playbook:…` entries filled with generated pages.

Plain data in, plain data out: every engine that reads mkdocs.yml's `nav` can use it.
"""

from __future__ import annotations

import html

from macros.pages import GeneratedPage

NAV_MARKER = "playbook:"


class NavError(ValueError):
    """A `playbook:…` entry of the navigation that names no generated page."""


def expand_nav(nav: list | None, pages: list[GeneratedPage]) -> list | None:
    """Fill the `playbook:…` entries of mkdocs.yml's nav with generated pages.

    `playbook:home` is the home page, `playbook:glossary.md` one page, `playbook:themes`
    every page under themes/ in the data's order (spliced into the list it stands in).
    mkdocs.yml keeps the place of each generated section; the data decides the pages.
    """
    if nav is None:
        return None

    def entry(page: GeneratedPage):
        title = html.escape(page.nav_title, quote=False)  # MkDocs does not escape nav titles
        return {title: page.src_uri} if title else page.src_uri

    def pages_for(marker: str) -> list:
        target = marker.removeprefix(NAV_MARKER)
        if target == "home":
            target = "index.md"
        if target.endswith(".md"):
            found = [entry(p) for p in pages if p.src_uri == target]
        else:
            found = [entry(p) for p in pages if p.src_uri.startswith(f"{target}/")]
        if not found:
            raise NavError(f"mkdocs.yml: nav: '{marker}' matches no generated page")
        return found

    def expand(item):
        if isinstance(item, str) and item.startswith(NAV_MARKER):
            found = pages_for(item)
            # Under a title of its own (`Home: playbook:home`), one page needs no title.
            if len(found) == 1 and isinstance(found[0], dict):
                return next(iter(found[0].values()))
            return found
        if isinstance(item, dict):
            return {key: expand(value) for key, value in item.items()}
        if isinstance(item, list):
            out = []
            for value in item:
                if isinstance(value, str) and value.startswith(NAV_MARKER):
                    out += pages_for(value)
                else:
                    out.append(expand(value))
            return out
        return item

    return expand(nav)
