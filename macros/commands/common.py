"""What the sub-commands share: the project folder and the checked content."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.content.problems import ContentError, format_text
from macros.site.build_context import BuildContext


def project_dir(args: argparse.Namespace) -> Path:
    return Path(args.project).resolve()


def load_checked(project: Path, *, pdf_links: bool = False) -> BuildContext | None:
    """The checked content, or None with every problem printed: content is checked before
    the engine starts, so that problems are shown alone and in full. A build in this same
    process is handed it (`playbook build`, `playbook pdf`) and reads nothing twice."""
    try:
        return BuildContext.load(project, pdf_links=pdf_links)
    except ContentError as error:
        print(format_text(error.problems), file=sys.stderr)
        return None
