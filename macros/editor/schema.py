"""JSON Schemas of the data files, generated from the models, for editors' tools.

VS Code's YAML extension (and other editors) read `schemas/*.schema.json` to complete
field names, show each field's description and underline mistakes while typing. The files
are committed; `playbook schema` rewrites them and `playbook schema --check` (run by the
tests) fails when they no longer match the models.

The schema is a help while typing, not the judge: `playbook validate` stays the
authority (references between files, for example, are checked only there).
"""

from __future__ import annotations

import json
from pathlib import Path

from macros.content import model
from macros.content.kinds import KINDS, SCHEMA_DIR, Kind, schema_file
from macros.editor.fields import FieldDoc, field_docs, nested_models

DRAFT = "http://json-schema.org/draft-07/schema#"


def _property(doc: FieldDoc) -> dict:
    prop = dict(doc.type.json or {})
    if "$ref" in prop:
        prop = {"$ref": f"#/definitions/{prop['$ref']}"}
    if prop.get("type") == "array" and "$ref" in prop.get("items", {}):
        prop["items"] = {"$ref": f"#/definitions/{prop['items']['$ref']}"}
    if not doc.required and not doc.type.label.startswith("list of"):
        prop = {"anyOf": [prop, {"type": "null"}]}  # `field:` with nothing means "not given"
    prop["description"] = doc.description
    required = "Required" if doc.required else "Optional"
    rule = f" ({doc.type.rule})" if doc.type.rule else ""
    prop["markdownDescription"] = f"**{required}** {doc.type.label}{rule}.\n\n{doc.description}"
    if doc.refers_to:
        prop["markdownDescription"] += f" Refers to: {doc.refers_to_text}."
    if doc.example is not None:
        prop["examples"] = [_jsonable(doc.example)]
    return prop


def _jsonable(value):
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)  # dates


def record_schema(record_model: type[model.Record]) -> dict:
    docs = field_docs(record_model)
    return {
        "type": "object",
        "title": record_model.__name__,
        "description": (record_model.__doc__ or "").strip(),
        "properties": {doc.name: _property(doc) for doc in docs},
        "required": [doc.name for doc in docs if doc.required],
        "additionalProperties": False,
    }


def kind_schema(kind: Kind) -> dict:
    """The schema of one data file: one record, or a list of records under its key."""
    record = record_schema(kind.model)
    if kind.is_collection:
        body = {
            "type": "object",
            "properties": {
                kind.list_key: {
                    "type": ["array", "null"],
                    "description": f"The {kind.plural}, each starting with '- '.",
                    "items": {"$ref": f"#/definitions/{kind.model.__name__}"},
                }
            },
            "required": [kind.list_key],
            "additionalProperties": False,
        }
        definitions = {kind.model.__name__: record}
    else:
        body = {key: value for key, value in record.items() if key != "title"}
        definitions = {}
    for nested in nested_models(kind.model):
        definitions[nested.__name__] = record_schema(nested)
    schema = {
        "$schema": DRAFT,
        "$id": f"{kind.name}.schema.json",
        "title": f"Integrated Care Playbook: {kind.pattern}",
        **body,
    }
    if definitions:
        schema["definitions"] = definitions
    return schema


def render_all() -> dict[str, str]:
    """File name → JSON text, deterministic (sorted keys are not used: order is meaning)."""
    return {
        schema_file(kind): json.dumps(kind_schema(kind), indent=2, ensure_ascii=False) + "\n"
        for kind in KINDS
    }


def vscode_associations() -> dict[str, list[str]]:
    """`yaml.schemas` for .vscode/settings.json: schema file → the data files it checks."""
    return {
        f"./{SCHEMA_DIR}/{schema_file(kind)}": [f"playbook_data/{kind.pattern}"] for kind in KINDS
    }


def stale_files(project: Path) -> list[str]:
    """Schema files (and the VS Code settings) that differ from what the models give."""
    folder = project / SCHEMA_DIR
    stale = []
    for name, text in render_all().items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(f"{SCHEMA_DIR}/{name}")
    known = set(render_all())
    stale += [
        f"{SCHEMA_DIR}/{p.name}"
        for p in sorted(folder.glob("*.schema.json"))
        if p.name not in known
    ]
    settings = project / ".vscode" / "settings.json"
    try:
        current = json.loads(settings.read_text(encoding="utf-8")).get("yaml.schemas")
    except (OSError, ValueError):
        current = None
    if current != vscode_associations():
        stale.append(".vscode/settings.json")
    return stale


def write_all(project: Path) -> list[str]:
    """Write the schemas and the `yaml.schemas` part of .vscode/settings.json."""
    folder = project / SCHEMA_DIR
    folder.mkdir(exist_ok=True)
    written = []
    for name, text in render_all().items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(f"{SCHEMA_DIR}/{name}")
    settings = project / ".vscode" / "settings.json"
    try:
        current = json.loads(settings.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        current = {}
    if current.get("yaml.schemas") != vscode_associations():
        current["yaml.schemas"] = vscode_associations()
        settings.parent.mkdir(exist_ok=True)
        settings.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")
        written.append(".vscode/settings.json")
    return written


def command(args) -> int:
    """`playbook schema [--check]`: the schemas and the VS Code settings that wire them to the
    data files."""
    project = Path(args.project).resolve()
    if args.check:
        stale = stale_files(project)
        if stale:
            print("These files do not match the content model:", *stale, sep="\n  ")
            print("Run `playbook schema` (or `make schema`) and commit the result.")
            return 1
        print("The schemas match the content model.")
        return 0
    written = write_all(project)
    print("\n".join(f"wrote {name}" for name in written) or "The schemas were up to date.")
    return 0
