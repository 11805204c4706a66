"""Visit the pages of a built site in one browser tab, under the policies the pages carry:
what each page requests from other hosts, what breaks its Content-Security-Policy or throws,
and what axe-core finds against WCAG 2.0/2.1 A and AA (also in dark mode, where asked).

Pages are found by walking the site's HTML files, so a new kind of page is audited as soon
as it is built, without a list to keep up to date.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from axe_playwright_python.base import AXE_SCRIPT

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
# The WCAG A/AA rules that judge colours: all that can change when only the colour scheme
# does (the same page in dark mode has the same elements, names, order and visibility).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
AXE_COLOUR_OPTIONS = {
    "runOnly": {"type": "rule", "values": COLOUR_RULES},
    "resultTypes": ["violations"],
}
# axe takes half a second to a second a page on two cores. A kind with more pages than this
# is one made from the data, a page a record (the states, the stories, the policy areas), all
# from one template: its own index page and its largest pages stand for it, as they hold the
# most of every component the template produces. Smaller kinds (today every section written
# by hand) are audited whole.
AXE_WHOLE_KIND_UP_TO = 8  # pages
AXE_PAGES_OF_A_GENERATED_KIND = 4


def site_pages(site: Path) -> dict[str, Path]:
    """Every HTML file by the URL path a reader uses (`/dir/` for dir/index.html)."""
    pages = {}
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        if relative == "index.html" or relative.endswith("/index.html"):
            pages["/" + relative.removesuffix("index.html")] = file
        else:
            pages["/" + relative] = file
    return pages


def page_kind(path: str) -> str:
    """A page's kind: its first folder (`states`, `themes`…), or the page itself at the top."""
    parts = [part for part in path.split("/") if part]
    if not parts:
        return "home"
    if len(parts) == 1:
        return parts[0].removesuffix(".html")
    return parts[0]


def axe_selection(pages: dict[str, Path]) -> list[str]:
    """Every page, except that a kind of more than AXE_WHOLE_KIND_UP_TO pages is represented
    by its own index page and its largest pages (by bytes), AXE_PAGES_OF_A_GENERATED_KIND in
    all."""
    kinds: dict[str, list[str]] = {}
    for path in pages:
        kinds.setdefault(page_kind(path), []).append(path)
    chosen = []
    for kind, members in kinds.items():
        if len(members) <= AXE_WHOLE_KIND_UP_TO:
            chosen += members
            continue
        index = [path for path in members if path == f"/{kind}/"]
        rest = sorted(
            (path for path in members if path not in index),
            key=lambda path: (-pages[path].stat().st_size, path),
        )
        chosen += index + rest[: AXE_PAGES_OF_A_GENERATED_KIND - len(index)]
    return sorted(chosen)


SETTLED = "document.getAnimations().every(animation => animation.playState !== 'running')"


def wait_until(page, expression: str, arg=None, timeout: float = 5.0) -> None:
    """Poll a JavaScript expression (or function, given `arg`) until it is true. Unlike
    Playwright's wait_for_function, which evaluates a string inside the page, this works
    under the site's Content-Security-Policy (no 'unsafe-eval')."""
    deadline = time.monotonic() + timeout
    while not (page.evaluate(expression, arg) if arg is not None else page.evaluate(expression)):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        time.sleep(0.05)


POLICY_BREACH = "Content Security Policy"
# Material's palette toggle in the header, a reader's own choice of dark or light mode: the
# one of its labels on show. (Not found by its title: the theme's tooltips take the title
# off a label the pointer is over.)
TOGGLE = "[data-md-component=palette] label:visible"
SCHEME = "document.body.getAttribute('data-md-color-scheme')"


@dataclass
class PageAudit:
    path: str
    foreign_requests: list[str] = field(default_factory=list)
    violations: list[dict] = field(default_factory=list)
    dark_violations: list[dict] | None = None  # None: not audited in dark mode
    # What the browser reported while the page was open: its policy refusing something, or
    # a script that threw.
    errors: list[str] = field(default_factory=list)
    measured: object = None  # what the audit's `measure` script returned on the page

    def violation_report(self) -> list[str]:
        dark = self._report(self.dark_violations or [], " (dark mode)")
        return self._report(self.violations, "") + dark

    def _report(self, violations: list[dict], where: str) -> list[str]:
        lines = []
        for violation in violations:
            targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
            first = violation["nodes"][0]
            why = " ".join(check["message"] for check in first["any"] + first["all"])
            lines.append(
                f"{self.path}{where}: {violation['id']} ({violation['help']}): {targets}: {why}"
            )
        return lines


def audit(
    browser,
    base_url: str,
    paths: list[str],
    axe_paths: set[str],
    *,
    dark_paths: set[str] = frozenset(),
    width: int = 1280,
    measure: str | None = None,
    proxy: str | None = None,
) -> list[PageAudit]:
    """Load each page, `width` pixels wide, and record every request it makes to another
    origin than `base_url`'s, and what breaks its policy or throws; run axe on the pages in
    `axe_paths`, and on those in `dark_paths` switch to dark mode with the header's toggle and
    run axe's colour rules again; run the JavaScript function `measure` on every page.

    A request to another host is never sent: it goes to the browser context's `proxy`, by
    default a dead end of the audit's own (`dead_end_proxy`), which only the site's own host
    bypasses. Requests are watched, not intercepted: interception would turn off the
    browser's cache and fetch every script and stylesheet again for every page (twice the
    time). axe is put in by the DevTools protocol, which the pages' policies do not govern,
    so the pages run under their own policies, as in a reader's browser. The tab listens
    across pages: what a page breaks after the next one is asked for is reported with that
    one, and the pages axe audits stay open for a second or more.
    """
    parts = urlsplit(base_url)
    origin = f"{parts.scheme}://{parts.netloc}"
    current: list[PageAudit] = []

    def watch(request) -> None:
        url = request.url
        if urlsplit(url).scheme in ("data", "blob") or url.startswith(origin + "/"):
            return
        # Chromium may retry a failed request: each address is reported once.
        if url not in current[-1].foreign_requests:
            current[-1].foreign_requests.append(url)

    def listen(message) -> None:
        if POLICY_BREACH in message.text:
            current[-1].errors.append(message.text)

    with ExitStack() as cleanup:
        if proxy is None:
            proxy, _received = cleanup.enter_context(dead_end_proxy())
        # A reader who prefers reduced motion: the theme then runs no transition (the
        # header's shadow fades in on every page), so each page is at rest at once and
        # its colours are the final ones, a quarter of a second sooner a page.
        context = browser.new_context(
            viewport={"width": width, "height": 900},
            reduced_motion="reduce",
            proxy={"server": proxy, "bypass": parts.hostname},
        )
        cleanup.callback(context.close)
        context.on("request", watch)
        tab = context.new_page()
        tab.on("console", listen)
        tab.on("pageerror", lambda error: current[-1].errors.append(f"script error: {error}"))
        for path in paths:
            current.append(PageAudit(path))
            tab.goto(base_url + path, wait_until="load")
            if path in axe_paths:
                current[-1].violations = axe_violations(tab)
            if measure is not None:
                # After axe where it ran: by then the theme's script has long finished
                # reshaping the page (it wraps wide tables in a scrolling box).
                current[-1].measured = tab.evaluate(measure)
            if path in dark_paths:
                current[-1].dark_violations = _in_dark_mode(tab, AXE_COLOUR_OPTIONS)
        tab.wait_for_load_state("networkidle")  # late requests of the last page
    return current


def axe_violations(tab, options: dict = AXE_OPTIONS) -> list[dict]:
    """What axe finds on the page open in `tab`, once it is at rest."""
    # The print view lays a packet out in pages (Paged.js) after it loads: audited once that
    # is done, as a reader sees it.
    tab.evaluate("() => window.pbPaged ? window.pbPaged.paginating : null")
    # Colours caught halfway through a CSS transition are not the page's colours.
    wait_until(tab, SETTLED)
    # axe-core from the wheel (nothing fetched), put in the pages it audits only: half a
    # megabyte of script that the other pages need not run; once a page.
    if not tab.evaluate("typeof axe !== 'undefined'"):
        tab.evaluate(AXE_SCRIPT)
    return tab.evaluate("options => axe.run(document, options)", options)["violations"]


def _in_dark_mode(tab, options: dict) -> list[dict]:
    """axe after the reader switches the page to dark mode; then back to light, the mode the
    next page opens in (the theme remembers the choice)."""
    tab.locator(TOGGLE).click()
    wait_until(tab, f"{SCHEME} === 'slate'")
    try:
        return axe_violations(tab, options)
    finally:
        tab.locator(TOGGLE).click()
        wait_until(tab, f"{SCHEME} === 'default'")
        tab.mouse.move(0, 0)  # off the toggle: no hover state or tooltip on the next page


@contextmanager
def dead_end_proxy() -> Iterator[tuple[str, list[bytes]]]:
    """A proxy on 127.0.0.1 (a free port) that reads the start of each request it is sent,
    keeps it, and closes the connection: what a browser asks of another host ends here.
    Yields its address and the requests it received."""
    received: list[bytes] = []
    with socket.create_server(("127.0.0.1", 0)) as server:
        server.settimeout(0.05)
        stop = threading.Event()

        def answer() -> None:
            while not stop.is_set():
                try:
                    connection, _ = server.accept()
                except TimeoutError:
                    continue
                with connection:
                    connection.settimeout(1)
                    with suppress(OSError):  # a browser that gave up first
                        received.append(connection.recv(1024))

        thread = threading.Thread(target=answer, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.getsockname()[1]}", received
        finally:
            stop.set()
            thread.join()
