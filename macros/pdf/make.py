"""Making the playbook's PDFs: the whole playbook, one per theme and state, and packets.

Library functions for `playbook pdf` (macros/commands/pdf.py): they build the site through
macros/site/publish.py and print with macros/pdf/printer.py; they call no command.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
import time
from pathlib import Path

from macros.content.playbook import Playbook
from macros.content.settings import data_dir_name
from macros.pages.downloads import Download, downloads
from macros.pages.print_view import (
    CONTENTS,
    COVER,
    GLOSSARY,
    POLICY,
    RESOURCES,
    STATES,
    printed_states,
    state_anchor,
    theme_anchor,
)
from macros.pdf import paged
from macros.pdf.chromium import Chromium, PdfError, chromium_path
from macros.pdf.printer import Job, Printed, Printer
from macros.site import publish
from macros.site.build_context import BuildContext

# What a build is made from: when any is newer than the print view, site/ is out of date.
SOURCES = ("docs", "overrides", "macros", "mkdocs.yml")  # and the data folder


class UsageError(PdfError):
    """A theme or state asked for that the playbook does not have: the command's mistake."""


def is_up_to_date(project: Path, site: Path) -> bool:
    printed = site / "print" / "index.html"
    if not printed.is_file():
        return False
    built = printed.stat().st_mtime
    for name in (*SOURCES, data_dir_name(project)):
        source = project / name
        files = source.rglob("*") if source.is_dir() else [source]
        if any(f.is_file() and f.stat().st_mtime > built for f in files):
            return False
    return True


def build_into(context: BuildContext, site: Path, *, links: bool) -> None:
    """A strict build into `site`, with or without "Download PDF" links."""
    context.pdf_links = links
    if not publish.build_into(context, site):
        raise PdfError("the site did not build; nothing was printed")


def job_for(item: Download, pb: Playbook, site: Path) -> Job:
    title = pb.info.title if not item.parts else f"{pb.info.title}: {item.subject}"
    return Job(site / item.path, item.parts, title, item.subject, sheet=item.sheet)


def print_jobs(
    site: Path,
    pb: Playbook,
    jobs: list[Job],
    published: Path | None = None,
    chromium: Chromium | None = None,
    layout: paged.Layout | None = None,
) -> tuple[list[Printed], paged.Layout | None]:
    """Print the jobs from the site in `site`; `published`: where that site will be once
    it replaces the old one (what the messages name); `chromium`: one already starting;
    `layout`: the whole playbook's, when known. Returns what was printed and the layout."""
    print(f"Printing {len(jobs)} PDF{'s' if len(jobs) > 1 else ''} with {chromium_path()}")
    started = time.perf_counter()
    with Printer(site, pb.info, chromium=chromium, layout=layout) as printer:
        printed = printer.print_all(jobs, last=True)
        for done in printed:
            path = published / done.job.path.relative_to(site) if published else done.job.path
            prints = f"{done.passes} print{'s' if done.passes > 1 else ''}"
            pages = f"{done.pages} page{'s' if done.pages > 1 else ''}"
            print(f"Wrote {os.path.relpath(path)} ({pages}, {prints})")
    print(f"Printed in {time.perf_counter() - started:.1f} s")
    return printed, printer.layout


PAGE_COUNTS = "print/pages.json"


def write_page_counts(
    context: BuildContext,
    site: Path,
    whole_pdf: Path,
    printed: list[Printed],
    layout: paged.Layout | None,
) -> None:
    """print/pages.json: how many pages the cover, the contents and each part take in the
    whole playbook as printed, for the page count of the "Make a packet" page; and the page
    numbers of each document printed (its parts; none: the whole playbook), read back from
    its PDF, which the page fills in when a reader prints the same parts from the browser;
    and the whole playbook's layout, from which `playbook pdf --output/--theme/--state`
    predicts its page numbers when it prints from this site (published_layout)."""
    ctx, pb = context.pages_context, context.playbook
    parts = [theme_anchor(t) for t in pb.themes] + [
        state_anchor(s.code) for s in printed_states(ctx)
    ]
    parts += [STATES, POLICY, RESOURCES, GLOSSARY]
    lengths = paged.part_lengths(whole_pdf.read_bytes(), [COVER, CONTENTS, *parts])
    counts = {
        "cover": 1,
        "contents": math.ceil(lengths.get(CONTENTS, 1)),
        "parts": {name: lengths[name] for name in parts if name in lengths},
        "terms": len(pb.terms),  # a packet's glossary keeps only the terms it uses
        "numbered": [
            {"parts": list(done.job.parts), "pages": done.numbers}
            for done in printed
            if done.numbers is not None and not done.job.sheet
        ],
        "layout": layout.to_json() if layout else None,
    }
    (site / PAGE_COUNTS).write_text(json.dumps(counts, indent=1, sort_keys=True) + "\n")


def publish_with_pdfs(context: BuildContext, site: Path, chromium: Chromium | None = None) -> int:
    """A fresh build with its links and every PDF, which then replaces `site`.
    Returns how many PDFs the site offers."""
    site.parent.mkdir(parents=True, exist_ok=True)
    staging_root = Path(tempfile.mkdtemp(prefix=f".{site.name}-pdf-", dir=site.parent))
    try:
        staging = staging_root / "site"
        build_into(context, staging, links=True)
        items = downloads(context.pages_context)
        jobs = [job_for(item, context.playbook, staging) for item in items]
        printed, layout = print_jobs(
            staging, context.playbook, jobs, published=site, chromium=chromium
        )
        write_page_counts(context, staging, staging / items[0].path, printed, layout)
        publish.replace_site(staging, site)
    finally:
        shutil.rmtree(staging_root, ignore_errors=True)
    return len(items)


def published_layout(site: Path) -> paged.Layout | None:
    """The whole playbook's layout as `playbook pdf` published it with the site, if it did
    (a hint only: every number printed is read back and corrected when wrong)."""
    try:
        data = json.loads((site / PAGE_COUNTS).read_text())
        return paged.Layout.from_json(data["layout"]) if data.get("layout") else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def print_one(
    context: BuildContext, site: Path, job: Job, chromium: Chromium | None = None
) -> None:
    """Print one job from `site` when it is up to date, else from a fresh temporary build
    (`site` is never changed)."""
    if is_up_to_date(context.project, site):
        layout = published_layout(site)
        print_jobs(site, context.playbook, [job], chromium=chromium, layout=layout)
        return
    shown = os.path.relpath(site)
    print(
        f"{shown}/ is not built or older than the content: building the site afresh "
        f"in a temporary folder ({shown}/ is left as it is)"
    )
    with tempfile.TemporaryDirectory(prefix="playbook-pdf-") as temporary:
        fresh = Path(temporary) / "site"
        build_into(context, fresh, links=False)
        print_jobs(fresh, context.playbook, [job], chromium=chromium)
