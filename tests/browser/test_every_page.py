"""Every page of the real site, in a real browser: nothing is requested from another host
(no analytics, fonts or scripts from a CDN), and axe-core finds no WCAG 2.0/2.1 A or AA
violation. Pages are found by walking the built site, so new kinds are covered when built."""

from __future__ import annotations

import pytest

from macros.site.local_server import serve_folder
from tests.site_audit import (
    AXE_PAGES_PER_KIND,
    audit,
    axe_selection,
    dead_end_proxy,
    page_kind,
    site_pages,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pages(real_site):
    return site_pages(real_site)


@pytest.fixture(scope="module")
def audited(browser, served_site, pages):
    return audit(browser, served_site, list(pages), set(axe_selection(pages)))


def test_the_pages_audited_include_every_kind_the_playbook_has_today(pages):
    # More kinds (contributor guide, print view) are audited by the same walk once built.
    kinds = {page_kind(path) for path in pages}
    assert {"home", "themes", "states", "glossary", "resources", "about", "404"} <= kinds
    for path in ("/", "/states/", "/glossary/", "/resources/", "/accessibility/"):
        assert path in pages


def test_no_page_requests_anything_from_another_host(audited, pages):
    assert [page.path for page in audited] == list(pages)
    assert {page.path: page.foreign_requests for page in audited if page.foreign_requests} == {}


def test_no_page_has_a_wcag_2_1_a_or_aa_violation(audited):
    report = [line for page in audited for line in page.violation_report()]
    assert report == []


def test_axe_checks_every_page_or_enough_of_each_kind(pages):
    chosen = axe_selection(pages)
    for kind in {page_kind(path) for path in pages}:
        members = [path for path in pages if page_kind(path) == kind]
        checked = [path for path in chosen if page_kind(path) == kind]
        assert len(checked) == min(len(members), AXE_PAGES_PER_KIND), kind


def test_the_audit_catches_a_third_party_request_and_a_violation(browser, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><title>Bad</title>'
        '<link rel="stylesheet" href="https://fonts.example.com/css?family=Roboto">'
        '<main><h1>Bad</h1><img src="chart.png"></main></html>',
        encoding="utf-8",
    )
    with serve_folder(tmp_path) as base_url:
        (page,) = audit(browser, base_url, ["/"], {"/"})
    assert page.foreign_requests == ["https://fonts.example.com/css?family=Roboto"]
    assert [violation["id"] for violation in page.violations] == ["image-alt"]


def test_a_request_to_another_host_goes_to_the_audits_proxy_never_out(browser, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><title>Bad</title>'
        '<main><h1>Bad</h1><img alt="" src="http://cdn.example.org/a.png"></main></html>',
        encoding="utf-8",
    )
    with dead_end_proxy() as (proxy, received), serve_folder(tmp_path) as base_url:
        (page,) = audit(browser, base_url, ["/"], set(), proxy=proxy)
    assert page.foreign_requests == ["http://cdn.example.org/a.png"]
    # The browser asked the proxy for it (and got nothing): it did not fetch it itself.
    assert any(b"GET http://cdn.example.org/a.png " in request for request in received)
