"""In a real browser, on the real site: search, the states map, the story filters and the
policy-area matrix take a reader to the right page."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from macros.content.validate import load_playbook
from tests.helpers import ROOT
from tests.keyboard_walk import tab_to
from tests.site_audit import axe_violations, wait_until

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def playbook():
    return load_playbook(ROOT / "playbook_data")


def heading(page) -> str:
    """The page's h1 without its permalink sign."""
    return page.locator("h1").inner_text().removesuffix("¶").strip()


def built_heading(file: Path) -> str:
    """The h1 of a built page, as heading() reads it in the browser."""
    h1 = re.search(r"<h1\b[^>]*>(.*?)</h1>", file.read_text(encoding="utf-8"), re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", "", h1[1])).removesuffix("¶").strip()


def search(page, served_site: str, query: str):
    page.goto(served_site + "/")
    page.get_by_role("textbox", name="Search").first.click()
    page.keyboard.type(query)
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=10_000)
    return first


def test_searching_a_state_name_lands_on_the_state_page(page, served_site, playbook):
    state = next(s for s in playbook.states_with_stories() if len(s.name.split()) == 1)
    search(page, served_site, state.name).click()
    page.wait_for_url(re.compile(rf"/states/{state.name.lower()}/(\?[^#]*)?$"))
    assert heading(page) == state.name


def test_searching_a_policy_area_lands_on_its_page(page, served_site, playbook):
    area = playbook.policy_areas["telehealth"]
    search(page, served_site, area.name).click()
    page.wait_for_url(re.compile(rf"/policy-areas/{area.id}/(\?[^#]*)?$"))
    assert heading(page) == area.name


def body_only_word(site, playbook) -> tuple[str, str]:
    """A word that the search index holds only on one story's own page."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    for story in playbook.stories.values():
        for word in sorted(set(re.findall(r"[a-z]{8,}", story.body.lower()))):
            holders = {d["location"] for d in docs if word in (d["title"] + d["text"]).lower()}
            own = f"stories/{story.id}/"  # the page, or its top section (its title's anchor)
            if len(holders) == 1 and next(iter(holders)).startswith(own):
                return word, story.id
    pytest.fail("no word occurs in only one story's body")


def test_searching_a_word_from_a_story_body_lands_on_that_story(
    page, served_site, real_site, playbook
):
    word, story_id = body_only_word(real_site, playbook)
    search(page, served_site, word)
    # The first result is the story's own page.
    best = page.locator(".md-search-result__item").first
    best.locator(f'a[href*="stories/{story_id}/"]').first.click()
    page.wait_for_url(re.compile(rf"/stories/{story_id}/(\?[^#]*)?$"))
    assert heading(page) == playbook.stories[story_id].title


def test_clicking_a_map_tile_opens_the_state_page(page, served_site):
    page.goto(served_site + "/states/")
    tile = page.locator('.pb-tile-map a[data-state="KS"]')
    assert tile.get_attribute("aria-label").startswith("KS Kansas: ")  # its text, first
    tile.click()
    page.wait_for_url(re.compile(r"/states/kansas/$"))
    assert heading(page) == "Kansas"


def test_the_keyboard_alone_reaches_and_follows_a_map_tile(page, served_site):
    page.goto(served_site + "/states/")
    tab_to(page, "[data-state]", most=200)
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    name = label.split(":")[0].split(" ", 1)[1]  # "AK Alaska: …" -> "Alaska"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/states/[a-z-]+/$"))
    assert heading(page) == name


def test_a_filter_narrows_the_story_list_shows_the_count_and_survives_a_reload(
    page, served_site, playbook
):
    page.goto(served_site + "/stories/")
    cards = page.locator(".pb-story-card")
    total = len(playbook.stories)
    assert cards.count() == total
    count = page.locator(".pb-filter-count")
    assert count.inner_text() == f"All {total} stories"

    state = next(s for s in playbook.states_with_stories())
    expected = len(playbook.stories_for("state", state.code))
    page.get_by_label("State", exact=True).select_option(state.code)
    assert page.locator(".pb-story-card:visible").count() == expected
    noun = "story" if expected == 1 else "stories"
    assert count.inner_text() == f"{expected} {noun} of {total}"
    assert f"state={state.code}" in page.url

    page.reload()
    assert page.get_by_label("State", exact=True).input_value() == state.code
    assert page.locator(".pb-story-card:visible").count() == expected

    page.get_by_role("button", name="Show all").click()
    wait_until(page, f"document.querySelectorAll('.pb-story-card:not([hidden])').length == {total}")
    assert "state=" not in page.url


NO_MATCH = "No story matches all of these filters."


def no_match(playbook) -> tuple[str, str]:
    """A theme and a state that each have stories, but no story in common."""
    for theme in playbook.themes:
        in_theme = {s.id for s in playbook.stories_for("theme", theme)}
        for state in playbook.states_with_stories():
            in_state = {s.id for s in playbook.stories_for("state", state.code)}
            if in_theme and not in_theme & in_state:
                return theme, state.code
    pytest.fail("every theme has a story in every state with stories")


def boxes(page, selector: str) -> list[dict]:
    return [element.bounding_box() for element in page.locator(selector).all()]


@pytest.mark.parametrize("width", [390, 1280])
def test_filters_that_match_no_story_say_so_and_offer_to_clear_them(
    page, served_site, playbook, width
):
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(served_site + "/stories/")
    total = len(playbook.stories)
    count = page.locator(".pb-filter-count")
    clear = page.get_by_role("button", name="Clear the filters")
    assert count.inner_text() == f"All {total} stories"
    assert not clear.is_visible()
    shown_all = "form.pb-filters button[type=reset]:not(.pb-filter-clear)"
    above = boxes(page, f"h1, form.pb-filters .pb-filter, {shown_all}")
    count_top = count.bounding_box()["y"]
    form = page.locator("form.pb-filters").bounding_box()

    theme, state = no_match(playbook)
    page.get_by_label("Theme", exact=True).select_option(theme)
    page.get_by_label("State", exact=True).select_option(state)
    # Said in plain words, in the live region that announced the count.
    assert count.inner_text() == NO_MATCH
    assert count.get_attribute("role") == "status"
    assert page.locator(".pb-story-card:visible").count() == 0
    assert clear.is_visible() and clear.is_enabled()
    # Visible without scrolling, and nothing above it or beside it moves; on a wide screen
    # the form keeps its height (the row was as tall as the button from the start).
    button = clear.bounding_box()
    assert button["y"] >= 0 and button["y"] + button["height"] <= 844
    assert count.bounding_box()["y"] == count_top
    assert boxes(page, f"h1, form.pb-filters .pb-filter, {shown_all}") == above
    if width == 1280:
        assert page.locator("form.pb-filters").bounding_box() == form

    clear.click()
    wait_until(page, f"document.querySelectorAll('.pb-story-card:not([hidden])').length == {total}")
    assert count.inner_text() == f"All {total} stories"
    assert not clear.is_visible()
    for name in ("theme", "state", "area", "cohort"):
        assert page.locator(f"#filter-{name}").input_value() == ""
    assert "theme=" not in page.url and "state=" not in page.url


def test_the_no_match_message_comes_back_with_its_address_and_clears_from_the_keyboard(
    page, served_site, playbook
):
    theme, state = no_match(playbook)
    page.goto(f"{served_site}/stories/?theme={theme}&state={state}")
    assert page.locator(".pb-filter-count").inner_text() == NO_MATCH
    tab_to(page, ".pb-filter-clear", most=60)  # after the filters
    assert page.evaluate("document.activeElement.matches(':focus-visible')")
    page.keyboard.press("Enter")
    total = len(playbook.stories)
    wait_until(page, f"document.querySelectorAll('.pb-story-card:not([hidden])').length == {total}")
    # The button hides itself: the focus goes to the first filter, not to the page's start.
    assert page.evaluate("document.activeElement.id") == "filter-theme"
    assert page.locator("#filter-state").input_value() == ""
    assert "theme=" not in page.url and "state=" not in page.url


def test_axe_finds_nothing_on_the_stories_page_when_no_story_matches(page, served_site, playbook):
    theme, state = no_match(playbook)
    page.goto(f"{served_site}/stories/?theme={theme}&state={state}")
    assert page.locator(".pb-filter-count").inner_text() == NO_MATCH
    assert axe_violations(page) == []


def test_without_javascript_every_story_shows_and_the_filters_stay_hidden(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(served_site + "/stories/?state=KS")
        assert (
            tab.locator(".pb-story-card:visible").count() == tab.locator(".pb-story-card").count()
        )
        assert not tab.locator("form.pb-filters").is_visible()
    finally:
        context.close()


def test_every_policy_area_cell_links_to_a_story_of_that_state(
    page, served_site, real_site, playbook
):
    page.goto(served_site + "/policy-areas/matrix/")
    # Each link in a cell: its row's policy area, its column's state and where it leads.
    links = page.evaluate(
        """() => {
          const states = Array.from(document.querySelectorAll('.pb-matrix thead abbr'),
            abbr => abbr.textContent.trim());
          return Array.from(document.querySelectorAll('.pb-matrix tbody tr')).flatMap(row =>
            Array.from(row.querySelectorAll('td')).flatMap((cell, column) =>
              Array.from(cell.querySelectorAll('a'),
                a => [row.dataset.area, states[column], a.getAttribute('href'), a.href])));
        }"""
    )
    assert links, "the matrix has no filled cell"
    # Each leads to a built story page (its heading read from the file, not from a visit).
    wrong = []
    for area, code, _, url in links:
        found = re.fullmatch(re.escape(served_site) + r"/stories/([a-z0-9-]+)/", url)
        story = playbook.stories.get(found[1]) if found else None
        built = real_site / "stories" / found[1] / "index.html" if story else None
        if not (
            story
            and code in story.states
            and area in story.policy_areas
            and built.is_file()
            and built_heading(built) == story.title
        ):
            wrong.append((area, code, url))
    assert wrong == []

    # And a reader who clicks one gets there.
    *_, href, url = links[0]
    page.locator(f'.pb-matrix a[href="{href}"]').first.click()
    page.wait_for_url(url)
    assert heading(page) == playbook.stories[url.split("/")[-2]].title


def test_an_acronym_shows_its_meaning_on_keyboard_focus_and_links_to_the_glossary(
    page, served_site, playbook
):
    page.goto(served_site + "/states/kansas/")
    term = page.locator("a.pb-term").first
    entry = next(t for t in playbook.terms.values() if t.term == term.inner_text())
    term.focus()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(timeout=5_000)
    assert tooltip.inner_text().strip() == f"{entry.expansion}: {entry.definition}"
    assert term.get_attribute("href") == f"../../glossary/#term-{entry.id}"
    term.press("Enter")
    page.wait_for_url(re.compile(rf"/glossary/#term-{entry.id}$"))
