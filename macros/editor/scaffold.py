"""`playbook new`: start a story, strategy, quote, resource or glossary term the right way.

The new record is written from the model (scaffold_text.py): every field with its description
as a comment, the values given on the command line filled in, required text marked FILL IN
and optional fields commented out. It is valid as written but for its FILL IN texts, which
validation names until they are replaced; it has an id no other record uses, and lands in
the right file. Unknown states, themes, strategies and sources are refused with
the list of valid ones, before anything is written.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from macros.content.kinds import KIND_BY_NAME, Kind
from macros.content.loader import load_yaml
from macros.content.settings import data_dir
from macros.content.slugs import slugify
from macros.content.validate import read_records
from macros.editor.scaffold_text import (
    PLACEHOLDER,
    RecordText,
    placeholders,
    record_lines,
    schema_line,
)

NEW_KINDS = ("story", "strategy", "quote", "resource", "term")


class Refused(Exception):
    """The command names something that does not exist; nothing was written."""


class Content:
    """What the current content offers to choose from (read even if it has problems)."""

    def __init__(self, project: Path):
        self.project = project
        self.data = data_dir(project)
        records, problems = read_records(self.data, project)
        self.records = records
        self.problems = problems  # the editor's, to tell them from any a new record brings
        self.states = {s.code: s for s in records["state"]}
        self.themes = {t.id: t for t in records["theme"]}
        self.sources = [s.id for s in records["source"]]
        info = records["playbook"][0] if records["playbook"] else None
        self.default_source = (info.sources[0] if info and info.sources else None) or (
            self.sources[0] if len(self.sources) == 1 else None
        )

    def ids(self, kind: str) -> set[str]:
        if kind == "strategy":
            return {s.id for t in self.records["theme"] for s in t.strategies}
        return {r.id for r in self.records[kind]}


def _check(value: str, valid, what: str, option: str, plural: str = "") -> str:
    if value in valid:
        return value
    close = difflib.get_close_matches(value, sorted(valid), n=1, cutoff=0.6)
    guess = f" Did you mean '{close[0]}'?" if close else ""
    listing = ", ".join(sorted(valid)) or "(none yet)"
    raise Refused(
        f"unknown {what} '{value}' for {option}.{guess}\nValid {plural or what + 's'}: {listing}"
    )


def _states(content: Content, values: list[str] | None) -> list[str]:
    codes = [c.strip().upper() for v in values or [] for c in v.split(",") if c.strip()]
    return [_check(code, content.states, "state", "--state") for code in codes]


def _theme(content: Content, value: str | None) -> str | None:
    return _check(value, content.themes, "theme", "--theme") if value else None


def _strategy(content: Content, theme: str | None, value: str | None) -> str | None:
    if not value:
        return None
    if theme is None:
        raise Refused("--strategy needs --theme: a key strategy belongs to a theme")
    valid = {s.id for s in content.themes[theme].strategies}
    return _check(value, valid, "strategy", "--strategy", f"strategies of the theme '{theme}'")


def _source(content: Content, value: str | None) -> str:
    if value:
        return _check(value, content.sources, "source", "--source")
    if content.default_source:
        return content.default_source
    raise Refused(f"give --source: one of {', '.join(content.sources) or '(none yet)'}")


def _unique_id(wanted: str | None, base: str, taken: set[str], option: str = "--id") -> str:
    if wanted:
        if wanted in taken:
            raise Refused(f"the id '{wanted}' is already used; choose another {option}")
        return wanted
    base = slugify(base)[:60].strip("-") or "new"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


# The five kinds ------------------------------------------------------------------------


def new_story(content: Content, args) -> RecordText:
    states = _states(content, args.state)
    theme = _theme(content, args.theme)
    strategy = _strategy(content, theme, args.strategy)
    if not states and not args.cohort:
        raise Refused("give --state (for example --state KS), or --cohort")
    if args.cohort:
        _check(args.cohort, content.ids("cohort"), "cohort", "--cohort")
    names = " ".join(content.states[c].name for c in states) or args.cohort or ""
    folder = content.data / "stories"
    taken = content.ids("story") | {p.stem for p in folder.glob("*.y*ml")}
    words = args.title or theme
    first = names.split()[0] if names else ""
    base = words if slugify(words).startswith(slugify(first)) else f"{names} {words}"
    story_id = _unique_id(args.id, base, taken)
    values = {
        "id": story_id,
        "title": args.title,
        "states": states,
        "cohort": args.cohort,
        "theme": theme,
        "strategy": strategy,
        "source": _source(content, args.source),
    }
    new = RecordText(KIND_BY_NAME["story"], values, folder / f"{story_id}.yml")
    _suggest_strategy(new, content, theme, strategy)
    return new


def _suggest_strategy(new: RecordText, content: Content, theme: str | None, strategy) -> None:
    """With a theme and no strategy, the commented-out `strategy:` offers the theme's own."""
    if theme is None or strategy:
        return
    ids = [s.id for s in sorted(content.themes[theme].strategies, key=lambda s: s.order)]
    if ids:
        new.examples["strategy"] = ids[0]
        new.notes["strategy"] = f"The key strategies of {theme}: {', '.join(ids)}."


def new_strategy(content: Content, args) -> RecordText:
    theme_id = _theme(content, args.theme)
    theme = content.themes[theme_id]
    strategy_id = _unique_id(args.id, args.title or f"{theme_id}-strategy", content.ids("strategy"))
    order = max((s.order for s in theme.strategies), default=0) + 1
    values = {"id": strategy_id, "order": order, "title": args.title}
    return RecordText(
        KIND_BY_NAME["theme"],
        values,
        content.project / theme.origin.file,
        nested="strategies",
        label="strategy",
    )


def new_quote(content: Content, args) -> RecordText:
    states = _states(content, [args.state] if args.state else None)
    theme = _theme(content, args.theme)
    strategy = _strategy(content, theme, args.strategy)
    state_name = content.states[states[0]].name if states else ""
    quote_id = _unique_id(args.id, f"{state_name} {theme or ''} quote", content.ids("quote"))
    values = {
        "id": quote_id,
        "attribution": args.attribution,
        "state": states[0] if states else None,
        "theme": theme,
        "strategy": strategy,
        "source": _source(content, args.source),
    }
    new = _collection(content, "quote", values)
    _suggest_strategy(new, content, theme, strategy)
    return new


def new_resource(content: Content, args) -> RecordText:
    states = _states(content, args.state)
    themes = [_theme(content, t) for t in args.theme or []]
    resource_id = _unique_id(args.id, args.title or "new-resource", content.ids("resource"))
    values = {
        "id": resource_id,
        "title": args.title,
        "url": args.url,
        "states": states,
        "themes": themes,
        "source": _source(content, args.source),
    }
    return _collection(content, "resource", values)


def new_term(content: Content, args) -> RecordText:
    term_id = _unique_id(args.id, args.term, content.ids("term"))
    taken = {t.term.lower() for t in content.records["term"]}
    if args.term.lower() in taken:
        raise Refused(f"the term '{args.term}' is already in the glossary")
    values = {
        "id": term_id,
        "term": args.term,
        "expansion": args.expansion,
        "source": _source(content, args.source),
    }
    return _collection(content, "term", values)


def _collection(content: Content, name: str, values: dict) -> RecordText:
    kind = KIND_BY_NAME[name]
    return RecordText(kind, values, content.data / kind.pattern)


BUILD = {
    "story": new_story,
    "strategy": new_strategy,
    "quote": new_quote,
    "resource": new_resource,
    "term": new_term,
}


# Writing --------------------------------------------------------------------------------


def _insert_at(lines: list[str], kind: Kind, new: RecordText) -> tuple[int, str]:
    """Where the new record goes in an existing file, and the indentation of its items."""
    if new.nested:  # a strategy: after the last strategy of the theme
        data, _ = load_yaml(new.path, new.path.name)
        items = data[new.nested]
        first = lines[items.line_of(0) - 1]
        indent = first[: len(first) - len(first.lstrip())]
        end = len(lines)
        for number in range(items.line_of(len(items) - 1), len(lines)):
            text = lines[number]
            if text.strip() and not text.startswith((" ", "#")):
                end = number
                break
        while end > 0 and not lines[end - 1].strip():
            end -= 1
        return end, indent
    indent = next(
        (ln[: len(ln) - len(ln.lstrip())] for ln in lines if ln.lstrip().startswith("- ")), "  "
    )
    end = len(lines)
    while end > 0 and not lines[end - 1].strip():
        end -= 1
    return end, indent


def write(new: RecordText) -> tuple[str, list[tuple[int, str]]]:
    """Write the record; returns the file's new text and the (line, field) to fill in."""
    kind = new.kind
    if not new.path.exists():
        body = record_lines(
            new.model,
            new.values,
            indent="",
            comments=True,
            examples=new.examples,
            notes=new.notes,
        )
        header = [
            schema_line(kind, new.path, new.project_data),
            f"# {new.model.__doc__.strip()}",
            f"# Replace each {PLACEHOLDER} text; lines starting with # are comments.",
            "",
        ]
        text = "\n".join(header + body) + "\n"
        return text, placeholders(text)
    lines = new.path.read_text(encoding="utf-8").split("\n")
    if kind.is_collection:
        key = f"{kind.list_key}:"
        for i, line in enumerate(lines):  # `quotes: []` or a bare `quotes:` becomes a list
            if line.split("#")[0].strip() in (key, f"{key} []"):
                lines[i] = key
    at, indent = _insert_at(lines, kind, new)
    body = record_lines(
        new.model,
        new.values,
        indent=indent,
        comments=False,
        item=True,
        examples=new.examples,
        notes=new.notes,
    )
    lines[at:at] = body
    text = "\n".join(lines)
    if not text.endswith("\n"):
        text += "\n"
    first, last = at + 1, at + len(body)
    return text, [(n, f) for n, f in placeholders(text) if first <= n <= last]


def run(args: argparse.Namespace) -> int:
    project = Path(args.project).resolve()
    try:
        content = Content(project)
        new = BUILD[args.kind](content, args)
    except Refused as refusal:
        print(f"playbook new {args.kind}: {refusal}\nNothing was written.", file=sys.stderr)
        return 2
    new.project_data = content.data
    before = new.path.read_text(encoding="utf-8") if new.path.exists() else None
    text, todo = write(new)
    new.path.parent.mkdir(parents=True, exist_ok=True)
    new.path.write_text(text, encoding="utf-8")
    # A scaffold that breaks the content would be our bug: undo it rather than leave it.
    # (Placeholders are allowed in this read: validation for publishing names each one.)
    # Problems the file had before are the editor's, to be fixed in their own time (compared
    # without their lines, which the new lines may move).
    rel = new.path.relative_to(project).as_posix()
    _records, problems = read_records(content.data, project)
    earlier = {(p.file, p.field, p.message) for p in content.problems}
    broken = [p for p in problems if p.file == rel and (p.file, p.field, p.message) not in earlier]
    if broken and before is not None:
        new.path.write_text(before, encoding="utf-8")
    elif broken:
        new.path.unlink()
    if broken:  # pragma: no cover - a programming error
        print("\n".join(str(p) for p in broken), file=sys.stderr)
        raise RuntimeError(f"playbook new wrote an invalid {new.label}; nothing was kept")
    verb = "Created" if before is None else "Added to"
    print(f"{verb} {rel}: new {new.label} '{new.values['id']}'.")
    if todo:
        print("\nFill in next:")
        for line, field in todo:
            print(f"  {rel}:{line}: {field}")
    print(
        "\nOptional fields are commented out: remove the '# ' in front of one to use it.\n"
        "Then check with `playbook validate` and preview with `make serve`."
    )
    return 0
