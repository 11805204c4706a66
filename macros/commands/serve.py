"""`playbook serve [--port 8000]`: preview with live reload at http://127.0.0.1:PORT/."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys

from macros.commands.common import load_checked, project_dir
from macros.content.settings import published_path


def add_parser(commands) -> argparse.ArgumentParser:
    preview = commands.add_parser("serve", help="preview the site with live reload")
    preview.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    return preview


def run(args: argparse.Namespace) -> int:
    project = project_dir(args)
    if load_checked(project) is None:
        return 1
    address = f"127.0.0.1:{args.port}"
    # Under the path of site_url, as the published site (http://127.0.0.1:8000/ leads there).
    print(f"Serving the playbook at http://{address}{published_path(project)} (Ctrl+C to stop)")
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", address]
    command += ["--config-file", str(project / "mkdocs.yml")]
    # Material prints an end-of-life banner on every run; it is noise for editors.
    server = subprocess.Popen(command, cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    # Stopped by a signal (a test, a process manager), stop the preview server too: it would
    # otherwise keep running, and keep its port, after this command has ended.
    signal.signal(signal.SIGTERM, lambda *_: server.terminate())
    try:
        code = server.wait()
    except KeyboardInterrupt:
        server.terminate()  # Ctrl+C in a terminal has stopped it already
        server.wait()
        return 0
    return 0 if code in (0, -signal.SIGTERM) else code
