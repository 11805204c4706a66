"""Editor support: the JSON Schemas are current, wired to the data files, and agree with
the validator on what is right and what is wrong."""

from __future__ import annotations

import json
from pathlib import Path

import fastjsonschema
import pytest
import yaml

from macros.content.kinds import KINDS, kind_for
from macros.editor.schema import render_all, schema_file, stale_files, vscode_associations
from tests.helpers import MINIMAL, ROOT, run_main


def _validator(kind):
    return fastjsonschema.compile(json.loads(render_all()[schema_file(kind)]))


def _as_json(path: Path):
    """YAML as an editor's tool reads it: dates are text (YAML 1.2)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, default=lambda v: v.isoformat()))


def test_the_committed_schemas_match_the_models():
    result = run_main("--project", str(ROOT), "schema", "--check")
    assert result.stdout == "The schemas match the content model.\n", result.stdout
    assert result.returncode == 0


def test_a_stale_schema_is_named_with_the_command_that_fixes_it(tmp_path):
    (tmp_path / "schemas").mkdir()
    for name, text in render_all().items():
        (tmp_path / "schemas" / name).write_text(text, encoding="utf-8")
    (tmp_path / "schemas" / "story.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".vscode").mkdir()
    (tmp_path / ".vscode" / "settings.json").write_text(
        json.dumps({"yaml.schemas": vscode_associations()}), encoding="utf-8"
    )
    result = run_main("--project", str(tmp_path), "schema", "--check")
    assert result.returncode == 1
    assert result.stdout == (
        "These files do not match the content model:\n  schemas/story.schema.json\n"
        "Run `playbook schema` (or `make schema`) and commit the result.\n"
    )
    assert run_main("--project", str(tmp_path), "schema").stdout == (
        "wrote schemas/story.schema.json\n"
    )
    assert stale_files(tmp_path) == []


def test_vscode_checks_every_kind_of_data_file_with_its_schema():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    associations = settings["yaml.schemas"]
    assert len(associations) == len(KINDS)
    for kind in KINDS:
        assert associations[f"./schemas/{schema_file(kind)}"] == [f"playbook_data/{kind.pattern}"]
        assert (ROOT / "schemas" / schema_file(kind)).is_file()


DATA_FILES = sorted(
    [*MINIMAL.rglob("*.yml"), *(ROOT / "playbook_data").rglob("*.yml")],
    key=lambda p: p.as_posix(),
)


@pytest.mark.parametrize(
    "path", DATA_FILES, ids=[p.relative_to(ROOT).as_posix() for p in DATA_FILES]
)
def test_every_data_file_is_accepted_by_its_schema(path):
    data_dir = next(parent for parent in path.parents if parent.name == "playbook_data")
    kind = kind_for(path.relative_to(data_dir).as_posix())
    _validator(kind)(_as_json(path))


@pytest.mark.parametrize(
    ("kind_name", "data", "message"),
    [
        (
            "story",
            {
                "id": "x",
                "title": "T",
                "theme": "t",
                "summary": "S",
                "body": "B",
                "source": "s",
                "locator": "L",
                "titel": "typo",
            },
            "data must not contain {'titel'} properties",
        ),
        (
            "story",
            {"id": "x", "title": "T", "theme": "t", "summary": "S", "body": "B", "source": "s"},
            "data must contain ['locator'] properties",
        ),
        (
            "story",
            {
                "id": "x",
                "title": "T",
                "theme": "t",
                "summary": "S",
                "body": "B",
                "source": "s",
                "locator": "L",
                "states": ["Kansas"],
            },
            "data.states[0] must match pattern ^[A-Z]{2}$",
        ),
        (
            "quote",
            {
                "quotes": [
                    {"id": "Bad Id", "text": "t", "attribution": "a", "source": "s", "locator": "L"}
                ]
            },
            "data.quotes[0].id must match pattern ^[a-z0-9]+(?:-[a-z0-9]+)*$",
        ),
    ],
    ids=["unknown-field", "missing-field", "bad-state-code", "bad-id"],
)
def test_the_schema_underlines_what_the_validator_rejects(kind_name, data, message):
    kind = next(k for k in KINDS if k.name == kind_name)
    with pytest.raises(fastjsonschema.JsonSchemaValueException) as error:
        _validator(kind)(data)
    assert error.value.message == message


def test_each_field_shows_its_description_and_whether_it_is_required():
    story = json.loads(render_all()["story.schema.json"])
    assert story["properties"]["summary"]["markdownDescription"] == (
        "**Required** text (one line, at most 600 characters).\n\n"
        "One-sentence summary for cards and lists."
    )
    year = story["properties"]["year"]
    assert year["anyOf"] == [
        {"type": "integer", "minimum": 1990, "maximum": 2100},
        {"type": "null"},
    ]
    assert year["examples"] == [2023]
    playbook = json.loads(render_all()["playbook.schema.json"])
    assert playbook["properties"]["date"]["format"] == "date"


def test_a_reference_says_in_the_editor_what_it_names_and_where_those_records_are():
    story = json.loads(render_all()["story.schema.json"])
    assert story["properties"]["theme"]["markdownDescription"] == (
        "**Required** id (lowercase letters, digits and single hyphens).\n\n"
        "Id of the theme the story illustrates. Refers to: the id of a theme, in "
        "`playbook_data/themes/*.yml`."
    )
    assert story["properties"]["strategy"]["markdownDescription"].endswith(
        "Refers to: a key strategy, in `playbook_data/themes/*.yml`."
    )
