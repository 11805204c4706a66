"""Browser tabs for tests that share one browser context, each left as a new one would be.

    with Tabs(browser, bypass_csp=True) as tabs:
        with tabs.tab() as page:
            page.goto(...)

Sharing the context shares the browser's cache (a page's scripts and stylesheets load once
for a whole test run) and nothing else: when a tab is done, the cookies and the stored data
(localStorage, IndexedDB, caches) of every site it opened are cleared, as in a new context.
sessionStorage belongs to the tab and goes with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

VIEWPORT = {"width": 1280, "height": 900}
# Everything a site can store in a browser, as Chrome DevTools' Storage domain names it.
STORED = "cookies,indexeddb,local_storage,cache_storage,service_workers,file_systems"


class Tabs:
    def __init__(self, browser, bypass_csp: bool):
        self.browser = browser
        self.bypass_csp = bypass_csp
        self.context = None

    def __enter__(self) -> Tabs:
        self.context = self.browser.new_context(viewport=VIEWPORT, bypass_csp=self.bypass_csp)
        return self

    def __exit__(self, *exc_info) -> None:
        self.context.close()

    @contextmanager
    def tab(self) -> Iterator:
        page = self.context.new_page()
        origins: set[str] = set()

        def opened(frame) -> None:
            parts = urlsplit(frame.url)
            if parts.scheme in ("http", "https"):
                origins.add(f"{parts.scheme}://{parts.netloc}")

        page.on("framenavigated", opened)
        try:
            yield page
        finally:
            if page.is_closed():  # by the test itself
                page = self.context.new_page()
            self._forget(page, origins)
            page.close()
            self.context.clear_cookies()

    def _forget(self, page, origins: set[str]) -> None:
        """Clear what the sites of `origins` stored in the context, through `page`."""
        devtools = self.context.new_cdp_session(page)
        try:
            for origin in sorted(origins):
                devtools.send(
                    "Storage.clearDataForOrigin", {"origin": origin, "storageTypes": STORED}
                )
        finally:
            devtools.detach()
