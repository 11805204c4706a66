"""Paged.js (the npm package `pagedjs`), shipped with the site when it is installed.

    shipped_files(project) -> {path in the built site: text}; empty without it

The "Make a packet" page (print/) lays a packet out in pages with it in the reader's
browser, to give page numbers to any choice (print.js). `npm ci --omit=dev` (`make setup`)
puts it in the project's node_modules/; the build copies its browser build, which defines
`window.Paged` and runs nothing by itself (not the auto-running polyfill), and its licence
next to print.js, so that the site requests nothing from another host. Without npm the
site is built without it and print.js keeps the published page numbers only.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path("node_modules") / "pagedjs"
# What is copied, from the package to the site (print.js looks for pagedjs/paged.js next to
# itself).
FILES = {
    "dist/paged.js": "assets/javascripts/pagedjs/paged.js",
    "LICENSE.md": "assets/javascripts/pagedjs/LICENSE.txt",  # .md would be a page
}


def installed(project: Path) -> bool:
    return all((project / PACKAGE / source).is_file() for source in FILES)


def shipped_files(project: Path) -> dict[str, str]:
    if not installed(project):
        return {}
    return {
        target: (project / PACKAGE / source).read_text(encoding="utf-8")
        for source, target in FILES.items()
    }
