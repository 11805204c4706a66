"""The Playbook: validated records, ordered and indexed for page generation.

Everything a page or template needs to look up is answered here, once, so that templates
receive ready objects and never search the data themselves.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from macros.content.model import (
    Cohort,
    PlaybookInfo,
    PolicyArea,
    Quote,
    Resource,
    Source,
    State,
    Story,
    Strategy,
    Term,
    Theme,
)


@dataclass(frozen=True)
class StateStanding:
    """Why a state appears in the playbook, no more than the sources say.

    `kind` is one of:
    - "grantee": a source places its associations in a Delta Center cohort (`cohorts`);
    - "delta-center": a Delta Center source tells of it, without saying it was a grantee;
    - "other": it appears only for another initiative (`other_sources`) or a resource;
    - "none": nothing in the playbook is about it.
    """

    kind: str
    cohorts: tuple[str, ...] = ()
    other_sources: tuple[str, ...] = ()  # non-Delta Center sources of its stories and quotes
    resources: tuple[str, ...] = ()  # ids of the resources that name it
    delta_center_sources: tuple[str, ...] = ()  # Delta Center sources of its stories and quotes


def _by_id(records: Iterable, key: str = "id") -> dict:
    return {getattr(r, key): r for r in records}


@dataclass
class Playbook:
    info: PlaybookInfo
    sources: dict[str, Source]
    cohorts: dict[str, Cohort]
    states: dict[str, State]  # by USPS code, sorted by name
    policy_areas: dict[str, PolicyArea]  # in their order
    themes: dict[str, Theme]  # in their order
    stories: dict[str, Story]  # in reading order: theme, strategy, title
    quotes: dict[str, Quote]
    resources: dict[str, Resource]
    terms: dict[str, Term]  # sorted by term
    strategies: dict[str, Strategy] = field(init=False)
    theme_of_strategy: dict[str, Theme] = field(init=False)
    story_order: dict[str, int] = field(init=False)  # a story's place in reading order

    @classmethod
    def from_records(cls, info: PlaybookInfo, records: dict[str, list]) -> Playbook:
        themes = sorted(records["theme"], key=lambda t: t.order)
        return cls(
            info=info,
            sources=_by_id(records["source"]),
            cohorts=_by_id(records["cohort"]),
            states=_by_id(sorted(records["state"], key=lambda s: s.name), key="code"),
            policy_areas=_by_id(sorted(records["policy_area"], key=lambda p: p.order)),
            themes=_by_id(themes),
            stories=_by_id(records["story"]),
            quotes=_by_id(records["quote"]),
            resources=_by_id(records["resource"]),
            terms=_by_id(sorted(records["term"], key=lambda t: t.term.lower())),
        )

    def __post_init__(self) -> None:
        self.strategies = {}
        self.theme_of_strategy = {}
        for theme in self.themes.values():
            for strategy in sorted(theme.strategies, key=lambda s: s.order):
                self.strategies[strategy.id] = strategy
                self.theme_of_strategy[strategy.id] = theme
        self.stories = _by_id(sorted(self.stories.values(), key=self._story_position))
        self.story_order = {story_id: n for n, story_id in enumerate(self.stories)}
        self._stories_by: dict[tuple[str, str], list[Story]] = defaultdict(list)
        for story in self.stories.values():
            self._stories_by["theme", story.theme].append(story)
            self._stories_by["strategy", story.strategy or ""].append(story)
            for code in story.states:
                self._stories_by["state", code].append(story)
            for area in story.policy_areas:
                self._stories_by["policy_area", area].append(story)
            for resource in story.resources:
                self._stories_by["resource", resource].append(story)
        # The same, as distinct ids (a story that names a state twice is counted once).
        self._story_ids_by = {
            key: tuple(dict.fromkeys(story.id for story in stories))
            for key, stories in self._stories_by.items()
        }
        self._quotes_by: dict[tuple[str, str], list[Quote]] = defaultdict(list)
        for quote in self.quotes.values():
            self._quotes_by["theme", self.quote_theme(quote) or ""].append(quote)
            self._quotes_by["strategy", quote.strategy or ""].append(quote)
            self._quotes_by["state", quote.state or ""].append(quote)

    def _story_position(self, story: Story) -> tuple:
        theme = self.themes.get(story.theme)
        strategy = self.strategies.get(story.strategy or "")
        return (
            theme.order if theme else 99,
            strategy.order if strategy else 0,
            story.title.lower(),
        )

    # Look-ups used by page generation -------------------------------------------------

    def ordered_strategies(self, theme: Theme) -> list[Strategy]:
        return sorted(theme.strategies, key=lambda s: s.order)

    def quote_theme(self, quote: Quote) -> str | None:
        if quote.theme:
            return quote.theme
        if quote.strategy and quote.strategy in self.theme_of_strategy:
            return self.theme_of_strategy[quote.strategy].id
        return None

    def stories_for(self, kind: str, key: str) -> list[Story]:
        """Stories by 'theme', 'strategy', 'state', 'policy_area' or 'resource' (the stories
        that cite it), in reading order."""
        return list(self._stories_by.get((kind, key), []))

    def story_ids_for(self, kind: str, key: str) -> tuple[str, ...]:
        """The ids of stories_for(kind, key), each once."""
        return self._story_ids_by.get((kind, key), ())

    def resources_for(self, kind: str, key: str) -> list[Resource]:
        """Resources about a 'theme' or a 'state': those that name it, and those that its
        stories cite, in file order."""
        named = {"theme": "themes", "state": "states"}[kind]
        cited = {r for story in self.stories_for(kind, key) for r in story.resources}
        return [r for r in self.resources.values() if key in getattr(r, named) or r.id in cited]

    def quotes_for(self, kind: str, key: str) -> list[Quote]:
        """Quotes by 'theme', 'strategy' or 'state', in file order."""
        return list(self._quotes_by.get((kind, key), []))

    def theme_stories_without_strategy(self, theme: Theme) -> list[Story]:
        return [s for s in self.stories_for("theme", theme.id) if not s.strategy]

    def theme_quotes_without_strategy(self, theme: Theme) -> list[Quote]:
        return [q for q in self.quotes_for("theme", theme.id) if not q.strategy]

    def from_delta_center(self, record: Story | Quote) -> bool:
        """Whether a story or quote comes from a source about the Delta Center itself."""
        source = self.sources.get(record.source)
        return bool(source and source.delta_center)

    def state_standing(self, code: str) -> StateStanding:
        """Why the state appears: a grantee cohort, a Delta Center story, or other reasons."""
        state = self.states[code]
        records = [*self.stories_for("state", code), *self.quotes_for("state", code)]
        delta = tuple(dict.fromkeys(r.source for r in records if self.from_delta_center(r)))
        others = tuple(dict.fromkeys(r.source for r in records if not self.from_delta_center(r)))
        resources = tuple(r.id for r in self.resources.values() if code in r.states)
        if state.cohorts:
            kind = "grantee"
        elif delta:
            kind = "delta-center"
        elif others or resources:
            kind = "other"
        else:
            kind = "none"
        return StateStanding(kind, tuple(state.cohorts), others, resources, delta)

    def states_with_stories(self) -> list[State]:
        return [s for s in self.states.values() if self.stories_for("state", s.code)]

    def state_names(self, codes: Iterable[str]) -> list[str]:
        return [self.states[c].name for c in codes if c in self.states]
