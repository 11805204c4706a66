"""`playbook pdf`: the playbook as PDFs, for convenings.

    playbook pdf                                   # site/ with every PDF under site/downloads/
    playbook pdf --output playbook.pdf             # only the whole playbook, to that file
    playbook pdf --theme ID --state CODE [...]     # a convening packet (--output, default
                                                   # playbook-packet.pdf)

Without options the site is built afresh with its "Download PDF" links, the PDFs are printed
into that build, and only then does it replace site/: the published site never links to a PDF
it does not hold. With --output, --theme or --state, site/ is used as it is when it is up to
date (else a fresh build in a temporary folder), and it is not changed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from macros.commands import cli
from macros.content.playbook import Playbook
from macros.pages.common import PageContext
from macros.pages.print_view import printed_states, state_anchor, theme_anchor
from macros.pdf.downloads import Download, downloads, whole
from macros.pdf.printer import CHROMIUM_ENV, Job, PdfError, Printer, chromium_path
from macros.site import reproducible
from macros.site.print_hooks import PDF_LINKS_ENV

PACKET_DEFAULT = "playbook-packet.pdf"
# What a build is made from: when any is newer than the print view, site/ is out of date.
SOURCES = ("playbook_data", "docs", "overrides", "macros", "mkdocs.yml")


DESCRIPTION = """\
Print the playbook to PDF with headless Chromium. Without options: build the site with its
"Download PDF" links and write the whole playbook, one PDF per theme and one per state under
SITE_DIR/downloads/. With --theme or --state: one convening packet with just those parts,
cover and contents included."""

EPILOG = f"""\
examples:
  playbook pdf                                   # site/downloads/playbook.pdf, themes/, states/
  playbook pdf --output playbook.pdf             # only the whole playbook, to that file
  playbook pdf --theme collective-action --state KS --state MS --output kansas-meeting.pdf

Chromium is /usr/bin/chromium (Debian: sudo apt-get install chromium); set {CHROMIUM_ENV}
to use another Chromium or Google Chrome program."""


def add_parser(commands) -> None:
    make = commands.add_parser(
        "pdf",
        help="print the playbook, a theme, a state or a packet to PDF (needs Chromium)",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    make.add_argument("--site-dir", default="site", help="the site folder (default: site)")
    make.add_argument(
        "--output",
        metavar="PATH",
        help="write one PDF here (the whole "
        f"playbook, or the packet; a packet's default is {PACKET_DEFAULT})",
    )
    make.add_argument(
        "--theme",
        action="append",
        default=[],
        metavar="ID",
        help="put this theme in a packet (repeatable)",
    )
    make.add_argument(
        "--state",
        action="append",
        default=[],
        metavar="CODE",
        help="put this state in a packet, by its two-letter code (repeatable)",
    )
    make.set_defaults(run=run)


def packet_parts(pb: Playbook, ctx: PageContext, themes: list[str], states: list[str]):
    """The print view's anchors for the themes and states asked for, in the playbook's order,
    and the names of those parts. Unknown ones are an error that lists the valid ones."""
    unknown = [t for t in themes if t not in pb.themes]
    if unknown:
        valid = ", ".join(pb.themes)
        raise PdfError(f"Unknown theme: {', '.join(unknown)}. The themes are: {valid}")
    printable = {s.code: s for s in printed_states(ctx)}
    codes = [s.upper() for s in states]
    unknown = [s for s, c in zip(states, codes, strict=True) if c not in printable]
    if unknown:
        valid = ", ".join(f"{s.code} ({s.name})" for s in printable.values())
        raise PdfError(f"Unknown state: {', '.join(unknown)}. The states with a page are: {valid}")
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
    for name in SOURCES:
        source = project / name
        files = source.rglob("*") if source.is_dir() else [source]
        if any(f.is_file() and f.stat().st_mtime > built for f in files):
            return False
    return True


def build_into(project: Path, site: Path, *, links: bool) -> None:
    """A strict build (the `playbook build` one) into `site`, with or without PDF links."""
    before = os.environ.get(PDF_LINKS_ENV)
    os.environ[PDF_LINKS_ENV] = "1" if links else "0"  # read by print_hooks in the build
    try:
        # Its "Built the site in …" would name a temporary folder; problems go to stderr.
        with contextlib.redirect_stdout(io.StringIO()):
            status = cli.build(argparse.Namespace(project=str(project), site_dir=str(site)))
        if status != 0:
            raise PdfError("the site did not build; nothing was printed")
    finally:
        if before is None:
            os.environ.pop(PDF_LINKS_ENV, None)
        else:
            os.environ[PDF_LINKS_ENV] = before


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


def publish(project: Path, site: Path, pb: Playbook, ctx: PageContext) -> None:
    """A fresh build with its links and PDFs, which then replaces site/."""
    site.parent.mkdir(parents=True, exist_ok=True)
    staging_root = Path(tempfile.mkdtemp(prefix=f".{site.name}-pdf-", dir=site.parent))
    try:
        staging = staging_root / "site"
        build_into(project, staging, links=True)
        jobs = [job_for(item, pb, staging) for item in downloads(ctx)]
        print_jobs(staging, pb, jobs, published=site)
        cli.replace_site(staging, site)
    finally:
        shutil.rmtree(staging_root, ignore_errors=True)
    count = len(downloads(ctx))
    print(f"The site in {os.path.relpath(site)}/ now offers {count} PDFs under downloads/")


def run(args: argparse.Namespace) -> int:
    project = Path(args.project).resolve()
    # One date for the build and the PDFs' metadata: the last commit's (macros/reproducible.py).
    os.environ["SOURCE_DATE_EPOCH"] = reproducible.source_date_epoch(project)
    pb = cli.load_checked(project)  # the build below finds it loaded
    if pb is None:
        return 1
    ctx = PageContext.shared(pb)
    site = (project / args.site_dir).resolve()
    try:
        chromium_path()  # before a build, so that a missing Chromium is said at once
        packet = bool(args.theme or args.state)
        if not packet and not args.output:
            publish(project, site, pb, ctx)
            return 0
        if packet:
            parts, names = packet_parts(pb, ctx, args.theme, args.state)
            subject = f"Convening packet: {'; '.join(names)}"
            job = Job(
                Path(args.output or PACKET_DEFAULT).resolve(),
                parts,
                f"{pb.info.title}: convening packet",
                subject,
            )
        else:
            item = whole(ctx)
            job = Job(Path(args.output).resolve(), (), pb.info.title, item.subject)
        if is_up_to_date(project, site):
            print_jobs(site, pb, [job])
            return 0
        shown = os.path.relpath(site)
        print(
            f"{shown}/ is not built or older than the content: building the site afresh "
            f"in a temporary folder ({shown}/ is left as it is)"
        )
        with tempfile.TemporaryDirectory(prefix="playbook-pdf-") as temporary:
            fresh = Path(temporary) / "site"
            build_into(project, fresh, links=False)
            print_jobs(fresh, pb, [job])
        return 0
    except PdfError as error:
        print(f"playbook pdf: {error}", file=sys.stderr)
        return 1
