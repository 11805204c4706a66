"""The print stylesheet, in Chromium with print media: what a reader gets with Ctrl+P on a
page of each kind, and on the whole-playbook print view (print/)."""

from __future__ import annotations

import pytest

from macros.content.validate import load_playbook
from macros.pages.common import PageContext
from macros.pages.print_view import printed_states, state_anchor, theme_anchor
from tests.helpers import ROOT

pytestmark = pytest.mark.browser

# A letter page less print.css's left and right margins (16 mm each), in CSS pixels.
PRINT_WIDTH = round(8.5 * 96 - 2 * 16 * 96 / 25.4)
KINDS = ["/", "/themes/relationship-building/", "/states/", "/stories/", "/policy-areas/matrix/"]
CHROME = {
    "header": ".md-header",
    "navigation": ".md-sidebar--primary",
    "search": ".md-search",
    "footer": ".md-footer",
    "edit button": ".md-content__button",
    "permalinks": ".headerlink",
}

# Which of the selectors match an element that is drawn.
DRAWN = """selectors => selectors.filter(s => Array.from(document.querySelectorAll(s))
  .some(e => e.checkVisibility() && e.getClientRects().length > 0))"""
STYLE = """([selector, property]) => Array.from(document.querySelectorAll(selector),
  e => getComputedStyle(e)[property])"""


@pytest.fixture(scope="module")
def playbook():
    return load_playbook(ROOT / "playbook_data")


def drawn(page, selectors) -> list[str]:
    return page.evaluate(DRAWN, list(selectors))


def styles(page, selector: str, prop: str) -> list[str]:
    return page.evaluate(STYLE, [selector, prop])


def test_the_sites_chrome_is_on_the_screen_but_not_on_paper(page, served_site):
    """On a page of each kind, loaded in turn in the same tab."""
    missing_on_screen, on_paper = {}, {}
    for path in KINDS:
        page.emulate_media(media="screen")
        page.goto(served_site + path)
        shown = set(drawn(page, CHROME.values()))
        missing_on_screen[path] = {".md-header", ".md-search", ".md-footer"} - shown
        page.emulate_media(media="print")
        on_paper[path] = drawn(page, [*CHROME.values(), "button", "input", "select", "form"])
    assert missing_on_screen == dict.fromkeys(KINDS, set())
    assert on_paper == dict.fromkeys(KINDS, [])


def test_filters_and_download_links_stay_on_the_screen(page, served_site):
    page.goto(served_site + "/stories/")
    # A "Download PDF" link as a site built by `playbook pdf` has it (macros/site/).
    page.evaluate(
        """() => document.querySelector("article h1").insertAdjacentHTML("afterend",
        '<p class="pb-download pb-no-print"><a href="x.pdf">Download PDF</a></p>')"""
    )
    assert drawn(page, [".pb-filters", ".pb-download"]) == [".pb-filters", ".pb-download"]
    page.emulate_media(media="print")
    assert drawn(page, [".pb-filters", ".pb-download"]) == []
    assert drawn(page, [".pb-story-card"]) == [".pb-story-card"]


def grey_on_white(colour: str) -> float:
    """A CSS rgb() or rgba() colour as the grey it gives on white paper (0 black, 255 white)."""
    values = [float(v) for v in colour[colour.index("(") + 1 : -1].split(",")]
    *rgb, alpha = values if len(values) == 4 else [*values, 1.0]
    return max(c * alpha + 255 * (1 - alpha) for c in rgb)


def test_paper_is_dark_text_on_white(page, served_site):
    page.goto(served_site + "/themes/relationship-building/")
    text = "article h1, article h2, article h3, article p, article li, article blockquote"
    assert max(grey_on_white(c) for c in styles(page, text, "color")) > 60  # tinted on screen
    page.emulate_media(media="print")
    assert max(grey_on_white(c) for c in styles(page, text, "color")) <= 60
    assert styles(page, "body", "backgroundColor") == ["rgb(255, 255, 255)"]


def test_a_collapsed_block_prints_open(page, served_site):
    page.goto(served_site + "/")
    page.evaluate(
        """() => document.querySelector("article").insertAdjacentHTML("beforeend",
        '<details class="note"><summary>More</summary><p id="folded">Inside</p></details>')"""
    )
    assert drawn(page, ["#folded"]) == []
    page.emulate_media(media="print")
    assert drawn(page, ["#folded"]) == ["#folded"]


def test_external_links_are_followed_by_their_address(page, served_site):
    page.goto(served_site + "/accessibility/")
    after = """() => Array.from(document.querySelectorAll('article a[href^="https://"]'),
      a => [a.getAttribute("href"), getComputedStyle(a, "::after").content])"""
    screen = page.evaluate(after)
    assert screen and all(address not in content for address, content in screen)
    page.emulate_media(media="print")
    printed = page.evaluate(after)
    assert [(a, c) for a, c in printed if c != f'" ({a})"'] == []


def test_quotes_story_cards_and_table_rows_are_not_split_and_headings_keep_their_text(
    page, served_site
):
    page.emulate_media(media="print")
    page.goto(served_site + "/themes/relationship-building/")
    assert set(styles(page, "blockquote", "breakInside")) == {"avoid"}
    assert set(styles(page, "article h2, article h3", "breakAfter")) == {"avoid"}
    page.goto(served_site + "/stories/")
    assert set(styles(page, ".pb-story-card", "breakInside")) == {"avoid"}
    page.goto(served_site + "/states/")
    assert set(styles(page, "tr", "breakInside")) == {"avoid"}


def as_playbook_pdf_prints(page) -> None:
    """The print view laid out by Chromium itself, as `playbook pdf` prints it: without
    Paged.js, which it blocks (macros/pdf/chromium.py). Packets laid out by Paged.js:
    test_packet_paged.py."""
    page.route("**/assets/javascripts/pagedjs/**", lambda route: route.abort())


def test_each_part_starts_a_new_page_and_the_states_follow_one_another(page, served_site, playbook):
    as_playbook_pdf_prints(page)
    page.emulate_media(media="print")
    page.goto(served_site + "/print/")
    page.wait_for_selector(
        "html[data-pb-page-numbers]:not([data-pb-page-numbers='working'])", state="attached"
    )
    parts = [theme_anchor(t) for t in playbook.themes]
    parts += ["pb-contents", "pb-states", "pb-policy-priorities", "pb-resources", "pb-glossary"]
    states = [state_anchor(s.code) for s in printed_states(PageContext(playbook))]
    breaks = page.evaluate(
        "ids => ids.map(id => getComputedStyle(document.getElementById(id)).breakBefore)",
        parts + states,
    )
    assert dict(zip(parts + states, breaks, strict=True)) == {
        **dict.fromkeys(parts, "page"),
        **dict.fromkeys(states, "auto"),  # short now: each story points to its full text
    }


def right_edges(page, selectors: list[str]) -> dict[str, float]:
    """How far right each element reaches, its outer border included."""
    return page.evaluate(
        """selectors => Object.fromEntries(selectors.map(s => {
          const e = document.querySelector(s);
          return [s, e.getBoundingClientRect().right + parseFloat(getComputedStyle(e)
            .borderRightWidth) / 2];
        }))""",
        selectors,
    )


def widen_matrix(page, columns: int) -> None:
    """The matrix with this many more state columns, as a playbook with more states has."""
    page.evaluate(
        """n => document.querySelectorAll(".pb-matrix tr").forEach(row => {
          for (let i = 0; i < n; i++) row.append(row.lastElementChild.cloneNode(true));
        })""",
        columns,
    )


@pytest.mark.parametrize(
    ("path", "present"),
    [
        ("/states/", [".pb-tile-map"]),
        ("/policy-areas/matrix/", [".pb-matrix"]),
        ("/print/", [".pb-tile-map", ".pb-matrix"]),  # the print view has both
    ],
)
def test_the_map_and_the_matrix_fit_the_width_of_the_page(page, served_site, path, present):
    page.set_viewport_size({"width": PRINT_WIDTH, "height": 1000})
    as_playbook_pdf_prints(page)
    page.emulate_media(media="print")
    page.goto(served_site + path)
    if path == "/print/":
        page.wait_for_selector(
            "html[data-pb-page-numbers]:not([data-pb-page-numbers='working'])", state="attached"
        )
    assert [s for s in (".pb-tile-map", ".pb-matrix") if page.locator(s).count()] == present
    if ".pb-matrix" in present:
        widen_matrix(page, 15)  # 20 states across
    edges = right_edges(page, present)
    assert {s: edge for s, edge in edges.items() if edge > PRINT_WIDTH} == {}
    assert page.evaluate("document.documentElement.scrollWidth") <= PRINT_WIDTH


def test_on_paper_the_legend_draws_a_state_not_in_the_playbook_as_the_map_does(page, served_site):
    page.goto(served_site + "/states/")
    page.emulate_media(media="print")
    look = """e => { const s = getComputedStyle(e);
        return [s.fill, s.stroke, s.strokeDasharray].join(' | '); }"""
    empty_tile = page.locator(".pb-tile-map .pb-tile--empty rect").first.evaluate(look)
    empty_swatch = page.locator(".pb-tile-legend rect.pb-swatch--empty").evaluate(look)
    assert empty_swatch == empty_tile
    assert "3px, 3px" in empty_swatch  # dashed, as "not in the playbook yet" is on the map


ESCAPED_QR_CODES_JS = """() => Array.from(document.querySelectorAll(
    ".pb-print-resource .pb-online, .pb-print-story .pb-online"), online => {
  const box = online.closest(".pb-print-resource, .pb-print-story").getBoundingClientRect();
  const qr = online.getBoundingClientRect();
  return qr.bottom <= box.bottom + 1 ? null : online.textContent.trim().slice(0, 60);
}).filter(Boolean)"""


def test_on_the_screen_each_printed_entry_holds_its_qr_code(page, served_site):
    """The print view as a published site shows the whole playbook (not laid out in pages):
    each story and resource keeps its floated address and QR code within its own box, on a
    phone and on a wide screen (the same page, its window resized)."""
    as_playbook_pdf_prints(page)
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(served_site + "/print/")
    page.wait_for_selector("html[data-pb-print-ready]", state="attached")
    count = page.locator(".pb-print-resource .pb-online, .pb-print-story .pb-online").count()
    assert count > 10
    escaped = {}
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        escaped[width] = page.evaluate(ESCAPED_QR_CODES_JS)
    assert escaped == {390: [], 1280: []}
