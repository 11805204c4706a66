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
import os
import sys
from pathlib import Path

from macros.commands.common import load_checked, project_dir
from macros.pdf.chromium import CHROMIUM_ENV, Chromium, PdfError, chromium_path

PACKET_DEFAULT = "playbook-packet.pdf"


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


def add_parser(commands) -> argparse.ArgumentParser:
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
    make.add_argument(
        "--worksheets",
        action="store_true",
        help="add a 'where are we?' worksheet for each theme of a packet",
    )
    make.add_argument(
        "--double-sided",
        action="store_true",
        help="for printing on both sides: each chapter opens on a right-hand page",
    )
    return make


def run(args: argparse.Namespace) -> int:
    # Chromium starts while the playbook is read (and the site built); a missing Chromium is
    # said below, after any problem with the content, as before.
    chromium = Chromium().start_in_background()
    try:
        return make(args, chromium)
    finally:
        chromium.close()


def make(args: argparse.Namespace, chromium: Chromium) -> int:
    # Imported here, not above: every `playbook` command imports this module, and the
    # printing machinery is a fiftieth of a second that `playbook build` does not need.
    from macros.pages.downloads import whole
    from macros.pdf.make import UsageError, print_one, publish_with_pdfs
    from macros.pdf.packet import PacketError, choose
    from macros.pdf.printer import Job
    from macros.site import reproducible

    project = project_dir(args)
    # One date for the build and the PDFs' metadata: the last commit's (site/reproducible.py).
    os.environ["SOURCE_DATE_EPOCH"] = reproducible.source_date_epoch(project)
    context = load_checked(project)  # the build below is handed it
    if context is None:
        return 1
    pb = context.playbook
    site = (project / args.site_dir).resolve()
    try:
        chromium_path()  # before a build, so that a missing Chromium is said at once
        packet = bool(args.theme or args.state)
        if not packet and not args.output:
            count = publish_with_pdfs(context, site, chromium)
            print(f"The site in {os.path.relpath(site)}/ now offers {count} PDFs under downloads/")
            return 0
        if packet:
            try:
                chosen = choose(
                    context.pages_context, args.theme, args.state, worksheets=args.worksheets
                )
            except PacketError as error:
                raise UsageError(str(error)) from None
            subject = f"Convening packet: {'; '.join(chosen.names)}"
            title = f"{pb.info.title}: convening packet"
            output = Path(args.output or PACKET_DEFAULT).resolve()
            job = Job(output, chosen.parts, title, subject, double_sided=args.double_sided)
        else:
            item = whole(context.pages_context)
            output = Path(args.output).resolve()
            job = Job(output, (), pb.info.title, item.subject, double_sided=args.double_sided)
        print_one(context, site, job, chromium)
        return 0
    except UsageError as error:  # a mistake in the command, as argparse's own: exit 2
        print(f"playbook pdf: {error}", file=sys.stderr)
        return 2
    except PdfError as error:
        print(f"playbook pdf: {error}", file=sys.stderr)
        return 1
