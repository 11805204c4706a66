"""Printing the print view to PDF with headless Chromium, through Playwright.

    with Printer(site_dir, info) as printer:
        pages = printer.print(Job(path, parts, title, subject))

The built site is served on 127.0.0.1 (a free port) for the time of printing; each PDF is
the print view (print/) with only the parts asked for, printed as a tagged PDF with an
outline (bookmarks from the headings), a running header and page numbers. Its metadata
(title, author, subject) is then set with pypdf, which Chromium does not let us do.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import os
import re
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from macros.content.model import PlaybookInfo
from macros.pages.print_view import PRINT_URI
from macros.site.local_server import serve_folder

CHROMIUM_ENV = "PLAYBOOK_CHROMIUM"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
MARGIN = {"top": "20mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}
_SMALL = "font-family: sans-serif; font-size: 8pt; color: #333; width: 100%; margin: 0 16mm;"


class PdfError(Exception):
    """A problem the person running `playbook pdf` can fix; the message says how."""


@dataclass(frozen=True)
class Job:
    path: Path
    parts: tuple[str, ...]  # anchors of the print view's parts; empty: the whole playbook
    title: str
    subject: str


def chromium_path() -> str:
    path = os.environ.get(CHROMIUM_ENV) or DEFAULT_CHROMIUM
    if not Path(path).is_file():
        raise PdfError(
            f"Chromium was not found at {path}.\n"
            "Install it (Debian or Ubuntu: sudo apt-get install chromium), or set "
            f"{CHROMIUM_ENV} to the path of a Chromium or Google Chrome program."
        )
    return path


def header_template(info: PlaybookInfo) -> str:
    text = html.escape(f"{info.title} · Version {info.version}")
    return f'<div style="{_SMALL} text-align: right;">{text}</div>'


def footer_template() -> str:
    return (
        f'<div style="{_SMALL} text-align: center;">Page <span class="pageNumber"></span> '
        'of <span class="totalPages"></span></div>'
    )


def pdf_date(epoch: str) -> str:
    """A Unix time as a PDF date string (UTC)."""
    stamp = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return stamp.strftime("D:%Y%m%d%H%M%S+00'00'")


# Headings' text as the page has it, without the permalink signs (hidden on paper).
HEADINGS_JS = """() => Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6"), h => {
  const copy = h.cloneNode(true);
  copy.querySelectorAll(".headerlink").forEach(n => n.remove());
  return copy.textContent;
})"""


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def fix_outline(writer, headings: list[str]) -> None:
    """Chromium drops the space where a heading wraps onto a second line ("associationscan
    meet"): each bookmark gets the words of the heading it was made from."""
    from pypdf.generic import NameObject, TextStringObject

    wanted = {_squeezed(h): " ".join(h.split()) for h in headings}
    outlines = writer.root_object.get("/Outlines")
    stack = [outlines.get_object().get("/First")] if outlines else []
    while stack:
        node = stack.pop()
        if node is None:
            continue
        node = node.get_object()
        title = str(node.get("/Title", ""))
        if wanted.get(_squeezed(title), title) != title:
            node[NameObject("/Title")] = TextStringObject(wanted[_squeezed(title)])
        stack += [node.get("/Next"), node.get("/First")]


def set_metadata(
    pdf: bytes, title: str, author: str, subject: str, headings: list[str] = ()
) -> tuple[bytes, int]:
    """The PDF with its document metadata set and its bookmarks' words mended (see
    fix_outline); its outline and tags are otherwise kept as printed."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    fix_outline(writer, list(headings))
    metadata = {
        "/Title": title,
        "/Author": author,
        "/Subject": subject,
        "/Creator": "playbook pdf (headless Chromium)",
    }
    # Chromium dates a PDF with the time of printing; with SOURCE_DATE_EPOCH set (as
    # `playbook pdf` does) it is dated by the content, and prints of one commit are identical.
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        metadata["/CreationDate"] = metadata["/ModDate"] = pdf_date(epoch)
    writer.add_metadata(metadata)
    # PDF/UA: a viewer shows the title, not the file name.
    writer.create_viewer_preferences().display_doctitle = True
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), len(writer.pages)


class Printer:
    """Chromium and a local server for the site, started once for any number of PDFs."""

    def __init__(self, site_dir: Path, info: PlaybookInfo):
        self.site_dir = Path(site_dir)
        self.info = info
        if not (self.site_dir / PRINT_URI.replace(".md", ".html")).is_file():
            raise PdfError(
                f"{self.site_dir} holds no print view (print/index.html): build it "
                "first with `playbook build`"
            )

    def __enter__(self) -> Printer:
        executable = chromium_path()
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:  # pragma: no cover - an installation without the pdf extra
            raise PdfError(
                "`playbook pdf` needs Playwright and pypdf: "
                "pip install -e '.[pdf]' (make setup installs them with the test tools)"
            ) from None
        # Whatever has started is stopped again, even when a later step fails.
        with ExitStack() as started:
            self.base = started.enter_context(serve_folder(self.site_dir))
            playwright = started.enter_context(sync_playwright())
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            started.callback(browser.close)
            self._page = browser.new_page()
            self._started = started.pop_all()
        return self

    def __exit__(self, *exc) -> None:
        self._started.close()

    def url(self, parts: tuple[str, ...]) -> str:
        query = f"?{urlencode([('part', p) for p in parts])}" if parts else ""
        return f"{self.base}/print/{query}"

    def print(self, job: Job) -> int:
        """Print one PDF to job.path; returns its number of pages."""
        page = self._page
        page.goto(self.url(job.parts), wait_until="load")
        page.wait_for_selector("html[data-pb-print-ready]", state="attached")
        missing = page.evaluate(
            "ids => ids.filter(id => !document.getElementById(id))", list(job.parts)
        )
        if missing:
            raise PdfError(f"the print view has no part {', '.join(missing)}: rebuild the site")
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        headings = page.evaluate(HEADINGS_JS)
        pdf = page.pdf(
            format="Letter",
            margin=MARGIN,
            display_header_footer=True,
            header_template=header_template(self.info),
            footer_template=footer_template(),
            print_background=False,
            outline=True,
            tagged=True,
        )
        data, pages = set_metadata(pdf, job.title, self.info.publisher, job.subject, headings)
        job.path.parent.mkdir(parents=True, exist_ok=True)
        job.path.write_bytes(data)
        return pages
