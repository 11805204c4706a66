"""What every page's footer says about the publication (overrides/partials/copyright.html).

The date is when the content last changed: the build's SOURCE_DATE_EPOCH (the last commit,
set by `playbook build`), or else the date the editors gave this version. Plain Python.
"""

from __future__ import annotations

import datetime as dt

from macros.content.model import PlaybookInfo


def footer_facts(info: PlaybookInfo, source_date_epoch: str | None) -> dict[str, str]:
    """Publisher, version and "last updated" (ISO date and words) for the footer."""
    updated = info.date
    if source_date_epoch and source_date_epoch.isdigit() and int(source_date_epoch) > 0:
        updated = dt.datetime.fromtimestamp(int(source_date_epoch), dt.UTC).date()
    return {
        "publisher": info.publisher,
        "version": info.version,
        "updated_iso": updated.isoformat(),
        "updated_text": f"{updated:%B} {updated.day}, {updated.year}",
    }
