"""Headless Chromium, driven by Playwright on an event loop of its own.

    chromium = Chromium().start_in_background()   # while the playbook is read and built
    ...
    browser = chromium.browser()                   # waits for the start, if still going
    chromium.run(coroutine)                        # runs on Chromium's event loop
    chromium.close()

Starting Playwright and Chromium takes about half a second; `playbook pdf` starts them in a
thread at once, so that they are ready when the playbook has been read (and the site built).
One tab is opened ahead as well (`spare_tab`): the first page load of a fresh browser is the
slowest.
"""

from __future__ import annotations

import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

CHROMIUM_ENV = "PLAYBOOK_CHROMIUM"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Run in every tab before the page's own scripts: print.js then knows from the start that
# `playbook pdf` prints the page, which lays the pages out with Chromium and gives print.js
# their numbers itself, so it never asks for Paged.js (as it does in a reader's browser).
PRINTER_FLAG = "window.pbPdfPrinter = true;"
# What paper does not need: Material's script (search, tooltips, instant navigation), the
# search index, the story filters, and Paged.js (never asked for, see PRINTER_FLAG; blocked
# all the same, should a page ask). print.js is all the print view runs.
SKIPPED = re.compile(
    r"/assets/javascripts/(bundle\.[0-9a-f]+\.min\.js|story-filters\.js|workers/|pagedjs/)"
    r"|/search/"
)


class PdfError(Exception):
    """A problem the person running `playbook pdf` can fix; the message says how."""


def chromium_path() -> str:
    path = os.environ.get(CHROMIUM_ENV) or DEFAULT_CHROMIUM
    if not Path(path).is_file():
        raise PdfError(
            f"Chromium was not found at {path}.\n"
            "Install it (Debian or Ubuntu: sudo apt-get install chromium), or set "
            f"{CHROMIUM_ENV} to the path of a Chromium or Google Chrome program."
        )
    return path


async def new_tab(browser):
    """A tab in a browser context of its own (so that Chromium gives it its own renderer
    process), which tells print.js that `playbook pdf` prints (PRINTER_FLAG) and loads no
    script or data that paper does not need."""
    context = await browser.new_context()
    await context.add_init_script(script=PRINTER_FLAG)
    page = await context.new_page()
    await page.route(SKIPPED, lambda route: route.abort())
    return context, page


class Chromium:
    def __init__(self) -> None:
        # asyncio is imported here, not above: every `playbook` command imports this module
        # (for the pdf command's help), and only printing needs an event loop.
        import asyncio

        self.loop = asyncio.new_event_loop()
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._playwright = self._browser = None
        self._spare = None
        self._started = False

    def start_in_background(self) -> Chromium:
        self._thread = threading.Thread(target=self._start_catching, daemon=True)
        self._thread.start()
        return self

    def _start_catching(self) -> None:
        try:
            self._start()
        except BaseException as error:  # said when the browser is asked for
            self._error = error

    def _start(self) -> None:
        executable = chromium_path()
        try:
            from playwright.async_api import async_playwright
        except ImportError:  # pragma: no cover - an installation without the pdf extra
            raise PdfError(
                "`playbook pdf` needs Playwright and pikepdf: "
                "pip install -e '.[pdf]' (make setup installs them with the test tools)"
            ) from None
        self._started = True
        self._playwright = self.run(async_playwright().start())
        self._browser = self.run(
            self._playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        )
        self._spare = self.run(new_tab(self._browser))

    def browser(self):
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        elif not self._started:
            self._start_catching()
        if self._error is not None:
            raise self._error  # on every call: the start failed, there is no browser
        return self._browser

    def spare_tab(self):
        """The tab opened ahead (a context and its page), once; then None."""
        spare, self._spare = self._spare, None
        return spare

    def run(self, awaitable):
        import asyncio

        try:
            asyncio.get_running_loop()
        except RuntimeError:  # none: the usual case
            return self.loop.run_until_complete(awaitable)
        # A caller's own event loop runs in this thread (a test's Playwright, say): ours runs
        # in a thread of its own meanwhile.
        with ThreadPoolExecutor(1) as thread:
            return thread.submit(self.loop.run_until_complete, awaitable).result()

    def close(self) -> None:
        """Stop whatever has started (also a start still under way)."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self.loop.is_closed():
            return
        try:
            if self._browser is not None or self._playwright is not None:
                self.run(self.stop())
        finally:
            self.loop.close()

    async def stop(self) -> None:
        """Close the browser and stop Playwright (on the event loop; close() also does)."""
        browser, playwright = self._browser, self._playwright
        self._browser = self._playwright = self._spare = None
        if browser is not None:
            await browser.close()
        if playwright is not None:
            await playwright.stop()
