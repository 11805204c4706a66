"""Packets printed from the site's "Make a packet" page when the published page numbers do
not cover them: Paged.js (shipped with the site, macros/site/pagedjs.py) lays them out in the
browser and print.js fills in the page numbers. Each packet is opened as a reader opens it,
printed once as the browser's "Print" does (`page.pdf()`), and read back.

Printed once for the module: a state with the glossary (what a state page's "Make a packet"
link opens), two themes + two states + worksheets, that for printing on both sides, and the
whole playbook from a site built without its PDFs.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.content.validate import load_playbook
from macros.site import pagedjs
from tests.helpers import ROOT
from tests.pdf_pages import BODY_BOTTOM, BODY_TOP, PrintedPdf, words

pytestmark = pytest.mark.browser

THEMES = ("relationship-building", "collective-action")
STATES = ("KS", "NY")
MIXED = "&".join(
    [f"part=pb-theme-{t}" for t in THEMES]
    + [f"part=pb-state-{s.lower()}" for s in STATES]
    + ["part=pb-glossary", "worksheets=1"]
)
QUERIES = {
    "state": "?part=pb-state-ks&part=pb-glossary",
    "mixed": f"?{MIXED}",
    "double-sided": f"?{MIXED}&sides=2",
    "whole playbook": "",  # this site was built without its PDFs: no published numbers
}
# Where each packet has page numbers: its cover's list, its contents, its cross-references.
KINDS = {
    "state": {"cover", "contents"},
    "mixed": {"cover", "contents", "xref"},
    "double-sided": {"cover", "contents", "xref"},
    "whole playbook": {"contents", "xref"},
}
DONE = "html[data-pb-page-numbers]:not([data-pb-page-numbers='working'])"

PAGED_NOTE = (
    "Page numbers: filled in. The packet below is shown page by page, as it prints with the "
    "print dialog's usual settings (Scale: Default, Margins: Default, no headers and "
    "footers); with others the pages may be cut."
)
WORKING_NOTE = (
    "Page numbers: being worked out for this choice; the packet below will be shown page by "
    "page when they are filled in. Please wait for that before printing."
)
FAILED_NOTE = (
    "Page numbers: this browser could not work them out, so the contents and "
    "cross-references will have none."
)

# Every page reference Paged.js's pages hold: what it points to, the number printed, where it
# is (cover, contents or a cross-reference), the words it follows and its page.
REFS_JS = """() => Array.from(document.querySelectorAll(".pb-paged [data-pb-ref]"), n => ({
  target: n.getAttribute("data-pb-ref"),
  number: n.textContent,
  kind: n.closest(".pb-packet-list") ? "cover" : n.closest(".pb-print-toc") ? "contents"
    : "xref",
  label: (n.closest(".pb-toc-line") ? n.closest(".pb-toc-line").querySelector("a")
    : n.previousElementSibling).textContent,
  page: Number(n.closest(".pagedjs_page").getAttribute("data-page-number")),
}))"""
# The text of each of Paged.js's pages as laid out on the screen, without the page numbers
# (innerText leaves out the "(p. " before them). Run after printing: it changes the page.
SCREEN_TEXT_JS = """() => {
  const hide = document.createElement("style");
  hide.textContent = ".pb-page-ref { display: none !important; }";
  document.head.appendChild(hide);
  return Array.from(document.querySelectorAll(".pagedjs_page"),
    p => p.querySelector(".pagedjs_page_content").innerText);
}"""


@dataclass
class Printed:
    pdf: PrintedPdf
    refs: list[dict]
    screen_pages: list[str]
    note: str
    count: str
    said: str
    console: list[str]
    missing: list[str]  # addresses answered with an error
    query: str  # the address's query, as the reader's browser had it


@pytest.fixture(scope="module")
def pb():
    return load_playbook(ROOT / "playbook_data", ROOT)


@pytest.fixture(scope="module")
def with_pagedjs():
    """Paged.js from npm (`make setup` installs it when npm is there). Missing: skipped
    locally, an error in CI."""
    if not pagedjs.installed(ROOT):
        message = "Paged.js is not installed (npm ci --omit=dev, or make setup with npm)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}: the packet tests must run in CI", pytrace=False)
        pytest.skip(message)


@pytest.fixture(scope="module")
def printed(with_pagedjs, browser, served_site, tmp_path_factory) -> dict[str, Printed]:
    # A browser that honours the site's Content-Security-Policy, as readers' browsers do.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    folder = tmp_path_factory.mktemp("paged")
    out = {}
    try:
        for name, query in QUERIES.items():
            tab = context.new_page()
            console, missing = [], []
            tab.on("console", lambda m, c=console: c.append(f"{m.type}: {m.text}"))
            tab.on("response", lambda r, m=missing: r.status >= 400 and m.append(r.url))
            if name == "state":  # as a reader gets there: from the state's page
                tab.goto(f"{served_site}/states/kansas/")
                tab.get_by_role("link", name="Make a packet with this state").click()
                tab.wait_for_url("**/print/**")
            else:
                tab.goto(f"{served_site}/print/{query}")
            tab.wait_for_selector(DONE, state="attached")
            path = folder / f"{name}.pdf"
            path.write_bytes(tab.pdf(prefer_css_page_size=True, tagged=True, outline=True))
            out[name] = Printed(
                pdf=PrintedPdf(path),
                refs=tab.evaluate(REFS_JS),
                screen_pages=tab.evaluate(SCREEN_TEXT_JS),
                note=tab.locator(".pb-packet-numbers").inner_text(),
                count=tab.locator(".pb-packet-count").inner_text(),
                said=tab.locator("html").get_attribute("data-pb-page-numbers"),
                console=console,
                missing=missing,
                query="?" + tab.url.split("?", 1)[1] if "?" in tab.url else "",
            )
            tab.close()
    finally:
        context.close()
    return out


def squeezed(titles) -> list[str]:
    # Chromium's bookmarks lose the space where a heading wraps: compared without spaces.
    return [title.replace(" ", "") for title in titles]


def text_of(pdf: PrintedPdf, page: int) -> str:
    """The words of a page's body. A line pulled up by a negative margin (a story's "Told in
    full" note) may start a few points above the body at the top of a page laid out by
    Paged.js (Chromium's own page breaks drop that margin): it is still the body's."""
    body = [
        line.text
        for line in pdf.lines[page - 1]
        if line.top >= BODY_TOP - 6 and line.bottom <= BODY_BOTTOM + 2
    ]
    return " ".join(words(" ".join(body)))


def without_numbers(text: str) -> str:
    """The words of a text without its page numbers ("(p. 12)", a contents entry's 12)."""
    return " ".join(w for w in words(re.sub(r"\(p\.\s*\d+\)", " ", text)) if not w.isdigit())


def test_a_state_pages_packet_link_opens_the_first_packet(printed):
    assert printed["state"].query == QUERIES["state"]


@pytest.mark.parametrize("name", QUERIES)
def test_every_page_number_is_the_page_of_its_destination(printed, name):
    made = printed[name]
    assert made.said == "paged"
    assert made.note == PAGED_NOTE
    assert {ref["kind"] for ref in made.refs} == KINDS[name]
    for ref in made.refs:
        assert ref["number"], f"no page number after {ref['label']!r}"
        real = made.pdf.destinations[ref["target"]][0]
        assert int(ref["number"]) == real, ref
        # And the number is printed where it stands, after its words (which may begin on
        # the page before).
        printed_words = text_of(made.pdf, ref["page"])
        if ref["page"] > 1:
            printed_words = text_of(made.pdf, ref["page"] - 1) + " " + printed_words
        after = ["p", ref["number"]] if ref["kind"] == "xref" else [ref["number"]]
        assert " ".join(words(ref["label"]) + after) in printed_words, ref


def test_a_packet_holds_exactly_the_chosen_parts_with_cover_contents_and_glossary(printed, pb):
    title = pb.info.title
    tops = [h.title for h in printed["state"].pdf.headings if h.level == 0]
    assert squeezed(tops) == squeezed([title, "Contents", "States", "Glossary"])
    themes = [pb.themes[t].title for t in THEMES]
    sheets = [f"Where are we? {t}" for t in themes]
    for name in ("mixed", "double-sided"):
        pdf = printed[name].pdf
        tops = [h.title for h in pdf.headings if h.level == 0]
        assert squeezed(tops) == squeezed(
            [title, "Contents", *themes, "States", *sheets, "Glossary"]
        )
        states = [
            h.title for h in pdf.headings if h.level == 1 and h.title in ("Kansas", "New York")
        ]
        assert states == ["Kansas", "New York"]


@pytest.mark.parametrize("name", QUERIES)
def test_the_form_gives_the_exact_number_of_pages(printed, name):
    made = printed[name]
    assert made.count == f"{made.pdf.page_count} pages."
    assert len(made.screen_pages) == made.pdf.page_count


@pytest.mark.parametrize("name", QUERIES)
def test_nothing_laid_out_on_the_screen_is_cut_from_the_paper(printed, name):
    """Paged.js measures on the screen; each page printed ends with the words its page on the
    screen ends with (a layout that differed on paper would cut them)."""
    made = printed[name]
    for number, screen in enumerate(made.screen_pages, start=1):
        # (Word by word: a QR code's address beside the text interleaves with its lines.)
        last = without_numbers(screen).split()[-6:]
        on_paper = set(without_numbers(text_of(made.pdf, number)).split())
        assert set(last) <= on_paper, (number, last)


@pytest.mark.parametrize("name", QUERIES)
def test_no_heading_is_left_at_the_foot_of_a_page(printed, name):
    assert printed[name].pdf.stranded() == []


# The parts of a packet that open a page; a page before one (or before a blank page) ends a
# chapter and may be short.
OPENING = ("pb-contents", "pb-theme-", "pb-worksheet-", "pb-state-", "pb-states",
           "pb-policy-priorities", "pb-resources", "pb-glossary")  # fmt: skip


@pytest.mark.parametrize("name", QUERIES)
def test_no_page_is_under_a_third_full_except_at_a_chapters_end(printed, name):
    pdf = printed[name].pdf
    starts = {page for dest, (page, _top) in pdf.destinations.items() if dest.startswith(OPENING)}
    blank = {page for page in range(1, pdf.page_count + 1) if not pdf.lines[page - 1]}
    short = [
        (page, pdf.page_text(page)[:80])
        for page in range(2, pdf.page_count)  # the cover and the last page aside
        if page not in blank and page + 1 not in starts | blank and pdf.fill(page) < 1 / 3
    ]
    assert short == []


@pytest.mark.parametrize("name", QUERIES)
def test_the_cover_has_no_running_header_and_every_other_page_has_its_header_and_number(
    printed, name, pb
):
    pdf = printed[name].pdf
    assert pdf.margin_lines(1) == []
    for number in range(2, pdf.page_count + 1):
        if not pdf.lines[number - 1]:
            continue  # a blank page, double-sided
        margins = " ".join(pdf.margin_lines(number))
        assert f"Page {number} of {pdf.page_count}" in margins, number
        assert margins.count("Page ") == 1, margins  # Paged.js's, not Chromium's too
        assert margins.count(pb.info.title) == 1, margins


def test_double_sided_parts_open_on_right_hand_pages_after_bare_blank_pages(printed):
    pdf, single = printed["double-sided"].pdf, printed["mixed"].pdf
    opens = [h.page for h in pdf.headings if h.level == 0][1:]  # after the cover
    assert opens and all(page % 2 == 1 for page in opens), opens
    blanks = [p for p in range(1, pdf.page_count + 1) if not pdf.lines[p - 1]]
    assert blanks and all(page % 2 == 0 for page in blanks), blanks
    assert pdf.page_count == single.page_count + len(blanks)


def test_one_type_family_is_used(printed):
    listing = subprocess.run(
        ["pdffonts", str(printed["mixed"].pdf.path)], capture_output=True, text=True, check=True
    )
    fonts = listing.stdout.splitlines()[2:]
    families = {re.sub(r"^[A-Z]{6}\+", "", line.split()[0]).split("-")[0] for line in fonts}
    assert families == {"LiberationSerif"}


def test_the_sites_content_security_policy_lets_paged_js_work(printed, served_site):
    for made in printed.values():
        assert [m for m in made.console if "Content Security Policy" in m] == []
        # The one error: a site built without its PDFs has no page numbers to publish.
        assert made.missing == [f"{served_site}/print/pages.json"]
        errors = [m for m in made.console if m.startswith("error")]
        assert errors == [f"error: {NOT_FOUND}"], made.console


NOT_FOUND = "Failed to load resource: the server responded with a status of 404 (File not found)"


def test_the_form_says_the_numbers_are_being_worked_out_until_they_are(
    with_pagedjs, page_with_csp, served_site
):
    held = []
    page_with_csp.route("**/pagedjs/paged.js", lambda route: held.append(route))
    # Not until "load": a script the page adds before its load event (Paged.js, held here)
    # holds that event back, and whether print.js adds it first is a matter of timing.
    page_with_csp.goto(f"{served_site}/print/{QUERIES['state']}", wait_until="domcontentloaded")
    page_with_csp.wait_for_selector("html[data-pb-page-numbers='working']", state="attached")
    assert page_with_csp.locator(".pb-packet-numbers").inner_text() == WORKING_NOTE
    held[0].continue_()
    page_with_csp.wait_for_selector(DONE, state="attached")
    assert page_with_csp.locator(".pb-packet-numbers").inner_text() == PAGED_NOTE


# Paged.js that loads but fails when it lays pages out.
BROKEN_PAGED_JS = """window.Paged = { Previewer: function () {
  this.chunker = { hooks: { onOverflow: { register: function () {} } } };
  this.preview = function () { return Promise.reject(new Error("broken on purpose")); };
} };"""


@pytest.mark.parametrize("failure", ["not loaded", "failing half-way"])
def test_when_paged_js_fails_the_packet_prints_without_numbers_and_says_so(
    with_pagedjs, page_with_csp, served_site, tmp_path, failure
):
    def fail(route):
        if failure == "not loaded":
            route.abort()
        else:
            route.fulfill(body=BROKEN_PAGED_JS, content_type="text/javascript")

    page_with_csp.route("**/pagedjs/paged.js", fail)
    page_with_csp.goto(f"{served_site}/print/{QUERIES['state']}")
    page_with_csp.wait_for_selector(DONE, state="attached")
    assert page_with_csp.locator("html").get_attribute("data-pb-page-numbers") == "none"
    assert page_with_csp.locator(".pb-packet-numbers").inner_text() == FAILED_NOTE
    out = tmp_path / "unnumbered.pdf"
    out.write_bytes(page_with_csp.pdf(prefer_css_page_size=True))
    pdf = PrintedPdf(out)
    # The packet as it was, printed by Chromium: cover, contents without numbers, Kansas.
    assert pdf.margin_lines(1) == []
    contents = [line.text for line in pdf.body_lines(2)]
    assert "Kansas" in contents and not [line for line in contents if re.search(r"\d$", line)]
    assert "Kansas associations ask the state to pay for screening" in " ".join(
        line.text for page in pdf.lines for line in page
    )


def test_the_site_ships_paged_js_with_its_licence(with_pagedjs, real_site: Path):
    script = (real_site / pagedjs.FILES["dist/paged.js"]).read_text(encoding="utf-8")
    assert "Paged.js v0.4.3" in script and "global.Paged = {}" in script
    licence = (real_site / pagedjs.FILES["LICENSE.md"]).read_text(encoding="utf-8")
    assert "MIT License" in licence or "Permission is hereby granted" in licence
    form = (real_site / "print" / "index.html").read_text(encoding="utf-8")
    assert "data-pb-paged" in form


def test_playbook_pdf_never_asks_for_paged_js(with_pagedjs, real_site, tmp_path, monkeypatch):
    # A packet whose numbers are not published (this site was built without its PDFs): in a
    # reader's browser print.js lays it out with Paged.js (the tests above). Printed by
    # `playbook pdf`'s printer, whose tabs say so before the page's scripts run, it is laid
    # out by Chromium with numbers from the printer: Paged.js is never requested.
    from macros.pdf import chromium, printer

    requested = []

    async def watched_tab(browser):
        context, tab = await opened_tab(browser)
        tab.on("request", lambda request: requested.append(request.url))
        return context, tab

    opened_tab = chromium.new_tab
    monkeypatch.setattr(chromium, "new_tab", watched_tab)  # the tab opened ahead
    monkeypatch.setattr(printer, "new_tab", watched_tab)
    pb = load_playbook(ROOT / "playbook_data", ROOT)
    job = printer.Job(tmp_path / "kansas.pdf", ("pb-state-ks", "pb-glossary"), "Kansas", "A packet")
    with printer.Printer(real_site, pb.info, parallel=1) as pdf_printer:
        assert pdf_printer.print(job) > 1
    assert any(url.endswith("/assets/javascripts/print.js") for url in requested)  # watched
    assert [url for url in requested if "pagedjs" in url] == []
