"""Validation: each rule of the content model, and the exact words an editor reads.

Each case breaks one thing in the minimal fixture playbook and states the whole report.
"""

from __future__ import annotations

import pytest

STORY = "stories/kansas-story.yml"
THEME = "themes/01-first.yml"


def test_the_fixture_playbook_is_valid(project):
    assert project.problems() == []


CASES = [
    pytest.param(
        STORY,
        "title: Kansas passes a law",
        "title: Kansas passes a law\ntitel: typo",
        [
            "playbook_data/stories/kansas-story.yml:3: titel: unknown field 'titel'\n"
            "    hint: Did you mean 'title'? valid fields include: body, cohort, id, locator, "
            "policy_areas, resources, source, states, strategy, summary, theme, title, … "
            "(13 in all)"
        ],
        id="unknown-field",
    ),
    pytest.param(
        STORY,
        "locator: Part 1, the Kansas example\n",
        "",
        [
            "playbook_data/stories/kansas-story.yml:1: locator: the required field 'locator' "
            "is missing\n"
            "    hint: add `locator:` with the part of the source this comes from, as a reader "
            "can find it there, for example 'Theme 3, strategy 1'"
        ],
        id="story-without-locator",
    ),
    pytest.param(
        THEME,
        "    locator: Part 1, section 2\n",
        "",
        [
            "playbook_data/themes/01-first.yml:18: strategies[2].locator: the required field "
            "'locator' is missing\n"
            "    hint: add `locator:` with the part of the source this comes from, as a reader "
            "can find it there, for example 'Theme 3, strategy 1'"
        ],
        id="strategy-without-locator",
    ),
    pytest.param(
        "quotes.yml",
        "    locator: Part 1, the quote\n",
        "",
        [
            "playbook_data/quotes.yml:2: quotes[1].locator: the required field 'locator' is "
            "missing\n"
            "    hint: add `locator:` with the part of the source this comes from, as a reader "
            "can find it there, for example 'Theme 3, strategy 1'"
        ],
        id="quote-without-locator",
    ),
    pytest.param(
        "states.yml",
        "    name: Kansas\n",
        "    name: Kansas\n    associations: [Kansas Association]\n",
        [
            "playbook_data/states.yml:4: states[1].associations: the associations do not say "
            "which source names them\n"
            "    hint: add `associations_source:` with the id of the source that names them"
        ],
        id="associations-without-their-source",
    ),
    pytest.param(
        STORY,
        "summary: Kansas passed a law.\n",
        "",
        [
            "playbook_data/stories/kansas-story.yml:1: summary: the required field 'summary' "
            "is missing\n    hint: add `summary:` with a value to this record"
        ],
        id="missing-field",
    ),
    pytest.param(
        STORY,
        "id: kansas-story",
        "id: Kansas Story",
        [
            "playbook_data/stories/kansas-story.yml:1: id: 'Kansas Story' is not a valid id\n"
            "    hint: ids use lowercase letters, digits and single hyphens, at most 80 "
            "characters, for example 'kansas-licensure-billing'"
        ],
        id="bad-slug",
    ),
    pytest.param(
        STORY,
        "theme: first-theme",
        "theme: frist-theme",
        [
            "playbook_data/stories/kansas-story.yml:4: theme: unknown theme 'frist-theme'\n"
            "    hint: Did you mean 'first-theme'? valid themes: first-theme, second-theme"
        ],
        id="unknown-theme",
    ),
    pytest.param(
        STORY,
        "strategy: first-strategy",
        "strategy: third-strategy",
        [
            "playbook_data/stories/kansas-story.yml:5: strategy: the strategy 'third-strategy' "
            "belongs to the theme 'second-theme', not 'first-theme'\n"
            "    hint: change `theme:` or `strategy:` so that they match"
        ],
        id="strategy-of-another-theme",
    ),
    pytest.param(
        STORY,
        "strategy: first-strategy",
        "strategy: frist-strategy",
        [
            "playbook_data/stories/kansas-story.yml:5: strategy: unknown strategy "
            "'frist-strategy'\n    hint: Did you mean 'first-strategy'? valid strategies: "
            "first-strategy, second-strategy, third-strategy"
        ],
        id="unknown-strategy",
    ),
    pytest.param(
        "quotes.yml",
        "theme: first-theme",
        "theme: collective-action",
        [
            "playbook_data/quotes.yml:6: quotes[1].theme: unknown theme 'collective-action'\n"
            "    hint: Valid themes: first-theme, second-theme"
        ],
        id="unknown-theme-of-a-quote",
    ),
    pytest.param(
        STORY,
        "states: [KS]",
        "states: [KS, TX]",
        [
            "playbook_data/stories/kansas-story.yml:3: states[2]: unknown state 'TX'\n"
            "    hint: Valid states: KS, LA, MS"
        ],
        id="unknown-state",
    ),
    pytest.param(
        STORY,
        "states: [KS]",
        "states: [Kansas]",
        [
            "playbook_data/stories/kansas-story.yml:3: states[1]: 'Kansas' is not a state code\n"
            "    hint: use the two-letter USPS code in capitals, for example 'KS' for Kansas"
        ],
        id="state-name-instead-of-code",
    ),
    pytest.param(
        STORY,
        "states: [KS]",
        "states: []",
        [
            "playbook_data/stories/kansas-story.yml:3: states: a story names no state and no "
            "cohort\n    hint: add `states: [XX]` with the state codes, or `cohort:` when the "
            "source names only a group of grantees"
        ],
        id="story-without-state-or-cohort",
    ),
    pytest.param(
        STORY,
        "policy_areas: [telehealth]",
        "policy_areas: telehealth",
        [
            "playbook_data/stories/kansas-story.yml:6: policy_areas: expected a list, got "
            "'telehealth'\n    hint: write each item on its own line starting with '- ', or "
            "use [a, b]"
        ],
        id="list-expected",
    ),
    pytest.param(
        STORY,
        "year: 2023",
        "year: twenty",
        [
            "playbook_data/stories/kansas-story.yml:7: year: expected a whole number, got "
            "'twenty'\n    hint: write digits only, for example 2023"
        ],
        id="number-expected",
    ),
    pytest.param(
        STORY,
        "year: 2023",
        "year: 1850",
        [
            "playbook_data/stories/kansas-story.yml:7: year: 1850 is too small: the smallest "
            "allowed is 1990"
        ],
        id="year-out-of-range",
    ),
    pytest.param(
        STORY,
        "title: Kansas passes a law",
        "title: yes",
        [
            "playbook_data/stories/kansas-story.yml:2: title: expected text, got true (a yes/no "
            "value)\n    hint: YAML reads yes, no, on and off as true/false: put the text in "
            "quotes"
        ],
        id="yes-read-as-true",
    ),
    pytest.param(
        STORY,
        "title: Kansas passes a law",
        "title: |\n  Kansas passes\n  a law",
        [
            "playbook_data/stories/kansas-story.yml:2: title: this text must be on one line\n"
            "    hint: remove the line breaks (a long value can continue on the next line if the "
            "field starts with `>-`)"
        ],
        id="title-on-two-lines",
    ),
    pytest.param(
        STORY,
        "summary: Kansas passed a law.",
        "summary: " + "x" * 601,
        [
            "playbook_data/stories/kansas-story.yml:8: summary: this text is too long (601 "
            "characters; at most 600)\n    hint: shorten it"
        ],
        id="text-too-long",
    ),
    pytest.param(
        STORY,
        "summary: Kansas passed a law.",
        'summary: "  "',
        [
            "playbook_data/stories/kansas-story.yml:8: summary: this text is empty\n"
            "    hint: write the text, or remove the field if optional"
        ],
        id="empty-text",
    ),
    pytest.param(
        STORY,
        "summary: Kansas passed a law.",
        "summary: 'FILL IN: One sentence, shown on cards and lists.'",
        [
            "playbook_data/stories/kansas-story.yml:8: summary: this is still a placeholder: "
            "'FILL IN: One sentence, shown on cards and lists.'\n"
            "    hint: replace it, from FILL IN to the end of the text, with your own words; the "
            "comment above the field says what to write"
        ],
        id="placeholder-left",
    ),
    pytest.param(
        "resources.yml",
        "url: https://example.org/report",
        "url: javascript:alert(1)",
        [
            "playbook_data/resources.yml:4: resources[1].url: 'javascript:alert(1)' is not a "
            "web address\n    hint: links start with https:// (or http://), for example "
            "'https://example.org/report'"
        ],
        id="bad-url",
    ),
    pytest.param(
        THEME,
        "  - id: second-strategy\n    order: 2",
        "  - id: second-strategy\n    order: 1",
        [
            "playbook_data/themes/01-first.yml:19: strategies[2].order: the strategy order '1' "
            "is used twice (first in playbook_data/themes/01-first.yml:10)\n"
            "    hint: give each one its own position number"
        ],
        id="duplicate-order-within-theme",
    ),
    pytest.param(
        "themes/02-second.yml",
        "order: 2",
        "order: 1",
        [
            "playbook_data/themes/02-second.yml:2: order: the theme order '1' is used twice "
            "(first in playbook_data/themes/01-first.yml:2)\n"
            "    hint: give each one its own position number"
        ],
        id="duplicate-theme-order",
    ),
    pytest.param(
        "stories/gulf-story.yml",
        "id: gulf-story",
        "id: kansas-story",
        [
            "playbook_data/stories/kansas-story.yml:1: id: the story id 'kansas-story' is used "
            "twice (first in playbook_data/stories/gulf-story.yml:1)\n"
            "    hint: give each record its own id"
        ],
        id="duplicate-id-across-files",
    ),
    pytest.param(
        THEME,
        "    title: The first strategy",
        "    title: The first strategy\n    colour: red",
        [
            "playbook_data/themes/01-first.yml:12: strategies[1].colour: unknown field 'colour'\n"
            "    hint: Valid fields: approaches, approaches_intro, description, id, locator, "
            "order, title"
        ],
        id="unknown-field-in-nested-record",
    ),
    pytest.param(
        "playbook.yml",
        "date: 2025-01-31",
        "date: 31/01/2025",
        [
            "playbook_data/playbook.yml:5: date: expected a date, got '31/01/2025'\n"
            "    hint: write the date as YYYY-MM-DD, for example 2024-03-01"
        ],
        id="bad-date",
    ),
    pytest.param(
        "sources.yml",
        "kind: publication",
        "kind: book",
        [
            "playbook_data/sources.yml:7: sources[1].kind: 'book' is not one of the allowed "
            "values\n    hint: use one of: 'publication', 'collaborative' or 'web page'"
        ],
        id="value-not-allowed",
    ),
    pytest.param(
        "states.yml",
        "states:",
        "state:",
        [
            "playbook_data/states.yml:1: state: unknown top-level key 'state'\n"
            "    hint: this file holds one list, under `states:`",
            "playbook_data/states.yml:1: states: the list `states:` is missing",
        ],
        id="collection-key-misspelt",
    ),
    pytest.param(
        "glossary.yml",
        "  - id: pca",
        "  - just a word\n  - id: pca",
        [
            "playbook_data/glossary.yml:2: terms[1]: expected a record of `field: value` lines, "
            "got 'just a word'"
        ],
        id="list-item-not-a-record",
    ),
    pytest.param(
        STORY,
        "title: Kansas passes a law",
        "title: Kansas passes a law\ntitle: Kansas again",
        [
            "playbook_data/stories/kansas-story.yml:3: title: the field 'title' appears twice "
            "in the same record (first on line 2)\n"
            "    hint: keep one of the two lines; YAML would silently keep only the last"
        ],
        id="duplicate-key",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), CASES)
def test_a_broken_record_gets_an_exact_message(project, file, old, new, expected):
    project.edit(file, old, new)
    assert project.problems() == expected


def test_only_a_delta_center_source_can_place_a_story_in_a_cohort(project):
    project.edit("sources.yml", "    delta_center: true\n", "")
    project.edit(STORY, "states: [KS]\n", "states: [KS]\ncohort: phase-2\n")
    assert project.problems() == [
        "playbook_data/stories/kansas-story.yml:4: cohort: a story from 'test-source' names "
        "a Delta Center cohort, but that source is not about the Delta Center\n"
        "    hint: remove `cohort:`: only a Delta Center source can say that a state was a "
        "grantee"
    ]


def test_all_problems_are_reported_at_once(project):
    project.edit(STORY, "states: [KS]", "states: [XX]")
    project.write("themes/03-broken.yml", "id: broken\n\tnope\n")
    project.write("notes.yml", "a: 1\n")
    assert [p.split("\n")[0] for p in project.problems()] == [
        "playbook_data/notes.yml:1: this file is not part of the playbook's content",
        "playbook_data/stories/kansas-story.yml:3: states[1]: unknown state 'XX'",
        "playbook_data/themes/03-broken.yml:2: a tab is used for indentation",
    ]


def test_a_reference_into_a_broken_file_is_not_reported_twice(project):
    project.edit(THEME, "title: The first theme", "title: [not, text]")
    assert [p.split("\n")[0] for p in project.problems()] == [
        "playbook_data/themes/01-first.yml:3: title: expected text, got a list"
    ]


def test_a_missing_playbook_file_is_reported(project):
    (project.data / "playbook.yml").unlink()
    assert project.problems() == [
        "playbook_data/playbook.yml:1: the file is missing\n"
        "    hint: create it with the playbook's title, subtitle, publisher, version and date"
    ]


def test_an_empty_list_file_is_allowed(project):
    project.write("quotes.yml", "quotes:\n")
    assert project.problems() == []


def test_a_long_list_of_valid_ids_is_shortened_in_the_hint(project):
    states = "states:\n" + "".join(
        f"  - code: A{c}\n    name: State {c}\n" for c in "BCDEFGHIJKLMNOP"
    )
    project.write("states.yml", states + "  - code: KS\n    name: Kansas\n")
    project.edit("stories/gulf-story.yml", "states: [LA, MS]", "states: [KS]")
    project.edit(STORY, "states: [KS]", "states: [AX]")
    assert project.problems() == [
        "playbook_data/stories/kansas-story.yml:3: states[1]: unknown state 'AX'\n"
        "    hint: Valid states include: AB, AC, AD, AE, AF, AG, AH, AI, AJ, AK, AL, AM, … "
        "(16 in all)"
    ]
