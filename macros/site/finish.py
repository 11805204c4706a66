"""The finishing pass: what must see a page's final HTML. Engine-neutral, no engine imported.

    finish_content(html, glossary_href=…, download=…, download_href=…)   # one page's body
    finish_site(context, site_dir, docs_dir, edit_base=…, docs_prefix="docs")  # a whole site

The MkDocs plugin calls `finish_content` on each page's content (`on_page_content`). For an
engine that does not run our plugin (Zensical), `finish_site` does the same on the built
HTML files, and also puts each generated page's edit link on its data file (the engine only
knows the copy it rendered) and takes the print view's away (nothing single to edit), as the
plugin does through MkDocs' `File.edit_uri`, and writes the Content-Security-Policy into
every page (site/csp.py). Both paths share this code, so the builds finish every page the
same way.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin

from macros.pages.common import GLOSSARY_URI
from macros.pages.downloads import Download, PacketLink
from macros.pages.print_view import PRINT_URI, with_printed_addresses
from macros.render import glossary_terms
from macros.render.markdown import html_text
from macros.site import csp
from macros.site.build_context import BuildContext


def finish_content(
    html: str,
    context: BuildContext,
    *,
    glossary_href: str | None,
    download: Download | None = None,
    download_href: str = "",
    packet: PacketLink | None = None,
    print_href: str = "",
    src_uri: str = "",
) -> str:
    """One page's content: each glossary acronym linked to its entry (`glossary_href`: the
    glossary page relative to this page, None on the glossary itself), the page's
    "Download PDF" link when its PDF is printed, and its link to the "Make a packet" form
    (`print_href`: the print view relative to this page). On the print view (`src_uri`) the
    links carry no tooltip: hundreds of them only kept the browser busy (paper has no hover);
    its web links carry the text their address prints as (no two alike in a document)."""
    if src_uri == PRINT_URI:
        html = with_printed_addresses(html, context.pages_context, context.site_url)
    if glossary_href is not None:
        anchors = context.glossary_anchors
        titles = src_uri != PRINT_URI
        html = glossary_terms.link_terms(html, anchors, glossary_href, titles)
    if download is not None:
        html = with_download_link(html, download, download_href)
    return html if packet is None else with_packet_link(html, packet, print_href)


def with_packet_link(html: str, packet: PacketLink, print_href: str) -> str:
    """The "Make a packet" form, opened with this page's part already ticked."""
    query = "".join(f"{'&' if i else '?'}part={part}" for i, part in enumerate(packet.parts))
    link = (
        f'<p class="pb-packet-link pb-no-print"><a href="{html_text(print_href + query)}">'
        f"{html_text(packet.label)}</a></p>\n"
    )
    return _under_title(html, link)


def with_download_link(html: str, item: Download, href: str) -> str:
    link = (
        f'<p class="pb-download pb-no-print"><a href="{html_text(href)}" download '
        f'type="application/pdf">Download PDF</a> <span class="pb-download-what">'
        f"({html_text(item.label)})</span></p>\n"
    )
    return _under_title(html, link)


def _under_title(html: str, link: str) -> str:
    """Under the page title, where a reader looks for it."""
    head, found, rest = html.partition("</h1>")
    return f"{head}{found}\n{link}{rest}" if found else link + html


def page_url(src_uri: str) -> str:
    """The address of a page with directory URLs, as every engine here writes it:
    `index.md` → ``, `about/index.md` → `about/`, `glossary.md` → `glossary/`."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def relative_url(target: str, source: str) -> str:
    """The site address `target` relative to the page at address `source`, written as MkDocs
    writes it for directory URLs: "../glossary/", "./", "..", "glossary/"."""
    folder = source if source.endswith("/") or not source else posixpath.dirname(source)
    relative = posixpath.relpath(target or ".", folder or ".")
    return f"{relative}/" if target.endswith("/") else relative


# The content of a page in Material's and Zensical's templates: the article of the page.
_ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset">)(.*?)(</article>)', re.S)
# The edit button that both templates write before the title.
_EDIT_LINK = re.compile(r'<a href="([^"]*)"([^>]*\brel="edit"[^>]*)>.*?</a>\s*', re.S)


def finish_site(
    context: BuildContext, site_dir: Path, docs_dir: Path, *, edit_base: str, docs_prefix: str
) -> None:
    """Finish every page of a site built by an engine without our plugin.

    `docs_dir`: the sources the engine rendered (hand-written and generated pages);
    `edit_base`: the repository's edit address of docs/ (repo_url joined with edit_uri), and
    `docs_prefix`: docs/ relative to the project, from which each generated page's data file
    is reached as the MkDocs plugin reaches it.
    """
    generated = {page.src_uri: page for page in context.pages}
    sources = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
    glossary_url = page_url(GLOSSARY_URI) if GLOSSARY_URI in sources else None
    for src_uri in sources:
        url = page_url(src_uri)
        target = site_dir / url / "index.html"
        if not target.is_file():
            continue
        html = target.read_text(encoding="utf-8")
        download = context.downloads.get(src_uri)
        packet = context.packet_links.get(src_uri)

        def finish(match, src_uri=src_uri, url=url, download=download, packet=packet) -> str:
            body = finish_content(
                match.group(2),
                context,
                glossary_href=None
                if glossary_url is None or src_uri == GLOSSARY_URI
                else relative_url(glossary_url, url),
                download=download,
                download_href=relative_url(download.path, url) if download else "",
                packet=packet,
                print_href=relative_url(page_url(PRINT_URI), url),
                src_uri=src_uri,
            )
            return match.group(1) + body + match.group(3)

        html = _ARTICLE.sub(finish, html, count=1)
        page = generated.get(src_uri)
        if src_uri == PRINT_URI:
            html = _EDIT_LINK.sub("", html, count=1)
        elif page is not None:
            html = _EDIT_LINK.sub(
                lambda m, page=page: _edit_link(m, page.edit_path, docs_prefix, edit_base),
                html,
                count=1,
            )
        target.write_text(html, encoding="utf-8")
    # Last, on every page (404.html too): the CSP and referrer policy, as the plugin writes
    # them into each page in MkDocs (on_post_page).
    for target in sorted(site_dir.rglob("*.html")):
        html = target.read_text(encoding="utf-8")
        finished = csp.with_policies(html)
        if finished != html:
            target.write_text(finished, encoding="utf-8")


def _edit_link(match: re.Match, edit_path: str | None, docs_prefix: str, edit_base: str) -> str:
    if not edit_path:
        return ""
    href = urljoin(edit_base.rstrip("/") + "/", posixpath.relpath(edit_path, docs_prefix))
    return f'<a href="{html_text(href)}"{match.group(2)}>' + match.group(0).split(">", 1)[1]
