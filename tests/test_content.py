"""The content of the playbook, checked against what the sources say it must hold.

These tests read the real `playbook_data/` (not a fixture). They are the specification of
the content: the five Delta Center themes and their key strategies, a story for every state
example, attributed quotes, resources, a complete glossary, and text in our own words.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from macros.content.validate import load_playbook

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "playbook_data"
DOCS = ROOT / "docs"
SOURCES = Path(__file__).resolve().parents[2] / "shared" / "sources"

DELTA_CENTER = "delta-center-playbook"
DELTA_CENTER_STATES = ["AK", "KS", "MI", "NH", "WA", "PA", "LA", "MS", "OK", "NC"]
PHASE_2_STATES = ["AK", "KS", "LA", "MS", "NH", "OK", "PA"]
RUN = 12  # words in a row that may not be copied from a source


@pytest.fixture(scope="module")
def playbook():
    return load_playbook(DATA)


# The Delta Center partner playbook -----------------------------------------------------


def test_there_are_five_themes_in_order(playbook):
    assert [theme.order for theme in playbook.themes.values()] == [1, 2, 3, 4, 5]


def test_each_theme_has_its_key_strategies_in_order(playbook):
    counts = [len(theme.strategies) for theme in playbook.themes.values()]
    assert counts == [3, 2, 4, 2, 3]
    assert len(playbook.strategies) == 14
    for theme in playbook.themes.values():
        orders = [strategy.order for strategy in theme.strategies]
        assert orders == list(range(1, len(orders) + 1)), theme.id


def test_the_theme_with_a_paragraph_before_its_strategies_keeps_it(playbook):
    assert list(playbook.themes.values())[3].strategies_intro


def test_every_state_in_the_delta_center_examples_has_a_story(playbook):
    for code in DELTA_CENTER_STATES:
        assert playbook.stories_for("state", code), f"no story for {code}"


def test_louisiana_and_mississippi_share_one_story(playbook):
    assert any(sorted(story.states) == ["LA", "MS"] for story in playbook.stories.values())


def test_the_dated_laws_are_there(playbook):
    stories = playbook.stories.values()
    assert any("KS" in s.states and s.year == 2023 for s in stories), "Kansas law of 2023"
    assert any("NH" in s.states and s.year == 2024 for s in stories), "New Hampshire law of 2024"


def test_a_story_can_name_only_its_cohort(playbook):
    assert any(s.cohort and not s.states for s in playbook.stories.values())


def test_the_seven_phase_2_states_are_in_that_cohort(playbook):
    for code in PHASE_2_STATES:
        assert "phase-2" in playbook.states[code].cohorts, code
    assert len(playbook.states) == 51


def test_every_quote_is_attributed_to_someone_and_a_source(playbook):
    for quote in playbook.quotes.values():
        assert quote.attribution.strip(), quote.id
        assert quote.source in playbook.sources, quote.id


def test_every_record_names_a_source_that_exists(playbook):
    records = [
        *playbook.stories.values(),
        *playbook.quotes.values(),
        *playbook.resources.values(),
        *playbook.themes.values(),
        *playbook.policy_areas.values(),
        *playbook.cohorts.values(),
    ]
    for record in records:
        assert record.source in playbook.sources, f"{type(record).__name__} {record.id}"
    assert set(playbook.info.sources) == set(playbook.sources)


def test_the_delta_center_resources_are_listed_without_invented_links(playbook):
    unlinked = [
        r for r in playbook.resources.values() if r.source == DELTA_CENTER and r.url is None
    ]
    assert len(unlinked) >= 7


def test_the_closing_summary_is_there(playbook):
    assert playbook.info.closing


# Glossary --------------------------------------------------------------------------------

# Two or more capitals in a row make an acronym; a plural "s" is allowed (PCAs).
ACRONYM = re.compile(r"\b([A-Z][A-Z0-9]*[A-Z])s?\b")
# Fields that hold codes, not words a reader meets as text.
CODE_FIELDS = {"code", "state", "states", "document"}


def test_the_glossary_explains_every_acronym_used(playbook):
    known = set()
    for term in playbook.terms.values():
        known.add(term.term)
        known.update(re.split(r"[^A-Za-z0-9]+", term.term))
    missing = {}
    for file, _key, text in data_strings(skip_fields=CODE_FIELDS):
        for acronym in ACRONYM.findall(text):
            if acronym not in known:
                missing.setdefault(acronym, file)
    assert not missing, f"acronyms missing from glossary.yml: {missing}"


def test_every_acronym_in_the_glossary_has_its_expansion(playbook):
    for term in playbook.terms.values():
        if ACRONYM.fullmatch(term.term):
            assert term.expansion, term.term


# Our own words ---------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """Lowercase words of letters, digits and apostrophes, with curly quotes made straight."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.findall(r"[a-z0-9']+", text)


def shingles(text: str, size: int = RUN) -> set[tuple[str, ...]]:
    found = words(text)
    return {tuple(found[i : i + size]) for i in range(len(found) - size + 1)}


def data_strings(skip_fields: set[str] = frozenset()) -> Iterator[tuple[str, str, str]]:
    """Every string value in playbook_data as (file, field, text)."""

    def walk(node, key: str):
        if isinstance(node, dict):
            for k, v in node.items():
                if k not in skip_fields:
                    yield from walk(v, str(k))
        elif isinstance(node, list):
            for item in node:
                yield from walk(item, key)
        elif isinstance(node, str):
            yield key, node

    for path in sorted(DATA.rglob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, text in walk(data, ""):
            yield path.relative_to(ROOT).as_posix(), key, text


def our_texts() -> Iterator[tuple[str, str]]:
    """The texts that must be in our own words: every data field except quoted words, and
    the hand-written pages, if any."""
    for file, key, text in data_strings():
        if file.endswith("quotes.yml") and key == "text":
            continue  # a quotation is the one place where a source's words are kept
        if file.endswith(("/sources.yml", "/resources.yml")) and key == "title":
            continue  # the title of a publication is a name, cited as its authors wrote it
        yield file, text
    if DOCS.is_dir():
        for path in sorted(DOCS.rglob("*.md")):
            yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")


def source_documents() -> list[Path]:
    if not SOURCES.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the source documents are missing from {SOURCES}")
        pytest.skip(f"the source documents are not here ({SOURCES}), so copying is not checked")
    return sorted(SOURCES.glob("*.txt"))


def test_no_sentence_is_copied_from_a_source():
    documents = source_documents()
    assert documents, f"no *.txt in {SOURCES}"
    copied = {}
    for document in documents:
        copied.update(dict.fromkeys(shingles(document.read_text(encoding="utf-8")), document))
    offences = []
    for file, text in our_texts():
        for run in sorted(shingles(text) & copied.keys()):
            offences.append(f"{file}: '{' '.join(run)}' (from {copied[run].name})")
    assert not offences, (
        f"{len(offences)} runs of {RUN} words copied from a source; rewrite them in our own "
        "words or make them a quote:\n" + "\n".join(offences[:50])
    )


def test_the_copy_check_finds_a_copied_run():
    sentence = "one two three four five six seven eight nine ten eleven twelve thirteen"
    assert shingles(sentence) & shingles("Before: " + sentence.upper() + " after")
    assert not shingles("too short to match")


# Real addresses ------------------------------------------------------------------------

ADDRESS = re.compile(r"https?://[^\s|)>\]]+")


def test_every_address_in_the_data_is_copied_exactly_from_facts_web():
    """Addresses come from facts-web.md, the list of addresses read on public pages, letter
    for letter: a guessed or 'tidied' address (https for http, a slash added) fails."""
    facts_web = SOURCES / "facts-web.md"
    source_documents()  # skips, or fails in CI, when the source documents are not here
    known = set(ADDRESS.findall(facts_web.read_text(encoding="utf-8")))
    used = {(file, url) for file, _key, text in data_strings() for url in ADDRESS.findall(text)}
    assert used, "no address in the data: this test would check nothing"
    unknown = sorted(f"{file}: {url}" for file, url in used if url not in known)
    assert not unknown, "addresses not found word for word in facts-web.md:\n" + "\n".join(unknown)


def test_the_address_check_tells_a_near_copy_from_the_real_one():
    known = set(ADDRESS.findall("| x | http://hmprg.org/Programs/Integration+Playbook | y |"))
    assert "http://hmprg.org/Programs/Integration+Playbook" in known
    assert "https://hmprg.org/Programs/Integration+Playbook" not in known
    assert "http://hmprg.org/Programs/Integration+Playbook/" not in known


def test_sources_and_resources_with_a_known_address_carry_it(playbook):
    """facts-web.md gives these addresses, so the data must use them."""
    assert playbook.sources["hmprg-integrated-care-playbook"].url
    assert playbook.sources["hmprg-learning-collaborative"].url
    assert playbook.sources["ipi-business-case"].url
    assert playbook.sources["delta-center-updates"].url
    assert playbook.resources["new-hampshire-sb-403"].url
    # ...and these are not known, so they must stay without one.
    for resource in ["delta-center-phase-1-evaluation", "delta-center-phase-2-evaluation"]:
        assert playbook.resources[resource].url is None, resource
    for resource in ["michigan-ccbhc-chc-agreement", "new-hampshire-vermont-joint-statement"]:
        assert playbook.resources[resource].url is None, resource
    assert playbook.sources["delta-center-playbook"].url is None
    assert playbook.sources["c4-countycare-collaborative"].url is None


# Traceability and honest states ------------------------------------------------------


def test_every_theme_strategy_story_and_quote_says_where_in_its_source_it_is(playbook):
    located = [
        *playbook.themes.values(),
        *playbook.strategies.values(),
        *playbook.stories.values(),
        *playbook.quotes.values(),
    ]
    assert all(record.locator.strip() for record in located)
    for theme in playbook.themes.values():
        if theme.source == DELTA_CENTER:
            assert theme.locator == f"Theme {theme.order}"
            for strategy in theme.strategies:
                assert strategy.locator == f"Theme {theme.order}, strategy {strategy.order}"


def test_only_the_seven_phase_2_states_are_placed_in_a_cohort(playbook):
    grantees = sorted(code for code, state in playbook.states.items() if state.cohorts)
    assert grantees == sorted(PHASE_2_STATES)


def test_illinois_and_california_have_stories_labelled_as_other_initiatives(playbook):
    for code, sources in {
        "IL": {
            "hmprg-learning-collaborative",
            "hmprg-integrated-care-playbook",
            "c4-countycare-collaborative",
        },
        "CA": {"ipi-business-case"},
    }.items():
        stories = playbook.stories_for("state", code)
        assert {story.source for story in stories} == sources, code
        assert not any(playbook.from_delta_center(story) for story in stories), code
        assert not any(story.cohort for story in stories), code
        assert playbook.state_standing(code).kind == "other", code
    themes = {s.theme for s in playbook.stories.values() if not playbook.from_delta_center(s)}
    assert len(themes) >= 2, "the other initiatives' stories illustrate more than one theme"


def test_only_delta_center_sources_are_marked_as_such(playbook):
    marked = sorted(s.id for s in playbook.sources.values() if s.delta_center)
    assert marked == ["delta-center-playbook", "delta-center-updates"]


def test_the_associations_shown_are_those_a_source_names(playbook):
    named = {code: s.associations for code, s in playbook.states.items() if s.associations}
    assert named["OK"] == [
        "Oklahoma Primary Care Association",
        "Oklahoma Behavioral Health Association",
    ]
    assert set(named) == {"CA", "IL", "LA", "MS", "NY", "OK"}
    # facts-web.md: no page names the associations of these Phase 2 states
    for code in ["AK", "KS", "NH", "PA"]:
        assert code not in named, code
