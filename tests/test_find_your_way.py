"""Finding your way: state pages, the tile map, policy areas, the story index, glossary links.

All from the fixture playbook (Kansas: one story about telehealth and a quote; Louisiana and
Mississippi: one story together; Kansas is in the Phase 2 cohort).
"""

from __future__ import annotations

import re

import pytest

from macros.content.validate import load_playbook
from macros.pages import generate_pages
from macros.pages.common import PageContext
from macros.pages.tile_map import LAYOUT
from macros.pages.urls import href, page_url
from macros.render.glossary_terms import abbreviations, anchors, link_terms
from tests.helpers import MINIMAL


def generated_markdown(project) -> dict[str, str]:
    context = PageContext(load_playbook(project.data))
    return {page.src_uri: page.markdown for page in generate_pages(context)}


@pytest.fixture(scope="module")
def playbook():
    return load_playbook(MINIMAL)


@pytest.fixture(scope="module")
def pages(playbook):
    return {page.src_uri: page.markdown for page in generate_pages(PageContext(playbook))}


# State pages -----------------------------------------------------------------------------


def test_a_state_page_groups_its_stories_by_theme_as_cards_linking_to_the_story(pages):
    text = pages["states/kansas.md"]
    order = [
        "# Kansas",
        "1 story\n",
        "## Policy areas { #policy-areas }",
        "- [Telehealth](../policy-areas/telehealth.md)",
        "## [The first theme](../themes/first-theme.md) { #first-theme }",
        "### [Kansas passes a law](../stories/kansas-story.md)",
        # The card does not repeat the state (nor the theme it sits under).
        "2023 · Policy area: Telehealth\n{ .pb-card-facts }",
        "## In their words { #quotes }",
        "> Working together was worth it\\.",
        "> — Kansas team\n",  # not a link to the page it is on
    ]
    positions = [text.index(fragment) for fragment in order]
    assert positions == sorted(positions)
    assert "search:\n  boost: 2" in text


def test_a_state_page_lists_the_resources_about_the_state(project):
    project.edit(
        "resources.yml",
        "    url: https://example.org/report\n",
        "    url: https://example.org/report\n    states: [KS]\n",
    )
    pages = {
        p.src_uri: p.markdown for p in generate_pages(PageContext(load_playbook(project.data)))
    }
    assert (
        "## Resources { #resources }\n\n- [A linked report](https://example.org/report)"
        in (pages["states/kansas.md"])
    )


def test_a_resource_cited_by_a_story_is_linked_both_ways(project):
    project.edit(
        "stories/kansas-story.yml",
        "source: test-source",
        "resources: [unlinked-report]\nsource: test-source",
    )
    project.edit(
        "resources.yml",
        "    url: https://example.org/report\n",
        "    url: https://example.org/report\n    themes: [first-theme]\n",
    )
    pages = {
        p.src_uri: p.markdown for p in generate_pages(PageContext(load_playbook(project.data)))
    }
    theme = pages["themes/first-theme.md"]
    # The story's page lists its resource; the theme, the resources named for it or cited.
    story_resources = pages["stories/kansas-story.md"].split("## Resources { #resources }\n")[1]
    assert "- A report without a link yet *(link not yet available)*" in story_resources
    resources_section = theme.split("## Resources { #resources }\n", 1)[1]
    assert "- [A linked report](https://example.org/report)" in resources_section
    assert "- A report without a link yet *(link not yet available)*" in resources_section
    # Kansas cites it through its story, so the state page lists it too.
    assert "A report without a link yet *(link not yet available)*" in pages["states/kansas.md"]
    # The resources page gives each resource an anchor and links back to the citing story.
    assert (
        "- A report without a link yet *(link not yet available)* "
        "([Kansas passes a law](stories/kansas-story.md))\n"
        "  { #resource-unlinked-report }"
    ) in pages["resources.md"]


def test_only_states_with_content_have_a_page(pages):
    state_pages = {uri for uri in pages if uri.startswith("states/")}
    assert state_pages == {
        "states/index.md",
        "states/kansas.md",
        "states/louisiana.md",
        "states/mississippi.md",
    }


# The states index: tile map, legend and table ----------------------------------------------


def test_the_map_has_a_tile_per_state_and_links_states_with_stories(pages):
    svg = re.search(r'<svg class="pb-tile-map".*?</svg>', pages["states/index.md"]).group(0)
    assert '<a class="pb-tile pb-tile--cohort-phase-2" href="kansas/" ' in svg
    # The accessible name starts with the text the tile shows (WCAG 2.5.3).
    assert 'aria-label="KS Kansas: 1 story, 1 quote; Delta Center Phase 2 grantees"' in svg
    assert (
        '<a class="pb-tile pb-tile--other" href="louisiana/" aria-label="LA Louisiana: 1 story"'
        in svg
    )
    # States without a page are not links but still have a name.
    assert "<a " not in svg.split('data-state="MS"')[1].split("</a>")[1]
    assert svg.count("<a ") == 3


def test_the_cohort_shows_as_a_pattern_as_well_as_a_colour_and_the_legend_explains_it(pages):
    text = pages["states/index.md"]
    assert '<pattern id="pb-tile-cohort-phase-2"' in text
    assert 'fill="url(#pb-tile-cohort-phase-2)"' in text  # on the Kansas tile
    legend = re.search(r'<ul class="pb-tile-legend".*?</ul>', text).group(0)
    # Only what the data records: grantees by cohort, other states in the playbook, the rest.
    assert "Delta Center Phase 2 grantees (2021–2024)" in legend
    assert "In the playbook, not recorded as a Delta Center grantee" in legend  # LA and MS


def test_a_table_below_the_map_lists_the_same_states(pages):
    text = pages["states/index.md"]
    assert text.index("</svg>") < text.index("| State | Cohort | Stories | Policy areas |")
    assert (
        "| [Kansas](kansas.md) | Phase 2 grantees | 1 "
        "| [Telehealth](../policy-areas/telehealth.md) |" in text
    )
    assert "| [Mississippi](mississippi.md) | — | 1 | — |" in text


def test_the_tile_layout_has_every_state_and_dc_on_its_own_square():
    assert len(LAYOUT) == 51
    assert len(set(LAYOUT.values())) == 51


def test_state_names_in_the_map_are_escaped(project):
    project.edit("states.yml", "name: Louisiana", 'name: "Louisiana <b>\\"x\\"</b>"')
    pages = {
        p.src_uri: p.markdown for p in generate_pages(PageContext(load_playbook(project.data)))
    }
    assert (
        'aria-label="LA Louisiana &lt;b&gt;&quot;x&quot;&lt;/b&gt;: 1 story"'
        in (pages["states/index.md"])
    )


# Policy areas ------------------------------------------------------------------------------


def test_a_policy_area_page_lists_its_states_and_stories(pages):
    text = pages["policy-areas/telehealth.md"]
    assert "- [Kansas](../states/kansas.md)" in text
    assert "### [Kansas passes a law](../stories/kansas-story.md)" in text
    assert "Kansas · 2023 · Theme: The first theme · Policy area: Telehealth" in text


def test_the_matrix_links_each_filled_cell_to_the_story_of_that_state(pages):
    text = pages["policy-areas/matrix.md"]
    head = re.search(r"<thead>.*?</thead>", text).group(0)
    assert re.findall(r"<abbr[^>]*>(\w+)</abbr>", head) == ["KS"]  # only states with areas
    row = re.search(r'<tr data-area="telehealth">.*?</tr>', text).group(0)
    assert '<a href="../telehealth/">Telehealth</a>' in row
    assert 'href="../../stories/kansas-story/"' in row
    assert "Kansas passes a law (Kansas, Telehealth)" in row


# The story index ---------------------------------------------------------------------------


def test_every_story_is_a_card_with_what_the_filters_need(pages):
    text = pages["stories/index.md"]
    assert 'id="story-kansas-story" data-theme="first-theme" data-state="KS" ' in text
    # Kansas is in the Phase 2 cohort, so its story is too.
    assert 'data-area="telehealth" data-cohort="phase-2" markdown>' in text
    assert text.count('<article class="pb-story-card"') == 2
    assert (
        '<article class="pb-story-card" id="story-gulf-story" data-theme="second-theme" '
        'data-state="LA MS" data-area="" data-cohort="" markdown>'
    ) in text
    # One link a card, to the story's own page; the facts are plain text.
    assert "## [Kansas passes a law](kansas-story.md)" in text
    assert "Kansas · 2023 · Theme: The first theme · Policy area: Telehealth\n" in text
    assert "Kansas passed a law\\.\n{ .pb-summary }" in text


def test_the_filters_offer_only_values_that_some_story_has_and_start_hidden(pages):
    form = re.search(r"<form.*?</form>", pages["stories/index.md"]).group(0)
    assert form.startswith('<form class="pb-filters" role="search"')
    assert " hidden>" in form  # shown by the script: without JavaScript, the full list
    # The count is announced; the button that clears the filters waits until none matches.
    assert form.endswith(
        '<div class="pb-filter-result"><p class="pb-filter-count" role="status">2 stories</p>'
        '<button type="reset" class="md-button pb-filter-clear" hidden>Clear the filters'
        "</button></div></form>"
    )
    assert '<option value="KS">Kansas</option>' in form
    assert '<option value="telehealth">Telehealth</option>' in form
    assert '<option value="phase-2">Phase 2 grantees</option>' in form
    assert "Medicaid" not in form


# Links inside raw HTML ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("from_uri", "to_uri", "anchor", "expected"),
    [
        ("states/index.md", "states/kansas.md", "", "kansas/"),
        ("states/kansas.md", "states/index.md", "", "../"),
        ("policy-areas/matrix.md", "themes/t.md", "story-x", "../../themes/t/#story-x"),
        ("index.md", "states/index.md", "", "states/"),
        ("states/index.md", "index.md", "", "../"),
    ],
)  # fmt: skip
def test_links_in_raw_html_point_where_mkdocs_serves_the_page(from_uri, to_uri, anchor, expected):
    assert href(from_uri, to_uri, anchor) == expected


def test_page_urls_follow_directory_urls():
    assert [page_url(u) for u in ("index.md", "states/index.md", "glossary.md")] == [
        "",
        "states/",
        "glossary/",
    ]


# Glossary acronyms ---------------------------------------------------------------------------


def test_acronyms_carry_their_expansion_and_definition(playbook):
    assert abbreviations(playbook) == {
        "PCA": "primary care association: A membership organisation of primary care providers."
    }
    assert anchors(playbook) == {"PCA": "term-pca"}


def test_an_acronym_links_to_its_glossary_entry_with_its_meaning_as_title():
    html = '<p>The <abbr title="primary care association">PCA</abbr> met.</p>'
    assert link_terms(html, {"PCA": "term-pca"}, "../glossary/") == (
        '<p>The <a class="pb-term" href="../glossary/#term-pca" '
        'title="primary care association"><abbr>PCA</abbr></a> met.</p>'
    )


def test_an_acronym_already_inside_a_link_is_left_alone():
    html = '<a href="x/">The <abbr title="primary care association">PCA</abbr></a>'
    assert link_terms(html, {"PCA": "term-pca"}, "../glossary/") == html


def test_an_abbreviation_that_is_not_in_the_glossary_is_left_alone():
    html = '<abbr title="Kansas">KS</abbr> and <abbr title="p &amp; c">PCA</abbr>'
    assert link_terms(html, {"PCA": "term-pca"}, "g/") == (
        '<abbr title="Kansas">KS</abbr> and '
        '<a class="pb-term" href="g/#term-pca" title="p &amp; c"><abbr>PCA</abbr></a>'
    )
