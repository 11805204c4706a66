"""YAML text of records written for editors: the new records of `playbook new` and the
records to copy shown in the field reference.

Both come from the model (fields.py), so that a new field appears in them by itself.
"""

from __future__ import annotations

import os
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from macros.content import model, validate
from macros.content.kinds import SCHEMA_DIR, Kind, schema_file
from macros.editor.fields import FieldDoc, field_docs, nested_models

PLACEHOLDER = validate.PLACEHOLDER  # which validation refuses, so that none is ever published
SCHEMA_COMMENT = "# yaml-language-server: $schema="


@dataclass
class RecordText:
    """A record to write: its kind, the values known so far and the file it goes in."""

    kind: Kind
    values: dict[str, Any]
    path: Path
    nested: str | None = None  # the list field of the file's record it is added to
    label: str = ""
    # For optional fields left out: an example that fits this record, and a note on what to
    # choose from (a story's strategy: the key strategies of its theme).
    examples: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    project_data: Path | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.label = self.label or self.kind.name.replace("_", " ")

    @property
    def model(self) -> type[model.Record]:
        return nested_models(self.kind.model)[0] if self.nested else self.kind.model


def yaml_value(value: Any) -> str:
    """One YAML value on one line: lists in flow style, strings quoted only when needed."""
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def _about(doc: FieldDoc) -> str:
    """A field's description and what it takes, short enough for a comment."""
    need = "required" if doc.required else "optional"
    kind = doc.type
    if kind.max_length:
        need += f", at most {kind.max_length} characters"
    elif kind.label in {"date", "whole number"} and kind.rule:
        need += f", {kind.rule}"
    return f"{doc.description} ({need})"


def record_lines(
    record_model: type[model.Record],
    values: dict[str, Any],
    *,
    indent: str,
    comments: bool,
    item: bool = False,
    examples: dict[str, Any] | None = None,
    notes: dict[str, str] | None = None,
) -> list[str]:
    """The record as YAML lines. Required text not given yet gets a FILL IN placeholder;
    optional fields not given are commented out with an example."""
    out: list[str] = []
    for number, doc in enumerate(field_docs(record_model)):
        lead = indent + ("- " if item and number == 0 else "  " if item else "")
        inner = indent + ("  " if item else "")
        value = values.get(doc.name)
        given = value not in (None, [], "")
        if comments or not given:
            about = _about(doc)
            if not given and (notes or {}).get(doc.name):
                about += " " + notes[doc.name]
            wrap = textwrap.wrap(about, width=88 - len(inner), break_on_hyphens=False)
            out += [f"{inner}# {line}" for line in wrap]
        if given:
            out.append(f"{lead}{doc.name}: {yaml_value(value)}")
        elif doc.required:
            if doc.example is not None and not isinstance(doc.example, str):
                raise ValueError(f"no value for the required field {doc.name}")  # our bug
            text = f"{PLACEHOLDER}: {doc.description}"
            if doc.type.markdown:
                out += [f"{lead}{doc.name}: |", f"{inner}  {text}"]
            else:
                out.append(f"{lead}{doc.name}: {yaml_value(text)}")
        elif (example := (examples or {}).get(doc.name, doc.example)) is not None:
            out.append(f"{inner}# {doc.name}: {yaml_value(example)}")
    return out


_KEY = re.compile(r"^\s*(?:- )?([A-Za-z_]+):")


def placeholders(text: str) -> list[tuple[int, str]]:
    """(line, field) of every FILL IN placeholder still in the text."""
    found = []
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if not validate.holds_placeholder(line) or line.lstrip().startswith("#"):
            continue
        at = number
        while at > 0 and not _KEY.match(lines[at]):
            at -= 1
        match = _KEY.match(lines[at])
        found.append((at + 1, match.group(1) if match else ""))
    return found


def schema_line(kind: Kind, path: Path, data_dir: Path) -> str:
    """The first line that tells VS Code's YAML extension which schema checks the file."""

    target = data_dir.parent / SCHEMA_DIR / schema_file(kind)
    return SCHEMA_COMMENT + Path(os.path.relpath(target, path.parent)).as_posix()


def record_to_copy(record_model: type[model.Record], *, item: bool) -> str:
    """A whole record with an example in every field, each line saying whether the field is
    required: what an editor copies to write a record by hand (the field reference shows it).
    `item`: written as an item of a list (`- id: …`), as in collection files."""
    lines = []

    def add(fields_of: type[model.Record], indent: str, as_item: bool) -> None:
        for number, doc in enumerate(field_docs(fields_of)):
            lead = indent + ("- " if as_item and number == 0 else "  " if as_item else "")
            need = "required" if doc.required else "optional"
            nested = nested_models(fields_of)
            if doc.example is None and nested:  # a list of records: one of them, in full
                lines.append(f"{lead}{doc.name}:  # {need}")
                add(nested[0], lead.replace("-", " ") + "  ", True)
            else:
                lines.append(f"{lead}{doc.name}: {yaml_value(doc.example)}  # {need}")

    add(record_model, "  " if item else "", item)
    return "\n".join(lines) + "\n"
