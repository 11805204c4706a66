"""The link checker: every href, src and #anchor of a built site, internal ones offline."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.checks.linkcheck import check_site, run
from macros.content.settings import published_path
from macros.site.local_server import serve_folder
from tests.helpers import ROOT, run_main


def write_site(root: Path, pages: dict[str, str]) -> Path:
    for relative, body in pages.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return root


def broken(site: Path) -> list[str]:
    return [str(b) for b in check_site(site).broken]


def test_directory_urls_resolve_to_their_index_page(tmp_path):
    site = write_site(
        tmp_path,
        {
            "index.html": '<a href="themes/first/">1</a><a href="themes/first">2</a>'
            '<a href="./">3</a><a href="/themes/first/index.html?x=1">4</a>',
            "themes/first/index.html": '<a href="../../">home</a><a href="../">up</a>',
            "themes/index.html": "",
        },
    )
    assert broken(site) == []


def test_a_missing_page_is_reported_with_file_line_and_target(tmp_path):
    site = write_site(
        tmp_path,
        {
            "index.html": "<p>\n<a href='states/nowhere/'>x</a>\n<img src=\"img/gone.png\"></p>",
        },
    )
    assert broken(site) == [
        'index.html:2: href="states/nowhere/": states/nowhere/index.html does not exist',
        'index.html:3: src="img/gone.png": img/gone.png does not exist',
    ]


def test_a_link_to_a_markdown_source_left_unconverted_is_broken(tmp_path):
    # What a macro produces when it writes a raw HTML link that MkDocs never rewrites.
    site = write_site(tmp_path, {"resources/index.html": '<a href="states/vermont.md">VT</a>'})
    assert broken(site) == [
        'resources/index.html:1: href="states/vermont.md": '
        "resources/states/vermont.md does not exist"
    ]


def test_anchors_must_exist_as_an_id_or_a_named_anchor_in_the_target_page(tmp_path):
    site = write_site(
        tmp_path,
        {
            "index.html": '<a href="#top">a</a><a href="#old-name">b</a><a href="#">c</a>'
            '<a href="glossary/#term-pca">d</a><a href="glossary/#term-gone">e</a>'
            '<a href="#caf%C3%A9">f</a><h1 id="top">T</h1><a name="old-name"></a>'
            '<h2 id="café">C</h2>',
            "glossary/index.html": '<dt id="term-pca">PCA</dt>',
        },
    )
    assert broken(site) == [
        "index.html:1: href=\"glossary/#term-gone\": no id or name 'term-gone' in "
        "glossary/index.html"
    ]


def test_material_internal_anchors_are_checked_like_any_other(tmp_path):
    site = write_site(
        tmp_path,
        {"index.html": '<input id="__drawer"><a href="#__drawer">m</a><a href="#__search">s</a>'},
    )
    assert broken(site) == [
        "index.html:1: href=\"#__search\": no id or name '__search' in index.html"
    ]


def test_srcset_candidates_and_links_outside_the_site(tmp_path):
    site = write_site(
        tmp_path,
        {
            "index.html": '<img srcset="a.png 1x, b.png 2x" src="a.png">'
            '<a href="../../etc/passwd">x</a><a href="ftp://example.org/">y</a>',
            "a.png": "",
        },
    )
    assert broken(site) == [
        'index.html:1: srcset="b.png": b.png does not exist',
        'index.html:1: href="../../etc/passwd": points outside the site',
        "index.html:1: href=\"ftp://example.org/\": unknown scheme 'ftp:'",
    ]


def test_external_links_are_listed_but_not_fetched_unless_asked(tmp_path):
    site = write_site(
        tmp_path,
        {
            "index.html": '<a href="https://example.org/a">a</a>'
            '<a href="mailto:x@example.org">m</a><a href="https://example.org/a">again</a>'
            '<a href="tel:+15555550100">t</a>',
        },
    )
    report = check_site(site)
    assert sorted(report.external) == ["https://example.org/a"]
    assert len(report.external["https://example.org/a"]) == 2
    status, text = run(site)
    assert status == 0
    assert text.splitlines() == [
        "external (not checked): https://example.org/a",
        "1 pages, 4 links: 0 broken internal links or anchors. 1 external links listed, "
        "not checked (use --external to check).",
    ]


@pytest.fixture
def local_server(tmp_path):
    """A stand-in for a remote site, on 127.0.0.1 (CI has no network)."""
    with serve_folder(write_site(tmp_path / "remote", {"ok.html": "fine"})) as base_url:
        yield base_url


def test_external_links_are_fetched_when_asked(tmp_path, local_server):
    site = write_site(
        tmp_path / "site",
        {
            "index.html": f'<a href="{local_server}/ok.html">ok</a>\n'
            f'<a href="{local_server}/gone.html">gone</a>'
        },
    )
    status, text = run(site, external=True)
    assert status == 1
    assert text.splitlines() == [
        f"index.html:2: {local_server}/gone.html: HTTP 404",
        "1 pages, 2 links: 0 broken internal links or anchors. 2 external links checked, 1 broken.",
    ]


def test_the_command_reports_broken_links_and_fails(tmp_path):
    site = write_site(tmp_path / "site", {"index.html": '<a href="gone/">x</a>'})
    result = run_main("--project", str(tmp_path), "check-links")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        'index.html:1: href="gone/": gone/index.html does not exist'
    )
    assert run_main("check-links", "--site-dir", str(site / "missing")).stderr == (
        f"No built site in {site / 'missing'}/ (run `playbook build` first).\n"
    )


@pytest.mark.build
def test_the_real_site_has_no_broken_internal_link_or_anchor(real_site):
    report = check_site(real_site, published_path(ROOT))
    assert report.pages > 10 and report.links > 100
    assert [str(b) for b in report.broken] == []


@pytest.mark.build
def test_the_real_site_links_out_over_https_unless_a_source_gives_only_http(real_site):
    # External links are listed, never fetched in the tests; http:// would leak readers' visits,
    # so it is allowed only for an address that facts-web.md gives as http:// (the data copies
    # addresses letter for letter; changing the scheme would be a guess).
    sources = Path(__file__).resolve().parents[2] / "shared" / "sources"
    facts_web = (sources / "facts-web.md").read_text(encoding="utf-8")
    insecure = [url for url in check_site(real_site).external if url.startswith("http:")]
    assert [url for url in insecure if f"| {url} |" not in facts_web] == []


def test_links_from_the_server_root_must_stay_under_the_published_path(tmp_path):
    # MkDocs writes 404.html with links from the server's root, under site_url's path.
    site = write_site(
        tmp_path,
        {
            "index.html": '<p id="top">x</p>',
            "404.html": '<a href="/playbook/">home</a><a href="/playbook/#top">top</a>'
            '<a href="/playbook/missing/">gone</a><a href="/elsewhere/">out</a>',
        },
    )
    assert [str(b) for b in check_site(site, "/playbook/").broken] == [
        '404.html:1: href="/playbook/missing/": missing/index.html does not exist',
        '404.html:1: href="/elsewhere/": points outside the site',
    ]
