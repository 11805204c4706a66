"""A built site served on 127.0.0.1 for as long as a block runs.

    with serve_folder(site_dir) as base_url:   # "http://127.0.0.1:PORT"
        ...
    with serve(handler) as base_url:           # any request handler (benchmarks/)
        ...

Used by `playbook pdf` to let Chromium load the print view, and by the tests. Loopback
only, on a free port, and always stopped at the end of the block.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # one line per request is noise here
        pass


def serve_folder(folder: Path):
    """The files of `folder`, as a plain static server sends them."""
    return serve(functools.partial(_QuietHandler, directory=str(folder)))


@contextmanager
def serve(handler, port: int = 0) -> Iterator[str]:
    """Serve with `handler` on 127.0.0.1 (a free port unless one is given) while the block
    runs; yields the server's address, without a final slash."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
