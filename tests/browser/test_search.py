"""In a real browser: the built home page, and search finding a theme-1 story."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_the_home_page_presents_the_themes(page, served_site):
    page.goto(served_site + "/")
    cards = page.locator(".pb-theme-cards a")
    assert cards.count() >= 1
    assert cards.first.inner_text().startswith("1. ")


def test_search_finds_a_theme_one_story_and_opens_it(page, served_site):
    page.goto(served_site + "/")
    page.get_by_role("textbox", name="Search").first.click()
    page.keyboard.type("misperceptions")
    result = page.locator(".md-search-result__item a", has_text="misperceptions").first
    result.wait_for(timeout=10_000)
    result.click()
    page.wait_for_url(re.compile(r"/stories/alaska-clearing-misperceptions/(\?[^#]*)?(#.*)?$"))
    assert page.locator("h1").inner_text().startswith("Alaska")
