"""Robustness: a corpus of broken inputs, each run through the `playbook` command as an editor
runs it. Every one gets its exact message (file:line: field: message + hint), a non-zero exit
and no traceback, from `playbook validate` and from `playbook build`; and a build that fails
leaves an existing site exactly as it was, byte for byte.

Text that looks like HTML or template syntax is not broken: it is accepted, and shown as
the text it is.

A failing build stops at the content check, before MkDocs starts, so the whole corpus goes
through both commands in this process (the command's `main(argv)`), in a few seconds. One
case also goes through the installed command in its own process, against a real built site.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Project

STORY = "stories/kansas-story.yml"
THEME = "themes/01-first.yml"
S = "playbook_data/stories/kansas-story.yml"
T = "playbook_data/themes/01-first.yml"
HUGE = "summary: " + "x" * 1_000_100 + "\n"

Change = Callable[[Project], None]


def edit(file: str, old: str, new: str) -> Change:
    return lambda project: project.edit(file, old, new)


def write(file: str, content: str | bytes) -> Change:
    return lambda project: project.write(file, content)


def delete(file: str) -> Change:
    return lambda project: (project.data / file).unlink()


def case(name: str, change: Change, *problems: str):
    return pytest.param(change, list(problems), id=name)


STATE_HINT = "    hint: use the two-letter USPS code in capitals, for example 'KS' for Kansas"
URL_HINT = (
    "    hint: links start with https:// (or http://), for example 'https://example.org/report'"
)
UTF8_HINT = (
    "    hint: save the file with the UTF-8 encoding (in VS Code: 'Save with Encoding', "
    "then 'UTF-8')"
)
EMPTY = f"{S}:1: the file is empty\n    hint: add content to it, or delete the file"

CORPUS = [
    # Malformed YAML
    case(
        "colon-in-value",
        edit(STORY, "summary: Kansas passed a law.", "summary: Kansas: a law."),
        f"{S}:8: the YAML is malformed: mapping values are not allowed in this context\n"
        "    hint: a value that contains ': ' must be put in quotes",
    ),
    case(
        "unclosed-quote",
        edit(STORY, "title: Kansas passes a law", "title: 'Kansas passes a law"),
        f"{S}:2: the YAML is malformed: a quote that opens on this line is never closed\n"
        "    hint: end the value with the same quote mark it starts with (' or \")",
    ),
    case(
        "unclosed-list",
        edit(STORY, "states: [KS]", "states: [KS"),
        f"{S}:3: the YAML is malformed: a list that opens with '[' on this line is never "
        "closed\n    hint: close it with ']' and separate the items with commas, for example "
        "[KS, MO]",
    ),
    case(
        "bad-indentation",
        edit(THEME, "  - id: second-strategy", " - id: second-strategy"),
        f"{T}:18: the YAML is malformed: did not find expected key\n"
        "    hint: check that the fields of a record are indented by the same number of spaces",
    ),
    case(
        "undefined-alias",
        edit(STORY, "title: Kansas passes a law", "title: *law"),
        f"{S}:2: the YAML is malformed: found undefined alias\n"
        "    hint: remove the '*' at the start of the value, or put it in quotes",
    ),
    case(
        "tab-indentation",
        edit(THEME, "    order: 2", "\torder: 2"),
        f"{T}:19: a tab is used for indentation\n"
        "    hint: YAML indents with spaces only: replace the tab with spaces",
    ),
    # Duplicate keys
    case(
        "duplicate-key",
        edit(STORY, "year: 2023", "year: 2023\nyear: 2024"),
        f"{S}:8: year: the field 'year' appears twice in the same record (first on line 7)\n"
        "    hint: keep one of the two lines; YAML would silently keep only the last",
    ),
    case(
        "duplicate-key-in-a-strategy",
        edit(
            THEME, "    title: The second strategy", "    title: The second strategy\n    title: B"
        ),
        f"{T}:21: title: the field 'title' appears twice in the same record (first on line 20)\n"
        "    hint: keep one of the two lines; YAML would silently keep only the last",
    ),
    # Wrong types
    case(
        "number-expected",
        edit(STORY, "year: 2023", "year: twenty"),
        f"{S}:7: year: expected a whole number, got 'twenty'\n"
        "    hint: write digits only, for example 2023",
    ),
    case(
        "yes-read-as-true",
        edit(STORY, "title: Kansas passes a law", "title: yes"),
        f"{S}:2: title: expected text, got true (a yes/no value)\n"
        "    hint: YAML reads yes, no, on and off as true/false: put the text in quotes",
    ),
    case(
        "list-expected",
        edit(STORY, "policy_areas: [telehealth]", "policy_areas: telehealth"),
        f"{S}:6: policy_areas: expected a list, got 'telehealth'\n"
        "    hint: write each item on its own line starting with '- ', or use [a, b]",
    ),
    case(
        "text-expected-got-a-list",
        edit(STORY, "summary: Kansas passed a law.", "summary: [a, b]"),
        f"{S}:8: summary: expected text, got a list\n    hint: put the value in quotes",
    ),
    case(
        "bad-date",
        edit("playbook.yml", "date: 2025-01-31", "date: 31/01/2025"),
        "playbook_data/playbook.yml:5: date: expected a date, got '31/01/2025'\n"
        "    hint: write the date as YYYY-MM-DD, for example 2024-03-01",
    ),
    case(
        "year-out-of-range",
        edit(STORY, "year: 2023", "year: 1850"),
        f"{S}:7: year: 1850 is too small: the smallest allowed is 1990",
    ),
    case(
        "list-item-not-a-record",
        edit("glossary.yml", "  - id: pca", "  - just a word\n  - id: pca"),
        "playbook_data/glossary.yml:2: terms[1]: expected a record of `field: value` lines, "
        "got 'just a word'",
    ),
    case(
        "file-is-a-list-not-a-record",
        write(STORY, "- id: kansas-story\n- title: Kansas\n"),
        f"{S}:1: expected fields at the top of the file, got a list",
    ),
    case(
        "field-name-not-text",
        edit(STORY, "year: 2023", "2023: year"),
        f"{S}:7: the field name 2023 is not text\n    hint: field names are words such as "
        "`title:`; put this one in quotes if it is meant as text",
    ),
    # Unknown and missing fields
    case(
        "misspelt-field",
        edit(STORY, "title: Kansas passes a law", "titel: Kansas passes a law"),
        f"{S}:1: title: the required field 'title' is missing\n"
        "    hint: add `title:` with a value to this record",
        f"{S}:2: titel: unknown field 'titel'\n    hint: Did you mean 'title'? valid fields "
        "include: body, cohort, id, locator, policy_areas, resources, source, states, strategy, "
        "summary, theme, title, … (13 in all)",
    ),
    case(
        "unknown-field-in-a-strategy",
        edit(THEME, "    title: The second strategy", "    title: The second strategy\n    x: 1"),
        f"{T}:21: strategies[2].x: unknown field 'x'\n"
        "    hint: Valid fields: approaches, approaches_intro, description, id, locator, order, "
        "title",
    ),
    case(
        "missing-field",
        edit(STORY, "summary: Kansas passed a law.\n", ""),
        f"{S}:1: summary: the required field 'summary' is missing\n"
        "    hint: add `summary:` with a value to this record",
    ),
    case(
        "list-key-misspelt",
        edit("quotes.yml", "quotes:", "quote:"),
        "playbook_data/quotes.yml:1: quote: unknown top-level key 'quote'\n"
        "    hint: this file holds one list, under `quotes:`",
        "playbook_data/quotes.yml:1: quotes: the list `quotes:` is missing",
    ),
    case(
        "missing-playbook-file",
        delete("playbook.yml"),
        "playbook_data/playbook.yml:1: the file is missing\n"
        "    hint: create it with the playbook's title, subtitle, publisher, version and date",
    ),
    case(
        "file-of-no-kind",
        write("notes.yml", "a: 1\n"),
        "playbook_data/notes.yml:1: this file is not part of the playbook's content\n"
        "    hint: content files are: playbook.yml, sources.yml, cohorts.yml, states.yml, "
        "policy_areas.yml, themes/*.yml, stories/*.yml, quotes.yml, resources.yml, "
        "glossary.yml; move or rename the file",
    ),
    # Duplicate ids and positions
    case(
        "duplicate-id-across-files",
        edit("stories/gulf-story.yml", "id: gulf-story", "id: kansas-story"),
        f"{S}:1: id: the story id 'kansas-story' is used twice (first in "
        "playbook_data/stories/gulf-story.yml:1)\n    hint: give each record its own id",
    ),
    case(
        "duplicate-id-in-a-list",
        edit("resources.yml", "id: unlinked-report", "id: linked-report"),
        "playbook_data/resources.yml:6: resources[2].id: the resource id 'linked-report' is "
        "used twice (first in playbook_data/resources.yml:2)\n"
        "    hint: give each record its own id",
    ),
    case(
        "duplicate-strategy-order",
        edit(THEME, "    order: 2", "    order: 1"),
        f"{T}:19: strategies[2].order: the strategy order '1' is used twice (first in {T}:10)\n"
        "    hint: give each one its own position number",
    ),
    # Dangling references
    case(
        "unknown-theme",
        edit(STORY, "theme: first-theme", "theme: frist-theme"),
        f"{S}:4: theme: unknown theme 'frist-theme'\n"
        "    hint: Did you mean 'first-theme'? valid themes: first-theme, second-theme",
    ),
    case(
        "strategy-of-another-theme",
        edit(STORY, "strategy: first-strategy", "strategy: third-strategy"),
        f"{S}:5: strategy: the strategy 'third-strategy' belongs to the theme 'second-theme', "
        "not 'first-theme'\n    hint: change `theme:` or `strategy:` so that they match",
    ),
    case(
        "unknown-source",
        edit("quotes.yml", "    source: test-source", "    source: nowhere"),
        "playbook_data/quotes.yml:8: quotes[1].source: unknown source 'nowhere'\n"
        "    hint: Valid sources: test-source",
    ),
    case(
        "unknown-policy-area",
        edit(STORY, "policy_areas: [telehealth]", "policy_areas: [tele-health]"),
        f"{S}:6: policy_areas[1]: unknown policy area 'tele-health'\n"
        "    hint: Did you mean 'telehealth'? valid policy areas: telehealth",
    ),
    case(
        "unknown-resource",
        edit(STORY, "source: test-source", "source: test-source\nresources: [missing-report]"),
        f"{S}:12: resources[1]: unknown resource 'missing-report'\n"
        "    hint: Did you mean 'linked-report'? valid resources: linked-report, unlinked-report",
    ),
    case(
        "unknown-cohort",
        edit("states.yml", "cohorts: [phase-2]", "cohorts: [phase-9]"),
        "playbook_data/states.yml:4: states[1].cohorts[1]: unknown cohort 'phase-9'\n"
        "    hint: Did you mean 'phase-2'? valid cohorts: phase-2",
    ),
    # Bad state codes
    case(
        "state-name-instead-of-code",
        edit(STORY, "states: [KS]", "states: [Kansas]"),
        f"{S}:3: states[1]: 'Kansas' is not a state code\n{STATE_HINT}",
    ),
    case(
        "lowercase-state-code",
        edit("quotes.yml", "state: KS", "state: ks"),
        f"playbook_data/quotes.yml:5: quotes[1].state: 'ks' is not a state code\n{STATE_HINT}",
    ),
    case(
        "state-not-in-the-list",
        edit(STORY, "states: [KS]", "states: [KS, TX]"),
        f"{S}:3: states[2]: unknown state 'TX'\n    hint: Valid states: KS, LA, MS",
    ),
    # Bad addresses and ids
    case(
        "javascript-url",
        edit("resources.yml", "url: https://example.org/report", "url: javascript:alert(1)"),
        "playbook_data/resources.yml:4: resources[1].url: 'javascript:alert(1)' is not a web "
        f"address\n{URL_HINT}",
    ),
    case(
        "url-without-scheme",
        edit("resources.yml", "url: https://example.org/report", "url: example.org/report"),
        "playbook_data/resources.yml:4: resources[1].url: 'example.org/report' is not a web "
        f"address\n{URL_HINT}",
    ),
    case(
        "bad-id",
        edit(STORY, "id: kansas-story", "id: Kansas Story"),
        f"{S}:1: id: 'Kansas Story' is not a valid id\n    hint: ids use lowercase letters, "
        "digits and single hyphens, at most 80 characters, for example "
        "'kansas-licensure-billing'",
    ),
    # Text limits
    case(
        "text-too-long",
        edit(STORY, "summary: Kansas passed a law.", "summary: " + "x" * 601),
        f"{S}:8: summary: this text is too long (601 characters; at most 600)\n"
        "    hint: shorten it",
    ),
    case(
        "blank-text",
        edit(STORY, "summary: Kansas passed a law.", 'summary: "  "'),
        f"{S}:8: summary: this text is empty\n"
        "    hint: write the text, or remove the field if optional",
    ),
    case(
        "title-on-two-lines",
        edit(STORY, "title: Kansas passes a law", "title: |\n  Kansas passes\n  a law"),
        f"{S}:2: title: this text must be on one line\n    hint: remove the line breaks (a long "
        "value can continue on the next line if the field starts with `>-`)",
    ),
    # Empty, not UTF-8, too large
    case("empty-file", write(STORY, ""), EMPTY),
    case("only-comments", write(STORY, "# nothing yet\n"), EMPTY),
    case(
        "latin-1-byte",
        write(STORY, b"id: kansas-story\ntitle: Caf\xe9 law\n"),
        f"{S}:2: the file is not UTF-8 text (byte 0xe9 on line 2)\n{UTF8_HINT}",
    ),
    case(
        "utf-16-file",
        write(STORY, "id: kansas-story\n".encode("utf-16")),
        f"{S}:1: the file is not UTF-8 text (byte 0xff on line 1)\n{UTF8_HINT}",
    ),
    case(
        "huge-file",
        write(STORY, HUGE),
        f"{S}:1: the file is too large (1,000,110 bytes; at most 1,000,000)\n"
        "    hint: split it into several smaller files",
    ),
]


def report(problems: list[str]) -> str:
    """What both commands print: every problem, between a count and what to do next."""
    noun = "problem" if len(problems) == 1 else "problems"
    return (
        f"The playbook content has {len(problems)} {noun}:\n\n"
        + "\n".join(problems)
        + "\n\nNothing was built. Fix the lines above, then run the command again "
        "(a preview rebuilds by itself when you save).\n"
    )


def digest(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder`, with a hash of each file's bytes."""
    return {
        p.relative_to(folder).as_posix(): (
            hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
        )
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture
def published(tmp_path) -> Path:
    """A site already published, which a broken build must leave as it is."""
    site = tmp_path / "published" / "site"
    (site / "themes").mkdir(parents=True)
    (site / "index.html").write_text("<h1>The playbook</h1>\n", encoding="utf-8")
    (site / "themes" / "index.html").write_text("<h1>Themes</h1>\n", encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def built_site(tmp_path_factory) -> Path:
    """A site built from the valid fixture."""
    root = tmp_path_factory.mktemp("built")
    site = root / "site"
    result = Project(root / "project").playbook("build", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    return site


def test_the_corpus_covers_at_least_thirty_broken_inputs():
    assert len(CORPUS) >= 30
    assert len({param.id for param in CORPUS}) == len(CORPUS)


@pytest.mark.parametrize(("change", "problems"), CORPUS)
def test_a_broken_input_is_reported_exactly_by_validate_and_build(
    project, published, change, problems
):
    change(project)
    before = digest(published.parent)

    validate = project.main("validate")  # a traceback would fail the test here
    assert (validate.returncode, validate.stderr) == (1, "")
    assert validate.stdout == report(problems)

    build = project.main("build", "--site-dir", str(published))
    assert (build.returncode, build.stdout) == (1, "")
    assert build.stderr == report(problems)
    assert digest(published.parent) == before  # the site, and nothing left beside it


@pytest.mark.build
def test_the_installed_command_reports_a_broken_input_and_leaves_a_built_site(project, built_site):
    """The same, through the `playbook` command in a process of its own, as an editor runs
    it, against a site that a real build made."""
    change, problems = CORPUS[0].values
    change(project)
    before = digest(built_site.parent)
    for command, out, err in (("validate", "stdout", "stderr"), ("build", "stderr", "stdout")):
        result = project.playbook(
            command, *(["--site-dir", str(built_site)] * (command == "build"))
        )
        assert result.returncode == 1
        assert getattr(result, out) == report(problems)
        assert getattr(result, err) == ""
    assert digest(built_site.parent) == before


@pytest.mark.parametrize(("change", "problems"), CORPUS[:3])
def test_the_other_formats_report_the_same_problems(project, change, problems):
    change(project)
    as_json = project.main("validate", "--format", "json")
    assert (as_json.returncode, as_json.stderr) == (1, "")
    found = json.loads(as_json.stdout)
    assert [f"{p['file']}:{p['line']}: " for p in found] == [
        p.split(" ")[0] + " " for p in problems
    ]
    github = project.main("validate", "--format", "github")
    assert (github.returncode, github.stderr) == (1, "")
    assert github.stdout.count("::error file=") == len(problems)


# Not broken: text that looks like markup or a template is the editor's text, shown as such.
LOOKALIKES = {
    "quote": ("quotes.yml", "Working together was worth it.", "It was <b>worth</b> {{ 7*7 }}."),
    "term": (
        "glossary.yml",
        "A membership organisation of primary care providers.",
        "A <script>alert('term')</script> group {% if x %}of providers{% endif %}.",
    ),
    "resource": ("resources.yml", "A linked report", "A <img src=x onerror=alert(1)> report"),
    "policy area": (
        "policy_areas.yml",
        "Paying for and regulating telehealth.",
        '"Paying for {# not a comment #} telehealth <iframe src=//example.org></iframe>."',
        # (quoted: in YAML, ' #' outside quotes starts a comment)
    ),
    "story summary": (
        STORY,
        "summary: Kansas passed a law.",
        "summary: Kansas passed ${{ secrets.TOKEN }} and {{ config.site_name }}.",
    ),
}


def _with_lookalikes(project: Project) -> None:
    for file, old, new in LOOKALIKES.values():
        project.edit(file, old, new)


def test_markup_and_template_syntax_in_text_are_accepted(project):
    _with_lookalikes(project)
    result = project.main("validate")
    assert result.returncode == 0, result.stdout
    assert result.stdout == "All good: 2 themes, 3 key strategies, 2 stories, 1 quotes.\n"


@pytest.mark.build
def test_markup_and_template_syntax_in_text_are_shown_as_written(project, tmp_path):
    _with_lookalikes(project)
    site = tmp_path / "site"
    result = project.playbook("build", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    pages = {p: p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    everything = "\n".join(pages.values())
    for raw in ("<b>worth</b>", "<script>alert('term')", "<img src=x", "<iframe src"):
        assert raw not in everything, raw
    expected = {
        "themes/first-theme/index.html": "It was &lt;b&gt;worth&lt;/b&gt; {{ 7*7 }}.",
        "glossary/index.html": "{% if x %}of providers{% endif %}",
        "resources/index.html": "A &lt;img src=x onerror=alert(1)&gt; report",
        "policy-areas/telehealth/index.html": "Paying for {# not a comment #} telehealth",
        "states/kansas/index.html": "Kansas passed ${{ secrets.TOKEN }} and {{ config.site_name }}",
    }
    for page, text in expected.items():
        assert text in html.unescape(pages[site / page]) or text in pages[site / page], page
    glossary = pages[site / "glossary" / "index.html"]
    assert "A &lt;script&gt;alert(" in glossary
