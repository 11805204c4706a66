"""A data file holds data and at most its schema line: no template block to keep up to date.
Templates for new records come from the models (`playbook new`, the field reference, the
JSON Schemas), and a record written by hand, without any comment, is valid as it is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros.content import model
from macros.content.kinds import kind_for
from macros.editor.fields import documented_kinds, field_docs
from macros.editor.scaffold_text import SCHEMA_COMMENT, record_to_copy
from macros.editor.schema import schema_file
from tests.helpers import MINIMAL, ROOT, Project

DATA = ROOT / "playbook_data"
DATA_FILES = sorted([*DATA.rglob("*.yml"), *MINIMAL.rglob("*.yml")])
# A field of a record, commented out: what a template block was made of.
COMMENTED_FIELD = re.compile(r"^\s*#\s*(- )?[a-z_]+: ")


@pytest.mark.parametrize(
    "path", DATA_FILES, ids=[p.relative_to(ROOT).as_posix() for p in DATA_FILES]
)
def test_no_data_file_carries_a_template_block(path: Path):
    text = path.read_text(encoding="utf-8")
    assert "# ---- Template" not in text
    commented = [line for line in text.splitlines() if COMMENTED_FIELD.match(line)]
    assert commented == []


@pytest.mark.parametrize(
    "path", DATA_FILES, ids=[p.relative_to(ROOT).as_posix() for p in DATA_FILES]
)
def test_a_schema_line_when_there_is_one_names_the_schema_of_its_kind(path: Path):
    data_dir = next(parent for parent in path.parents if parent.name == "playbook_data")
    relative = path.relative_to(data_dir)
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    if not first.startswith(SCHEMA_COMMENT):
        return
    kind = kind_for(relative.as_posix())
    depth = "../" * len(relative.parts)
    assert first == f"{SCHEMA_COMMENT}{depth}schemas/{schema_file(kind)}"
    if data_dir == DATA:
        assert (path.parent / first.removeprefix(SCHEMA_COMMENT)).resolve().is_file()


def test_a_story_written_by_hand_without_any_comment_validates(project: Project):
    project.write(
        "stories/louisiana-by-hand.yml",
        "id: louisiana-by-hand\n"
        "title: Louisiana writes a story by hand\n"
        "states: [LA]\n"
        "theme: second-theme\n"
        "summary: Written on the GitHub web editor, with no template and no comment.\n"
        "body: It is valid as it is.\n"
        "source: test-source\n"
        "locator: Part 2\n",
    )
    assert project.problems() == []
    result = project.main("validate")
    assert (result.returncode, result.stdout) == (
        0,
        "All good: 2 themes, 3 key strategies, 3 stories, 1 quotes.\n",
    )


def test_the_committed_schemas_stay_current_whatever_the_data_files_hold(project: Project):
    """`playbook schema --check` is about the schemas and the models, not the data files."""
    for name in ("schemas", ".vscode"):
        (project.path / name).symlink_to(ROOT / name)
    story = project.data / "stories" / "kansas-story.yml"
    story.write_text("# a comment of the editor's own\n" + story.read_text(encoding="utf-8"))
    result = project.main("schema", "--check")
    assert (result.returncode, result.stdout) == (0, "The schemas match the content model.\n")


MODELS = [record_model for _kind, record_model in documented_kinds()]


@pytest.mark.parametrize("record_model", MODELS, ids=[m.__name__ for m in MODELS])
def test_the_record_to_copy_has_every_field_with_a_valid_example(record_model):
    kind = next((k for k, m in documented_kinds() if m is record_model), None)
    item = kind is None or kind.is_collection
    text = record_to_copy(record_model, item=item)
    record = yaml.safe_load(text)
    if item:
        assert isinstance(record, list) and len(record) == 1
        record = record[0]
    assert list(record) == [doc.name for doc in field_docs(record_model)]
    record_model.model_validate(record)  # copied as it is, it is a valid record
    own = re.compile(r"^  (- |  )[a-z_]+:" if item else r"^[a-z_]+:")  # not a nested record's
    lines = [line for line in text.split("\n") if own.match(line)]
    for line, doc in zip(lines, field_docs(record_model), strict=True):
        assert line.endswith("# required" if doc.required else "# optional"), line


def test_a_story_copied_from_the_field_reference_validates_in_the_real_content(tmp_path):
    project = Project(tmp_path / "project", data=DATA)
    story = record_to_copy(model.Story, item=False)
    project.write(
        "stories/copied.yml",
        story.replace("id: kansas-licensure-billing", "id: copied-from-the-reference"),
    )
    assert project.problems() == []
