"""Rules between records: unique ids, unique order numbers, references that resolve.

References are not listed here: every field of the model marked `RefersTo(kind)` is checked
by one loop, so a new reference is declared on its field in model.py and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from macros.content.kinds import KINDS
from macros.content.model import PlaybookInfo, Record, refers_to
from macros.content.problems import Problem, suggest


@dataclass(frozen=True)
class Target:
    """What a reference can point to: the records of one kind, by id."""

    singular: str  # in messages: "unknown policy area 'x'"
    plural: str  # in hints: "valid policy areas: …"
    index: dict
    loaded_from: str  # the kind whose files hold them (a strategy's is "theme")


class _Checker:
    def __init__(self, incomplete: set[str]) -> None:
        self.problems: list[Problem] = []
        # Kinds with a file or record that failed to load: a reference to them may be
        # fine, so it is not reported (the failure itself already is).
        self.incomplete = incomplete

    def unique(self, records: Iterable[Record], field: str, what: str, hint: str) -> dict:
        """Index records by `field`; report a value used twice, naming the first use."""
        seen: dict = {}
        for record in records:
            value = getattr(record, field)
            key = value.lower() if isinstance(value, str) and field == "term" else value
            if key in seen:
                first = seen[key].origin
                self.problems.append(
                    Problem(
                        record.origin.file,
                        record.origin.line_of(field),
                        record.origin.path(field),
                        f"{what} '{value}' is used twice (first in {first.file}:"
                        f"{first.line_of(field)})",
                        hint,
                    )
                )
            else:
                seen[key] = record
        return seen

    def refs(self, record: Record, field: str, target: Target) -> None:
        """Each id in `field` (a single id or a list of them) must be one of the target's."""
        value = getattr(record, field)
        if value is None or target.loaded_from in self.incomplete:
            return
        values = value if isinstance(value, list) else [value]
        for index, item in enumerate(values):
            if item in target.index:
                continue
            at = index if isinstance(value, list) else None
            self.problems.append(
                Problem(
                    record.origin.file,
                    record.origin.line_of(field, at),
                    record.origin.path(field, at),
                    f"unknown {target.singular} '{item}'",
                    suggest(item, target.index, kind=target.plural),
                )
            )

    def add(self, record: Record, field: str, message: str, hint: str = "") -> None:
        self.problems.append(
            Problem(
                record.origin.file,
                record.origin.line_of(field),
                record.origin.path(field),
                message,
                hint,
            )
        )


def _every_record(records: Iterable[Record]) -> Iterator[Record]:
    """Each record, and each record held inside one (a theme's strategies)."""
    for record in records:
        yield record
        for name in type(record).model_fields:
            value = getattr(record, name)
            if isinstance(value, list) and value and isinstance(value[0], Record):
                yield from _every_record(value)


def check_references(
    records: dict[str, list[Record]], info: PlaybookInfo | None, incomplete: set[str]
) -> list[Problem]:
    check = _Checker(incomplete)
    id_hint = "give each record its own id"
    order_hint = "give each one its own position number"

    targets: dict[str, Target] = {}
    for kind in KINDS:
        if not kind.id_field:  # the playbook itself: one record, never referred to
            continue
        name = kind.name.replace("_", " ")
        what = f"the {name} {kind.id_field}"  # "the story id", "the state code"
        hint = "list each state once" if kind.name == "state" else id_hint
        index = check.unique(records[kind.name], kind.id_field, what, hint)
        targets[kind.name] = Target(name, kind.plural, index, kind.name)
    check.unique(records["term"], "term", "the glossary term", "define each term once")
    check.unique(records["theme"], "order", "the theme order", order_hint)
    check.unique(records["policy_area"], "order", "the policy area order", order_hint)

    all_strategies = [s for theme in records["theme"] for s in theme.strategies]
    strategies = check.unique(all_strategies, "id", "the strategy id", id_hint)
    targets["strategy"] = Target("strategy", "strategies", strategies, "theme")
    for theme in records["theme"]:
        check.unique(theme.strategies, "order", "the strategy order", order_hint)

    everything = [info] if info is not None else []
    everything += [record for kind in KINDS for record in records.get(kind.name, [])]
    for record in _every_record(everything):
        for field, declared in type(record).model_fields.items():
            target = refers_to(declared)
            if target is not None:
                check.refs(record, field, targets[target])
    for state in records["state"]:
        if state.associations and not state.associations_source:
            check.add(
                state,
                "associations",
                "the associations do not say which source names them",
                "add `associations_source:` with the id of the source that names them",
            )

    theme_of = {s.id: theme.id for theme in records["theme"] for s in theme.strategies}
    themes = targets["theme"].index
    for story in records["story"]:
        if not story.states and not story.cohort:
            check.add(
                story,
                "states",
                "a story names no state and no cohort",
                "add `states: [XX]` with the state codes, or `cohort:` when the source names "
                "only a group of grantees",
            )
        _same_theme(check, story, theme_of, themes)
        source = targets["source"].index.get(story.source)
        if story.cohort and source is not None and not source.delta_center:
            check.add(
                story,
                "cohort",
                f"a story from '{story.source}' names a Delta Center cohort, but that source "
                "is not about the Delta Center",
                "remove `cohort:`: only a Delta Center source can say that a state was a grantee",
            )

    for quote in records["quote"]:
        _same_theme(check, quote, theme_of, themes)
    return check.problems


def _same_theme(check: _Checker, record: Record, theme_of: dict[str, str], themes: dict) -> None:
    """A record that names both a theme and a strategy must name a strategy of that theme."""
    theme, strategy = getattr(record, "theme", None), getattr(record, "strategy", None)
    known = theme in themes and strategy in theme_of
    if known and theme_of[strategy] != theme:
        check.add(
            record,
            "strategy",
            f"the strategy '{strategy}' belongs to the theme '{theme_of[strategy]}', not '{theme}'",
            "change `theme:` or `strategy:` so that they match",
        )
