"""The field reference of the contributor guide, generated from the models.

Every field of every kind of record: its type, whether it is required, what it is for and
an example. Generated, so that it can never fall behind the model; its edit link opens
macros/content/model.py, where the descriptions live.
"""

from __future__ import annotations

from typing import NamedTuple

from markupsafe import Markup

from macros.editor.fields import FieldDoc, documented_kinds, field_docs
from macros.editor.scaffold_text import record_to_copy, yaml_value
from macros.pages.common import GeneratedPage, PageContext, slugify
from macros.render import environment

FIELD_REFERENCE_URI = "contribute/fields.md"
MODEL_FILE = "macros/content/model.py"


def pages(ctx: PageContext) -> list[GeneratedPage]:
    return [
        GeneratedPage(
            FIELD_REFERENCE_URI, field_reference(), MODEL_FILE, nav_title="Field reference"
        )
    ]


class FieldRow(NamedTuple):
    name: str
    kind: str
    required: bool
    description: str
    example: str | None  # as YAML
    refers_to: Markup | None  # ours, with `code`: where the records a reference names are kept


class FieldSection(NamedTuple):
    title: Markup  # ours, with `code`
    anchor: str
    intro: str
    where: Markup  # ours, with `code`
    fields: list[FieldRow]
    copy: str  # how to add one by hand ("" for a file of its own kind)
    record: Markup  # YAML made from the model's examples (ours), to copy


def _row(doc: FieldDoc) -> FieldRow:
    kind = doc.type.label + (f" ({doc.type.rule})" if doc.type.rule else "")
    example = None if doc.example is None else yaml_value(doc.example)
    # names of our own kinds and files (FieldDoc.refers_to_text; the schemas say the same)
    refers_to = Markup(doc.refers_to_text) if doc.refers_to else None
    return FieldRow(doc.name, kind, doc.required, doc.description, example, refers_to)


def sections() -> list[FieldSection]:
    out = []
    for kind, record_model in documented_kinds():
        if kind is None:
            title = f"{record_model.__name__} (inside a theme's `strategies:`)"
            where = "Each item of the `strategies:` list of a theme file."
            copy = "To add one by hand, copy this to the end of the theme's `strategies:` list"
        else:
            name = kind.name.replace("_", " ")
            title = f"{name[0].upper()}{name[1:]} (`playbook_data/{kind.pattern}`)"
            where = (
                f"Each item of the `{kind.list_key}:` list in `playbook_data/{kind.pattern}`."
                if kind.is_collection
                else f"One record a file: `playbook_data/{kind.pattern}`."
            )
            folder = kind.pattern.rsplit("/", 1)[0]
            copy = (
                f"To add one by hand, copy this to the end of the `{kind.list_key}:` list"
                if kind.is_collection
                else f"To add one by hand, copy this into a new file of `playbook_data/{folder}/`"
                if "*" in kind.pattern
                else ""
            )
        record = record_to_copy(record_model, item=kind is None or kind.is_collection)
        out.append(
            FieldSection(
                Markup(title),  # names of our own models and files
                slugify(record_model.__name__),
                (record_model.__doc__ or "").strip(),
                Markup(where),
                [_row(doc) for doc in field_docs(record_model)],
                copy,
                Markup(record.rstrip("\n")),  # from the model's own examples
            )
        )
    return out


def field_reference() -> str:
    return environment.render("field_reference.md.j2", sections=sections())
