"""The Content-Security-Policy in a real browser: search and the story filters work under it,
it does stop an inline script that is not the theme's, and Zensical's pages run under it.
(That no page of the MkDocs build breaks it is checked as every page is audited:
test_every_page.py.)"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
VIOLATION = "Content Security Policy"


@pytest.fixture
def page(page_with_csp):
    return page_with_csp  # this file tests the policy: never set aside


@pytest.fixture
def console(page):
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.on("pageerror", lambda error: messages.append(f"page error: {error}"))
    return messages


def test_search_and_the_story_filters_work_under_the_policy(page, console, served_site):
    page.goto(served_site + "/stories/", wait_until="networkidle")
    assert page.locator("form.pb-filters").is_visible()  # the filter script ran
    page.select_option("#filter-state", index=1)
    assert "stories" in page.locator(".pb-filter-count").inner_text()
    page.keyboard.press("/")  # Material's search: its worker and index load under the policy
    page.keyboard.type("Kansas")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert [m for m in console if VIOLATION in m] == []


def test_the_policy_stops_an_inline_script_that_is_not_the_themes(
    page, console, served_site, real_site
):
    built = (real_site / "index.html").read_text(encoding="utf-8")
    injected = built.replace("</body>", "<script>window.pwned = 1</script></body>")
    page.route(
        served_site + "/injected.html",
        lambda route: route.fulfill(body=injected, content_type="text/html"),
    )
    page.goto(served_site + "/injected.html", wait_until="load")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert any(VIOLATION in m for m in console)


def test_zensical_pages_run_under_the_policy(page, console, zensical_site):
    from macros.site.local_server import serve_folder

    with serve_folder(zensical_site) as base:
        for path in ("/", "/themes/relationship-building/", "/states/", "/stories/", "/print/"):
            page.goto(base + path, wait_until="networkidle")
            assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    assert [m for m in console if VIOLATION in m or m.startswith("page error")] == []
