"""Link integrity of a built site: every href, src and #anchor of every HTML file.

Works on the output (`site/`), so links written by templates, macros and Material itself
are checked alike. Internal links must reach a file, and their #fragment an element with
that `id` (or an `<a name>`) in the target page. External links are listed, and fetched
only when asked (`--external`): CI has no network, and a remote server being down is not a
reason to refuse a change.

    playbook check-links [--site-dir site] [--external]
"""

from __future__ import annotations

import posixpath
import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes that point at something the page needs or offers (srcset is split apart).
LINK_ATTRIBUTES = {"href", "src", "srcset", "poster", "data"}
# Schemes that do not name a file of the site and cannot be checked offline.
IGNORED_SCHEMES = {"mailto", "tel", "data", "javascript", "about", "blob"}
EXTERNAL_SCHEMES = {"http", "https"}


@dataclass(frozen=True)
class Link:
    page: str  # path of the HTML file, relative to the site folder, with "/"
    line: int
    attribute: str
    url: str


@dataclass(frozen=True)
class Broken:
    link: Link
    reason: str

    def __str__(self) -> str:
        link = self.link
        return f'{link.page}:{link.line}: {link.attribute}="{link.url}": {self.reason}'


@dataclass
class Report:
    pages: int = 0
    links: int = 0
    broken: list[Broken] = field(default_factory=list)
    external: dict[str, list[Link]] = field(default_factory=dict)  # url -> where it is used


class _PageParser(HTMLParser):
    """Collects the anchors a page offers and the links it makes, with line numbers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.anchors: set[str] = set()
        self.links: list[tuple[int, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.anchors.add(value)
            elif name in LINK_ATTRIBUTES and not (name == "data" and tag != "object"):
                if name == "srcset":
                    for candidate in value.split(","):
                        if candidate.strip():
                            self.links.append((line, name, candidate.split()[0]))
                else:
                    self.links.append((line, name, value.strip()))

    handle_startendtag = handle_starttag


def _parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def _target(page: str, path: str, root: str = "/") -> str:
    """The file a link's path names, relative to the site folder ("" = the site itself).
    `root` is the path the site is published under (site_url's, e.g. "/playbook/"): a link
    from the server's root must start with it (MkDocs writes such links in 404.html)."""
    base = posixpath.dirname(page)
    if path.startswith("/"):
        if not (path + "/").startswith(root):
            return "../" + path.lstrip("/")  # outside the site
        path = "/" + path[len(root) :]
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(base, path)
    resolved = posixpath.normpath(joined) if joined else "."
    if resolved == ".":
        resolved = ""
    if path.endswith("/") or resolved == "":
        resolved = posixpath.join(resolved, "index.html")
    return resolved


def check_site(site: Path, root: str = "/") -> Report:
    """Check every internal link and anchor of the HTML files under `site`, published
    under the path `root`."""
    site = site.resolve()
    parsed = {
        path.relative_to(site).as_posix(): _parse(path) for path in sorted(site.rglob("*.html"))
    }
    report = Report(pages=len(parsed))
    for page, parser in parsed.items():
        for line, attribute, url in parser.links:
            link = Link(page, line, attribute, url)
            report.links += 1
            reason = _check(link, site, parsed, report, root)
            if reason:
                report.broken.append(Broken(link, reason))
    return report


def _check(
    link: Link, site: Path, parsed: dict[str, _PageParser], report: Report, root: str = "/"
) -> str:
    parts = urlsplit(link.url)
    scheme = parts.scheme.lower()
    if scheme in IGNORED_SCHEMES:
        return ""
    if scheme in EXTERNAL_SCHEMES or link.url.startswith("//"):
        report.external.setdefault(link.url, []).append(link)
        return ""
    if scheme:
        return f"unknown scheme '{scheme}:'"
    path, fragment = unquote(parts.path), unquote(parts.fragment)
    target = _target(link.page, path, root) if path else link.page
    if target.startswith("../"):
        return "points outside the site"
    if target not in parsed:
        file = site / target
        if file.is_dir() and (file / "index.html").is_file():
            target = posixpath.join(target, "index.html")  # `dir` without its slash
        elif not file.is_file():
            return f"{target} does not exist"
    if fragment and target in parsed and fragment not in parsed[target].anchors:
        return f"no id or name '{fragment}' in {target}"
    if fragment and target not in parsed:
        return f"#{fragment} points into {target}, which is not an HTML page"
    return ""


def check_external(urls: Iterable[str], timeout: float = 10.0) -> dict[str, str]:
    """Fetch each external URL (HEAD, then GET when HEAD is refused): url -> problem."""

    def fetch(url: str) -> tuple[str, str]:
        full = f"https:{url}" if url.startswith("//") else url
        headers = {"User-Agent": "playbook-linkcheck/1 (+https://www.python.org/)"}
        for method in ("HEAD", "GET"):
            request = urllib.request.Request(full, method=method, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=timeout):  # noqa: S310 (http only)
                    return url, ""
            except urllib.error.HTTPError as error:
                if method == "HEAD" and error.code in (403, 405, 501):
                    continue
                return url, f"HTTP {error.code}"
            except (urllib.error.URLError, TimeoutError, OSError) as error:
                reason = getattr(error, "reason", error)
                return url, f"unreachable ({reason})"
        return url, ""  # pragma: no cover (the GET above always returns)

    with ThreadPoolExecutor(max_workers=8) as pool:
        return {url: problem for url, problem in pool.map(fetch, sorted(urls)) if problem}


def run(site: Path, external: bool = False, root: str = "/") -> tuple[int, str]:
    """The `playbook check-links` command: exit status and what to print."""
    if not (site / "index.html").is_file():
        return 1, f"No built site in {site}/ (run `playbook build` first)."
    report = check_site(site, root)
    lines = [str(broken) for broken in report.broken]
    urls = sorted(report.external)
    if external:
        failed = check_external(urls)
        for url, problem in failed.items():
            where = ", ".join(sorted({f"{link.page}:{link.line}" for link in report.external[url]}))
            lines.append(f"{where}: {url}: {problem}")
        summary = f"{len(urls)} external links checked, {len(failed)} broken."
        status = 1 if report.broken or failed else 0
    else:
        lines += [f"external (not checked): {url}" for url in urls]
        summary = f"{len(urls)} external links listed, not checked (use --external to check)."
        status = 1 if report.broken else 0
    lines.append(
        f"{report.pages} pages, {report.links} links: {len(report.broken)} broken internal "
        f"links or anchors. {summary}"
    )
    return status, "\n".join(lines)
