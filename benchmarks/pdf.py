"""How long `playbook pdf` takes. Targets on 2 cores: the whole playbook in under 4 s, the
complete `playbook pdf` (a build and every PDF) in under 10 s.

    python benchmarks/pdf.py [--runs 5] [--project .] [--all]

Builds the site once into a temporary folder, then runs `playbook pdf --output …` on it
several times, as a person would from a shell: each run starts Python, Chromium and the local
server, prints the whole playbook (twice: a site built by `playbook build` holds no layout to
predict its page numbers from) and finishes it. Prints each run, the median and the pages
printed per second. It measures, it does not judge: the exit status is 0 unless a run fails.
With --all, it also times one complete `playbook pdf`: a build with the download links and
every PDF (whole playbook, each theme, each state), then `playbook pdf --output` of the whole
playbook from that published site (one print: its layout is published with it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 4.0  # `playbook pdf --output` of the whole playbook
TARGET_ALL_SECONDS = 10.0  # a build and every PDF
ROOT = Path(__file__).resolve().parents[1]


def playbook(project: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "macros.commands", "--project", str(project), *args]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    if result.returncode != 0:
        sys.exit(f"`playbook {' '.join(args)}` failed:\n{result.stdout}{result.stderr}")
    return result


def pages_of(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--runs", type=int, default=5, help="timed runs (default: 5)")
    options.add_argument("--project", type=Path, default=ROOT, help="project (default: this)")
    options.add_argument("--all", action="store_true", help="also time a complete playbook pdf")
    args = options.parse_args(argv)

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Machine: {os.cpu_count()} cores, load average {load:.1f} at the start")
    started_all = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as temporary:
        site, out = Path(temporary) / "site", Path(temporary) / "playbook.pdf"
        started = time.perf_counter()
        playbook(args.project, "build", "--site-dir", str(site))
        print(f"Site built once in {time.perf_counter() - started:.1f} s")

        times = []
        for run in range(1, args.runs + 1):
            started = time.perf_counter()
            result = playbook(args.project, "pdf", "--site-dir", str(site), "--output", str(out))
            times.append(time.perf_counter() - started)
            if "building the site afresh" in result.stdout:
                sys.exit("the site was rebuilt during a timed run: the timing is not comparable")
            print(f"Run {run}: {times[-1]:.2f} s")
        pages = pages_of(out)
        if args.all:
            started = time.perf_counter()
            result = playbook(args.project, "pdf", "--site-dir", str(Path(temporary) / "all"))
            took, count = time.perf_counter() - started, result.stdout.count("\nWrote ")
            verdict = "within" if took < TARGET_ALL_SECONDS else "OVER"
            print(
                f"Complete playbook pdf (a build and {count} PDFs): {took:.1f} s; "
                f"{verdict} the {TARGET_ALL_SECONDS:.0f} s target"
            )
            started = time.perf_counter()
            again = Path(temporary) / "again.pdf"
            result = playbook(
                args.project,
                "pdf",
                "--site-dir",
                str(Path(temporary) / "all"),
                "--output",
                str(again),
            )
            prints = "1 print" if ", 1 print)" in result.stdout else "2 prints or more"
            took = time.perf_counter() - started
            print(f"playbook pdf --output from that published site: {took:.2f} s ({prints})")

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Load average {load:.1f} at the end (started at {started_all:.1f})")
    median = statistics.median(times)
    verdict = "within" if median < TARGET_SECONDS else "OVER"
    print(
        f"playbook pdf, whole playbook ({pages} pages): median {median:.2f} s over "
        f"{len(times)} runs (min {min(times):.2f} s, max {max(times):.2f} s), "
        f"{pages / median:.1f} pages/s; {verdict} the {TARGET_SECONDS:.0f} s target"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
