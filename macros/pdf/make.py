"""Making the playbook's PDFs: the whole playbook, one per theme and state, and packets.

Library functions for `playbook pdf` (macros/commands/pdf.py): they build the site through
macros/site/publish.py and print with macros/pdf/printer.py; they call no command.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from macros.content.playbook import Playbook
from macros.content.settings import data_dir_name
from macros.pages.common import PageContext
from macros.pages.downloads import Download, downloads
from macros.pages.print_view import printed_states, state_anchor, theme_anchor
from macros.pdf.printer import Job, PdfError, Printer, chromium_path
from macros.site import publish
from macros.site.build_context import BuildContext

# What a build is made from: when any is newer than the print view, site/ is out of date.
SOURCES = ("docs", "overrides", "macros", "mkdocs.yml")  # and the data folder


class UsageError(PdfError):
    """A theme or state asked for that the playbook does not have: the command's mistake."""


def packet_parts(pb: Playbook, ctx: PageContext, themes: list[str], states: list[str]):
    """The print view's anchors for the themes and states asked for, in the playbook's order,
    and the names of those parts. Unknown ones are an error that lists the valid ones."""
    unknown = [t for t in themes if t not in pb.themes]
    if unknown:
        valid = ", ".join(pb.themes)
        raise UsageError(f"Unknown theme: {', '.join(unknown)}. The themes are: {valid}")
    printable = {s.code: s for s in printed_states(ctx)}
    codes = [s.upper() for s in states]
    unknown = [s for s, c in zip(states, codes, strict=True) if c not in printable]
    if unknown:
        valid = ", ".join(f"{s.code} ({s.name})" for s in printable.values())
        raise UsageError(
            f"Unknown state: {', '.join(unknown)}. The states with a page are: {valid}"
        )
    chosen_themes = [t for t in pb.themes.values() if t.id in themes]
    chosen_states = [s for s in printable.values() if s.code in codes]
    anchors = [theme_anchor(t.id) for t in chosen_themes]
    anchors += [state_anchor(s.code) for s in chosen_states]
    names = [t.title for t in chosen_themes] + [s.name for s in chosen_states]
    return tuple(anchors), names


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
    return Job(site / item.path, item.parts, title, item.subject)


def print_jobs(site: Path, pb: Playbook, jobs: list[Job], published: Path | None = None) -> None:
    """Print the jobs from the site in `site`; `published`: where that site will be once
    it replaces the old one (what the messages name)."""
    print(f"Printing {len(jobs)} PDF{'s' if len(jobs) > 1 else ''} with {chromium_path()}")
    with Printer(site, pb.info) as printer:
        for job in jobs:
            started = time.perf_counter()
            pages = printer.print(job)
            took = time.perf_counter() - started
            path = published / job.path.relative_to(site) if published else job.path
            print(f"Wrote {os.path.relpath(path)} ({pages} pages, {took:.1f} s)")


def publish_with_pdfs(context: BuildContext, site: Path) -> int:
    """A fresh build with its links and every PDF, which then replaces `site`.
    Returns how many PDFs the site offers."""
    site.parent.mkdir(parents=True, exist_ok=True)
    staging_root = Path(tempfile.mkdtemp(prefix=f".{site.name}-pdf-", dir=site.parent))
    try:
        staging = staging_root / "site"
        build_into(context, staging, links=True)
        items = downloads(context.pages_context)
        jobs = [job_for(item, context.playbook, staging) for item in items]
        print_jobs(staging, context.playbook, jobs, published=site)
        publish.replace_site(staging, site)
    finally:
        shutil.rmtree(staging_root, ignore_errors=True)
    return len(items)


def print_one(context: BuildContext, site: Path, job: Job) -> None:
    """Print one job from `site` when it is up to date, else from a fresh temporary build
    (`site` is never changed)."""
    if is_up_to_date(context.project, site):
        print_jobs(site, context.playbook, [job])
        return
    shown = os.path.relpath(site)
    print(
        f"{shown}/ is not built or older than the content: building the site afresh "
        f"in a temporary folder ({shown}/ is left as it is)"
    )
    with tempfile.TemporaryDirectory(prefix="playbook-pdf-") as temporary:
        fresh = Path(temporary) / "site"
        build_into(context, fresh, links=False)
        print_jobs(fresh, context.playbook, [job])
