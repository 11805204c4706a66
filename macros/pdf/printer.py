"""Printing the print view to PDF with headless Chromium, through Playwright.

    with Printer(site_dir, info) as printer:
        pages = printer.print(Job(path, parts, title, subject))
        results = printer.print_all([job, job, …])   # several at once, one browser

The built site is served on 127.0.0.1 (a free port) for the time of printing; each PDF is
the print view (print/) with only the parts asked for. Layout is Chromium's own paged media
(print.css: margin boxes for the running header and footer, a named page for the cover, break
rules); page numbers in the contents and cross-references are read back from a print, or
predicted from the whole playbook's layout and checked (paged.py); the result is made
accessible and reproducible with pikepdf (finish.py).
"""

from __future__ import annotations

import asyncio
import os
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlencode

from macros.content.model import PlaybookInfo
from macros.pages.print_view import PRINT_URI
from macros.pdf import paged
from macros.pdf.chromium import Chromium, PdfError, new_tab
from macros.pdf.finish import Metadata, finish
from macros.site.local_server import serve_folder

# Prints at once: Chromium lays out and writes each PDF in its own renderer; two keep both
# cores of a small machine busy, more only queue.
PARALLEL = max(1, min(3, os.cpu_count() or 1))
# While a first print is measured, nothing is drawn: hidden (not removed), everything keeps
# its place, Chromium still writes every destination, and the print takes half the time.
MEASURING_CSS = "* { visibility: hidden !important; }"


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
    passes: int
    # The page of every page reference's destination, read back from the PDF, when every
    # number printed is right (what the "Make a packet" page fills in for the same parts).
    numbers: dict[str, int] | None = None


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
  const parts = Array.from(article.querySelectorAll(".pb-chapter"), h => h.id);
  return {headings, destinations, addresses, alts, chapters, parts,
          targets: window.pbPaged ? window.pbPaged.targets() : []};
}"""


class Printer:
    """Chromium and a local server for the site, started once for any number of PDFs."""

    def __init__(
        self,
        site_dir: Path,
        info: PlaybookInfo,
        parallel: int = PARALLEL,
        layout: paged.Layout | None = None,
        chromium: Chromium | None = None,
    ):
        """`chromium`: one already starting (the printer stops it); else one is started."""
        self.site_dir = Path(site_dir)
        self.info = info
        self.parallel = parallel
        self.chromium = chromium or Chromium()
        # The whole playbook's layout, once printed (or given): what predicts the page
        # numbers of the other documents.
        self.layout: paged.Layout | None = layout
        self._layout_known: asyncio.Event | None = None
        if not (self.site_dir / PRINT_URI.replace(".md", ".html")).is_file():
            raise PdfError(
                f"{self.site_dir} holds no print view (print/index.html): build it "
                "first with `playbook build`"
            )

    def __enter__(self) -> Printer:
        # Whatever has started is stopped again, even when a later step fails.
        with ExitStack() as started:
            self.base = started.enter_context(serve_folder(self.site_dir))
            started.callback(self.chromium.close)
            self._browser = self.chromium.browser()
            self._started = started.pop_all()
        return self

    def __exit__(self, *exc) -> None:
        self._started.close()

    def _run(self, awaitable):
        return self.chromium.run(awaitable)

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

    def print_all(self, jobs: list[Job], *, last: bool = False) -> list[Printed]:
        """Print the jobs, `parallel` at a time; results in the jobs' order. `last`: nothing
        more will be printed (Chromium is closed while the last PDFs are finished).

        Each of the `parallel` workers has a browser context of its own (so that Chromium
        gives each its own renderer process) and one tab, which goes from job to job: the
        stylesheets, fonts and script are loaded once per worker. The whole playbook is
        printed first: its page numbers say where every heading falls within its part, from
        which the other documents' numbers are predicted (paged.Layout), so that most of them
        need one print instead of two."""

        def rank(job: Job) -> int:
            return 0 if not job.parts else 1 if job.sheet else 2

        async def all_jobs():
            # The whole playbook first, then the sheets (which need no layout), then the rest.
            order = sorted(range(len(jobs)), key=lambda i: (rank(jobs[i]), i))
            queue: asyncio.Queue[int] = asyncio.Queue()
            for index in order:
                queue.put_nowait(index)
            finishing: dict[int, asyncio.Task[Printed]] = {}
            # Documents other than the whole playbook wait for its layout when it is among
            # the jobs (it is printed first).
            self._layout_known = asyncio.Event()
            if self.layout is not None or all(job.parts for job in jobs):
                self._layout_known.set()

            async def worker():
                context, page = self.chromium.spare_tab() or await new_tab(self._browser)
                try:
                    while not queue.empty():
                        index = queue.get_nowait()
                        try:
                            finishing[index] = await self._print(page, jobs[index])
                        finally:
                            if not jobs[index].parts:  # measured, or failed: none waits
                                self._layout_known.set()
                finally:
                    await context.close()

            workers = [
                asyncio.ensure_future(worker()) for _ in range(min(self.parallel, len(jobs)))
            ]
            try:
                try:
                    await asyncio.gather(*workers)
                except BaseException:
                    # One print failed: stop the others (closing their tabs) before reporting.
                    for task in workers:
                        task.cancel()
                    await asyncio.gather(*workers, return_exceptions=True)
                    raise
                # The last PDFs are finished while Chromium closes.
                closing = self.chromium.stop() if last else asyncio.sleep(0)
                done = await asyncio.gather(*(finishing[i] for i in range(len(jobs))), closing)
                return list(done[:-1])
            finally:
                for task in finishing.values():
                    task.cancel()

        return self._run(all_jobs())

    async def _print(self, page, job: Job) -> asyncio.Task[Printed]:
        """Print the job in the tab; returns the task that finishes the PDF and writes it
        (off the event loop, while the tab goes on to the next job)."""
        await page.goto(self.url(job), wait_until="load")
        await page.wait_for_selector("html[data-pb-print-ready]", state="attached")
        missing = await page.evaluate(
            "ids => ids.filter(id => !document.getElementById(id))", list(job.parts)
        )
        if missing:
            raise PdfError(f"the print view has no part {', '.join(missing)}: rebuild the site")
        await page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        facts = await page.evaluate(FACTS_JS)
        pdf, passes, numbers = await self._paginate(page, job, facts)
        if not job.parts and not job.double_sided and self.layout is None:
            self.layout = paged.Layout.measure(pdf, facts["parts"])
        printed = Printed(job, 0, passes, numbers)
        return asyncio.create_task(self._finish(printed, pdf, facts))

    async def _finish(self, printed: Printed, pdf: bytes, facts: dict) -> Printed:
        job = printed.job
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
        return replace(printed, pages=pages)

    async def _paginate(self, page, job: Job, facts: dict) -> tuple[bytes, int, dict | None]:
        """Print until every page reference names the page its destination is on (see
        paged.py); every print is tagged and has bookmarks, so that the last one is kept.

        The first print has the numbers predicted from the whole playbook's layout when it
        is known (the most often right: one print), else none (two prints)."""
        targets = sorted(set(facts["targets"]) | set(facts["chapters"]))
        if not targets:
            return await self._pdf(page), 1, None
        chapters = facts["chapters"] if job.double_sided else []
        pages, passes = None, 0
        if job.parts and not job.double_sided:  # double-sided documents are measured
            await self._layout_known.wait()
        # Double-sided: the blank pages are worked out from measured pages (a wrong
        # prediction would put them in the wrong places, and reading back only moves numbers).
        if self.layout is not None and not job.double_sided:
            pages = self.layout.predict(facts["parts"], targets)
        if pages is None:
            pages, passes = await self._measure(page, targets), 1
        blanks = paged.right_hand_blanks(chapters, pages)
        expected = paged.shifted(pages, chapters, blanks)
        while True:
            await page.evaluate("([p, b]) => window.pbPaged.fill(p, b)", [expected, blanks])
            pdf = await self._pdf(page)
            passes += 1
            found = paged.destination_pages(pdf, targets)
            if found == expected:
                return pdf, passes, None if blanks else found
            if passes >= paged.MAX_PASSES:
                return pdf, passes, None
            expected = found

    @staticmethod
    async def _measure(page, targets: list[str]) -> dict[str, int]:
        """The page of each target in a first print (untagged, without bookmarks, nothing
        drawn: faster, the same layout)."""
        await page.evaluate(
            "css => { const s = document.createElement('style'); s.id = 'pb-measuring';"
            " s.textContent = css; document.head.appendChild(s); }",
            MEASURING_CSS,
        )
        pdf = await page.pdf(prefer_css_page_size=True, print_background=False)
        await page.evaluate("document.getElementById('pb-measuring').remove()")
        return paged.destination_pages(pdf, targets)

    @staticmethod
    async def _pdf(page) -> bytes:
        # The page size and margins are print.css's (@page); backgrounds stay off. Tagged
        # and with bookmarks costs no more than without.
        return await page.pdf(
            prefer_css_page_size=True, print_background=False, outline=True, tagged=True
        )
