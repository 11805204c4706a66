"""Page generation is plain Python: it needs the Playbook, not MkDocs."""

from __future__ import annotations

import pytest

from macros.content.validate import load_playbook
from macros.pages import generate_pages
from macros.pages.common import PageContext
from macros.pages.stories import like_this
from macros.site.nav import expand_nav
from tests.conftest import MINIMAL, ROOT


@pytest.fixture(scope="module")
def pages():
    return {page.src_uri: page for page in generate_pages(PageContext(load_playbook(MINIMAL)))}


def test_there_is_a_page_per_theme_and_a_home_page(pages):
    assert {"index.md", "themes/first-theme.md", "themes/second-theme.md"} <= set(pages)


def test_generated_pages_know_the_data_file_to_edit(pages):
    assert pages["themes/first-theme.md"].edit_path == "playbook_data/themes/01-first.yml"
    assert pages["index.md"].edit_path == "playbook_data/playbook.yml"


def test_a_theme_page_has_its_strategies_in_order_with_approaches_stories_and_quotes(pages):
    text = pages["themes/first-theme.md"].markdown
    order = [
        "# The first theme",
        "## Key strategies",
        "## 1. The first strategy { #first-strategy }",
        "<li>The first approach.</li><li>The second approach.</li>",
        '<article class="pb-story-card" id="story-kansas-story" markdown>',
        "#### [Kansas passes a law](../stories/kansas-story.md)",
        "> Working together was worth it\\.",
        "> — [Kansas team](../states/kansas.md)",
        "## 2. The second strategy { #second-strategy }",
        "Source: [Test source](../about/test-source.md)",
    ]
    positions = [text.index(fragment) for fragment in order]
    assert positions == sorted(positions)


def test_a_story_has_a_page_that_links_to_its_states_theme_strategy_and_policy_areas(pages):
    story = pages["stories/kansas-story.md"]
    assert story.edit_path == "playbook_data/stories/kansas-story.yml"
    order = [
        "# Kansas passes a law",
        "- **State:** [Kansas](../states/kansas.md)",
        "- **Theme:** [The first theme](../themes/first-theme.md)",
        "- **Key strategy:** [The first strategy](../themes/first-theme.md#first-strategy)",
        "- **Policy areas:** [Telehealth](../policy-areas/telehealth.md)",
        "- **Year:** 2023",
        "Source: [Test source](../about/test-source.md)",
        "[All stories](index.md)",
        "## Cite this story { #cite }",
    ]
    positions = [story.markdown.index(fragment) for fragment in order]
    assert positions == sorted(positions)
    assert "- **States:** [Louisiana](../states/louisiana.md), [Mississippi](" in (
        pages["stories/gulf-story.md"].markdown
    )


def test_a_story_is_cited_with_the_playbook_its_version_and_its_address(pages):
    # Without a site_url the address is left out; the real site has one (test_readers.py).
    assert (
        "“Kansas passes a law.” In *Test Playbook*, version 9\\.9. "
        "Test publisher, January 31, 2025." in pages["stories/kansas-story.md"].markdown
    )


def test_theme_pages_rank_above_passing_mentions_in_search(pages):
    assert "search:\n  boost: 2" in pages["themes/first-theme.md"].markdown


def test_the_home_page_presents_the_playbook_and_its_themes_as_cards(pages):
    text = pages["index.md"].markdown
    assert "# Test Playbook" in text
    assert '<div class="grid cards pb-theme-cards" markdown>' in text
    assert text.index("[1\\. The first theme](themes/first-theme.md)") < text.index(
        "[2\\. The second theme](themes/second-theme.md)"
    )
    assert "Funded by a test foundation." in text


def test_the_nav_markers_are_filled_with_generated_pages_in_order(pages):
    nav = [
        {"Home": "playbook:home"},
        {"Themes": "playbook:themes"},
        {"Ref": ["playbook:glossary.md"]},
    ]
    assert expand_nav(nav, list(pages.values())) == [
        {"Home": "index.md"},
        {
            "Themes": [
                {"1. The first theme": "themes/first-theme.md"},
                {"2. The second theme": "themes/second-theme.md"},
            ]
        },
        {"Ref": [{"Glossary": "glossary.md"}]},
    ]


def test_resources_without_a_link_say_so(pages):
    text = pages["resources.md"].markdown
    assert "[A linked report](https://example.org/report)" in text
    assert "A report without a link yet *(link not yet available)*" in text


def test_more_stories_like_this_share_a_strategy_policy_area_state_or_theme():
    playbook = load_playbook(ROOT / "playbook_data")
    story = playbook.stories["kansas-licensure-billing"]
    similar = like_this(PageContext(playbook), story)
    assert 0 < len(similar) <= 4 and story not in similar
    for other in similar:
        assert (
            other.strategy == story.strategy
            or set(other.policy_areas) & set(story.policy_areas)
            or set(other.states) & set(story.states)
            or other.theme == story.theme
        )
    # A story that shares a key strategy and a policy area comes before one sharing a theme.
    first = similar[0]
    assert first.strategy == story.strategy or set(first.policy_areas) & set(story.policy_areas)
