"""The editor aids inside the data files: a schema line at the top, a template at the end.

Every file of `playbook_data/` starts with a `# yaml-language-server: $schema=…` line (so
that editors check it even outside this project's VS Code settings) and ends with a
commented template record to copy (scaffold_text.commented_template). Both are generated
from the model: `playbook schema` rewrites them and `playbook schema --check` names the
files where they are missing or stale. Only comment lines are ever changed: a file whose
template block holds anything else is left alone and named.
"""

from __future__ import annotations

from pathlib import Path

from macros.content.kinds import Kind, kind_for
from macros.editor.scaffold_text import (
    SCHEMA_COMMENT,
    TEMPLATE_MARKER,
    commented_template,
    schema_line,
)

DATA_DIR = "playbook_data"


class NotOnlyComments(Exception):
    """The template block at the end of a file holds lines that are not comments."""


def data_files(project: Path) -> list[tuple[Path, Kind]]:
    """Every data file with the kind it holds (files of no kind are the validator's business)."""
    data = project / DATA_DIR
    if not data.is_dir():
        return []
    found = []
    for path in sorted(data.rglob("*.yml")):
        kind = kind_for(path.relative_to(data).as_posix())
        if kind is not None and path.is_file():
            found.append((path, kind))
    return found


def with_editor_aids(text: str, kind: Kind, path: Path, data_dir: Path) -> str:
    """The text of a data file with its schema line and template current; the records and
    any other comment are kept as they are."""
    lines = text.split("\n")
    wanted = schema_line(kind, path, data_dir)
    if lines and lines[0].startswith(SCHEMA_COMMENT):
        lines[0] = wanted
    else:
        lines.insert(0, wanted)
    marker = next((i for i, ln in enumerate(lines) if ln.startswith(TEMPLATE_MARKER)), None)
    if marker is not None:
        tail = lines[marker:]
        if any(ln.strip() and not ln.lstrip().startswith("#") for ln in tail):
            raise NotOnlyComments
        lines = lines[:marker]
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines) + "\n\n" + commented_template(kind)


def _relative(project: Path, path: Path) -> str:
    return path.relative_to(project).as_posix()


def stale_data_files(project: Path) -> list[str]:
    """Data files whose schema line or template is missing or not what the model gives."""
    stale = []
    for path, kind in data_files(project):
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            current = with_editor_aids(text, kind, path, project / DATA_DIR) == text
        except NotOnlyComments:
            current = False
        if not current:
            stale.append(_relative(project, path))
    return stale


def refresh_data_files(project: Path) -> tuple[list[str], list[str]]:
    """Rewrite the schema line and template where needed: (written, left alone with why)."""
    written, refused = [], []
    for path, kind in data_files(project):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            refused.append(f"{_relative(project, path)}: not UTF-8 text (see playbook validate)")
            continue
        try:
            new = with_editor_aids(text, kind, path, project / DATA_DIR)
        except NotOnlyComments:
            refused.append(
                f"{_relative(project, path)}: below '{TEMPLATE_MARKER}' there are lines that "
                "are not comments; move them above the template block"
            )
            continue
        if new != text:
            path.write_text(new, encoding="utf-8")
            written.append(_relative(project, path))
    return written, refused
