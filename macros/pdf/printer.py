"""Printing the print view to PDF with headless Chromium, through Playwright.

    with Printer(site_dir, info) as printer:
        pages = printer.print(Job(path, parts, title, subject))
        results = printer.print_all([job, job, …])   # several at once, one browser

The built site is served on 127.0.0.1 (a free port) for the time of printing; each PDF is
the print view (print/) with only the parts asked for. Layout is Chromium's own paged media
(print.css: margin boxes for the running header and footer, a named page for the cover, break
rules); page numbers in the contents and cross-references come from a first print
(paged.py); the result is made accessible and reproducible with pikepdf (finish.py).
"""

from __future__ import annotations

import asyncio
import os
import re
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from macros.content.model import PlaybookInfo
from macros.pages.print_view import PRINT_URI
from macros.pdf import paged
from macros.pdf.finish import Metadata, finish
from macros.site.local_server import serve_folder

CHROMIUM_ENV = "PLAYBOOK_CHROMIUM"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Prints at once: Chromium lays out and writes each PDF in its own renderer; two keep both
# cores of a small machine busy, more only queue.
PARALLEL = max(1, min(3, os.cpu_count() or 1))
SKIPPED = re.compile(
    r"/assets/javascripts/(bundle\.[0-9a-f]+\.min\.js|story-filters\.js|workers/)|/search/"
)


class PdfError(Exception):
    """A problem the person running `playbook pdf` can fix; the message says how."""


@dataclass(frozen=True)
class Job:
    path: Path
    parts: tuple[str, ...]  # anchors of the print view's parts; empty: the whole playbook
    title: str
    subject: str
    double_sided: bool = False  # chapters open on right-hand pages (blank pages before)
    sheet: bool = False  # the parts alone, without cover or contents (a state's one-pager)


@dataclass(frozen=True)
class Printed:
    job: Job
    pages: int
    seconds: float
    passes: int


def chromium_path() -> str:
    path = os.environ.get(CHROMIUM_ENV) or DEFAULT_CHROMIUM
    if not Path(path).is_file():
        raise PdfError(
            f"Chromium was not found at {path}.\n"
            "Install it (Debian or Ubuntu: sudo apt-get install chromium), or set "
            f"{CHROMIUM_ENV} to the path of a Chromium or Google Chrome program."
        )
    return path


# What the browser knows and the PDF must say: headings (for the bookmarks' words), where
# each in-document link goes and the text of each web link (link descriptions), the
# alternative text of each figure, the chapters (right-hand openings), the page references.
FACTS_JS = """() => {
  const text = n => { const c = n.cloneNode(true);
    c.querySelectorAll(".headerlink, .pb-page-ref").forEach(x => x.remove());
    return c.textContent.replace(/\\s+/g, " ").trim(); };
  const article = document.querySelector("article") || document.body;
  const headings = Array.from(article.querySelectorAll("h1, h2, h3, h4, h5, h6"), text);
  const destinations = {};
  article.querySelectorAll("a[href^='#']").forEach(a => {
    const id = decodeURIComponent(a.getAttribute("href").slice(1));
    const target = document.getElementById(id);
    if (target && !(id in destinations)) {
      const words = text(target).slice(0, 120);
      destinations[id] = words ? "Go to: " + words : "Go to another part of this document";
    }
  });
  const addresses = {};
  article.querySelectorAll("a[href^='http'], a[href^='mailto:']").forEach(a => {
    const href = a.href;
    if (!(href in addresses)) addresses[href] = text(a) + " (" + a.getAttribute("href") + ")";
  });
  // Chromium gives <img alt> and role="img" their text; a <figure> it leaves without.
  const alts = Array.from(article.querySelectorAll("figure"), n =>
    n.getAttribute("aria-label") || n.querySelector("figcaption")?.textContent || ""
  ).filter(Boolean);
  const chapters = Array.from(article.querySelectorAll("h1.pb-chapter"), h => h.id);
  return {headings, destinations, addresses, alts, chapters,
          targets: window.pbPaged ? window.pbPaged.targets() : []};
}"""


class Printer:
    """Chromium and a local server for the site, started once for any number of PDFs."""

    def __init__(self, site_dir: Path, info: PlaybookInfo, parallel: int = PARALLEL):
        self.site_dir = Path(site_dir)
        self.info = info
        self.parallel = parallel
        if not (self.site_dir / PRINT_URI.replace(".md", ".html")).is_file():
            raise PdfError(
                f"{self.site_dir} holds no print view (print/index.html): build it "
                "first with `playbook build`"
            )

    def __enter__(self) -> Printer:
        executable = chromium_path()
        try:
            from playwright.async_api import async_playwright
        except ImportError:  # pragma: no cover - an installation without the pdf extra
            raise PdfError(
                "`playbook pdf` needs Playwright and pikepdf: "
                "pip install -e '.[pdf]' (make setup installs them with the test tools)"
            ) from None
        # Whatever has started is stopped again, even when a later step fails.
        with ExitStack() as started:
            self.base = started.enter_context(serve_folder(self.site_dir))
            self._loop = asyncio.new_event_loop()
            started.callback(self._loop.close)
            playwright = self._run(async_playwright().start())
            started.callback(lambda: self._run(playwright.stop()))
            self._browser = self._run(
                playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            )
            started.callback(lambda: self._run(self._browser.close()))
            self._started = started.pop_all()
        return self

    def __exit__(self, *exc) -> None:
        self._started.close()

    def _run(self, awaitable):
        return self._loop.run_until_complete(awaitable)

    def url(self, job: Job) -> str:
        query = [("part", p) for p in job.parts]
        if job.double_sided:
            query.append(("sides", "2"))
        if job.sheet:
            query.append(("sheet", "1"))
        return f"{self.base}/print/{'?' + urlencode(query) if query else ''}"

    def print(self, job: Job) -> int:
        """Print one PDF to job.path; returns its number of pages."""
        return self.print_all([job])[0].pages

    def print_all(self, jobs: list[Job]) -> list[Printed]:
        """Print the jobs, `parallel` at a time, each in a browser context of its own (so that
        Chromium gives each its own renderer process); results in the jobs' order."""

        async def all_jobs():
            slots = asyncio.Semaphore(self.parallel)

            async def one(job: Job) -> Printed:
                async with slots:
                    return await self._print(job)

            return await asyncio.gather(*(one(job) for job in jobs))

        return self._run(all_jobs())

    async def _print(self, job: Job) -> Printed:
        started = time.perf_counter()
        context = await self._browser.new_context()
        try:
            page = await context.new_page()
            # What paper does not need: Material's script (search, tooltips, instant
            # navigation), the search index, the story filters. print.js is all it runs.
            await page.route(SKIPPED, lambda route: route.abort())
            await page.goto(self.url(job), wait_until="load")
            await page.wait_for_selector("html[data-pb-print-ready]", state="attached")
            missing = await page.evaluate(
                "ids => ids.filter(id => !document.getElementById(id))", list(job.parts)
            )
            if missing:
                raise PdfError(f"the print view has no part {', '.join(missing)}: rebuild the site")
            await page.evaluate(
                "document.querySelectorAll('details').forEach(d => { d.open = true; })"
            )
            facts = await page.evaluate(FACTS_JS)
            pdf, passes = await self._paginate(page, job, facts)
        finally:
            await context.close()
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        meta = Metadata(
            title=job.title,
            author=self.info.publisher,
            subject=job.subject,
            epoch=int(epoch) if epoch.isdigit() else None,
        )
        # Off the event loop, so that the other prints go on meanwhile.
        data, pages = await asyncio.to_thread(
            finish,
            pdf,
            meta,
            destinations=facts["destinations"],
            addresses=facts["addresses"],
            headings=facts["headings"],
            alts=facts["alts"],
        )
        job.path.parent.mkdir(parents=True, exist_ok=True)
        job.path.write_bytes(data)
        return Printed(job, pages, time.perf_counter() - started, passes)

    async def _paginate(self, page, job: Job, facts: dict) -> tuple[bytes, int]:
        """Print until every page reference names the page its destination is on (see
        paged.py); the last print is tagged and has bookmarks."""
        targets = sorted(set(facts["targets"]) | set(facts["chapters"]))
        if not targets:
            return await self._pdf(page, final=True), 1
        first = await self._pdf(page, final=False)
        pages = paged.destination_pages(first, targets)
        chapters = facts["chapters"] if job.double_sided else []
        blanks = paged.right_hand_blanks(chapters, pages)
        expected = paged.shifted(pages, chapters, blanks)
        for passes in range(2, paged.MAX_PASSES + 1):
            await page.evaluate("([p, b]) => window.pbPaged.fill(p, b)", [expected, blanks])
            pdf = await self._pdf(page, final=True)
            found = paged.destination_pages(pdf, targets)
            if found == expected or passes == paged.MAX_PASSES:
                return pdf, passes
            expected = found
        raise AssertionError("unreachable")  # pragma: no cover

    @staticmethod
    async def _pdf(page, *, final: bool) -> bytes:
        # The page size and margins are print.css's (@page); backgrounds stay off.
        return await page.pdf(
            prefer_css_page_size=True,
            print_background=False,
            outline=final,
            tagged=final,
        )
