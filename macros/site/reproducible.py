"""Reproducible builds: the same commit gives byte-identical output.

The only date MkDocs writes is the build date, in sitemap.xml (`lastmod`) and in the gzip
header of sitemap.xml.gz. MkDocs reads it from SOURCE_DATE_EPOCH when set
(https://reproducible-builds.org/specs/source-date-epoch/); `playbook build` sets it to the
time of the last git commit, so the sitemap says when the content last changed.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

# Outside git (an unpacked archive, a test's temporary copy) the date cannot be known:
# a fixed value keeps the output reproducible all the same.
FALLBACK_EPOCH = "0"


def source_date_epoch(project: Path) -> str:
    """SOURCE_DATE_EPOCH for a build of `project`: the caller's, else the last commit's."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        result = subprocess.run(
            ["git", "-C", str(project), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return FALLBACK_EPOCH
    stamp = result.stdout.strip()
    return stamp if result.returncode == 0 and stamp.isdigit() else FALLBACK_EPOCH
