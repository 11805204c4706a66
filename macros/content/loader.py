"""Read YAML files into plain Python data that remembers the line of every node.

libyaml's C parser does the parsing (about ten times faster than the pure-Python one); our
constructor keeps the line of every mapping key and list item so that any later problem can
point at the exact line. Mistakes that PyYAML would accept silently (a duplicate key, which
keeps only the last value) or report cryptically (a tab, a non-UTF-8 byte) become
`Problem`s with a plain-language message and a hint.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from macros.content.problems import Problem
from macros.content.yaml_traps import trap_problems

try:  # libyaml is part of the PyYAML wheels; the pure-Python parser is the fallback.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 1_000_000


class LineDict(dict):
    """A mapping read from YAML: `line` is where it starts, `key_lines` where each key is."""

    line: int = 1
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A list read from YAML: `line` is where it starts, `item_lines` where each item is."""

    line: int = 1
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        if 0 <= index < len(self.item_lines):
            return self.item_lines[index]
        return self.line


class _Loader(_BaseLoader):
    """Builds LineDict/LineList and records duplicate keys instead of dropping them."""

    def __init__(self, stream: str, file: str):
        super().__init__(stream)
        self.file = file
        self.problems: list[Problem] = []


def _construct_mapping(loader: _Loader, node: yaml.MappingNode):
    data = LineDict()
    data.line = node.start_mark.line + 1
    data.key_lines = {}
    yield data
    loader.flatten_mapping(node)  # resolves `<<` merge keys
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            loader.problems.append(
                Problem(
                    loader.file,
                    line,
                    "",
                    f"the field name {key!r} is not text",
                    "field names are words such as `title:`; put this one in quotes if it "
                    "is meant as text",
                )
            )
            continue
        if key in data.key_lines:
            loader.problems.append(
                Problem(
                    loader.file,
                    line,
                    key,
                    f"the field '{key}' appears twice in the same record "
                    f"(first on line {data.key_lines[key]})",
                    "keep one of the two lines; YAML would silently keep only the last",
                )
            )
            continue
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = line


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode):
    data = LineList()
    data.line = node.start_mark.line + 1
    data.item_lines = [item.start_mark.line + 1 for item in node.value]
    yield data
    data.extend(loader.construct_object(item, deep=True) for item in node.value)


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)

# Common libyaml complaints, translated into what an editor should do about them.
_YAML_HINTS = {
    "mapping values are not allowed": "a value that contains ': ' must be put in quotes",
    "could not find expected ':'": "each line of a record needs `field: value`; check the "
    "indentation of this line and the one before",
    "did not find expected key": "check that the fields of a record are indented by the "
    "same number of spaces",
    "did not find expected '-' indicator": "list items start with '- ' at the same indentation",
    "found undefined alias": "remove the '*' at the start of the value, or put it in quotes",
    "found unexpected end of stream": "a quote is opened but never closed",
    "while scanning a quoted scalar": "a quote is opened but never closed",
}

# Something opened on one line and never closed: libyaml notices only where the file (or the
# list) ends, so the message names the line where it was opened.
_UNCLOSED = {
    "while scanning a quoted scalar": (
        "a quote that opens on this line is never closed",
        "end the value with the same quote mark it starts with (' or \")",
    ),
    "while parsing a flow sequence": (
        "a list that opens with '[' on this line is never closed",
        "close it with ']' and separate the items with commas, for example [KS, MO]",
    ),
    "while parsing a flow mapping": (
        "a '{' on this line is never closed",
        "close it with '}', or put the whole value in quotes",
    ),
}


def _yaml_hint(message: str) -> str:
    for needle, hint in _YAML_HINTS.items():
        if needle in message:
            return hint
    return "check the indentation, colons and quotes on this line and the line before"


def load_yaml(path: Path, rel: str) -> tuple[Any, list[Problem]]:
    """Read one YAML file. Returns (data, problems); data is None when it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as error:  # permissions, a folder named like a file, a vanished file
        reason = (error.strerror or type(error).__name__).lower()
        return None, [
            Problem(
                rel,
                1,
                "",
                f"the file cannot be read ({reason})",
                "check that it is a plain file you may read (its permissions)",
            )
        ]
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            Problem(
                rel,
                1,
                "",
                f"the file is too large ({len(raw):,} bytes; at most {MAX_FILE_BYTES:,})",
                "split it into several smaller files",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                rel,
                line,
                "",
                f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} on line {line})",
                "save the file with the UTF-8 encoding (in VS Code: 'Save with Encoding', "
                "then 'UTF-8')",
            )
        ]
    text = text.removeprefix("\ufeff")

    tabs = [
        Problem(
            rel,
            number,
            "",
            "a tab is used for indentation",
            "YAML indents with spaces only: replace the tab with spaces",
        )
        for number, line in enumerate(text.splitlines(), start=1)
        if "\t" in line[: len(line) - len(line.lstrip())]
    ]
    if tabs:
        return None, tabs

    # YAML's own rule for raw characters, reported on their line (libyaml's message names
    # a position in a multi-line message).
    unprintable = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if unprintable:
        line = text[: unprintable.start()].count("\n") + 1
        return None, [
            Problem(
                rel,
                line,
                "",
                f"this line holds an invisible control character "
                f"(U+{ord(unprintable.group()[0]):04X})",
                "delete it (it often comes with text copied from a PDF or a word processor)",
            )
        ]

    loader = _Loader(text, rel)
    try:
        node = loader.get_single_node()
        traps = trap_problems(loader, node, rel) if node is not None else []
        if traps:
            return None, traps
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        opened = _UNCLOSED.get(error.context or "")
        if opened and error.context_mark:  # name the line where it opens, not the file's end
            message, hint = opened
            line = error.context_mark.line + 1
        else:
            mark = error.problem_mark or error.context_mark
            line = mark.line + 1 if mark else 1
            message = error.problem or error.context or "unreadable YAML"
            hint = _yaml_hint(message)
        return None, [Problem(rel, line, "", f"the YAML is malformed: {message}", hint)]
    except yaml.YAMLError as error:  # pragma: no cover - libyaml raises marked errors
        return None, [Problem(rel, 1, "", f"the YAML is malformed: {error}", _yaml_hint(""))]
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError):
        # A value the checks above did not foresee; never a traceback, never the value.
        return None, [
            Problem(
                rel,
                1,
                "",
                "the YAML holds a value that cannot be read",
                "write values plainly: text (in quotes if need be), whole numbers, dates as "
                "YYYY-MM-DD",
            )
        ]
    finally:
        loader.dispose()

    if data is None:
        return None, [
            Problem(rel, 1, "", "the file is empty", "add content to it, or delete the file")
        ]
    return data, loader.problems
