"""The playbook as open data: `playbook.json` (everything) and `stories.csv` (one row a story).

Plain Python, no MkDocs. Output is deterministic (sorted keys, records in the playbook's
order, no timestamps) so that two builds of the same content give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json

from macros.content.playbook import Playbook

JSON_NAME = "playbook.json"
CSV_NAME = "stories.csv"
# Several values in one cell (a story in three states) are joined with this.
LIST_SEPARATOR = "; "

STORY_COLUMNS = (
    "id",
    "title",
    "summary",
    "year",
    "theme_id",
    "theme",
    "strategy_id",
    "strategy",
    "state_codes",
    "states",
    "cohort_id",
    "cohort",
    "policy_area_ids",
    "policy_areas",
    "resource_ids",
    "source_id",
    "source",
    "locator",
    "delta_center",
)


def _records(records) -> list[dict]:
    return [record.model_dump(mode="json") for record in records]


def playbook_data(pb: Playbook) -> dict:
    """Every record, grouped by kind, in the order the site shows them."""
    themes = []
    for theme in pb.themes.values():
        data = theme.model_dump(mode="json")
        data["strategies"] = _records(pb.ordered_strategies(theme))
        themes.append(data)
    return {
        "playbook": pb.info.model_dump(mode="json"),
        "sources": _records(pb.sources.values()),
        "cohorts": _records(pb.cohorts.values()),
        "states": _records(pb.states.values()),
        "policy_areas": _records(pb.policy_areas.values()),
        "themes": themes,
        "stories": _records(pb.stories.values()),
        "quotes": _records(pb.quotes.values()),
        "resources": _records(pb.resources.values()),
        "glossary": _records(pb.terms.values()),
    }


def playbook_json(pb: Playbook) -> str:
    return json.dumps(playbook_data(pb), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def story_rows(pb: Playbook) -> list[dict[str, str]]:
    rows = []
    for story in pb.stories.values():
        strategy = pb.strategies.get(story.strategy or "")
        cohort = pb.cohorts.get(story.cohort or "")
        rows.append(
            {
                "id": story.id,
                "title": story.title,
                "summary": story.summary,
                "year": str(story.year or ""),
                "theme_id": story.theme,
                "theme": pb.themes[story.theme].title,
                "strategy_id": story.strategy or "",
                "strategy": strategy.title if strategy else "",
                "state_codes": LIST_SEPARATOR.join(story.states),
                "states": LIST_SEPARATOR.join(pb.state_names(story.states)),
                "cohort_id": story.cohort or "",
                "cohort": cohort.name if cohort else "",
                "policy_area_ids": LIST_SEPARATOR.join(story.policy_areas),
                "policy_areas": LIST_SEPARATOR.join(
                    pb.policy_areas[a].name for a in story.policy_areas
                ),
                "resource_ids": LIST_SEPARATOR.join(story.resources),
                "source_id": story.source,
                "source": pb.sources[story.source].short_title,
                "locator": story.locator,
                # "yes" for a Delta Center story; "no" for another initiative's, whose states
                # must not be read as grantees.
                "delta_center": "yes" if pb.from_delta_center(story) else "no",
            }
        )
    return rows


# A cell starting with one of these is a formula to a spreadsheet (OWASP, "CSV Injection"):
# `=HYPERLINK(…)` in a title would run when a reader opens stories.csv.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: str) -> str:
    """A cell value that a spreadsheet shows as text: a leading `'` before a formula sign
    (the OWASP advice). The cell then reads `'=1+2`; playbook.json keeps the text as is."""
    return f"'{value}" if value.startswith(FORMULA_START) else value


def stories_csv(pb: Playbook) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=STORY_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in story_rows(pb):
        writer.writerow({key: spreadsheet_safe(value) for key, value in row.items()})
    return out.getvalue()


def files(pb: Playbook) -> dict[str, str]:
    """The open-data files, by their path in the built site."""
    return {JSON_NAME: playbook_json(pb), CSV_NAME: stories_csv(pb)}
