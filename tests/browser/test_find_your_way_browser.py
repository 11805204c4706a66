"""In a real browser, on the real site: search, the states map, the story filters and the
policy-area matrix take a reader to the right page."""

from __future__ import annotations

import json
import re

import pytest

from macros.content.validate import load_playbook
from tests.helpers import ROOT
from tests.site_audit import wait_until

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def playbook():
    return load_playbook(ROOT / "playbook_data")


def heading(page) -> str:
    """The page's h1 without its permalink sign."""
    return page.locator("h1").inner_text().removesuffix("¶").strip()


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
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.getAttribute('data-state')")
        if focused:
            break
    else:
        pytest.fail("no map tile is reachable with the Tab key")
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


def test_every_policy_area_cell_links_to_a_story_of_that_state(page, served_site, playbook):
    page.goto(served_site + "/policy-areas/matrix/")
    states = page.locator(".pb-matrix thead abbr").all_inner_texts()
    links = []
    for row in page.locator(".pb-matrix tbody tr").all():
        area = row.get_attribute("data-area")
        for column, cell in enumerate(row.locator("td").all()):
            for link in cell.locator("a").all():
                links.append((area, states[column], link.get_attribute("href")))
    assert links, "the matrix has no filled cell"
    for area, code, href in links:
        page.goto(served_site + "/policy-areas/matrix/")
        page.locator(f'.pb-matrix a[href="{href}"]').first.click()
        page.wait_for_url(re.compile(r"/stories/[a-z0-9-]+/$"))
        story_id = page.url.rstrip("/").split("/stories/")[1]
        story = playbook.stories[story_id]
        assert code in story.states and area in story.policy_areas
        assert heading(page) == story.title


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
