"""Readers first (issue 12), the parts that need no browser: the footer's facts and the
print view's glossary links without tooltips."""

from __future__ import annotations

import datetime as dt
import re

from macros.content.validate import load_playbook
from macros.pages import generate_pages
from macros.pages.common import PageContext
from macros.pages.footer import footer_facts
from macros.pages.reference import glossary_letters
from macros.render.glossary_terms import link_terms
from tests.helpers import ROOT


def test_the_footer_names_the_publisher_and_the_day_the_content_last_changed():
    info = load_playbook(ROOT / "playbook_data").info
    # 1 March 2027, 12:00 UTC: the last commit.
    facts = footer_facts(info, str(int(dt.datetime(2027, 3, 1, 12, tzinfo=dt.UTC).timestamp())))
    assert facts == {
        "publisher": info.publisher,
        "version": info.version,
        "updated_iso": "2027-03-01",
        "updated_text": "March 1, 2027",
    }


def test_without_a_commit_date_the_footer_gives_the_date_of_the_version():
    info = load_playbook(ROOT / "playbook_data").info
    for unknown in (None, "", "0", "yesterday"):
        facts = footer_facts(info, unknown)
        assert facts["updated_iso"] == info.date.isoformat()


def test_on_the_print_view_an_acronym_links_to_the_glossary_without_a_tooltip():
    html = '<p>The <abbr title="primary care association">PCA</abbr> met.</p>'
    assert link_terms(html, {"PCA": "term-pca"}, "../glossary/", titles=False) == (
        '<p>The <a class="pb-term" href="../glossary/#term-pca"><abbr>PCA</abbr></a> met.</p>'
    )


def test_the_real_map_names_each_tile_from_its_visible_code_and_claims_only_the_data():
    playbook = load_playbook(ROOT / "playbook_data")
    text = {p.src_uri: p.markdown for p in generate_pages(PageContext(playbook))}["states/index.md"]
    names = re.findall(r'<(?:a|g) class="pb-tile[^"]*"[^>]*aria-label="([^"]*)"', text)
    assert len(names) == len(playbook.states)
    for code, name in zip(playbook.states, names, strict=True):
        assert name.startswith(f"{code} {playbook.states[code].name}: ")
    legend = re.search(r'<ul class="pb-tile-legend".*?</ul>', text).group(0)
    labels = re.findall(r"</svg> ([^<]*)</li>", legend)
    assert labels == [
        "Delta Center Phase 2 grantees (2021–2024)",
        "In the playbook, not recorded as a Delta Center grantee",
        "Not in the playbook yet",
    ]
    # A grantee tile is a state the data records in a cohort, and no other.
    for code, state in playbook.states.items():
        tile = re.search(rf'<a class="pb-tile pb-tile--([a-z0-9-]+)"[^>]*data-state="{code}"', text)
        if state.cohorts:
            assert tile and tile.group(1) == f"cohort-{state.cohorts[0]}", code
        elif tile:
            assert tile.group(1) == "other", code


def test_the_glossary_goes_from_a_to_z_with_every_letter_in_its_index():
    playbook = load_playbook(ROOT / "playbook_data")
    letters = glossary_letters(list(playbook.terms.values()))
    assert [group.letter for group in letters][:26] == list("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    terms = [term.term for group in letters for term in group.terms]
    assert sorted(terms, key=str.casefold) == terms and len(terms) == len(playbook.terms)
    for group in letters:
        assert all(term.term[:1].upper() == group.letter for term in group.terms)
    page = {p.src_uri: p.markdown for p in generate_pages(PageContext(playbook))}["glossary.md"]
    for group in letters:
        if group.terms:
            assert f'<a href="#letter-{group.letter}">{group.letter}</a>' in page
            assert f'id="letter-{group.letter}"' in page
        elif group.letter != "#":
            assert f'<span class="pb-az__none">{group.letter}<' in page


def test_a_story_is_cited_with_its_address_on_the_published_site():
    from macros.site.build_context import BuildContext

    context = BuildContext.load(ROOT)
    page = next(p for p in context.pages if p.src_uri == "stories/kansas-licensure-billing.md")
    assert context.pages_context.site_url == "https://integrated-care-playbook.github.io/playbook/"
    # (Markdown source: the address's punctuation is escaped, and shows as written.)
    citation = page.markdown.split("## Cite this story { #cite }\n", 1)[1].replace("\\", "")
    assert (
        "https://integrated-care-playbook.github.io/playbook/stories/kansas-licensure-billing/\n"
        in (citation)
    )
    assert "\n{ .pb-citation }" in citation


def test_the_home_page_offers_every_way_in_first():
    playbook = load_playbook(ROOT / "playbook_data")
    home = {p.src_uri: p.markdown for p in generate_pages(PageContext(playbook))}["index.md"]
    ways = re.findall(r'<li><a href="([^"]*)"><strong>([^<]*)</strong>', home)
    assert ways == [
        ("#themes", "By theme"),
        ("states/", "By state"),
        ("policy-areas/", "By policy area"),
        ("stories/", "All stories"),
        ("print/", "Print or download for a meeting"),
    ]
    assert home.index('<nav class="pb-tasks"') < home.index("## Themes { #themes }")
