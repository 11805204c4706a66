"""Every page of the real site, in a real browser, under its own Content-Security-Policy:
nothing is requested from another host (no analytics, fonts or scripts from a CDN), nothing
breaks the policy or throws, and axe-core finds no WCAG 2.0/2.1 A or AA violation, in light
mode and, for a page of each kind, in dark mode. Pages are found by walking the built site, so
new kinds are covered when built."""

from __future__ import annotations

import pytest

from macros.site.local_server import serve_folder
from tests.site_audit import (
    AXE_PAGES_OF_A_GENERATED_KIND,
    AXE_WHOLE_KIND_UP_TO,
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
def audited(browser, served_site, pages, kinds):
    axe_paths = set(axe_selection(pages))
    # In dark mode only the colours change, so axe's colour rules run again, on a page of
    # each kind; every rule runs on a phone (test_readers_browser.py).
    return audit(browser, served_site, list(pages), axe_paths, dark_paths=set(kinds.values()))


def test_the_pages_audited_include_every_kind_the_playbook_has_today(pages):
    # More kinds (contributor guide, print view) are audited by the same walk once built.
    kinds = {page_kind(path) for path in pages}
    assert {"home", "themes", "states", "glossary", "resources", "about", "404"} <= kinds
    for path in ("/", "/states/", "/glossary/", "/resources/", "/accessibility/"):
        assert path in pages


def test_no_page_requests_anything_from_another_host(audited, pages):
    assert [page.path for page in audited] == list(pages)
    assert {page.path: page.foreign_requests for page in audited if page.foreign_requests} == {}


def test_no_page_breaks_its_content_security_policy_or_throws(audited):
    # Among them the theme's inline scripts, search, the story filters, the print view and
    # the map (tests/browser/test_csp_browser.py shows the policy does stop what it should).
    assert {page.path: page.errors for page in audited if page.errors} == {}


def test_no_page_has_a_wcag_2_1_a_or_aa_violation_in_light_or_dark_mode(audited, kinds):
    assert {page.path for page in audited if page.dark_violations is not None} >= set(
        kinds.values()
    )
    report = [line for page in audited for line in page.violation_report()]
    assert report == []


def test_axe_checks_every_page_or_enough_of_each_kind(pages):
    chosen = axe_selection(pages)
    for kind in {page_kind(path) for path in pages}:
        members = [path for path in pages if page_kind(path) == kind]
        checked = [path for path in chosen if page_kind(path) == kind]
        if len(members) <= AXE_WHOLE_KIND_UP_TO:
            assert sorted(checked) == sorted(members), kind
        else:
            assert len(checked) == AXE_PAGES_OF_A_GENERATED_KIND, kind
            largest = max(members, key=lambda path: pages[path].stat().st_size)
            assert largest in checked and (f"/{kind}/" in checked) == (f"/{kind}/" in members)


# A page with a palette toggle as Material's (one label on show, switching the same
# attribute), whose text is readable in light mode only.
TOGGLE_JS = """const [dark, light] = document.querySelectorAll("label");
for (const label of [dark, light]) {
  label.addEventListener("click", () => {
    document.body.setAttribute("data-md-color-scheme", label === dark ? "slate" : "default");
    dark.hidden = label === dark;
    light.hidden = label !== dark;
  });
}"""
BAD_PAGE = """<!doctype html><html lang="en"><head><title>Bad</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self'
 'unsafe-inline' https:">
<link rel="stylesheet" href="https://fonts.example.com/css?family=Roboto">
<style>[data-md-color-scheme=slate] { background: #222; color: #333; }</style></head>
<body data-md-color-scheme="default">
<form data-md-component="palette"><label>Dark</label><label hidden>Light</label></form>
<main><h1>Bad</h1><img src="chart.png"><p>Readable in light mode only.</p></main>
<script src="toggle.js"></script><script>window.pwned = 1</script></body></html>"""


def test_the_audit_catches_a_third_party_request_a_policy_breach_and_violations(browser, tmp_path):
    (tmp_path / "index.html").write_text(BAD_PAGE, encoding="utf-8")
    (tmp_path / "toggle.js").write_text(TOGGLE_JS, encoding="utf-8")
    with serve_folder(tmp_path) as base_url:
        (page,) = audit(browser, base_url, ["/"], {"/"}, dark_paths={"/"})
    assert page.foreign_requests == ["https://fonts.example.com/css?family=Roboto"]
    assert any("inline script" in e and "Content Security Policy" in e for e in page.errors)
    assert [violation["id"] for violation in page.violations] == ["image-alt"]
    assert [violation["id"] for violation in page.dark_violations] == ["color-contrast"]
    assert any(line.startswith("/ (dark mode): color-contrast") for line in page.violation_report())


def test_the_audit_catches_a_script_that_throws(browser, tmp_path):
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><title>Throws</title><main><h1>Throws</h1></main>'
        '<script src="throws.js"></script></html>',
        encoding="utf-8",
    )
    (tmp_path / "throws.js").write_text("undefinedFunction();", encoding="utf-8")
    with serve_folder(tmp_path) as base_url:
        (page,) = audit(browser, base_url, ["/"], set())
    assert page.errors == ["script error: undefinedFunction is not defined"]
    assert page.dark_violations is None


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
