"""Page generation is plain Python: it needs the Playbook, not MkDocs."""

from __future__ import annotations

import itertools

import pytest

from benchmarks.synthetic import generate
from macros.content.validate import load_playbook
from macros.pages import generate_pages
from macros.pages.common import PageContext
from macros.pages.states import in_words
from macros.pages.stories import MORE_LIKE_THIS, like_this
from macros.site.nav import expand_nav
from tests.helpers import MINIMAL, ROOT


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
        "2. [The second strategy](#second-strategy)\n\n"
        "Source: [Test source](../about/test-source.md) (Part 1)\n{ .pb-source }",
        "## 1. The first strategy { #first-strategy }",
        "<li>The first approach.</li><li>The second approach.</li>",
        "Source: [Test source](../about/test-source.md) (Part 1, section 1)\n{ .pb-source }",
        '<article class="pb-story-card" id="story-kansas-story" markdown>',
        "#### [Kansas passes a law](../stories/kansas-story.md)",
        "> Working together was worth it\\.",
        "> — [Kansas team](../states/kansas.md)",
        "> Source: [Test source](../about/test-source.md) (Part 1, the quote)",
        "## 2. The second strategy { #second-strategy }",
        "Source: [Test source](../about/test-source.md) (Part 1, section 2)\n{ .pb-source }",
    ]
    positions = [text.index(fragment) for fragment in order]
    assert positions == sorted(positions)


@pytest.mark.parametrize("theme", ["first-theme", "second-theme"])
def test_a_theme_page_never_shows_two_source_lines_in_a_row(pages, theme):
    """The theme's own source line follows its own text; the page ends with its last
    section's source line alone, not with the theme's under it (the first theme ends with
    a strategy, the second with stories)."""
    text = pages[f"themes/{theme}.md"].markdown
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    sources = [i for i, block in enumerate(blocks) if block.startswith("Source: ")]
    assert len(sources) >= 2
    assert all(later - earlier > 1 for earlier, later in itertools.pairwise(sources)), blocks


def test_a_story_has_a_page_that_links_to_its_states_theme_strategy_and_policy_areas(pages):
    story = pages["stories/kansas-story.md"]
    assert story.edit_path == "playbook_data/stories/kansas-story.yml"
    order = [
        "# Kansas passes a law",
        "- **State:** [Kansas](../states/kansas.md)",
        "- **Theme:** [The first theme](../themes/first-theme.md)",
        "- **Key strategy:** [The first strategy](../themes/first-theme.md#first-strategy)",
        "- **Policy area:** [Telehealth](../policy-areas/telehealth.md)",
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


def test_a_story_from_another_initiative_says_it_is_not_a_delta_center_grantees(project):
    project.edit(
        "sources.yml",
        "sources:\n",
        "sources:\n  - id: other\n    title: Other work\n    short_title: Other work\n"
        "    publisher: Someone\n    year: '2015'\n    kind: collaborative\n"
        "    summary: Work outside the Delta Center.\n",
    )
    project.edit("playbook.yml", "sources: [test-source]", "sources: [test-source, other]")
    project.edit("stories/gulf-story.yml", "source: test-source", "source: other")
    pb = load_playbook(project.data, project.path)
    pages = {page.src_uri: page for page in generate_pages(PageContext(pb))}
    # On its card wherever it is listed, and on its own page.
    assert (
        "Louisiana, Mississippi · From the Other work, a source outside the Delta Center\n"
        "{ .pb-card-facts }" in pages["themes/second-theme.md"].markdown
    )
    story_page = pages["stories/gulf-story.md"].markdown
    label = "From the Other work, a source outside the Delta Center"
    assert story_page.count(f"\n- {label}\n") == 1  # said once
    assert "Delta Center grantee" not in pages["themes/first-theme.md"].markdown
    # Its source has no theme of its own: its page still links the story.
    assert "\nThe story from this source:\n\n- [" in pages["about/other.md"].markdown
    assert "a source outside the Delta Center" not in pages["stories/kansas-story.md"].markdown
    assert pb.state_standing("LA").kind == "other"
    assert pb.state_standing("LA").other_sources == ("other",)
    assert (
        "A source outside the Delta Center tells of work in Louisiana: the Other work\\. "
        "No source in this playbook says whether associations from Louisiana were Delta Center "
        "grantees\\.\n{ .pb-state-standing }" in pages["states/louisiana.md"].markdown
    )


def test_a_state_page_says_why_the_state_is_here_and_names_its_associations(project):
    project.edit(
        "states.yml",
        "    name: Kansas\n",
        "    name: Kansas\n    associations: [Kansas Association of Clinics]\n"
        "    associations_source: test-source\n",
    )
    pb = load_playbook(project.data, project.path)
    pages = {page.src_uri: page for page in generate_pages(PageContext(pb))}
    kansas = pages["states/kansas.md"].markdown
    assert pb.state_standing("KS").kind == "grantee"
    assert (
        "Associations from Kansas were among the Delta Center's Phase 2 grantees "
        "\\(2021–2024\\), according to the Test source\\.\n"
        "{ .pb-state-standing }" in kansas
    )
    assert (
        "## Associations named in the sources { #associations }\n\n"
        "- Kansas Association of Clinics\n\n"
        "Source: [Test source](../about/test-source.md)\n{ .pb-source }" in kansas
    )
    louisiana = pages["states/louisiana.md"].markdown
    assert pb.state_standing("LA").kind == "delta-center"
    assert (
        "The Test source tells of work in Louisiana\\. No source in this playbook says which "
        "Delta Center cohort, if any, associations from Louisiana were in\\." in louisiana
    )
    assert "Associations named" not in louisiana


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


def _like_this_by_definition(playbook, story):
    """The ranking as the reader is promised it, comparing the story with every other."""
    scored = []
    for position, other in enumerate(playbook.stories.values()):
        if other.id == story.id:
            continue
        score = 3 * bool(story.strategy and other.strategy == story.strategy)
        score += 2 * len(set(story.policy_areas) & set(other.policy_areas))
        score += 2 * len(set(story.states) & set(other.states))
        score += other.theme == story.theme
        if score:
            scored.append((-score, position, other.id))
    return [other_id for *_, other_id in sorted(scored)][:MORE_LIKE_THIS]


def test_more_stories_like_this_rank_exactly_as_defined_on_a_larger_playbook(tmp_path):
    project = generate(3, tmp_path)  # the real content three times over, spread out
    playbook = load_playbook(project / "playbook_data", project)
    ctx = PageContext(playbook)
    for story in playbook.stories.values():
        found = [other.id for other in like_this(ctx, story)]
        assert found == _like_this_by_definition(playbook, story), story.id


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


def test_a_storys_policy_areas_are_labelled_singular_or_plural_as_they_are(project):
    project.edit(
        "policy_areas.yml",
        "policy_areas:\n",
        "policy_areas:\n  - id: workforce\n    name: Workforce\n    order: 2\n"
        "    description: Training and keeping staff.\n    source: test-source\n",
    )
    project.edit("stories/kansas-story.yml", "[telehealth]", "[telehealth, workforce]")
    pb = load_playbook(project.data, project.path)
    pages = {page.src_uri: page.markdown for page in generate_pages(PageContext(pb))}
    assert "- **Policy areas:** [Telehealth](" in pages["stories/kansas-story.md"]
    assert "Policy areas: Telehealth, Workforce" in pages["themes/first-theme.md"]


def test_a_source_page_links_the_themes_and_stories_drawn_from_it(project):
    pages = {
        p.src_uri: p.markdown for p in generate_pages(PageContext(load_playbook(project.data)))
    }
    page = pages["about/test-source.md"]
    assert (
        "\nThemes drawn from this source:\n\n- [The first theme](../themes/first-theme.md)\n"
        in page
    )
    assert "\nThe 2 stories from this source:\n" in page
    assert "- [Kansas passes a law](../stories/kansas-story.md)\n" in page
    (project.data / "stories" / "gulf-story.yml").unlink()
    pages = {
        p.src_uri: p.markdown for p in generate_pages(PageContext(load_playbook(project.data)))
    }
    assert (
        "\nThe story from this source:\n\n- [Kansas passes a law](" in pages["about/test-source.md"]
    )


def test_a_storys_source_follows_its_text_not_its_resources(project):
    project.edit(
        "stories/kansas-story.yml",
        "source: test-source",
        "source: test-source\nresources: [linked-report]",
    )
    pb = load_playbook(project.data, project.path)
    page = {p.src_uri: p.markdown for p in generate_pages(PageContext(pb))}[
        "stories/kansas-story.md"
    ]
    text, source = page.index("worked together on a"), page.index("Source: [Test source]")
    assert text < source < page.index("## Resources { #resources }") < page.index("A linked report")


def test_pages_without_something_say_so_once_in_plain_words(project):
    project.edit(
        "policy_areas.yml",
        "policy_areas:\n",
        "policy_areas:\n  - id: schools\n    name: Schools\n    order: 2\n"
        "    description: Care in schools.\n    source: test-source\n",
    )
    pb = load_playbook(project.data, project.path)
    pages = {p.src_uri: p.markdown for p in generate_pages(PageContext(pb))}
    assert (
        "\nNo story in this playbook is about this policy area yet.\n"
        in pages["policy-areas/schools.md"]
    )
    matrix = pages["policy-areas/matrix.md"]
    assert "Each policy area is described on its own page ([Policy areas](index.md))." in matrix
    assert matrix.count("Each dot links to a story") + matrix.count("A dot links") == 1
    assert "\n- **Link:** not yet available\n" in pages["about/test-source.md"]


@pytest.mark.parametrize(
    ("items", "said"),
    [
        (["a"], "a"),
        (["a", "b"], "a and b"),
        (["a", "b", "c"], "a, b and c"),
        # An item with an "and" of its own: semicolons keep the items apart.
        (["a", "b", "c and d"], "a; b; and c and d"),
    ],
)
def test_a_list_in_a_sentence_reads_as_a_reader_would_say_it(items, said):
    assert in_words(items) == said
