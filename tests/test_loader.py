"""Reading YAML: every node keeps its line, and unreadable files get plain messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.content.loader import MAX_FILE_BYTES, LineDict, LineList, load_yaml


def read(tmp_path: Path, content: str | bytes):
    path = tmp_path / "file.yml"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return load_yaml(path, "playbook_data/file.yml")


def messages(problems) -> list[str]:
    return [str(p) for p in problems]


def test_mappings_and_lists_remember_their_lines(tmp_path):
    data, problems = read(tmp_path, "# comment\ntitle: A\nitems:\n  - one\n  - key: two\n")
    assert problems == []
    assert isinstance(data, LineDict) and isinstance(data["items"], LineList)
    assert data.line_of("title") == 2
    assert data.line_of("items") == 3
    assert data["items"].line_of(0) == 4
    assert data["items"].line_of(1) == 5
    assert data["items"][1].line_of("key") == 5


def test_a_byte_order_mark_is_ignored(tmp_path):
    data, problems = read(tmp_path, "\ufefftitle: A\n")
    assert problems == [] and data == {"title": "A"}


def test_a_duplicate_key_is_an_error_naming_both_lines(tmp_path):
    data, problems = read(tmp_path, "title: A\nsummary: B\ntitle: C\n")
    assert data == {"title": "A", "summary": "B"}
    assert messages(problems) == [
        "playbook_data/file.yml:3: title: the field 'title' appears twice in the same record "
        "(first on line 1)\n"
        "    hint: keep one of the two lines; YAML would silently keep only the last"
    ]


def test_tabs_used_for_indentation_are_reported_line_by_line(tmp_path):
    data, problems = read(tmp_path, "a:\n\tb: 1\nc: 'tab\tinside text is fine'\n\td: 2\n")
    assert data is None
    assert messages(problems) == [
        f"playbook_data/file.yml:{line}: a tab is used for indentation\n"
        "    hint: YAML indents with spaces only: replace the tab with spaces"
        for line in (2, 4)
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "title: A\nsummary: Kansas: a law\n",
            "playbook_data/file.yml:2: the YAML is malformed: mapping values are not allowed "
            "in this context\n    hint: a value that contains ': ' must be put in quotes",
        ),
        (
            "title: 'not closed\nsummary: B\n",
            "playbook_data/file.yml:1: the YAML is malformed: a quote that opens on this line "
            "is never closed\n    hint: end the value with the same quote mark it starts with "
            "(' or \")",
        ),
        (
            "items:\n  - a\n - b\n",
            "playbook_data/file.yml:3: the YAML is malformed: did not find expected key\n"
            "    hint: check that the fields of a record are indented by the same number of "
            "spaces",
        ),
    ],
    ids=["colon-in-value", "unclosed-quote", "bad-indentation"],
)
def test_malformed_yaml_names_the_line_and_a_likely_fix(tmp_path, content, expected):
    data, problems = read(tmp_path, content)
    assert data is None
    assert messages(problems) == [expected]


@pytest.mark.parametrize("content", ["", "\n\n", "# only a comment\n"])
def test_an_empty_file_is_an_error(tmp_path, content):
    data, problems = read(tmp_path, content)
    assert data is None
    assert messages(problems) == [
        "playbook_data/file.yml:1: the file is empty\n"
        "    hint: add content to it, or delete the file"
    ]


def test_a_file_that_is_not_utf8_names_the_line_of_the_bad_byte(tmp_path):
    data, problems = read(tmp_path, b"title: A\nsummary: caf\xe9\n")
    assert data is None
    assert messages(problems) == [
        "playbook_data/file.yml:2: the file is not UTF-8 text (byte 0xe9 on line 2)\n"
        "    hint: save the file with the UTF-8 encoding (in VS Code: 'Save with Encoding', "
        "then 'UTF-8')"
    ]


def test_a_huge_file_is_refused_before_parsing(tmp_path):
    data, problems = read(tmp_path, "a: " + "x" * MAX_FILE_BYTES)
    assert data is None
    assert messages(problems) == [
        f"playbook_data/file.yml:1: the file is too large ({MAX_FILE_BYTES + 3:,} bytes; at most "
        f"{MAX_FILE_BYTES:,})\n    hint: split it into several smaller files"
    ]


def test_a_field_name_that_is_not_text_is_an_error(tmp_path):
    _data, problems = read(tmp_path, "title: A\n2023: B\n")
    assert messages(problems) == [
        "playbook_data/file.yml:2: the field name 2023 is not text\n"
        "    hint: field names are words such as `title:`; put this one in quotes if it is "
        "meant as text"
    ]
