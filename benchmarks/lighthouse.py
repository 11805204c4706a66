"""Lighthouse scores of every kind of page, on desktop and on mobile.

    python benchmarks/lighthouse.py [--site-dir DIR] [--kinds home,states/*] [--runs 3]
                                    [--form-factor desktop|mobile|both] [--port 8120]

(`make bench-lighthouse` runs it with the defaults.) It builds the site into a temporary
folder (or uses --site-dir), serves it on 127.0.0.1 the way GitHub Pages does (gzip, cache
headers: benchmarks/pages_server.py), and runs Lighthouse from the npm registry
(package.json; `npm ci` installs it into node_modules/) in Debian's Chromium on one page of
each kind: the home page, each section's own page (`/states/`) and the largest page of each
section (`/states/*/`), because the largest holds the most of everything its template makes.
It prints a Markdown table of the median scores, and under it every audit that kept a score
below 100, so that a regression says where to look.

Targets (issue 12, item 7): desktop 100/100/100/100 on every kind; mobile 100 for
accessibility, best practices and SEO, and performance at least 95. Not a timed test: scores
depend on the machine, so the script reports and does not fail.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.pages_server import serve_like_pages  # noqa: E402
from macros.content.settings import published_path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
HEADINGS = ("Performance", "Accessibility", "Best practices", "SEO")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
TARGETS = {
    "desktop": {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100},
    "mobile": {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100},
}


def page_kinds(site: Path) -> dict[str, str]:
    """One URL path per kind of page: `home`, each section's own page (`states/`) and the
    largest page within each section (`states/*`), in the site's order."""
    kinds: dict[str, tuple[int, str]] = {}
    for file in sorted(site.rglob("index.html")):
        parts = file.relative_to(site).parts[:-1]
        if not parts:
            kind = "home"
        elif len(parts) == 1:
            kind = f"{parts[0]}/"
        else:
            kind = f"{parts[0]}/" + "*/" * (len(parts) - 1)
        size = file.stat().st_size
        path = "/" + "".join(f"{part}/" for part in parts)
        if kind not in kinds or size > kinds[kind][0]:
            kinds[kind] = (size, path)
    return {kind: path for kind, (_, path) in kinds.items()}


@dataclass
class Result:
    kind: str
    path: str
    form_factor: str
    runs: list[dict[str, int]] = field(default_factory=list)
    shortfalls: dict[str, str] = field(default_factory=dict)  # audit id -> what it says

    def score(self, category: str) -> int:
        return round(statistics.median(run[category] for run in self.runs))

    def meets(self) -> bool:
        targets = TARGETS[self.form_factor]
        return all(self.score(category) >= targets[category] for category in CATEGORIES)


def run_lighthouse(url: str, form_factor: str, chromium: str) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": chromium},
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"Lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def scores_of(report: dict) -> dict[str, int]:
    return {
        category: round((report["categories"][category]["score"] or 0) * 100)
        for category in CATEGORIES
    }


def shortfalls_of(report: dict) -> dict[str, str]:
    """Audits that cost points: weighted audits below a full score, with their display value."""
    out = {}
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                value = audit.get("displayValue") or ""
                out[ref["id"]] = f"{audit['title']}{f' ({value})' if value else ''}"
    return out


def markdown_table(results: list[Result]) -> str:
    lines = [
        "| Page kind | Page | Form factor | " + " | ".join(HEADINGS) + " | Target met |",
        "| --- | --- | --- | " + " | ".join("---:" for _ in HEADINGS) + " | --- |",
    ]
    for result in results:
        scores = " | ".join(str(result.score(category)) for category in CATEGORIES)
        met = "yes" if result.meets() else "**no**"
        lines.append(
            f"| {result.kind} | `{result.path}` | {result.form_factor} | {scores} | {met} |"
        )
    return "\n".join(lines)


def build_site(into: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "macros.cli", "build", "--site-dir", str(into)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--site-dir", type=Path, help="a built site (default: build one)")
    options.add_argument("--kinds", help="comma-separated kinds to measure (default: all)")
    options.add_argument("--runs", type=int, default=1, help="runs per page; the median counts")
    options.add_argument("--form-factor", choices=["desktop", "mobile", "both"], default="both")
    options.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: free)")
    args = options.parse_args(argv)

    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: run `npm ci` in the project folder.", file=sys.stderr)
        return 2
    chromium = os.environ.get("PLAYBOOK_CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        print(f"Chromium not found at {chromium}: apt-get install chromium.", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as temporary:
        site = args.site_dir
        if site is None:
            site = Path(temporary) / "site"
            build_site(site)
        kinds = page_kinds(site)
        if args.kinds:
            wanted = args.kinds.split(",")
            unknown = [kind for kind in wanted if kind not in kinds]
            if unknown:
                print(f"Unknown kinds: {', '.join(unknown)}. Known: {', '.join(kinds)}")
                return 2
            kinds = {kind: kinds[kind] for kind in wanted}
        form_factors = ["desktop", "mobile"] if args.form_factor == "both" else [args.form_factor]
        results = []
        prefix = published_path(ROOT)
        with serve_like_pages(site, args.port, prefix) as base_url:
            for form_factor in form_factors:
                for kind, path in kinds.items():
                    result = Result(kind, path, form_factor)
                    for _ in range(args.runs):
                        report = run_lighthouse(base_url + path, form_factor, chromium)
                        result.runs.append(scores_of(report))
                        result.shortfalls.update(shortfalls_of(report))
                    results.append(result)
                    print(f"  {form_factor:7} {kind:24} {result.runs[-1]}", file=sys.stderr)

    print(markdown_table(results))
    missed = [result for result in results if result.shortfalls]
    if missed:
        print("\nAudits below a full score:")
        for result in missed:
            print(f"- {result.kind} ({result.form_factor}):")
            for audit, text in sorted(result.shortfalls.items()):
                print(f"    {audit}: {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
