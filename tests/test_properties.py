"""Property-based tests (Hypothesis): data files made from the minimal fixture, changed at
random, as a careless editor or an attacker would, must never crash the checks; whenever
they pass, the build passes, and what it writes holds nothing that could run.

Bounded to stay quick in CI: the examples are derandomised (the same every run) and few;
the build property, which builds a whole site per example, is marked `build`.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from macros.content.problems import ContentError
from macros.site.build_context import BuildContext
from macros.site.publish import build_into
from tests.helpers import MINIMAL, ROOT
from tests.page_scan import scan

# Fields of the minimal fixture: (file, path to the value, kind of value).
TEXT_FIELDS = [
    ("playbook.yml", ("subtitle",)),
    ("sources.yml", ("sources", 0, "title")),
    ("sources.yml", ("sources", 0, "short_title")),
    ("sources.yml", ("sources", 0, "facts", 0)),
    ("cohorts.yml", ("cohorts", 0, "name")),
    ("states.yml", ("states", 0, "name")),
    ("policy_areas.yml", ("policy_areas", 0, "name")),
    ("themes/01-first.yml", ("title",)),
    ("themes/01-first.yml", ("tagline",)),
    ("themes/01-first.yml", ("strategies", 0, "title")),
    ("stories/kansas-story.yml", ("title",)),
    ("stories/kansas-story.yml", ("summary",)),
    ("quotes.yml", ("quotes", 0, "text")),
    ("quotes.yml", ("quotes", 0, "attribution")),
    ("resources.yml", ("resources", 0, "title")),
    ("glossary.yml", ("terms", 0, "definition")),
]
MARKDOWN_FIELDS = [
    ("playbook.yml", ("summary",)),
    ("playbook.yml", ("funding_statement",)),
    ("sources.yml", ("sources", 0, "summary")),
    ("themes/01-first.yml", ("intro",)),
    ("themes/01-first.yml", ("strategies", 0, "description")),
    ("themes/01-first.yml", ("strategies", 0, "approaches", 0)),
    ("stories/kansas-story.yml", ("body",)),
    ("policy_areas.yml", ("policy_areas", 0, "description")),
]
URL_FIELDS = [("resources.yml", ("resources", 0, "url"))]
ANY_FIELDS = [
    *TEXT_FIELDS,
    *MARKDOWN_FIELDS,
    *URL_FIELDS,
    ("stories/kansas-story.yml", ("year",)),
    ("stories/kansas-story.yml", ("states",)),
    ("stories/kansas-story.yml", ("id",)),
    ("themes/01-first.yml", ("strategies", 1, "id")),
    ("themes/01-first.yml", ("order",)),
    ("playbook.yml", ("date",)),
]

PIECES = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"', "'", "<", ">", "&",
    "&#106;", "&#x09;", "javascript:", "java\tscript:", "data:text/html,", "//evil.example/",
    "\\\\evil.example", "[x](", ")", "![i](", "{: onclick=y }", "{{ 7*7 }}", "{% raw %}",
    "# ", "- ", "> ", "1. ", "*", "_", "`", "|", "\n", "\n\n", "    ", "PCA", "https://ok.example/a",
    "mailto:a@example.org", "#key-strategies", "=1+2", "\u202e", "\u200b", "\x07", "\r",
]  # fmt: skip
HOSTILE_TEXT = st.lists(st.sampled_from(PIECES) | st.text(max_size=12), max_size=8).map("".join)
# Hostile but mostly valid: no control or direction characters; line breaks in Markdown only.
_PRINTABLE = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=12)
_VALID_PIECES = [p for p in PIECES if p not in ("\x07", "\r", "\u202e", "\n", "\n\n")]
ONE_LINE = st.lists(st.sampled_from(_VALID_PIECES) | _PRINTABLE, min_size=1, max_size=8).map(
    "".join
)
MARKDOWN = st.lists(
    st.sampled_from([*_VALID_PIECES, "\n", "\n\n"]) | _PRINTABLE, min_size=1, max_size=10
).map("".join)
URLS = st.sampled_from(
    [
        "https://example.org/a?b=1&c=2",
        "https://example.org/)<script>alert(1)</script>",
        'https://example.org/"onmouseover="x',
        "javascript:alert(1)",
        "https://user@example.org/",
        "https://[2001:db8::1]/x",
        "https://example.org:99999/",
        "http://example.org/a b",
    ]
) | st.text(max_size=30)
ANY_VALUE = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats()
    | st.dates(min_value=dt.date(1, 1, 1))
    | HOSTILE_TEXT,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
YAML_SNIPPETS = [
    "!!int x", "!!bool maybe", "&a", "*a", "<<: *a", "? [a]", "\t", "{", "[", "0x1F", "33:42",
    "2026-02-30", "!!set {a}", ": :", "- - -", "'", '"', "\x07", "\ufeff", "9" * 40, "~",
]  # fmt: skip


def _fixture() -> dict[str, object]:
    return {
        p.relative_to(MINIMAL).as_posix(): yaml.safe_load(p.read_text("utf-8"))
        for p in sorted(MINIMAL.rglob("*.yml"))
    }


def _set(data: dict, file: str, path: tuple, value: object) -> None:
    node = data[file]
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value


def _dump(value: object) -> str:
    try:
        return yaml.safe_dump(value, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:  # a value PyYAML cannot write (a lone surrogate)
        return yaml.safe_dump(str(value).encode("utf-8", "replace").decode(), allow_unicode=True)


def changes(fields, values):
    return st.lists(st.tuples(st.sampled_from(fields), values), min_size=1, max_size=4)


def write_project(folder: Path, edits, raw_edits=()) -> Path:
    """A project with the real configuration and the fixture's data, changed."""
    project = folder / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "overrides").symlink_to(ROOT / "overrides")
    (project / "macros").symlink_to(ROOT / "macros")
    data = _fixture()
    for (file, path), value in edits:
        _set(data, file, path, value)
    for file, content in data.items():
        target = project / "playbook_data" / file
        target.parent.mkdir(parents=True, exist_ok=True)
        text = _dump(content)
        for name, line, snippet in raw_edits:
            if name == file:
                lines = text.splitlines(keepends=True)
                lines.insert(line % (len(lines) + 1), snippet + "\n")
                text = "".join(lines)
        target.write_text(text, encoding="utf-8")
    return project


def check(project: Path) -> BuildContext | None:
    """The build's own check: the checked content, or None after a ContentError whose
    problems each name a file and a line. Any other exception fails the test."""
    try:
        return BuildContext.load(project)
    except ContentError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file and problem.line >= 1
            assert "\n" not in problem.message, problem.message
            assert "Traceback" not in str(problem)
        return None


def bounded(max_examples: int) -> settings:
    return settings(
        max_examples=max_examples,
        derandomize=True,  # the same examples on every run: CI stays reproducible
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@bounded(120)
@given(
    edits=changes(ANY_FIELDS, ANY_VALUE),
    raw_edits=st.lists(
        st.tuples(
            st.sampled_from(sorted(_fixture())),
            st.integers(min_value=0, max_value=30),
            st.sampled_from(YAML_SNIPPETS),
        ),
        max_size=2,
    ),
)
def test_no_change_to_the_data_ever_ends_in_a_traceback(edits, raw_edits):
    with tempfile.TemporaryDirectory() as folder:
        passed = check(write_project(Path(folder), edits, raw_edits)) is not None
        event("checks passed" if passed else "problems reported")


@pytest.mark.build
@bounded(12)
@given(
    edits=st.lists(
        st.tuples(st.sampled_from(TEXT_FIELDS), ONE_LINE)
        | st.tuples(st.sampled_from(MARKDOWN_FIELDS), MARKDOWN)
        | st.tuples(st.sampled_from(URL_FIELDS), URLS),
        min_size=1,
        max_size=6,
    )
)
@example(
    edits=[
        (TEXT_FIELDS[10], '"><img src=x onerror=alert(1)> {: onclick=y }'),
        (MARKDOWN_FIELDS[6], "[a](java&#x09;script:x) ![i](https://evil.example/i.png)"),
        (URL_FIELDS[0], "https://example.org/)<script>alert(1)</script>"),
    ]
)
@example(edits=[(TEXT_FIELDS[9], "<b onclick=x>Strategy</b> & [x](javascript:y)")])
def test_whenever_the_checks_pass_the_build_passes_and_its_pages_are_safe(edits):
    with tempfile.TemporaryDirectory() as folder:
        project = write_project(Path(folder), edits)
        context = check(project)
        event("built" if context else "problems reported")
        if context is None:
            return
        site = Path(folder) / "site"
        assert build_into(context, site)
        findings = {
            p.relative_to(site).as_posix(): scan(p.read_text("utf-8"))
            for p in sorted(site.rglob("*.html"))
        }
        assert {page: found for page, found in findings.items() if found} == {}
