"""The adversarial corpus (tests/safety_corpus.py): every input gets its exact message or its
exact safe output, never a traceback, and never the text of a file outside the project.

Content cases run in this process through the build's own check (`BuildContext.load`, which
`playbook validate` and `playbook build` both use); a sample also runs through the
`playbook validate` command. Output cases call the one escaping or rendering function of
their context.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from macros.content.problems import ContentError, format_text
from macros.pages import open_data
from macros.render import escape
from macros.render.markdown import ProseRenderer
from macros.site.build_context import BuildContext
from tests.helpers import Project
from tests.safety_corpus import (
    CONTENT_CASES,
    CSV_CASES,
    PROSE_CASES,
    TEXT_CASES,
    UNSAFE_URLS,
    URL_CASES,
)

SECRET = "TOP-SECRET-VALUE"


def test_the_corpus_holds_at_least_150_cases_with_distinct_names():
    cases = [CONTENT_CASES, PROSE_CASES, TEXT_CASES, URL_CASES, UNSAFE_URLS, CSV_CASES]
    assert sum(len(c) for c in cases) >= 150
    names = [name for name, _change, _problems in CONTENT_CASES]
    assert len(names) == len(set(names))


def apply(project: Project, change: tuple, outside: Path) -> None:
    kind, *args = change
    if kind == "edit":
        project.edit(*args)
    elif kind == "write":
        project.write(*args)
    elif kind == "several":
        for each in args:
            apply(project, each, outside)
    elif kind == "delete":
        for file in args:
            (project.data / file).unlink()
    elif kind == "symlink":
        link, target = args
        targets = {
            "OUTSIDE": outside / "secret.yml",
            "DANGLING": outside / "missing.yml",
            "FOLDER": outside,
        }
        (project.data / link).symlink_to(targets.get(target, project.data / target))
    else:  # pragma: no cover - a mistake in the corpus
        raise ValueError(kind)


@pytest.fixture
def changed(tmp_path):
    """A copy of the minimal fixture, and a folder outside it holding a secret."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yml").write_text(f"id: kansas-story\nsecret: {SECRET}\n", "utf-8")
    project = Project(tmp_path / "project")
    return lambda change: (apply(project, change, outside), project)[1]


def problems_of(project: Project) -> list[str]:
    try:
        BuildContext.load(project.path)
    except ContentError as error:
        return [str(p) for p in error.problems]
    return []


@pytest.mark.parametrize(
    ("change", "expected"),
    [pytest.param(change, problems, id=name) for name, change, problems in CONTENT_CASES],
)
def test_each_content_case_gets_its_exact_problems(changed, change, expected):
    found = problems_of(changed(change))
    assert found == expected
    assert all(SECRET not in problem for problem in found)


SAMPLE = [c for i, c in enumerate(CONTENT_CASES) if i % 9 == 0 and c[2]]


@pytest.mark.parametrize(
    ("change", "expected"),
    [pytest.param(change, problems, id=name) for name, change, problems in SAMPLE],
)
def test_the_validate_command_reports_them_without_a_traceback(changed, change, expected):
    result = changed(change).main("validate")
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout == format_text(expected) + "\n"  # the report, from its lines


@pytest.mark.parametrize(("text", "html", "messages"), PROSE_CASES, ids=range(len(PROSE_CASES)))
def test_editors_markdown_renders_to_its_exact_safe_html(text, html, messages):
    renderer = ProseRenderer({"PCA": "primary care association"})
    assert renderer.html(text) == html
    assert [p.message for p in renderer.problems(text)] == messages


@pytest.mark.parametrize(
    ("text", "markdown", "html", "front_matter"), TEXT_CASES, ids=range(len(TEXT_CASES))
)
def test_plain_text_is_escaped_for_each_context(text, markdown, html, front_matter):
    assert escape.md_text(text) == markdown
    assert escape.html_text(text) == html
    assert escape.front_matter(text) == front_matter


@pytest.mark.parametrize(("url", "target", "href"), URL_CASES, ids=range(len(URL_CASES)))
def test_addresses_are_parsed_and_written_again(url, target, href):
    assert escape.link_target(url) == target
    assert escape.href(url) == href


@pytest.mark.parametrize("url", UNSAFE_URLS)
def test_unsafe_addresses_are_refused(url):
    with pytest.raises(escape.UnsafeURL):
        escape.link_target(url)


@pytest.mark.parametrize(("cell", "written"), CSV_CASES, ids=range(len(CSV_CASES)))
def test_spreadsheet_formulas_become_text(cell, written):
    assert open_data.spreadsheet_safe(cell) == written


def test_stories_csv_holds_no_formula(project):
    project.edit(
        "stories/kansas-story.yml",
        "title: Kansas passes a law",
        'title: \'=HYPERLINK("https://evil.example","Kansas")\'',
    )
    project.edit("stories/kansas-story.yml", "summary: Kansas passed a law.", "summary: +1+2")
    context = BuildContext.load(project.path)
    rows = list(csv.DictReader(io.StringIO(open_data.stories_csv(context.playbook))))
    kansas = next(row for row in rows if row["id"] == "kansas-story")
    assert kansas["title"] == '\'=HYPERLINK("https://evil.example","Kansas")'
    assert kansas["summary"] == "'+1+2"
    # playbook.json keeps the text as written: it is data, not a spreadsheet.
    assert '"title": "=HYPERLINK(' in open_data.playbook_json(context.playbook)


def test_an_unreadable_file_is_a_problem_not_a_traceback(project, monkeypatch):
    story = project.data / "stories" / "kansas-story.yml"
    read_bytes = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path == story:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert problems_of(project) == [
        "playbook_data/stories/kansas-story.yml:1: the file cannot be read (permission denied)"
        "\n    hint: check that it is a plain file you may read (its permissions)"
    ]


def test_an_unreadable_folder_is_a_problem(project, monkeypatch):
    import os

    stories = project.data / "stories"
    scandir = os.scandir

    def refuse(path):
        if Path(path) == stories:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    assert problems_of(project)[0] == (
        "playbook_data/stories:1: this folder cannot be read\n    hint: check its permissions"
    )


def test_a_value_the_checks_did_not_foresee_is_a_problem_not_a_traceback(project, monkeypatch):
    from macros.content import loader

    def unforeseen(self, node):
        raise ValueError("a constructor failed")

    monkeypatch.setattr(loader._Loader, "construct_document", unforeseen)
    assert problems_of(project)[0] == (
        "playbook_data/cohorts.yml:1: the YAML holds a value that cannot be read\n"
        "    hint: write values plainly: text (in quotes if need be), whole numbers, dates as "
        "YYYY-MM-DD"
    )


def test_markdown_too_deep_for_the_renderer_is_a_problem_not_a_traceback(monkeypatch):
    renderer = ProseRenderer()

    def too_deep(text):
        raise RecursionError

    monkeypatch.setattr(renderer._md, "convert", too_deep)
    assert renderer.html("a <b>") == "<p>a &lt;b&gt;</p>"
    assert [(p.message, p.hint) for p in renderer.problems("a <b>")] == [
        (
            "this text is nested too deeply to show",
            "use at most 8 levels of lists and quotes inside one another",
        )
    ]
