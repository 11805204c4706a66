"""Rules between records: unique ids, unique order numbers, references that resolve."""

from __future__ import annotations

from collections.abc import Iterable

from macros.content.model import PlaybookInfo, Record
from macros.content.problems import Problem, suggest

# The kind of record each reference label points to.
_TARGET_KIND = {
    "sources": "source",
    "cohorts": "cohort",
    "states": "state",
    "policy areas": "policy_area",
    "themes": "theme",
    "strategies": "theme",
    "resources": "resource",
}


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

    def refs(self, record: Record, field: str, valid: dict, kind: str) -> None:
        """Each id in `field` (a single id or a list of them) must be a key of `valid`."""
        value = getattr(record, field)
        if value is None or _TARGET_KIND[kind] in self.incomplete:
            return
        values = value if isinstance(value, list) else [value]
        for index, item in enumerate(values):
            if item in valid:
                continue
            at = index if isinstance(value, list) else None
            self.problems.append(
                Problem(
                    record.origin.file,
                    record.origin.line_of(field, at),
                    record.origin.path(field, at),
                    f"unknown {kind[:-1] if kind.endswith('s') else kind} '{item}'",
                    suggest(item, valid, kind=kind),
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


def check_references(
    records: dict[str, list[Record]], info: PlaybookInfo | None, incomplete: set[str]
) -> list[Problem]:
    check = _Checker(incomplete)
    id_hint = "give each record its own id"
    order_hint = "give each one its own position number"
    sources = check.unique(records["source"], "id", "the source id", id_hint)
    cohorts = check.unique(records["cohort"], "id", "the cohort id", id_hint)
    states = check.unique(records["state"], "code", "the state code", "list each state once")
    areas = check.unique(records["policy_area"], "id", "the policy area id", id_hint)
    themes = check.unique(records["theme"], "id", "the theme id", id_hint)
    stories = check.unique(records["story"], "id", "the story id", id_hint)
    check.unique(records["quote"], "id", "the quote id", id_hint)
    resources = check.unique(records["resource"], "id", "the resource id", id_hint)
    check.unique(records["term"], "id", "the term id", id_hint)
    check.unique(records["term"], "term", "the glossary term", "define each term once")
    check.unique(records["theme"], "order", "the theme order", order_hint)
    check.unique(records["policy_area"], "order", "the policy area order", order_hint)

    all_strategies = [s for theme in records["theme"] for s in theme.strategies]
    strategies = check.unique(all_strategies, "id", "the strategy id", id_hint)
    theme_of = {s.id: theme.id for theme in records["theme"] for s in theme.strategies}
    for theme in records["theme"]:
        check.unique(theme.strategies, "order", "the strategy order", order_hint)
        check.refs(theme, "source", sources, "sources")

    if info is not None:
        check.refs(info, "sources", sources, "sources")
    for cohort in records["cohort"]:
        check.refs(cohort, "source", sources, "sources")
    for state in records["state"]:
        check.refs(state, "cohorts", cohorts, "cohorts")
    for area in records["policy_area"]:
        check.refs(area, "source", sources, "sources")

    for story in stories.values():
        check.refs(story, "states", states, "states")
        check.refs(story, "cohort", cohorts, "cohorts")
        check.refs(story, "theme", themes, "themes")
        check.refs(story, "strategy", strategies, "strategies")
        check.refs(story, "policy_areas", areas, "policy areas")
        check.refs(story, "source", sources, "sources")
        check.refs(story, "resources", resources, "resources")
        if not story.states and not story.cohort:
            check.add(
                story,
                "states",
                "a story names no state and no cohort",
                "add `states: [XX]` with the state codes, or `cohort:` when the source names "
                "only a group of grantees",
            )
        _same_theme(check, story, theme_of, themes)

    for quote in records["quote"]:
        check.refs(quote, "state", states, "states")
        check.refs(quote, "theme", themes, "themes")
        check.refs(quote, "strategy", strategies, "strategies")
        check.refs(quote, "source", sources, "sources")
        _same_theme(check, quote, theme_of, themes)

    for resource in records["resource"]:
        check.refs(resource, "states", states, "states")
        check.refs(resource, "themes", themes, "themes")
        check.refs(resource, "source", sources, "sources")
    for term in records["term"]:
        check.refs(term, "source", sources, "sources")
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
