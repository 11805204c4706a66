"""The field reference of the contributor guide, generated from the models.

Every field of every kind of record: its type, whether it is required, what it is for and
an example. Generated, so that it can never fall behind the model; its edit link opens
macros/content/model.py, where the descriptions live.
"""

from __future__ import annotations

from macros.editor.fields import FieldDoc, documented_kinds, field_docs
from macros.editor.scaffold_text import yaml_value
from macros.pages.common import GeneratedPage, PageContext, front_matter, slugify
from macros.render.markdown import html_text

FIELD_REFERENCE_URI = "contribute/fields.md"
MODEL_FILE = "macros/content/model.py"


def pages(ctx: PageContext) -> list[GeneratedPage]:
    return [
        GeneratedPage(
            FIELD_REFERENCE_URI, field_reference(), MODEL_FILE, nav_title="Field reference"
        )
    ]


def _cell(text: str) -> str:
    return html_text(text).replace("|", "&#124;")


def _row(doc: FieldDoc) -> str:
    kind = doc.type.label + (f" ({doc.type.rule})" if doc.type.rule else "")
    example = "see below" if doc.example is None else f"`{yaml_value(doc.example)}`"
    if doc.example is not None and "`" in example[1:-1]:
        example = f"<code>{_cell(yaml_value(doc.example))}</code>"
    required = "**required**" if doc.required else "optional"
    return (
        f"| `{doc.name}` | {_cell(kind)} | {required} | {_cell(doc.description)} "
        f"| {example.replace('|', '&#124;')} |"
    )


def field_reference() -> str:
    out = [
        front_matter("Field reference", description="Every field of every data file"),
        "# Field reference\n",
        "Every field of every kind of record, generated from the content model: what it is "
        "for, what it takes, whether it is required, and an example. Your editor shows the "
        "same descriptions while you type (see [Check your change](checks.md)).\n",
    ]
    for kind, record_model in documented_kinds():
        if kind is None:
            title = f"{record_model.__name__} (inside a theme's `strategies:`)"
            where = "Each item of the `strategies:` list of a theme file."
        else:
            name = kind.name.replace("_", " ")
            title = f"{name[0].upper()}{name[1:]} (`playbook_data/{kind.pattern}`)"
            where = (
                f"Each item of the `{kind.list_key}:` list in `playbook_data/{kind.pattern}`."
                if kind.is_collection
                else f"One record a file: `playbook_data/{kind.pattern}`."
            )
        anchor = slugify(record_model.__name__)
        out += [
            f"## {title} {{ #{anchor} }}\n",
            f"{_cell((record_model.__doc__ or '').strip())} {where}\n",
            "| Field | Type | Required | Description | Example |",
            "| --- | --- | --- | --- | --- |",
            *(_row(doc) for doc in field_docs(record_model)),
            "",
        ]
    return "\n".join(out)
