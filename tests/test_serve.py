"""`playbook serve` previews the site and rebuilds it when the content changes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from macros.content.settings import published_path
from tests.helpers import ROOT, fetch, free_port, wait_for

pytestmark = pytest.mark.build


def start_serve(project, port: int) -> subprocess.Popen:
    """`playbook serve` on the project, in the background; the caller stops it."""
    return subprocess.Popen(
        [sys.executable, "-m", "macros.commands", "--project", str(project.path), "serve"]
        + ["--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_serve_rebuilds_when_a_data_file_changes(project):
    port = free_port()
    server = start_serve(project, port)
    try:
        url = f"http://127.0.0.1:{port}{published_path(ROOT)}themes/first-theme/"
        assert "Kansas passes a law" in wait_for(lambda: fetch(url))
        project.edit("stories/kansas-story.yml", "Kansas passes a law", "Kansas passes a new law")
        wait_for(lambda: "Kansas passes a new law" in (fetch(url) or ""))
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_stopping_serve_stops_its_preview_server(project):
    port = free_port()
    server = start_serve(project, port)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: fetch(url))
    finally:
        server.terminate()
        assert server.wait(timeout=20) == 0
    # Nothing answers on the port any more: the MkDocs server it started has ended too.
    wait_for(lambda: fetch(url) is None, timeout=10)
