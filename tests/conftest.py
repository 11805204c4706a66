"""pytest fixtures shared by the tests; plain helpers are in tests/helpers.py."""

from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path

import pytest

from macros.content.settings import published_path
from macros.pdf.chromium import CHROMIUM_ARGS
from macros.site.local_server import serve_folder
from tests.browser_tabs import Tabs
from tests.helpers import CHROMIUM, ROOT, Project, run_playbook


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "project")


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, *build: str) -> Path:
    """The real playbook built by `playbook build <build…>`, once for the whole run: under
    `make test`, the first worker to ask builds it, holding a lock, and the others wait for
    it and use the same site (they only read it)."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's own folder, which holds each worker's
    folder = shared / name
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (folder / "built").exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            result = run_playbook(
                "--project", str(ROOT), "build", *build, "--site-dir", str(folder / "site")
            )
            assert result.returncode == 0, result.stderr
            (folder / "built").touch()
    return folder / "site"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real playbook, built once per test run with a strict build."""
    return built_once(tmp_path_factory, "real")


@pytest.fixture(scope="session")
def kinds(real_site: Path) -> dict[str, str]:
    """One page of each kind of the real site: the home page, each section's own page and
    its largest page (benchmarks/lighthouse.py's choice, which Lighthouse audits too)."""
    from benchmarks.lighthouse import page_kinds

    return page_kinds(real_site)


@pytest.fixture(scope="session")
def served_site(real_site: Path, tmp_path_factory: pytest.TempPathFactory):
    """The real site served on 127.0.0.1 (a free port) at the path it is published under
    (`site_url`), as GitHub Pages serves it: the 404 page's absolute links then work.
    The value is the site's address without a final slash; stopped after the session."""
    root = tmp_path_factory.mktemp("served")
    prefix = published_path(ROOT).strip("/")
    if prefix:
        (root / prefix).parent.mkdir(parents=True, exist_ok=True)
        (root / prefix).symlink_to(real_site, target_is_directory=True)
    else:
        root = real_site
    with serve_folder(root) as base_url:
        yield f"{base_url}/{prefix}" if prefix else base_url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. Missing: skipped locally, an error in CI."""
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}: browser tests must run in CI", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


# A tab for each test, in one browser context per worker for all the tests that use it: a
# context of its own would load every script and stylesheet afresh (no cache yet), about a
# third of a second more of Chromium's CPU per test. What a test leaves behind is wiped when it ends
# (storage and cookies, tests/browser_tabs.py), so that tests stay independent.


@pytest.fixture(scope="session")
def _tabs_without_csp(browser):
    # The tests' own scripts (wait_for_function, axe) need eval, which the site's CSP
    # forbids: they run with it set aside. tests/browser/test_csp_browser.py keeps it.
    with Tabs(browser, bypass_csp=True) as tabs:
        yield tabs


@pytest.fixture(scope="session")
def _tabs_with_csp(browser):
    with Tabs(browser, bypass_csp=False) as tabs:
        yield tabs


@pytest.fixture
def page(_tabs_without_csp):
    with _tabs_without_csp.tab() as tab:
        yield tab


@pytest.fixture
def page_with_csp(_tabs_with_csp):
    """A tab that honours the site's Content-Security-Policy, as readers' browsers do."""
    with _tabs_with_csp.tab() as tab:
        yield tab


# Fixtures that build the whole real site: a test that uses one is a `build` test, marked or
# not, so that `make test-fast` (-m "not browser and not build") never waits for a build.
BUILDING_FIXTURES = {"real_site", "served_site", "zensical_site"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        uses = BUILDING_FIXTURES & set(getattr(item, "fixturenames", ()))
        if uses and item.get_closest_marker("build") is None:
            item.add_marker(pytest.mark.build)
    items[:] = slowest_files_first(items)


def slowest_files_first(items: list[pytest.Item]) -> list[pytest.Item]:
    """The test files in the order their cost suggests: those with browser tests (20 to 60 s
    each) as they come, then the others, those with the most builds first; each file's tests
    in their own order.

    `make test` hands whole files to its workers (`--dist loadfile`) in this order (with
    `--no-loadscope-reorder`; xdist's own order puts the files with most tests first, which
    left the longest browser files to the end while the other worker stood idle)."""
    browser: set[Path] = set()
    builds: dict[Path, int] = {}
    first_place: dict[Path, int] = {}
    for place, item in enumerate(items):
        first_place.setdefault(item.path, place)
        if item.get_closest_marker("browser") is not None:
            browser.add(item.path)
        if item.get_closest_marker("build") is not None:
            builds[item.path] = builds.get(item.path, 0) + 1

    def cost(item: pytest.Item) -> tuple[int, int, int]:
        if item.path in browser:
            return (0, 0, first_place[item.path])
        return (1, -builds.get(item.path, 0), first_place[item.path])

    return sorted(items, key=cost)


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory):
    """The real playbook built with Zensical, whose pages the finishing pass completes."""
    return built_once(tmp_path_factory, "zensical", "--engine", "zensical")
