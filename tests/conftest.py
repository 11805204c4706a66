"""Shared test helpers: fixture playbooks in temporary folders, builds, a local server."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.content.problems import ContentError
from macros.content.settings import published_path
from macros.content.validate import load_playbook
from macros.pdf.printer import CHROMIUM_ARGS, CHROMIUM_ENV, DEFAULT_CHROMIUM
from macros.site.local_server import serve_folder

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
MINIMAL = FIXTURES / "minimal" / "playbook_data"


class Project:
    """A playbook project in a temporary folder: the real site configuration, templates and
    code, with the content of a fixture that each test may change."""

    def __init__(self, path: Path, data: Path = MINIMAL):
        self.path = path
        self.data = path / "playbook_data"
        shutil.copytree(data, self.data)
        shutil.copy(ROOT / "mkdocs.yml", path / "mkdocs.yml")
        shutil.copytree(ROOT / "docs", path / "docs")
        (path / "overrides").symlink_to(ROOT / "overrides")
        (path / "macros").symlink_to(ROOT / "macros")

    def write(self, relative: str, text: str | bytes) -> Path:
        """Write a file under playbook_data/."""
        target = self.data / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
            target.write_text(text, encoding="utf-8")
        return target

    def edit(self, relative: str, old: str, new: str) -> None:
        target = self.data / relative
        text = target.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")

    def problems(self) -> list[str]:
        """Every problem, as an editor reads it (file:line: field: message + hint)."""
        try:
            load_playbook(self.data, self.path)
        except ContentError as error:
            return [str(p) for p in error.problems]
        return []

    def playbook(self, *args: str, check: bool = False) -> subprocess.CompletedProcess:
        """Run the `playbook` command in this project."""
        return run_playbook("--project", str(self.path), *args, check=check)


def run_playbook(*args: str, check: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "macros.commands", *args],
        capture_output=True,
        text=True,
        check=check,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "project")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real playbook, built once per test session with a strict build."""
    site = tmp_path_factory.mktemp("real") / "site"
    result = run_playbook("--project", str(ROOT), "build", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    return site


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


# The same browser and flags as `playbook pdf`.
CHROMIUM = os.environ.get(CHROMIUM_ENV) or DEFAULT_CHROMIUM


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


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()
