"""The real site with the keyboard alone, in a real browser: the skip link comes first and
leads to the content, whatever has the focus is clearly outlined, and the states map and the
story filters work without a mouse. The footer's small text is readable (contrast 4.5:1).

Following a map tile with Enter, and an acronym's meaning on focus, are tested in
test_find_your_way_browser.py.
"""

from __future__ import annotations

import pytest

from macros.content.validate import load_playbook
from tests.contrast import BACKGROUNDS_JS, ratio
from tests.helpers import ROOT
from tests.keyboard_walk import tab_to
from tests.site_audit import SETTLED, wait_until

pytestmark = pytest.mark.browser

FOCUS_CONTRAST = 3.0  # WCAG 2.1 SC 1.4.11: parts of controls, such as a focus ring
TEXT_CONTRAST = 4.5  # WCAG 2.1 SC 1.4.3: small text


@pytest.fixture(scope="module")
def playbook():
    return load_playbook(ROOT / "playbook_data")


def focused(page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement.matches(s)", selector)


# The skip link ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/", "/themes/relationship-building/", "/states/", "/stories/", "/glossary/"]
)
def test_the_skip_link_is_the_first_tab_stop_shows_and_leads_to_the_content(
    page, served_site, path
):
    page.goto(served_site + path)
    page.keyboard.press("Tab")
    assert focused(page, "a.md-skip")
    link = page.locator("a.md-skip")
    assert link.inner_text().strip() == "Skip to content"

    # Shown on top of the page while it has the focus (Material hides it otherwise).
    wait_until(page, SETTLED)
    shown = link.evaluate(
        """a => {
          const box = a.getBoundingClientRect();
          const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
          return {opacity: getComputedStyle(a).opacity, onTop: a.contains(top),
                  inView: box.top >= 0 && box.bottom <= innerHeight && box.width > 0};
        }"""
    )
    assert shown == {"opacity": "1", "onTop": True, "inView": True}
    # It shows over the header: its focus ring must stand out against the header's colour.
    ring = link.evaluate("a => getComputedStyle(a).outlineColor")
    header = page.locator(".md-header").evaluate(BACKGROUNDS_JS)
    assert ratio(ring, header) >= FOCUS_CONTRAST

    # Enter goes to the page's first heading, in view below the header ...
    target = link.get_attribute("href")
    assert target.startswith("#")
    assert page.locator(".md-content").locator(target).count() == 1
    page.keyboard.press("Enter")
    wait_until(page, "hash => location.hash === hash", target)
    placement = page.locator(target).evaluate(
        """heading => ({
          top: heading.getBoundingClientRect().top,
          headerBottom: document.querySelector('.md-header').getBoundingClientRect().bottom,
        })"""
    )
    assert placement["headerBottom"] - 1 <= placement["top"] < page.viewport_size["height"] / 2

    # ... and the next Tab stays in the content: the header and navigation are skipped.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.md-content')")


# Visible focus ---------------------------------------------------------------------------

INDICATOR_JS = """element => {
  const style = getComputedStyle(element);
  // A map tile draws its own ring: a rectangle over the tile's edge.
  const ring = element.querySelector('.pb-tile__focus');
  const drawn = ring ? getComputedStyle(ring) : null;
  return {
    outline: [style.outlineStyle, style.outlineWidth, style.outlineColor],
    shadow: style.boxShadow,
    stroke: drawn ? [drawn.stroke, drawn.strokeWidth] : null,
  };
}"""

# Where each kind of element that takes the keyboard is found, and its selector.
FOCUSABLE = {
    "header logo": ("/", ".md-header a.md-logo"),
    "section tab": ("/", ".md-tabs a.md-tabs__link"),
    "navigation link": ("/themes/relationship-building/", ".md-nav--primary a.md-nav__link"),
    "content link": ("/states/kansas/", ".md-content article p a"),
    "map tile": ("/states/", ".pb-tile-map a"),
    "filter select": ("/stories/", "#filter-state"),
    "button": ("/stories/", "form.pb-filters button[type=reset]"),
    "footer link": ("/", ".md-footer a.md-footer__link"),
}


def ring_contrast(indicator: dict, backgrounds: list[str]) -> float:
    """The contrast of the focus ring against what surrounds the element; 0 without one."""
    if indicator["stroke"]:
        colour, width = indicator["stroke"]
        return ratio(colour, backgrounds) if colour != "none" and float(width[:-2]) >= 3 else 0
    style, width, colour = indicator["outline"]
    return ratio(colour, backgrounds) if style != "none" and float(width[:-2]) >= 2 else 0


@pytest.mark.parametrize("kind", FOCUSABLE)
def test_the_element_with_the_keyboard_focus_has_a_clear_ring(page, served_site, kind):
    path, selector = FOCUSABLE[kind]
    page.goto(served_site + path)
    element = page.locator(selector).filter(visible=True).first  # tabs hide other sections
    element.scroll_into_view_if_needed()
    # The ring is drawn around the element: it is seen against the element's surroundings.
    around = element.evaluate(f"e => ({BACKGROUNDS_JS})(e.parentElement)")
    before = element.evaluate(INDICATOR_JS)

    tab_to(page, selector)
    assert page.evaluate("document.activeElement.matches(':focus-visible')")
    wait_until(page, SETTLED)
    after = page.evaluate(f"({INDICATOR_JS})(document.activeElement)")

    assert after != before, f"{kind}: nothing changes when it takes the focus"
    assert ring_contrast(before, around) == 0, f"{kind}: a ring shows without the focus"
    assert ring_contrast(after, around) >= FOCUS_CONTRAST, f"{kind}: {after}"


# The map and the filters without a mouse -------------------------------------------------


def test_every_state_on_the_map_with_a_page_is_one_tab_stop_in_alphabetical_order(
    page, served_site
):
    page.goto(served_site + "/states/")
    tab_to(page, ".pb-tile-map a")
    tiles = page.locator(".pb-tile-map a").count()
    # Where each following Tab press takes the focus: a tile's label, or null off the map.
    page.evaluate(
        """() => {
          window.testTrail = [document.activeElement.getAttribute('aria-label')];
          addEventListener('focusin', event => window.testTrail.push(
            event.target.matches('.pb-tile-map a') ? event.target.getAttribute('aria-label')
              : null), true);
        }"""
    )
    for _ in range(tiles):  # one past the last tile, if each is one stop
        page.keyboard.press("Tab")
    trail = page.evaluate("window.testTrail")
    assert None in trail, "the focus stays on the map"
    reached = trail[: trail.index(None)]
    names = [label.split(":")[0].split(" ", 1)[1] for label in reached]  # "AK Alaska: …"
    assert names == sorted(names)
    # The same states as the table under the map, which says the same without the map.
    first_column = "xpath=//*[@id='states-table']/following::table[1]/tbody/tr/td[1]/a"
    table = page.locator(first_column).all_inner_texts()
    assert names == table
    assert tiles == len(names)


def test_the_story_filters_work_with_the_keyboard_alone(page, served_site, playbook):
    page.goto(served_site + "/stories/")
    total = len(playbook.stories)
    count = page.locator(".pb-filter-count")
    visible_cards = page.locator(".pb-story-card:visible")

    tab_to(page, "#filter-theme")
    page.keyboard.press("ArrowDown")  # the first theme: a closed select changes at once
    theme = next(iter(playbook.themes.values()))
    assert page.locator("#filter-theme").input_value() == theme.id
    in_theme = playbook.stories_for("theme", theme.id)
    assert visible_cards.count() == len(in_theme) < total
    noun = "story" if len(in_theme) == 1 else "stories"
    assert count.inner_text() == f"{len(in_theme)} {noun} of {total}"

    page.keyboard.press("Tab")
    assert focused(page, "#filter-state")
    codes = [code for code in playbook.states if playbook.stories_for("state", code)]
    for code in codes:  # Down, until a state with stories in the theme
        page.keyboard.press("ArrowDown")
        both = [s for s in in_theme if code in s.states]
        if both:
            break
    assert page.locator("#filter-state").input_value() == code
    assert visible_cards.count() == len(both)
    assert f"theme={theme.id}" in page.url and f"state={code}" in page.url

    tab_to(page, "form.pb-filters button[type=reset]")
    page.keyboard.press("Enter")
    wait_until(page, f"document.querySelectorAll('.pb-story-card:not([hidden])').length == {total}")
    assert count.inner_text() == f"All {total} stories"
    assert "theme=" not in page.url and "state=" not in page.url


# The footer ------------------------------------------------------------------------------


FOOTER_TEXT = [".pb-footer__line", ".pb-footer__label", ".md-copyright a"]


def test_the_footer_text_has_enough_contrast(page, served_site):
    """Material's own footer text is too faint (axe: 4.47:1); ours is set well above 4.5:1.
    axe-core checks the footer of every page as well (test_every_page.py)."""
    page.goto(served_site + "/")
    found = {}
    for selector in FOOTER_TEXT:
        element = page.locator(selector).first
        colour = element.evaluate("e => getComputedStyle(e).color")
        found[selector] = ratio(colour, element.evaluate(BACKGROUNDS_JS))
    assert {s: contrast for s, contrast in found.items() if contrast < TEXT_CONTRAST} == {}
