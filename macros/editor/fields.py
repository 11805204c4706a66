"""What each field of each kind of record is, read from the pydantic models.

One description of every field (its type in plain words, whether it is required, what it
is for, an example, what it refers to), all read from the field's declaration in
macros/content/model.py, feeds the three things editors use: the JSON Schemas (schema.py),
the commented records of `playbook new` (scaffold.py) and the field reference page.
"""

from __future__ import annotations

import datetime as dt
import inspect
import types
import typing
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import AfterValidator

from macros.content import model
from macros.content.kinds import KIND_BY_NAME, KINDS, Kind


@dataclass(frozen=True)
class FieldType:
    label: str  # in plain words, for people: "id", "list of state codes"
    rule: str = ""  # what a valid value looks like, for people
    markdown: bool = False
    max_length: int | None = None
    json: dict | None = None  # JSON Schema of the value


@dataclass(frozen=True)
class FieldDoc:
    name: str
    type: FieldType
    required: bool
    description: str
    example: Any  # None only for a list of records (the nested record shows its own)
    refers_to: str | None = None  # the kind of record whose id (or code) it holds

    @property
    def refers_to_text(self) -> str:
        """What the field refers to and where those records are, for editors."""
        if self.refers_to is None:
            return ""
        if self.refers_to == "strategy":
            return "a key strategy, in `playbook_data/themes/*.yml`"
        kind = KIND_BY_NAME[self.refers_to]
        key = "code" if kind.id_field == "code" else "id"
        return f"the {key} of a {kind.name.replace('_', ' ')}, in `playbook_data/{kind.pattern}`"


def _validator_type(func: Any) -> FieldType | None:
    """Our own validators (model._slug, _state_code, _url, _text) say what a value is."""
    if func is model._slug:
        return FieldType(
            "id",
            "lowercase letters, digits and single hyphens",
            json={"type": "string", "pattern": model.SLUG.pattern, "maxLength": 80},
        )
    if func is model._state_code:
        return FieldType(
            "state code",
            "two capital letters (USPS)",
            json={"type": "string", "pattern": model.STATE_CODE.pattern},
        )
    if func is model._url:
        return FieldType(
            "web address",
            "starts with https:// or http://",
            json={"type": "string", "format": "uri", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://"},
        )
    closure = inspect.getclosurevars(func).nonlocals
    if "max_length" in closure:
        length = closure["max_length"]
        if closure.get("one_line"):
            return FieldType(
                "text",
                f"one line, at most {length} characters",
                max_length=length,
                json={"type": "string", "minLength": 1, "maxLength": length},
            )
        return FieldType(
            "Markdown text",
            f"Markdown: paragraphs, lists, bold, links; at most {length} characters",
            markdown=True,
            max_length=length,
            json={"type": "string", "minLength": 1, "maxLength": length},
        )
    return None


def field_type(annotation: Any, metadata: list | tuple = ()) -> FieldType:
    """Describe a type annotation of the model in plain words, with its JSON Schema."""
    for item in metadata:
        if isinstance(item, AfterValidator):
            found = _validator_type(item.func)
            if found:
                return found
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        base, *extra = typing.get_args(annotation)
        inner = [m for e in extra for m in ([e, *getattr(e, "metadata", [])])]
        described = field_type(base, [*inner, *metadata])
        if base is int:
            bounds = {
                k: getattr(m, k)
                for m in inner
                for k in ("ge", "le")
                if getattr(m, k, None) is not None
            }
            if bounds:
                rule = f"from {bounds.get('ge')} to {bounds.get('le')}"
                json = {"type": "integer", "minimum": bounds["ge"], "maximum": bounds["le"]}
                return FieldType("whole number", rule, json=json)
        return described
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return field_type(options[0], metadata)
    if origin is list:
        (item,) = typing.get_args(annotation)
        inner = field_type(item)
        plural = "records" if inner.label.endswith("record") else f"{inner.label}s"
        if inner.label == "Markdown text":
            plural = "Markdown texts"
        elif inner.label == "text":
            plural = "lines of text"
        return FieldType(
            f"list of {plural}",
            inner.rule,
            inner.markdown,
            inner.max_length,
            json={"type": "array", "items": inner.json},
        )
    if origin is Literal:
        values = list(typing.get_args(annotation))
        return FieldType(
            "one of " + ", ".join(f"'{v}'" for v in values),
            json={"type": "string", "enum": values},
        )
    if annotation is dt.date:
        return FieldType("date", "YYYY-MM-DD", json={"type": "string", "format": "date"})
    if annotation is bool:
        return FieldType("true or false", json={"type": "boolean"})
    if annotation is int:
        return FieldType("whole number", json={"type": "integer"})
    if annotation is str:
        return FieldType("text", json={"type": "string"})
    if isinstance(annotation, type) and issubclass(annotation, model.Record):
        return FieldType(
            f"{annotation.__name__.lower()} record", json={"$ref": annotation.__name__}
        )
    raise TypeError(f"no plain-language description for {annotation!r}")  # a programming error


def field_docs(record_model: type[model.Record]) -> list[FieldDoc]:
    """Every field of a model, in the model's order."""
    docs = []
    for name, info in record_model.model_fields.items():
        where = f"{record_model.__name__}.{name}"
        # Programming errors, caught by the tests: every field is documented for editors.
        if not info.description:
            raise ValueError(f"{where} has no description")
        kind = field_type(info.annotation, info.metadata)
        example = info.examples[0] if info.examples else None
        if example is None and kind.label != "list of records":
            raise ValueError(f"{where} has no example (Field(examples=[…]))")
        if kind.label.startswith("list of") and not isinstance(example, list | None):
            raise ValueError(f"{where}: the example of a list is a list")
        docs.append(
            FieldDoc(
                name, kind, info.is_required(), info.description, example, model.refers_to(info)
            )
        )
    return docs


def nested_models(record_model: type[model.Record]) -> list[type[model.Record]]:
    """Records held inside another (a theme's strategies)."""
    found = []
    for info in record_model.model_fields.values():
        for arg in typing.get_args(info.annotation):
            if isinstance(arg, type) and issubclass(arg, model.Record):
                found.append(arg)
    return found


def documented_kinds() -> list[tuple[Kind | None, type[model.Record]]]:
    """Each kind of record with its own file, then the records nested inside them."""
    out: list[tuple[Kind | None, type[model.Record]]] = []
    for kind in KINDS:
        out.append((kind, kind.model))
        out += [(None, nested) for nested in nested_models(kind.model)]
    return out
