"""A built site served on 127.0.0.1 the way GitHub Pages serves it, for Lighthouse.

GitHub Pages compresses text with gzip and sends `Cache-Control: max-age=600`, an `ETag`
and a `Last-Modified` date; Python's own static server does none of that, and Lighthouse
would then measure a slower site than readers get.

    with serve_like_pages(site_dir, prefix="/playbook/") as base_url:
        ...   # base_url: "http://127.0.0.1:PORT/playbook"

The site is served under the path of its `site_url` (settings.published_path), as on
GitHub Pages, so that the 404 page's absolute links work as they will there.
"""

from __future__ import annotations

import email.utils
import functools
import gzip
import hashlib
import http.server
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from macros.site.local_server import serve

CACHE_CONTROL = "max-age=600"  # what GitHub Pages sends for every file
COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
)


class PagesLikeHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with gzip for text, cache headers and ETags; nothing logged."""

    protocol_version = "HTTP/1.1"  # keep-alive, as a browser gets from GitHub Pages
    prefix = "/"  # the path the site is published under

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        self._respond(with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(with_body=False)

    def _respond(self, with_body: bool) -> None:
        if not (self.path + "/").startswith(self.prefix):
            self._not_found(with_body)
            return
        path = Path(self.translate_path("/" + self.path[len(self.prefix) :]))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?", 1)[0] + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path = path / "index.html"
        if not path.is_file():
            self._not_found(with_body)
            return
        body = path.read_bytes()
        content_type = self.guess_type(str(path))
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", CACHE_CONTROL)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        compress = content_type.startswith(COMPRESSED_TYPES) and "gzip" in self.headers.get(
            "Accept-Encoding", ""
        )
        if compress:
            body = gzip.compress(body, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", CACHE_CONTROL)
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(path.stat().st_mtime, usegmt=True))
        if compress:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def _not_found(self, with_body: bool) -> None:
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A browser closing a kept-alive connection is not an error worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve_like_pages(folder: Path, port: int = 0, prefix: str = "/") -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 under `prefix` (a free port unless one is given) while
    the block runs. Yields the site's address, without a final slash."""
    handler_class = type("Handler", (PagesLikeHandler,), {"prefix": prefix})
    handler = functools.partial(handler_class, directory=str(folder))
    with serve(handler, port) as base:
        yield f"{base}{prefix.rstrip('/')}"
