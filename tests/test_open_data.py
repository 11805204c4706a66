"""Open data: playbook.json holds every record; stories.csv has one row per story with the ids
and names of its theme, strategy, states and policy areas. Both are built on every build."""

from __future__ import annotations

import csv
import io
import json

import pytest

from macros.content.validate import load_playbook
from macros.pages import open_data
from tests.helpers import MINIMAL, ROOT


@pytest.fixture(scope="module")
def minimal():
    return load_playbook(MINIMAL)


@pytest.fixture(scope="module")
def real():
    return load_playbook(ROOT / "playbook_data")


def rows(pb) -> list[dict]:
    return list(csv.DictReader(io.StringIO(open_data.stories_csv(pb), newline="")))


def test_the_csv_has_one_row_per_story_with_ids_and_names(minimal):
    assert rows(minimal) == [
        {
            "id": "kansas-story",
            "title": "Kansas passes a law",
            "summary": "Kansas passed a law.",
            "year": "2023",
            "theme_id": "first-theme",
            "theme": "The first theme",
            "strategy_id": "first-strategy",
            "strategy": "The first strategy",
            "state_codes": "KS",
            "states": "Kansas",
            "cohort_id": "",
            "cohort": "",
            "policy_area_ids": "telehealth",
            "policy_areas": "Telehealth",
            "resource_ids": "",
            "source_id": "test-source",
            "source": "Test source",
            "locator": "Part 1, the Kansas example",
            "delta_center": "yes",
        },
        {
            "id": "gulf-story",
            "title": "Louisiana and Mississippi work together",
            "summary": "Two states shared a plan.",
            "year": "",
            "theme_id": "second-theme",
            "theme": "The second theme",
            "strategy_id": "third-strategy",
            "strategy": "The third strategy",
            "state_codes": "LA; MS",
            "states": "Louisiana; Mississippi",
            "cohort_id": "",
            "cohort": "",
            "policy_area_ids": "",
            "policy_areas": "",
            "resource_ids": "",
            "source_id": "test-source",
            "source": "Test source",
            "locator": "Part 2, section 1",
            "delta_center": "yes",
        },
    ]


def test_the_csv_matches_the_real_stories(real):
    table = rows(real)
    assert [r["id"] for r in table] == list(real.stories)
    for row in table:
        story = real.stories[row["id"]]
        assert row["theme"] == real.themes[story.theme].title
        assert row["state_codes"].split("; ") == (story.states or [""])
        assert row["states"] == "; ".join(real.states[c].name for c in story.states)
        assert row["policy_areas"] == "; ".join(
            real.policy_areas[a].name for a in story.policy_areas
        )
        if story.strategy:
            assert row["strategy"] == real.strategies[story.strategy].title
        assert row["locator"] == story.locator
        assert row["delta_center"] == ("yes" if real.from_delta_center(story) else "no")


def test_the_json_holds_every_record_of_every_kind(real):
    data = json.loads(open_data.playbook_json(real))
    assert data["playbook"]["title"] == real.info.title
    assert data["playbook"]["date"] == real.info.date.isoformat()
    counts = {
        "sources": real.sources,
        "cohorts": real.cohorts,
        "states": real.states,
        "policy_areas": real.policy_areas,
        "themes": real.themes,
        "stories": real.stories,
        "quotes": real.quotes,
        "resources": real.resources,
        "glossary": real.terms,
    }
    for key, records in counts.items():
        assert len(data[key]) == len(records), key
    assert [s["id"] for s in data["stories"]] == list(real.stories)
    assert [t["id"] for t in data["themes"]] == list(real.themes)
    first = data["themes"][0]
    assert [s["id"] for s in first["strategies"]] == [
        s.id for s in real.ordered_strategies(real.themes[first["id"]])
    ]
    story = real.stories[data["stories"][0]["id"]]
    assert data["stories"][0]["body"] == story.body


def test_the_files_are_the_same_bytes_on_every_run(minimal):
    again = load_playbook(MINIMAL)
    assert open_data.files(minimal) == open_data.files(again)
    assert '"date": "2025-01-31"' in open_data.playbook_json(minimal)


@pytest.mark.build
def test_the_built_site_offers_the_open_data_and_the_about_page_links_to_it(real_site, real):
    data = json.loads((real_site / "playbook.json").read_text(encoding="utf-8"))
    assert len(data["stories"]) == len(real.stories)
    assert (real_site / "stories.csv").read_bytes() == open_data.stories_csv(real).encode()
    about = (real_site / "about" / "index.html").read_text(encoding="utf-8")
    assert 'href="../playbook.json"' in about
    assert 'href="../stories.csv"' in about
