"""MkDocs hooks for print (listed under `hooks:` in mkdocs.yml): the print view page, and the
"Download PDF" links when the site is built together with its PDFs (`playbook pdf`).

A plain `playbook build` has no PDFs, so it shows no download links: the site never links to
a file it does not hold. `playbook pdf` builds with PLAYBOOK_PDF_DOWNLOADS=1, prints the PDFs
into that same build, and only then publishes it.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from macros.site import context as site
from macros.pdf.downloads import Download, downloads
from macros.pages.common import PageContext
from macros.pages.print_view import PRINT_URI, print_page
from macros.render.markdown import html_text

PDF_LINKS_ENV = "PLAYBOOK_PDF_DOWNLOADS"


_links: dict[str, Download] = {}  # page src_uri -> its PDF, for the build under way


def on_files(files: Files, config: MkDocsConfig) -> Files:
    playbook, _pages = site.load(config)
    ctx = PageContext.shared(playbook)
    _links.clear()
    if os.environ.get(PDF_LINKS_ENV) == "1":
        _links.update({item.page: item for item in downloads(ctx)})
    page = File.generated(
        config, PRINT_URI, content=print_page(ctx), inclusion=InclusionLevel.NOT_IN_NAV
    )
    page.edit_uri = None  # made from every data file at once: nothing single to edit
    files.append(page)
    return files


def download_link(page_url: str, item: Download) -> str:
    href = get_relative_url(item.path, page_url)
    return (
        f'<p class="pb-download pb-no-print"><a href="{html_text(href)}" download '
        f'type="application/pdf">Download PDF</a> <span class="pb-download-what">'
        f"({html_text(item.label)})</span></p>\n"
    )


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    item = _links.get(page.file.src_uri)
    if item is None:
        return html
    link = download_link(page.file.url, item)
    # Under the page title, where a reader looks for it.
    head, found, rest = html.partition("</h1>")
    return f"{head}{found}\n{link}{rest}" if found else link + html
