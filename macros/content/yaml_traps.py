"""YAML 1.1's surprises, found in the parsed document before any value is made of it.

PyYAML reads YAML 1.1, where `33:42` is the number 2022 (base 60), `0x7E7` is 2023, `2_023`
is 2023, `!!int twenty` and `2026-02-30` crash the reader, `!!set` gives a different order
on every run, an alias can make a small file enormous, and nesting has no limit. What is
sensible stays accepted: dates written YYYY-MM-DD, yes/no (the model says where text was
meant), `!!str` (the same as quotes). Everything else becomes a `Problem` on its line.
"""

from __future__ import annotations

import re

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from macros.content.problems import Problem

MAX_DEPTH = 16  # a theme file needs 6 (file, strategies, strategy, approaches, item)
MAX_DIGITS = 18
TAG = "tag:yaml.org,2002:"
_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
TAG_HINT = (
    "remove the tag: write numbers, dates and yes/no plainly, and text in quotes if it could "
    "be read as something else"
)
NUMBER_HINT = "write the number with the digits 0-9 only, for example 2023; put text in quotes"


def _short(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:37]}…"


def _tag_name(tag: str) -> str:
    return f"!!{tag.removeprefix(TAG)}" if tag.startswith(TAG) else tag


def _line(node: Node) -> int:
    return node.start_mark.line + 1


class _Checker:
    def __init__(self, loader: yaml.BaseResolver, rel: str):
        self.loader, self.rel = loader, rel
        self.problems: list[Problem] = []

    def add(self, node: Node, message: str, hint: str) -> None:
        self.problems.append(Problem(self.rel, _line(node), "", message, hint))

    def walk(self, root: Node) -> None:
        seen: set[int] = set()
        stack: list[tuple[Node, int]] = [(root, 1)]
        while stack:
            node, depth = stack.pop()
            if id(node) in seen:
                self.add(
                    node,
                    "an alias (*name) repeats another part of the file",
                    "write the value out in full where it is needed; playbook files use no "
                    "anchors (&) or aliases (*)",
                )
                continue
            seen.add(id(node))
            if depth > MAX_DEPTH:
                self.add(
                    node,
                    f"the data is nested more than {MAX_DEPTH} levels deep",
                    "a record's fields and lists nest a few levels at most: check the "
                    "indentation and the brackets",
                )
                continue
            if isinstance(node, ScalarNode):
                self.scalar(node)
            elif isinstance(node, MappingNode):
                self.container(node, TAG + "map")
                for key, value in node.value:
                    if not isinstance(key, ScalarNode):
                        self.add(
                            key,
                            "a field name is a list or a record",
                            "field names are words such as `title:`",
                        )
                        continue
                    if key.tag == TAG + "merge":
                        self.add(
                            key,
                            "a merge key (<<) copies fields from elsewhere in the file",
                            "write the fields out in full; playbook files use no merge keys",
                        )
                        continue
                    stack += [(value, depth + 1), (key, depth + 1)]
            elif isinstance(node, SequenceNode):
                self.container(node, TAG + "seq")
                stack += [(item, depth + 1) for item in reversed(node.value)]

    def container(self, node: Node, expected: str) -> None:
        if node.tag != expected:
            self.add(
                node, f"the tag '{_tag_name(node.tag)}' is not used in playbook files", TAG_HINT
            )

    def scalar(self, node: ScalarNode) -> None:
        quoted = node.style in ("'", '"', "|", ">")
        implicit = (
            TAG + "str" if quoted else self.loader.resolve(ScalarNode, node.value, (True, False))
        )
        if node.tag not in (implicit, TAG + "str"):
            self.add(
                node, f"the tag '{_tag_name(node.tag)}' is not used in playbook files", TAG_HINT
            )
            return
        text = node.value
        if node.tag == TAG + "int":
            digits = len(text.lstrip("+-"))
            if digits > MAX_DIGITS and _PLAIN_INT.fullmatch(text):
                self.add(
                    node, f"the number has {digits:,} digits (at most {MAX_DIGITS})", NUMBER_HINT
                )
            elif not _PLAIN_INT.fullmatch(text):
                self.add(
                    node,
                    f"'{_short(text)}' is read by YAML as a number in another notation",
                    NUMBER_HINT,
                )
        elif node.tag == TAG + "float" and not _PLAIN_FLOAT.fullmatch(text):
            self.add(node, f"'{_short(text)}' is read by YAML as a special number", NUMBER_HINT)
        elif node.tag == TAG + "timestamp":
            try:
                self.loader.construct_yaml_timestamp(node)
            except (ValueError, OverflowError):
                self.add(
                    node,
                    f"'{_short(text)}' is not a date in the calendar",
                    "check the day and the month; write the date as YYYY-MM-DD, for example "
                    "2024-03-01",
                )


def trap_problems(loader: yaml.BaseResolver, root: Node, rel: str) -> list[Problem]:
    """Every YAML 1.1 trap in the document `root` of file `rel`, in file order."""
    checker = _Checker(loader, rel)
    checker.walk(root)
    return sorted(checker.problems, key=lambda p: p.line)
