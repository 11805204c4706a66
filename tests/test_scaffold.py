"""`playbook new`: a commented record in the right place, with a unique id, valid but for
the FILL IN texts it asks for (which validation names until they are replaced); unknown
states, themes and strategies refused with the valid ones, and nothing written."""

from __future__ import annotations

import re

import pytest

NEXT_STEPS = (
    "\nOptional fields are commented out: remove the '# ' in front of one to use it.\n"
    "Then check with `playbook validate` and preview with `make serve`.\n"
)
LEFT_TO_FILL_HINT = (
    "\n    hint: replace it, from FILL IN to the end of the text, with your own words; the "
    "comment above the field says what to write"
)


def placeholders_left(project, *results) -> tuple[list[str], list[str]]:
    """Where validation finds a problem, all of them the placeholder's, and where the
    commands said to fill in (`file:line`, sorted)."""
    to_fill = [
        place
        for result in results
        for place in re.findall(r"^  (\S+:\d+): \w+$", result.stdout, flags=re.MULTILINE)
    ]
    problems = project.problems()
    for problem in problems:
        assert ": this is still a placeholder: 'FILL IN: " in problem, problem
        assert problem.endswith(LEFT_TO_FILL_HINT), problem
    return sorted(p.split(": ", 1)[0] for p in problems), sorted(to_fill)


def test_a_new_story_is_a_commented_file_named_after_its_state(project):
    result = project.main("new", "story", "--state", "ks", "--theme", "second-theme")
    story = "playbook_data/stories/kansas-second-theme.yml"
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"Created {story}: new story 'kansas-second-theme'.\n\n"
        f"Fill in next:\n  {story}:9: title\n  {story}:24: summary\n  {story}:26: body\n"
        f"  {story}:31: locator\n" + NEXT_STEPS
    )
    text = (project.path / story).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../schemas/story.schema.json"
    assert lines[7:9] == [
        "# Short headline. (required, at most 300 characters)",
        "title: 'FILL IN: Short headline.'",
    ]
    assert "states: [KS]" in lines
    assert "theme: second-theme" in lines
    assert "# year: 2023" in lines  # optional fields: commented out, with an example
    assert lines[15:18] == [  # the strategy to choose is one of the theme's
        "# Id of the key strategy (within the theme). (optional) The key strategies of",
        "# second-theme: third-strategy.",
        "# strategy: third-strategy",
    ]
    assert "source: test-source" in lines  # the playbook's first source
    assert text.endswith("# resources: [delta-center-phase-2-evaluation]\n")  # no template
    # Until each placeholder is replaced, validation names it: none can be published.
    assert project.problems() == [
        f"{story}:9: title: this is still a placeholder: 'FILL IN: Short headline.'"
        + LEFT_TO_FILL_HINT,
        f"{story}:24: summary: this is still a placeholder: 'FILL IN: One-sentence summary "
        "for cards and lists.'" + LEFT_TO_FILL_HINT,
        f"{story}:26: body: this is still a placeholder: 'FILL IN: The story, in our own words "
        "(Markdown).'" + LEFT_TO_FILL_HINT,
        f"{story}:31: locator: this is still a placeholder: 'FILL IN: Where in the source the "
        "story is told.'" + LEFT_TO_FILL_HINT,
    ]


def test_a_second_story_for_the_same_state_and_theme_gets_its_own_id(project):
    first = project.main("new", "story", "--state", "KS", "--theme", "first-theme", check=True)
    result = project.main("new", "story", "--state", "KS", "--theme", "first-theme")
    assert result.stdout.startswith(
        "Created playbook_data/stories/kansas-first-theme-2.yml: new story 'kansas-first-theme-2'."
    )
    found, to_fill = placeholders_left(project, first, result)
    assert to_fill and found == to_fill


def test_a_story_with_a_title_strategy_and_two_states(project):
    result = project.main(
        "new",
        "story",
        "--state",
        "LA",
        "--state",
        "MS",
        "--theme",
        "second-theme",
        "--strategy",
        "third-strategy",
        "--title",
        "Louisiana and Mississippi share a plan",
    )
    path = project.data / "stories" / "louisiana-and-mississippi-share-a-plan.yml"
    assert result.returncode == 0, result.stderr
    lines = path.read_text(encoding="utf-8").splitlines()
    assert "title: Louisiana and Mississippi share a plan" in lines
    assert "states: [LA, MS]" in lines
    assert "strategy: third-strategy" in lines
    found, to_fill = placeholders_left(project, result)
    assert to_fill and found == to_fill


REFUSALS = [
    pytest.param(
        ["story", "--state", "TX", "--theme", "first-theme"],
        "playbook new story: unknown state 'TX' for --state.\nValid states: KS, LA, MS\n",
        id="unknown-state",
    ),
    pytest.param(
        ["story", "--state", "KS", "--theme", "collective-action"],
        "playbook new story: unknown theme 'collective-action' for --theme.\n"
        "Valid themes: first-theme, second-theme\n",
        id="unknown-theme",
    ),
    pytest.param(
        ["story", "--state", "KS", "--theme", "first-theme", "--strategy", "third-strategy"],
        "playbook new story: unknown strategy 'third-strategy' for --strategy. Did you mean "
        "'first-strategy'?\nValid strategies of the theme 'first-theme': first-strategy, "
        "second-strategy\n",
        id="strategy-of-another-theme",
    ),
    pytest.param(
        ["story", "--theme", "first-theme"],
        "playbook new story: give --state (for example --state KS), or --cohort\n",
        id="no-state",
    ),
    pytest.param(
        ["story", "--state", "KS", "--theme", "first-theme", "--source", "test-sauce"],
        "playbook new story: unknown source 'test-sauce' for --source. Did you mean "
        "'test-source'?\nValid sources: test-source\n",
        id="unknown-source",
    ),
    pytest.param(
        ["story", "--state", "KS", "--theme", "first-theme", "--id", "kansas-story"],
        "playbook new story: the id 'kansas-story' is already used; choose another --id\n",
        id="id-taken",
    ),
    pytest.param(
        ["quote", "--theme", "nope"],
        "playbook new quote: unknown theme 'nope' for --theme.\n"
        "Valid themes: first-theme, second-theme\n",
        id="quote-unknown-theme",
    ),
    pytest.param(
        ["strategy", "--theme", "third-theme"],
        "playbook new strategy: unknown theme 'third-theme' for --theme. Did you mean "
        "'first-theme'?\nValid themes: first-theme, second-theme\n",
        id="strategy-unknown-theme",
    ),
    pytest.param(
        ["term", "--term", "pca"],
        "playbook new term: the term 'pca' is already in the glossary\n",
        id="term-exists",
    ),
]


@pytest.mark.parametrize(("args", "message"), REFUSALS)
def test_unknown_names_are_refused_with_the_valid_ones_and_nothing_is_written(
    project, args, message
):
    before = {p: p.read_bytes() for p in project.data.rglob("*") if p.is_file()}
    result = project.main("new", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == message + "Nothing was written.\n"
    assert {p: p.read_bytes() for p in project.data.rglob("*") if p.is_file()} == before


def test_a_new_strategy_goes_at_the_end_of_its_theme_with_the_next_order(project):
    result = project.main("new", "strategy", "--theme", "first-theme", "--title", "Meet often")
    theme = "playbook_data/themes/01-first.yml"
    assert result.stdout == (
        f"Added to {theme}: new strategy 'meet-often'.\n\n"
        f"Fill in next:\n  {theme}:28: locator\n  {theme}:30: description\n" + NEXT_STEPS
    )
    lines = (project.path / theme).read_text(encoding="utf-8").splitlines()
    assert lines[22:25] == ["  - id: meet-often", "    order: 3", "    title: Meet often"]
    found, to_fill = placeholders_left(project, result)
    assert to_fill and found == to_fill


def test_quote_resource_and_term_are_added_to_their_lists(project):
    quote = project.main(
        "new",
        "quote",
        "--state",
        "KS",
        "--theme",
        "first-theme",
        "--attribution",
        "Kansas team",
        check=True,
    )
    resource = project.main(
        "new",
        "resource",
        "--title",
        "A toolkit",
        "--url",
        "https://example.org/toolkit",
        "--theme",
        "first-theme",
        check=True,
    )
    result = project.main("new", "term", "--term", "FQHC", check=True)
    assert result.stdout.startswith(
        "Added to playbook_data/glossary.yml: new term 'fqhc'.\n\n"
        "Fill in next:\n  playbook_data/glossary.yml:11: definition\n"
    )
    quotes = (project.data / "quotes.yml").read_text(encoding="utf-8")
    assert "  - id: kansas-first-theme-quote\n" in quotes
    assert "    text: 'FILL IN: The words quoted, without quotation marks.'\n" in quotes
    resources = (project.data / "resources.yml").read_text(encoding="utf-8")
    assert "  - id: a-toolkit\n    title: A toolkit\n    url: https://example.org/toolkit\n" in (
        resources
    )
    found, to_fill = placeholders_left(project, quote, resource, result)
    assert to_fill and found == to_fill


@pytest.mark.parametrize(
    "kind, args",
    [
        ("quote", ["--state", "KS", "--theme", "first-theme"]),
        ("term", ["--term", "ABC"]),
        ("strategy", ["--theme", "first-theme"]),
    ],
)
def test_a_second_record_can_be_added_before_the_first_is_filled_in(project, kind, args):
    """A record still holding placeholders is known to `playbook new`: its id is taken and
    its theme still there, for the next one."""
    first = project.main("new", kind, *args, check=True)
    second = project.main("new", kind, *(["--term", "XYZ"] if kind == "term" else args))
    assert second.returncode == 0, second.stderr
    ids = re.findall(rf"new {kind} '([\w-]+)'", first.stdout + second.stdout)
    assert len(ids) == 2 and ids[0] != ids[1]
    story = project.main("new", "story", "--state", "KS", "--theme", "first-theme")
    assert story.returncode == 0, story.stderr  # the theme is still known
    found, to_fill = placeholders_left(project, first, second, story)
    assert to_fill and found == to_fill


def test_a_new_record_goes_in_beside_problems_the_file_already_has(project):
    """Those are the editor's to fix; `playbook new` adds its record and leaves them."""
    quotes = project.data / "quotes.yml"
    quotes.write_text(
        quotes.read_text(encoding="utf-8").replace("state: KS", "state: TX", 1), encoding="utf-8"
    )
    before = project.problems()
    assert before  # the unknown state
    result = project.main("new", "quote", "--state", "KS", "--theme", "first-theme")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert set(before) <= set(project.problems())
