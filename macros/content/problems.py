"""Problems found in the content, and how they are shown to editors.

Every mistake an editor can make becomes a `Problem` that names the file, the line, the
field and a hint. Problems are collected, never raised one by one, so that an editor sees
all of them at once.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str  # path relative to the project, with forward slashes
    line: int  # 1-based
    field: str  # dotted path inside the record, for example "strategies.2.title"
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: "
        field = f"{self.field}: " if self.field else ""
        text = f"{where}{field}{self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class ContentError(Exception):
    """The content has problems; the build must stop and show them all."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(format_text(self.problems))


def format_text(problems: list[Problem]) -> str:
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    lines = [f"The playbook content has {count} {noun}:", ""]
    lines += [str(p) for p in problems]
    # The same words for a command and for the preview (`make serve`), which rebuilds when
    # a file is saved.
    lines += [
        "",
        "Nothing was built. Fix the lines above, then run the command again "
        "(a preview rebuilds by itself when you save).",
    ]
    return "\n".join(lines)


def format_github(problems: list[Problem]) -> str:
    """GitHub Actions workflow commands: each problem shows on its line of the diff."""

    def escape(value: str, *, prop: bool = False) -> str:
        value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        if prop:
            value = value.replace(":", "%3A").replace(",", "%2C")
        return value

    out = []
    for p in problems:
        title = f"{p.field}: {p.message}" if p.field else p.message
        body = p.message + (f"\nHint: {p.hint}" if p.hint else "")
        out.append(
            f"::error file={escape(p.file, prop=True)},line={p.line},"
            f"title={escape(title, prop=True)}::{escape(body)}"
        )
    return "\n".join(out)


def format_json(problems: list[Problem]) -> str:
    return json.dumps([asdict(p) for p in problems], indent=2, ensure_ascii=False)


def suggest(value: str, valid: Iterable[str], *, kind: str) -> str:
    """A hint for an unknown name: the closest valid one, and the list when it is short."""
    valid = sorted(valid)
    parts = []
    close = difflib.get_close_matches(str(value), valid, n=1, cutoff=0.6)
    if close:
        parts.append(f"did you mean '{close[0]}'?")
    if not valid:
        parts.append(f"there are no {kind} yet")
    elif len(valid) <= 12:
        parts.append(f"valid {kind}: {', '.join(valid)}")
    else:
        parts.append(f"valid {kind} include: {', '.join(valid[:12])}, … ({len(valid)} in all)")
    hint = " ".join(parts)
    return hint[0].upper() + hint[1:]
