"""The facts that must not drift, read from the built site as a reader sees them.

Key figures, names and dates of the sources (facts-delta-center.md, facts-web.md and the
source texts) are asserted on the pages where a reader meets them, so that an edit of the
data or of a page cannot change one silently. The text is compared as shown: tags
removed, entities decoded, curly quotes made straight, spaces collapsed.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.build

PHASE_2 = {
    "alaska": "Alaska",
    "kansas": "Kansas",
    "louisiana": "Louisiana",
    "mississippi": "Mississippi",
    "new-hampshire": "New Hampshire",
    "oklahoma": "Oklahoma",
    "pennsylvania": "Pennsylvania",
}
PARTNERS = [
    "JSI Research & Training Institute, Inc. (JSI)",
    "National Association of Community Health Centers",
    "National Council for Mental Wellbeing",
    "Kaiser Permanente Washington Health Research Institute's Center for Accelerating Care "
    "Transformation",
    "Robert Wood Johnson Foundation",
]


def shown(site: Path, page: str) -> str:
    """The text of a built page as a reader sees it."""
    markup = (site / page / "index.html").read_text(encoding="utf-8")
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.DOTALL)
    # Inline tags (a glossary abbreviation, a link) join their words; others separate.
    markup = re.sub(r"</?(?:abbr|a|em|strong|span|code)\b[^>]*>", "", markup)
    text = html.unescape(re.sub(r"<[^>]+>", " ", markup))
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text)


def has(text: str, phrase: str) -> bool:
    return phrase in text


def test_the_shown_text_helper_reads_what_a_reader_reads(tmp_path):
    page = tmp_path / "p"
    page.mkdir()
    (page / "index.html").write_text(
        "<p>From <abbr title='x'>PCAs</abbr> (<a href='y'>many</a>) in 19&nbsp;states &amp; "
        "more.</p><p>Next</p><script>19</script>",
        encoding="utf-8",
    )
    text = shown(tmp_path, "p")
    assert has(text, "From PCAs (many) in 19 states & more. Next")
    assert text.count("19") == 1


def test_the_home_page_gives_the_initiative_its_years_states_funder_and_partners(real_site):
    home = shown(real_site, ".")
    assert has(home, "from 2018 to 2024")
    assert has(home, "from 19 states")
    for name in PARTNERS:
        assert has(home, name), name


def test_the_partner_playbook_page_keeps_the_initiative_facts(real_site):
    page = shown(real_site, "about/delta-center-playbook")
    assert has(page, "ran from 2018 to 2024")
    assert has(page, "PCAs and BHSAs from 19 states took part over the collaborative's two cohorts")
    assert has(page, "five themes and 14 key strategies")
    for name in PARTNERS[1:]:
        assert has(page, name), name


def test_the_two_phases_have_their_years_teams_and_states(real_site):
    page = shown(real_site, "about/delta-center-updates")
    assert has(page, "Phase 1 ran from 2018 to 2020 and gave grants to 12 state teams")
    assert has(page, "Phase 2 ran from 2021 to 2024")
    assert has(page, "seven states, 14 associations in all")
    assert has(
        page,
        "Alaska, Kansas, Louisiana, Mississippi, New Hampshire, Oklahoma and Pennsylvania",
    )
    assert has(page, "8 alumni grants to Phase 1 states")
    assert has(page, "Over both phases, 19 states took part")
    assert has(page, "March 2024")


def test_the_illinois_collaboratives_keep_their_years_and_member_mix(real_site):
    hmprg = shown(real_site, "about/hmprg-learning-collaborative")
    assert has(hmprg, "begun in the fall of 2015")
    assert has(hmprg, "Blue Cross and Blue Shield of Illinois")
    c4 = shown(real_site, "about/c4-countycare-collaborative")
    assert has(c4, "Planning between C4 and CountyCare began in 2016")
    assert has(c4, "thirty-two member organizations")
    assert has(
        c4,
        "20 federally qualified health centers (FQHCs), 12 community mental health centers "
        "(CMHCs), 2 care management entities, and CountyCare",
    )
    assert has(c4, "FQHC, CMHC, care coordination entity and payer")


def test_california_keeps_the_three_organizations_behind_the_initiative(real_site):
    page = shown(real_site, "about/ipi-business-case")
    for name in [
        "California Institute for Mental Health",
        "California Primary Care Association",
        "Integrated Behavioral Health Project",
    ]:
        assert has(page, name), name


def test_only_phase_2_states_are_called_grantees(real_site):
    states = sorted(p.parent.name for p in (real_site / "states").glob("*/index.html"))
    assert set(PHASE_2) <= set(states)
    for slug in states:
        text = shown(real_site, f"states/{slug}")
        claims = has(text, "Delta Center's Phase 2 grantees")
        assert claims == (slug in PHASE_2), slug
    assert has(
        shown(real_site, "states/kansas"),
        "Associations from Kansas were among the Delta Center's Phase 2 grantees (2021–2024), "
        "according to the Delta Center updates.",
    )
    for slug in ["illinois", "california", "new-york", "vermont"]:
        name = slug.replace("-", " ").title()
        assert has(
            shown(real_site, f"states/{slug}"),
            f"No source in this playbook says whether associations from {name} were Delta "
            "Center grantees.",
        ), slug
    assert has(
        shown(real_site, "states/illinois"),
        "Sources outside the Delta Center tell of work in Illinois: the Health & Medicine "
        "Integrated Care Playbook; the Health & Medicine learning collaborative; and the C4 and "
        "CountyCare learning collaborative. This playbook also lists resources about the state.",
    )
    assert has(shown(real_site, "states/vermont"), "This playbook lists resources about Vermont.")
    for slug, name in [
        ("michigan", "Michigan"),
        ("washington", "Washington"),
        ("north-carolina", "North Carolina"),
    ]:
        assert has(
            shown(real_site, f"states/{slug}"),
            f"The Delta Center partner playbook tells of work in {name}. No source in this "
            f"playbook says which Delta Center cohort, if any, associations from {name} were in.",
        ), slug


def test_other_initiatives_stories_name_their_source_outside_the_delta_center(real_site):
    # The source first; nothing said of grantees, which no source says either way.
    not_grantee = "a source outside the Delta Center"
    illinois = shown(real_site, "states/illinois")
    assert has(illinois, f"From the Health & Medicine learning collaborative, {not_grantee}")
    assert has(illinois, f"From the C4 and CountyCare learning collaborative, {not_grantee}")
    california = shown(real_site, "states/california")
    assert has(california, f"From the IPI business case, {not_grantee}")
    story = shown(real_site, "stories/cook-county-bh-pc-collaborative")
    assert has(story, f"From the C4 and CountyCare learning collaborative, {not_grantee}")
    kansas = shown(real_site, "stories/kansas-licensure-billing").split("More stories like")[0]
    assert not has(kansas, not_grantee)


def test_stories_and_strategies_show_where_in_the_source_they_are(real_site):
    page = shown(real_site, "themes/collective-action")
    assert has(page, "Source: Delta Center partner playbook (Theme 3, strategy 1)")
    story = shown(real_site, "stories/illinois-learning-collaborative-criteria")
    assert has(
        story, "Source: Health & Medicine learning collaborative (The Learning Collaborative)"
    )
    story = shown(real_site, "stories/kansas-licensure-billing")
    assert has(story, "Source: Delta Center partner playbook (Theme 3, strategy 1)")


def test_no_page_uses_a_wrong_name_for_a_partner(real_site):
    for file in real_site.rglob("*.html"):
        text = file.read_text(encoding="utf-8")
        assert "National Association for Community Health Centers" not in text, file
        assert "National Council for Behavioral Health" not in text or "until 2021" in text, file


def test_no_state_page_shows_its_markup_as_text(real_site):
    """An attribute list (`{ .pb-state-facts }`) separated from its paragraph by a blank
    line is printed as text instead of styling the facts line."""
    for page in (real_site / "states").glob("*/index.html"):
        assert "{ .pb-" not in shown(real_site, page.parent.relative_to(real_site).as_posix())
