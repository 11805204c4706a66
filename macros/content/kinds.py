"""Which file of `playbook_data/` holds which kind of record.

Two layouts: a *collection* file holds a list under one top-level key (`states.yml` has
`states:`), a *folder* holds one record per file (`stories/kansas-licensure-billing.yml`).
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatch

from macros.content import model


@dataclass(frozen=True)
class Kind:
    name: str  # singular, used in messages and in `playbook new`
    plural: str
    model: type[model.Record]
    pattern: str  # path relative to playbook_data/
    list_key: str | None = None  # the top-level key of a collection file
    id_field: str = "id"

    @property
    def is_collection(self) -> bool:
        return self.list_key is not None

    def matches(self, relative_path: str) -> bool:
        # `*` stays within one folder: themes/stories/x.yml is not a theme.
        same_depth = relative_path.count("/") == self.pattern.count("/")
        return same_depth and fnmatch(relative_path, self.pattern)


KINDS: tuple[Kind, ...] = (
    Kind("playbook", "playbook", model.PlaybookInfo, "playbook.yml", id_field=""),
    Kind("source", "sources", model.Source, "sources.yml", "sources"),
    Kind("cohort", "cohorts", model.Cohort, "cohorts.yml", "cohorts"),
    Kind("state", "states", model.State, "states.yml", "states", id_field="code"),
    Kind("policy_area", "policy areas", model.PolicyArea, "policy_areas.yml", "policy_areas"),
    Kind("theme", "themes", model.Theme, "themes/*.yml"),
    Kind("story", "stories", model.Story, "stories/*.yml"),
    Kind("quote", "quotes", model.Quote, "quotes.yml", "quotes"),
    Kind("resource", "resources", model.Resource, "resources.yml", "resources"),
    Kind("term", "glossary terms", model.Term, "glossary.yml", "terms"),
)

KIND_BY_NAME = {kind.name: kind for kind in KINDS}


def kind_for(relative_path: str) -> Kind | None:
    for kind in KINDS:
        if kind.matches(relative_path):
            return kind
    return None


def layout_description() -> str:
    return ", ".join(kind.pattern for kind in KINDS)


SCHEMA_DIR = "schemas"  # beside playbook_data/: the JSON Schemas editors' tools read


def schema_file(kind: Kind) -> str:
    return f"{kind.name}.schema.json"
