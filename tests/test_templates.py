"""Every data file starts with its schema line and ends with a commented template record to
copy. The template is generated from the model, so it cannot fall behind it: uncommented, it
is a record with exactly the model's fields, in order, that the model accepts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from macros.content.kinds import KINDS, kind_for
from macros.editor.fields import field_docs
from macros.editor.scaffold_text import TEMPLATE_MARKER, commented_template, template_model

DATA = ROOT / "playbook_data"
DATA_FILES = sorted(DATA.rglob("*.yml"))
RECORD_LINE = re.compile(r"^# +(- )?[a-z_]+:( |$)")


def template_record(text: str) -> dict:
    """What an editor gets from the template at the end of `text`: the lines from its first
    field on, each with its first '# ' removed, read as YAML."""
    lines = text.rstrip("\n").split("\n")
    markers = [i for i, line in enumerate(lines) if line.startswith(TEMPLATE_MARKER)]
    assert len(markers) == 1, "exactly one template block"
    block = lines[markers[0] + 1 :]
    first = next(i for i, line in enumerate(block) if RECORD_LINE.match(line))
    assert all(line.startswith("# ") for line in block), "the template is all comments"
    record = yaml.safe_load("\n".join(line[2:] for line in block[first:]))
    if isinstance(record, list):  # an item of a list (collections, a theme's strategies)
        assert len(record) == 1
        record = record[0]
    return record


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_the_template_of_each_kind_has_exactly_the_models_fields(kind):
    record_model = template_model(kind)
    record = template_record(commented_template(kind))
    assert list(record) == [doc.name for doc in field_docs(record_model)]
    record_model.model_validate(record)  # copied as it is, it is a valid record


def test_a_theme_files_template_is_a_key_strategy_and_a_storys_a_whole_story():
    assert template_model(KINDS[[k.name for k in KINDS].index("theme")]).__name__ == "Strategy"
    story = commented_template(next(k for k in KINDS if k.name == "story"))
    assert "# id: kansas-licensure-billing " in story
    assert "# theme: relationship-building                  # required: Id of the theme" in story


@pytest.mark.parametrize(
    "path", DATA_FILES, ids=[p.relative_to(DATA).as_posix() for p in DATA_FILES]
)
def test_every_data_file_starts_with_its_schema_and_ends_with_its_template(path: Path):
    kind = kind_for(path.relative_to(DATA).as_posix())
    text = path.read_text(encoding="utf-8")
    first = text.split("\n", 1)[0]
    schema = first.removeprefix("# yaml-language-server: $schema=")
    assert (
        schema
        == Path("../" * (len(path.relative_to(DATA).parts)) + "schemas")
        .joinpath(f"{kind.name}.schema.json")
        .as_posix()
    )
    assert (path.parent / schema).resolve().is_file()
    assert text.endswith("\n\n" + commented_template(kind))
    record = template_record(text)
    assert list(record) == [doc.name for doc in field_docs(template_model(kind))]


def test_playbook_schema_adds_a_missing_template_and_renews_a_stale_one(project):
    project.path.joinpath(".vscode").mkdir()
    quotes = project.data / "quotes.yml"
    original = quotes.read_text(encoding="utf-8")
    story = project.data / "stories" / "kansas-story.yml"
    story.write_text(
        story.read_text(encoding="utf-8")
        + f"\n\n{TEMPLATE_MARKER} for a new story (old)\n# id: x  # an old field list\n",
        encoding="utf-8",
    )
    check = project.playbook("schema", "--check")
    assert check.returncode == 1
    assert "  playbook_data/quotes.yml\n" in check.stdout
    assert "  playbook_data/stories/kansas-story.yml\n" in check.stdout

    result = project.playbook("schema")
    assert result.returncode == 0, result.stderr
    assert "wrote playbook_data/quotes.yml\n" in result.stdout
    assert quotes.read_text(encoding="utf-8") == (
        "# yaml-language-server: $schema=../schemas/quote.schema.json\n"
        + original.rstrip("\n")
        + "\n\n"
        + commented_template(kind_for("quotes.yml"))
    )
    text = story.read_text(encoding="utf-8")
    assert text.endswith("source: test-source\n\n" + commented_template(kind_for("stories/x.yml")))
    assert "(old)" not in text
    assert project.playbook("schema", "--check").returncode == 0
    assert project.problems() == []
    assert project.playbook("schema").stdout == "The schemas and templates were up to date.\n"


def test_playbook_schema_never_touches_a_template_block_with_real_lines_in_it(project):
    glossary = project.data / "glossary.yml"
    text = (
        glossary.read_text(encoding="utf-8")
        + f"\n{TEMPLATE_MARKER} for a new glossary term\n  - id: uncommented\n"
    )
    glossary.write_text(text, encoding="utf-8")
    result = project.playbook("schema")
    assert result.returncode == 1
    assert result.stderr == (
        "Left as they are:\n  playbook_data/glossary.yml: below '# ---- Template' there are "
        "lines that are not comments; move them above the template block\n"
    )
    assert glossary.read_text(encoding="utf-8") == text
