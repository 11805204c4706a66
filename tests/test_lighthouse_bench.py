"""The Lighthouse benchmark's parts that do not need Lighthouse: the server that serves a
built site as GitHub Pages does, the choice of one page per kind, and the table."""

from __future__ import annotations

import gzip
import http.client
from pathlib import Path

import pytest

from benchmarks.lighthouse import Result, markdown_table, page_kinds, shortfalls_of
from benchmarks.pages_server import serve_like_pages
from macros.content.settings import published_path
from tests.helpers import ROOT


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    for path, text in {
        "index.html": "<h1>Home</h1>",
        "404.html": "<h1>Not here</h1>",
        "states/index.html": "<h1>States</h1>",
        "states/kansas/index.html": "<h1>Kansas</h1>" + "x" * 500,
        "states/alaska/index.html": "<h1>Alaska</h1>",
        "assets/site.css": "body { color: black; }" * 40,
    }.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    return site


def get(base_url: str, path: str, headers: dict | None = None) -> http.client.HTTPResponse:
    host = base_url.split("//", 1)[1].split("/", 1)[0]
    connection = http.client.HTTPConnection(host, timeout=5)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def test_text_is_gzipped_for_browsers_that_ask_and_cached_for_ten_minutes(site):
    with serve_like_pages(site, prefix="/playbook/") as base_url:
        assert base_url.endswith("/playbook")
        zipped = get(base_url, "/playbook/assets/site.css", {"Accept-Encoding": "gzip, br"})
        plain = get(base_url, "/playbook/assets/site.css")
    assert zipped.status == 200
    assert zipped.getheader("Content-Encoding") == "gzip"
    assert zipped.getheader("Cache-Control") == "max-age=600"
    assert gzip.decompress(zipped.body) == plain.body
    assert len(zipped.body) < len(plain.body)
    assert plain.getheader("Content-Encoding") is None


def test_an_unchanged_file_is_not_sent_again(site):
    with serve_like_pages(site) as base_url:
        first = get(base_url, "/states/")
        again = get(base_url, "/states/", {"If-None-Match": first.getheader("ETag")})
    assert first.status == 200 and first.body == b"<h1>States</h1>"
    assert again.status == 304 and again.body == b""


def test_pages_are_served_only_under_the_published_path_and_folders_end_with_a_slash(site):
    with serve_like_pages(site, prefix="/playbook/") as base_url:
        assert get(base_url, "/playbook/states/kansas/").body.startswith(b"<h1>Kansas")
        moved = get(base_url, "/playbook/states")
        outside = get(base_url, "/states/")
        missing = get(base_url, "/playbook/nowhere/")
    assert (moved.status, moved.getheader("Location")) == (301, "/playbook/states/")
    assert (outside.status, outside.body) == (404, b"<h1>Not here</h1>")
    assert (missing.status, missing.body) == (404, b"<h1>Not here</h1>")


def test_the_published_path_comes_from_site_url(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: X\nsite_url: https://example.org/playbook\n")
    assert published_path(tmp_path) == "/playbook/"
    config.write_text("site_name: X\n")
    assert published_path(tmp_path) == "/"
    assert published_path(ROOT) == "/playbook/"


def test_one_page_stands_for_each_kind_the_largest_of_a_section(site):
    assert page_kinds(site) == {
        "home": "/",
        "states/": "/states/",
        "states/*/": "/states/kansas/",
    }


def scores(performance, others=100):
    return {
        "performance": performance,
        "accessibility": others,
        "best-practices": others,
        "seo": others,
    }


def test_targets_are_100_on_desktop_and_95_for_mobile_performance():
    assert Result("home", "/", "mobile", [scores(95)]).meets()
    assert not Result("home", "/", "mobile", [scores(94)]).meets()
    assert not Result("home", "/", "mobile", [scores(100, others=99)]).meets()
    assert not Result("home", "/", "desktop", [scores(99)]).meets()
    assert Result("home", "/", "desktop", [scores(100)]).meets()
    # The median of the runs counts.
    assert Result("home", "/", "desktop", [scores(90), scores(100), scores(100)]).meets()


def test_the_table_has_a_row_per_page_and_form_factor_and_says_which_miss():
    table = markdown_table(
        [
            Result("home", "/", "desktop", [scores(100)]),
            Result("print/", "/print/", "mobile", [scores(77)]),
        ]
    ).splitlines()
    assert table[0].startswith("| Page kind | Page | Form factor | Performance |")
    assert table[2] == "| home | `/` | desktop | 100 | 100 | 100 | 100 | yes |"
    assert table[3] == "| print/ | `/print/` | mobile | 77 | 100 | 100 | 100 | **no** |"


def test_only_weighted_audits_that_cost_points_are_listed():
    report = {
        "categories": {
            category: {"auditRefs": [{"id": f"{category}-a", "weight": 1}]}
            for category in ("performance", "accessibility", "best-practices", "seo")
        },
        "audits": {
            "performance-a": {"title": "Total Blocking Time", "score": 0.5, "displayValue": "1 s"},
            "accessibility-a": {"title": "Dialog names", "score": 0},
            "best-practices-a": {"title": "HTTPS", "score": 1},
            "seo-a": {"title": "Crawlable", "score": None},
        },
    }
    assert shortfalls_of(report) == {
        "performance-a": "Total Blocking Time (1 s)",
        "accessibility-a": "Dialog names",
    }
