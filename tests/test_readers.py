"""Readers first (issue 12), the parts that need no browser: the footer's facts and the
print view's glossary links without tooltips."""

from __future__ import annotations

import datetime as dt

from macros.content.validate import load_playbook
from macros.pages.footer import footer_facts
from macros.render.glossary_terms import link_terms
from tests.conftest import ROOT


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
