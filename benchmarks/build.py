"""Build benchmark: our build against MkDocs + Material alone, on the same content.

    python benchmarks/build.py [--scales 1,10,100] [--repeat 5] [--no-serve] [--profile]

(`make bench` runs it with the defaults.) For each scale it writes a synthetic playbook
(benchmarks/synthetic.py: the real content N times over) and the same pages as a plain
MkDocs project, then times, in one run and alternating, `playbook build` of the first and
`mkdocs build --strict` of the second. It prints the medians of wall-clock and CPU time,
the ratio ours/plain (of CPU time, which other work on the machine disturbs less than
wall-clock time), the peak memory of the largest process, and the sizes of the search index
and the pages. At 1× it also times `playbook serve` rebuilding after a story is
edited. With --profile, our build at the largest scale is profiled and the functions of
macros/ that take the most time are listed.

Targets: ratio ≤ 1.15 at every scale, time growing linearly with the content, the real
playbook built in under 3 s, and `playbook serve` showing an edit in under 3 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import ROOT, export_plain, generate  # noqa: E402
from macros.content.settings import published_path  # noqa: E402

TARGET_RATIO = 1.15
TARGET_REAL_SECONDS = 3.0
TARGET_SERVE_SECONDS = 3.0
LINEAR_TOLERANCE = 1.25  # the cost of a story may grow this much from one scale to the next
# Both builds keep their compiled modules (__pycache__), as Python does by default on a user's
# machine: a shell with PYTHONDONTWRITEBYTECODE set (this one has it) would compile our
# modules again at every run of an editable install, about 0.05 s that no user pays.
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "NO_MKDOCS_2_WARNING": "1",
}


@dataclass
class Runs:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)

    def median(self, what: str) -> float:
        return statistics.median(getattr(self, what))


def timed(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall-clock seconds, CPU seconds and peak memory (MB) of a command and its children."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=errors
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{errors.read().decode()}")
    # ru_maxrss (kB on Linux) is the largest of the process and the children it waited for.
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def ours(project: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "macros.commands", "--project", str(project), "build",
            "--site-dir", str(site)]  # fmt: skip


def plain(project: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
            "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site)]  # fmt: skip


def sizes(site: Path) -> dict[str, int]:
    pages = list(site.rglob("*.html"))
    return {
        "pages": len(pages),
        "html": sum(p.stat().st_size for p in pages),
        "search": (site / "search" / "search_index.json").stat().st_size,
        "total": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
    }


@dataclass
class Scale:
    scale: int
    stories: int
    ours_first_cpu: float  # CPU seconds of our first build, with no cache yet
    ours: Runs
    plain: Runs
    ours_sizes: dict[str, int]
    plain_sizes: dict[str, int]

    def ratio(self, what: str = "wall") -> float:
        return self.ours.median(what) / self.plain.median(what)

    def round_ratios(self) -> list[float]:
        """Ours/plain CPU of each round (the two builds of a round run one after the other):
        their spread shows how much the machine moved the ratio during the run."""
        return [o / p for o, p in zip(self.ours.cpu, self.plain.cpu, strict=True)]


def measure(scale: int, folder: Path, repeat: int) -> Scale:
    project = generate(scale, folder)
    plain_project = export_plain(project, folder)
    stories = len(list((project / "playbook_data" / "stories").glob("*.yml")))
    builds = {
        "ours": (ours, project, Runs()),
        "plain": (plain, plain_project, Runs()),
    }
    # One build of each first, to warm the disk cache. Ours starts with an empty
    # .cache/playbook/ (the QR codes are drawn): its CPU time is reported as the first build.
    first_cpu = {}
    shutil.rmtree(project / ".cache", ignore_errors=True)  # export_plain's build filled it
    for name, (command, where, _runs) in builds.items():
        first_cpu[name] = timed(command(where, folder / f"{name}-site"), where)[1]
    for round_ in range(repeat):
        order = list(builds) if round_ % 2 == 0 else list(reversed(builds))
        for name in order:
            command, where, runs = builds[name]
            site = folder / f"{name}-site"
            shutil.rmtree(site, ignore_errors=True)
            wall, cpu, peak = timed(command(where, site), where)
            runs.wall.append(wall)
            runs.cpu.append(cpu)
            runs.peak_mb.append(peak)
        print(f"  {scale}×: round {round_ + 1}/{repeat} done", file=sys.stderr)
    return Scale(
        scale,
        stories,
        first_cpu["ours"],
        builds["ours"][2],
        builds["plain"][2],
        sizes(folder / "ours-site"),
        sizes(folder / "plain-site"),
    )


def measure_real(folder: Path, repeat: int) -> Runs:
    """`playbook build` of this repository itself, as an editor runs it."""
    runs = Runs()
    timed(ours(ROOT, folder / "real-site"), ROOT)
    for _ in range(repeat):
        shutil.rmtree(folder / "real-site", ignore_errors=True)
        wall, cpu, peak = timed(ours(ROOT, folder / "real-site"), ROOT)
        runs.wall.append(wall)
        runs.cpu.append(cpu)
        runs.peak_mb.append(peak)
    return runs


# `playbook serve` -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(condition, timeout: float, step: float = 0.02) -> float:
    """Seconds until condition() is true; SystemExit after `timeout`."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if condition():
            return time.perf_counter() - start
        time.sleep(step)
    raise SystemExit(f"timed out after {timeout} s")


def measure_serve(folder: Path, repeat: int) -> list[float]:
    """Seconds from saving a story file to the page showing the change, `repeat` times."""
    project = generate(1, folder)
    story = sorted((project / "playbook_data" / "stories").glob("*.yml"))[0]
    theme = next(line for line in story.read_text().splitlines() if line.startswith("theme:"))
    port = free_port()
    # `playbook serve` serves the site under the path it is published at (site_url).
    prefix = published_path(project)
    url = f"http://127.0.0.1:{port}{prefix}themes/{theme.split(':')[1].strip()}/"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "macros.commands",
            "--project",
            str(project),
            "serve",
            "--port",
            str(port),
        ],  # fmt: skip
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    times = []
    try:
        wait_for(lambda: "<h1" in fetch(url), timeout=60, step=0.2)
        original = story.read_text(encoding="utf-8")
        for edit in range(1, repeat + 1):
            marker = f"Benchmark edit {edit}"
            text = original.replace("\ntitle: ", f"\ntitle: {marker} ", 1)
            time.sleep(1.5)  # let the server settle after the previous rebuild
            story.write_text(text, encoding="utf-8")
            times.append(wait_for(lambda m=marker: m in fetch(url), timeout=60))
    finally:
        server.terminate()
        server.wait(timeout=20)
    return times


# Report ------------------------------------------------------------------------------------


def mb(size: int) -> str:
    return f"{size / 1_000_000:.2f} MB"


def report(results: list[Scale], real: Runs | None, serve: list[float] | None) -> bool:
    """Print the figures as Markdown tables and the targets; True when all are met."""
    print("\n| Scale | Stories | Pages | Ours (s) | Plain MkDocs (s) | Ours CPU (s) "
          "| Plain CPU (s) | Ratio (CPU) | Extra CPU (s) | Peak memory ours / plain |")  # fmt: skip
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        extra = r.ours.median("cpu") - r.plain.median("cpu")
        print(
            f"| {r.scale}× | {r.stories} | {r.ours_sizes['pages']} | {r.ours.median('wall'):.2f} "
            f"| {r.plain.median('wall'):.2f} | {r.ours.median('cpu'):.2f} "
            f"| {r.plain.median('cpu'):.2f} | {r.ratio('cpu'):.2f} | {extra:.2f} "
            f"| {r.ours.median('peak_mb'):.0f} MB / {r.plain.median('peak_mb'):.0f} MB |"
        )
    print("\nOur first build in a new checkout (no .cache/playbook/ yet: every QR code drawn):")
    print("\n| Scale | Ours first build CPU (s) | Plain CPU (s) | Ratio (CPU) |")
    print("| ---: | ---: | ---: | ---: |")
    for r in results:
        first = r.ours_first_cpu / r.plain.median("cpu")
        print(
            f"| {r.scale}× | {r.ours_first_cpu:.2f} | {r.plain.median('cpu'):.2f} | {first:.2f} |"
        )
    print("\n| Scale | Search index ours / plain | HTML pages ours / plain | Whole site ours |")
    print("| ---: | ---: | ---: | ---: |")
    for r in results:
        o, p = r.ours_sizes, r.plain_sizes
        print(
            f"| {r.scale}× | {mb(o['search'])} / {mb(p['search'])} "
            f"| {mb(o['html'])} / {mb(p['html'])} | {mb(o['total'])} |"
        )

    met = True
    print("\nTargets:")
    for r in results:
        # CPU time: the work each build does. Wall-clock time (in the table) also depends on
        # what else the machine is doing while it runs.
        ok = r.ratio("cpu") <= TARGET_RATIO
        met &= ok
        rounds = r.round_ratios()
        print(f"  {'met ' if ok else 'MISSED'} ratio ours/plain at {r.scale}×: "
              f"{r.ratio('cpu'):.2f} (≤ {TARGET_RATIO}; rounds {min(rounds):.2f}–"
              f"{max(rounds):.2f}; wall-clock {r.ratio():.2f})")  # fmt: skip
    pairs = zip(results, results[1:], strict=False)
    costs = [(low, high, marginal(low, high)) for low, high in pairs]
    for low, high, cost in costs:
        print(f"  ---- our build takes {cost * 1000:.1f} ms more CPU per story "
              f"from {low.scale}× to {high.scale}×")  # fmt: skip
    if len(costs) > 1:
        # Linear: one more story costs as much at the largest scales as at the smallest.
        first, last = costs[0][2], costs[-1][2]
        ok = last <= first * LINEAR_TOLERANCE
        met &= ok
        print(f"  {'met ' if ok else 'MISSED'} linear growth: the cost of a story grows "
              f"×{last / first:.2f} (≤ ×{LINEAR_TOLERANCE})")  # fmt: skip
    if real is not None:
        ok = real.median("wall") < TARGET_REAL_SECONDS
        met &= ok
        print(f"  {'met ' if ok else 'MISSED'} the real playbook builds in "
              f"{real.median('wall'):.2f} s (< {TARGET_REAL_SECONDS} s; "
              f"CPU {real.median('cpu'):.2f} s, {real.median('peak_mb'):.0f} MB)")  # fmt: skip
    if serve:
        median = statistics.median(serve)
        ok = median < TARGET_SERVE_SECONDS
        met &= ok
        runs = ", ".join(f"{t:.2f}" for t in serve)
        print(f"  {'met ' if ok else 'MISSED'} playbook serve shows an edit in {median:.2f} s "
              f"(< {TARGET_SERVE_SECONDS} s; runs: {runs})")  # fmt: skip
    return met


def marginal(low: Scale, high: Scale) -> float:
    """CPU seconds of our build per story added between two scales."""
    return (high.ours.median("cpu") - low.ours.median("cpu")) / (high.stories - low.stories)


def profile(folder: Path, scale: int) -> None:
    """Our build at `scale`, in this process under cProfile: where the time of macros/ goes."""
    import cProfile
    import logging
    import pstats

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = folder / "project"
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.chdir(project)
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(folder / "prof"))
    profiler = cProfile.Profile()
    profiler.runcall(build, config)
    stats = pstats.Stats(profiler)
    print(f"\nProfile of our build at {scale}× (cProfile; times include its overhead):")
    stats.sort_stats("cumulative").print_stats(r"/macros/|mkdocs_macros/plugin", 20)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", default="1,10,100", help="comma-separated (default 1,10,100)")
    parser.add_argument("--repeat", type=int, default=5, help="timed builds of each (default 5)")
    parser.add_argument("--no-serve", action="store_true", help="skip the serve measurement")
    parser.add_argument("--profile", action="store_true", help="profile the largest scale")
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",")]
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; {args.repeat} builds "
          f"of each, alternating; medians.", file=sys.stderr)  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="playbook-bench-") as temporary:
        root = Path(temporary)
        results = []
        for scale in scales:
            print(f"{scale}×: generating and building…", file=sys.stderr)
            results.append(measure(scale, root / f"x{scale}", args.repeat))
        real = measure_real(root, args.repeat) if 1 in scales else None
        serve = None if args.no_serve else measure_serve(root / "serve", 3)
        met = report(results, real, serve)
        if args.profile:
            profile(root / f"x{max(scales)}", max(scales))
    print("\nAll targets met." if met else "\nSome targets were missed (see above).")
    return 0  # a missed target is a finding to read, not a failure of the benchmark


if __name__ == "__main__":
    sys.exit(main())
