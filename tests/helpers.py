"""Shared test helpers, imported by the tests as `tests.helpers` (plain `pytest` finds it:
pyproject.toml puts the project folder on the path): the project's folders, fixture
playbooks in temporary folders, the `playbook` command run as an editor runs it."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from macros.content.problems import ContentError
from macros.content.validate import load_playbook
from macros.pdf.chromium import CHROMIUM_ENV, DEFAULT_CHROMIUM

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
MINIMAL = FIXTURES / "minimal" / "playbook_data"
# The same browser as `playbook pdf`.
CHROMIUM = os.environ.get(CHROMIUM_ENV) or DEFAULT_CHROMIUM


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
        """Run the `playbook` command in this project, in a new process."""
        return run_playbook("--project", str(self.path), *args, check=check)

    def main(self, *args: str, check: bool = False) -> Result:
        """Run the `playbook` command in this project, in this process (much faster)."""
        return run_main("--project", str(self.path), *args, check=check)


def run_playbook(*args: str, check: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "macros.commands", *args],
        capture_output=True,
        text=True,
        check=check,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@dataclass(frozen=True)
class Result:
    """What a command run in this process returned and printed."""

    returncode: int
    stdout: str
    stderr: str


def run_main(*args: str, check: bool = False) -> Result:
    """The `playbook` command's main(argv) in this process, its output captured; with
    `check`, anything but success fails the test."""
    from macros.commands import main

    out, err = io.StringIO(), io.StringIO()
    # Variables the command sets for its build (SOURCE_DATE_EPOCH) end with the call.
    environment = mock.patch.dict(os.environ)
    with environment, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit:  # argparse refuses a usage mistake
            code = exit.code
    result = Result(code, out.getvalue(), err.getvalue())
    assert not check or code == 0, result
    return result


# Waiting for a local server ----------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(condition, timeout: float = 40):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError("timed out")
