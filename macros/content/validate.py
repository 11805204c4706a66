"""From the YAML files of `playbook_data/` to a validated `Playbook`, or all its problems.

    load_playbook(data_dir) -> Playbook        raises ContentError with every problem

Steps: find the files, read each (loader.py), check the shape of each file, validate each
record against its model (model.py), then check what links records together
(references.py). Problems from every step are collected before anything is reported.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from macros.content.kinds import KINDS, Kind, kind_for, layout_description
from macros.content.loader import LineDict, LineList, load_yaml
from macros.content.model import MISSING_HINTS, Origin, PlaybookInfo, Record, shown
from macros.content.playbook import Playbook
from macros.content.problems import ContentError, Problem, suggest
from macros.content.references import check_references

YAML_SUFFIXES = {".yml", ".yaml"}
# What `playbook new` writes in required text not given yet ("FILL IN: Short headline."):
# left in, it would be published as it is.
PLACEHOLDER = "FILL IN"
_PLACEHOLDER = re.compile(rf"\b{PLACEHOLDER}\b")


def holds_placeholder(text: str) -> bool:
    """Whether a text still holds what `playbook new` asked to replace (for it too)."""
    return _PLACEHOLDER.search(text) is not None


def load_playbook(data_dir: Path, root: Path | None = None) -> Playbook:
    """Validate everything under `data_dir`; paths in messages are relative to `root`."""
    placeholders: list[Problem] = []
    records, problems = read_records(data_dir, root, placeholders=placeholders)
    infos = records.pop("playbook", [])
    info = infos[0] if infos else None
    incomplete = {kind_for_file(p.file) for p in problems}  # a placeholder leaves none
    problems += check_references(records, info, incomplete) + placeholders
    if problems:
        raise ContentError(problems)
    return Playbook.from_records(infos[0], records)


def kind_for_file(display_path: str) -> str | None:
    """The kind of record a file (as shown in a problem) holds, if any."""
    parts = display_path.split("/")
    for start in range(len(parts)):
        kind = kind_for("/".join(parts[start:]))
        if kind:
            return kind.name
    return None


def read_records(
    data_dir: Path, root: Path | None = None, *, placeholders: list[Problem] | None = None
) -> tuple[dict, list[Problem]]:
    """Every record that validates, and every problem of the files and records. A text that
    still holds a placeholder is a problem put in `placeholders`, when given (for
    publishing); either way its record is kept, so that its references are checked and its
    id is known (to `playbook new`, which writes placeholders)."""
    data_dir = Path(data_dir)
    root = Path(root) if root else data_dir.parent
    records: dict[str, list[Record]] = {kind.name: [] for kind in KINDS}
    problems: list[Problem] = []

    def display(path: Path) -> str:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return path.as_posix()

    if not data_dir.is_dir():
        problem = Problem(
            display(data_dir),
            1,
            "",
            "the content folder is missing",
            "run the command from the project folder, or pass --project PATH",
        )
        return records, [problem]

    files, found = content_files(data_dir, display)
    problems += found
    for path in files:
        rel = display(path)
        kind = kind_for(path.relative_to(data_dir).as_posix())
        if kind is None:
            problems.append(
                Problem(
                    rel,
                    1,
                    "",
                    "this file is not part of the playbook's content",
                    f"content files are: {layout_description()}; move or rename the file",
                )
            )
            continue
        data, file_problems = load_yaml(path, rel)
        problems += file_problems
        if data is not None:
            for raw, origin in _records_in(data, kind, rel, problems):
                if placeholders is not None:
                    placeholders += placeholders_left(raw, origin)
                record = _validate(kind.model, raw, origin, problems)
                if record is not None:
                    records[kind.name].append(record)

    playbook_file = display(data_dir / "playbook.yml")
    if not (data_dir / "playbook.yml").is_file():
        problems.append(
            Problem(
                playbook_file,
                1,
                "",
                "the file is missing",
                "create it with the playbook's title, subtitle, publisher, version and date",
            )
        )
    return records, problems


_FILE_NAME = re.compile(r"[A-Za-z0-9_.-]+")
LINK_HINT = (
    "replace the link with the file itself: links are not followed, so that a build never "
    "reads anything outside the repository"
)


def content_files(data_dir: Path, display) -> tuple[list[Path], list[Problem]]:
    """The `.yml` files under `data_dir`, in order, and a problem for every other entry that
    is not hidden: links (never followed, never read), other extensions, unreadable folders."""
    files, problems = [], []

    def refuse(path: Path, message: str, hint: str) -> None:
        problems.append(Problem(display(path), 1, "", message, hint))

    def unreadable(error: OSError) -> None:
        refuse(Path(error.filename), "this folder cannot be read", "check its permissions")

    for folder, dirs, names in os.walk(data_dir, onerror=unreadable):
        base = Path(folder)
        for name in sorted(dirs):
            if (base / name).is_symlink():
                refuse(base / name, "this folder is a symbolic link", LINK_HINT)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (base / d).is_symlink())
        for name in sorted(names):
            path = base / name
            if name.startswith("."):
                continue  # .gitkeep, editors' swap files
            if path.is_symlink():
                refuse(path, "this file is a symbolic link", LINK_HINT)
            elif not _FILE_NAME.fullmatch(name):
                # The name goes into the page's "edit" link: only characters safe in a link.
                refuse(
                    path,
                    "the file name holds characters other than letters, digits, '-', '_' and '.'",
                    "rename it, for example kansas-licensure-billing.yml",
                )
            elif path.suffix == ".yml" and path.is_file():
                files.append(path)
            elif path.suffix.lower() in YAML_SUFFIXES:
                refuse(
                    path,
                    f"the file name ends in '{path.suffix}'",
                    f"rename it to end in '.yml' ({path.stem}.yml): other endings are not read",
                )
            else:
                refuse(
                    path,
                    "this file is not part of the playbook's content",
                    f"content files are: {layout_description()}; move or rename the file",
                )
    return sorted(files), problems


def _records_in(data: Any, kind: Kind, rel: str, problems: list[Problem]):
    """Yield (raw record, origin) for each record of a file whose shape is right."""
    if not isinstance(data, LineDict):
        expected = f"`{kind.list_key}:` followed by a list" if kind.is_collection else "fields"
        problems.append(
            Problem(
                rel, 1, "", f"expected {expected} at the top of the file, got {_describe(data)}"
            )
        )
        return
    if not kind.is_collection:
        yield data, Origin(rel, data)
        return
    for key in data:
        if key != kind.list_key:
            problems.append(
                Problem(
                    rel,
                    data.line_of(key),
                    key,
                    f"unknown top-level key '{key}'",
                    f"this file holds one list, under `{kind.list_key}:`",
                )
            )
    if kind.list_key not in data:
        problems.append(Problem(rel, 1, kind.list_key, f"the list `{kind.list_key}:` is missing"))
        return
    items = data[kind.list_key]
    if items is None:
        return  # an empty list is allowed: `quotes:` with nothing under it
    if not isinstance(items, LineList):
        problems.append(
            Problem(
                rel,
                data.line_of(kind.list_key),
                kind.list_key,
                f"expected a list, got {_describe(items)}",
                "write each record as a list item starting with '- '",
            )
        )
        return
    for index, item in enumerate(items):
        prefix = f"{kind.list_key}[{index + 1}]"
        if isinstance(item, LineDict):
            yield item, Origin(rel, item, prefix)
        else:
            problems.append(
                Problem(
                    rel,
                    items.line_of(index),
                    prefix,
                    f"expected a record of `field: value` lines, got {_describe(item)}",
                )
            )


def placeholders_left(raw: LineDict, origin: Origin) -> list[Problem]:
    """A problem for each text of a record that still holds a placeholder."""
    found = []

    def walk(node: Any, loc: tuple) -> None:
        if isinstance(node, LineDict | LineList):
            keys = node if isinstance(node, LineDict) else range(len(node))
            for key in keys:
                value = node[key]
                if isinstance(value, str) and holds_placeholder(value):
                    found.append(
                        Problem(
                            origin.file,
                            node.line_of(key),
                            _field_path(origin.prefix, (*loc, key)),
                            f"this is still a placeholder: '{shown(value.strip())}'",
                            f"replace it, from {PLACEHOLDER} to the end of the text, with your "
                            "own words; the comment above the field says what to write",
                        )
                    )
                else:
                    walk(value, (*loc, key))

    walk(raw, ())
    return found


def _validate(model: type[Record], raw: LineDict, origin: Origin, problems: list[Problem]):
    try:
        record = model.model_validate(raw)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            problems.append(_translate(detail, model, origin))
        return None
    record.located(origin)
    if isinstance(record, PlaybookInfo) or not hasattr(record, "strategies"):
        return record
    for index, strategy in enumerate(record.strategies):
        strategy.located(Origin(origin.file, raw["strategies"][index], f"strategies[{index + 1}]"))
    return record


# Pydantic's errors, reworded for editors --------------------------------------------------


def _translate(detail: dict, model: type[BaseModel], origin: Origin) -> Problem:
    loc = detail["loc"]
    kind = detail["type"]
    value = detail.get("input")
    ctx = detail.get("ctx") or {}
    name = str(loc[-1]) if loc else ""
    line = _line_at(origin.raw, loc)
    field = _field_path(origin.prefix, loc)
    message, hint = detail["msg"], ""

    if kind == "playbook":
        message, hint = ctx["message"], ctx.get("hint", "")
    elif kind == "missing":
        message = f"the required field '{name}' is missing"
        hint = MISSING_HINTS.get(name, f"add `{name}:` with a value to this record")
    elif kind == "extra_forbidden":
        allowed = _model_at(model, loc[:-1]).model_fields
        message = f"unknown field '{name}'"
        hint = suggest(name, allowed, kind="fields")
    elif kind == "string_type":
        message = f"expected text, got {_describe(value)}"
        hint = "put the value in quotes"
        if isinstance(value, bool):
            hint = "YAML reads yes, no, on and off as true/false: put the text in quotes"
    elif kind in {"int_type", "int_parsing", "int_from_float"}:
        message = f"expected a whole number, got {_describe(value)}"
        hint = "write digits only, for example 2023"
    elif kind == "greater_than_equal":
        message = f"{value} is too small: the smallest allowed is {ctx['ge']}"
    elif kind == "less_than_equal":
        message = f"{value} is too large: the largest allowed is {ctx['le']}"
    elif kind == "list_type":
        message = f"expected a list, got {_describe(value)}"
        hint = "write each item on its own line starting with '- ', or use [a, b]"
    elif kind in {"model_type", "dict_type", "model_attributes_type"}:
        message = f"expected a record of `field: value` lines, got {_describe(value)}"
    elif kind.startswith("date_"):
        message = f"expected a date, got {_describe(value)}"
        hint = "write the date as YYYY-MM-DD, for example 2024-03-01"
    elif kind == "literal_error":
        message = f"{_describe(value)} is not one of the allowed values"
        hint = f"use one of: {ctx['expected']}"
    elif kind == "too_short":
        message = f"the list needs at least {ctx['min_length']} item"
    return Problem(origin.file, line, field, message, hint)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (the value is empty)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a record of `field: value` lines"
    return f"'{shown(str(value))}'"  # one line, invisible characters by their code


def _line_at(raw: Any, loc: tuple) -> int:
    line, node = getattr(raw, "line", 1), raw
    for part in loc:
        in_mapping = isinstance(node, LineDict) and part in node
        in_list = isinstance(node, LineList) and isinstance(part, int) and part < len(node)
        if in_mapping or in_list:
            line, node = node.line_of(part), node[part]
        else:
            break
    return line


def _field_path(prefix: str, loc: tuple) -> str:
    path = prefix
    for part in loc:
        if isinstance(part, int):
            path += f"[{part + 1}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel]:
    """The nested model that a location points into (for the list of allowed fields)."""
    for part in loc:
        if isinstance(part, int) or part not in model.model_fields:
            continue
        annotation = model.model_fields[part].annotation
        for candidate in _flatten(annotation):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                model = candidate
                break
    return model


def _flatten(annotation: Any):
    yield annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            yield from _flatten(arg)
