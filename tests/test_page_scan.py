"""Every built page is scanned (tests/page_scan.py): no event attribute, no script that is
not the theme's, no dangerous address, no image from another host. Run on the real site
and on a site whose every plain-text field tries to break out of its context."""

from __future__ import annotations

import html
import re

import pytest

from macros.site import csp
from tests.page_scan import scan

# Valid plain text (one line, no control characters) that tries every context at once:
# an attribute, a tag, Markdown link and attribute list, a meta refresh, a template.
HOSTILE = (
    "\"><img src=x onerror=alert(1)> '><script>alert(1)</script> [x](javascript:alert(1)) "
    '{: onclick=alert(1) } " http-equiv="refresh" content="0;url=//evil.example" {{ 7*7 }}'
)
SHORT = '"><b onclick=x>'  # for fields of at most 20 characters


def test_the_scan_finds_each_kind_of_danger():
    page = (
        '<p onclick="x">a</p><a href="java&#x09;script:alert(1)">b</a>'
        '<a href="data:text/html,x">c</a><img src="//evil.example/a.png">'
        '<img src="https://evil.example/b.png"><script>alert(1)</script>'
        '<script src="https://cdn.example/x.js"></script><iframe src="/x"></iframe>'
        '<meta http-equiv="refresh" content="0;url=/x"><div style="background:url(http://e.x/i)">'
        '<svg><image href="//evil.example/c.png"/></svg>'
    )
    assert scan(page) == [
        "<p> has an event attribute onclick=",
        "<a href='java\\tscript:alert(1)'> is a dangerous address",
        "<a href='data:text/html,x'> is a dangerous address",
        "<img src='//evil.example/a.png'> loads from another site",
        "<img src='https://evil.example/b.png'> loads from another site",
        "an inline <script> that is not the theme's: 'alert(1)'",
        "<script src='https://cdn.example/x.js'> is not the theme's",
        "<iframe> embeds or redirects",
        "<meta http-equiv=refresh> redirects",
        "<div style url()='http://e.x/i'> loads from another site",
        "<image href='//evil.example/c.png'> loads from another site",
    ]


def test_a_clean_page_has_no_finding():
    page = (
        '<a href="../themes/x/#story-y">a</a><a href="https://example.org" rel="noopener">b</a>'
        '<a href="mailto:a@example.org">c</a><img src="../assets/images/map.png" alt="">'
        '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
        '<script id="__config" type="application/json">{}</script>'
        '<svg><rect fill="url(#pb-tile-x)"/></svg>'
    )
    assert scan(page) == []


@pytest.mark.build
def test_every_page_of_the_real_site_is_clean(real_site):
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 40
    findings = {p.relative_to(real_site).as_posix(): scan(p.read_text("utf-8")) for p in pages}
    assert {page: found for page, found in findings.items() if found} == {}


def q(text: str) -> str:
    """A YAML single-quoted scalar."""
    return "'" + text.replace("'", "''") + "'"


def hostile_values(project) -> None:
    """Every plain-text field of the minimal fixture set to HOSTILE (SHORT where short)."""
    name = HOSTILE[:118]
    edits = {
        "playbook.yml": [
            ("title: Test Playbook", f"title: {q(name)}"),
            ("subtitle: A tiny playbook for the tests", f"subtitle: {q(HOSTILE)}"),
            ("publisher: Test publisher", f"publisher: {q(HOSTILE)}"),
            ('version: "9.9"', f"version: {q(SHORT)}"),
        ],
        "sources.yml": [
            ("title: The Test Source", f"title: {q(HOSTILE)}"),
            ("short_title: Test source", f"short_title: {q(name)}"),
            ("publisher: Test publisher", f"publisher: {q(HOSTILE)}"),
            ('year: "2024"', f"year: {q(SHORT)}"),
            ("- It has one fact.", f"- {q(HOSTILE)}"),
            (
                "kind: publication",
                f"kind: publication\n    place: {q(name)}\n"
                f"    url: {q('https://example.org/)<script>alert(1)</script>')}",
            ),
        ],
        "cohorts.yml": [
            ("name: Phase 2 grantees", f"name: {q(name)}"),
            ("years: 2021–2024", f"years: {q(SHORT)}"),
        ],
        "states.yml": [("name: Kansas", f"name: {q('Kansas ' + HOSTILE[:100])}")],
        "policy_areas.yml": [("name: Telehealth", f"name: {q(name)}")],
        "themes/01-first.yml": [
            ("title: The first theme", f"title: {q(HOSTILE)}"),
            ("tagline: What the first theme is about.", f"tagline: {q(HOSTILE)}"),
            ("title: The first strategy", f"title: {q(HOSTILE)}"),
            ('approaches_intro: "Approaches:"', f"approaches_intro: {q(HOSTILE)}"),
        ],
        "stories/kansas-story.yml": [
            ("title: Kansas passes a law", f"title: {q(HOSTILE)}"),
            ("summary: Kansas passed a law.", f"summary: {q(HOSTILE)}"),
        ],
        "quotes.yml": [
            ("text: Working together was worth it.", f"text: {q(HOSTILE)}"),
            ("attribution: Kansas team", f"attribution: {q(name)}"),
        ],
        "resources.yml": [
            ("title: A linked report", f"title: {q(HOSTILE)}"),
            ("url: https://example.org/report", "url: " + q('https://example.org/a?b=1&c="2"')),
        ],
        "glossary.yml": [
            ("expansion: primary care association", f"expansion: {q(name)}"),
            (
                "definition: A membership organisation of primary care providers.",
                f"definition: {q(HOSTILE)}",
            ),
        ],
    }
    for file, changes in edits.items():
        for old, new in changes:
            project.edit(file, old, new)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from tests.helpers import Project

    root = tmp_path_factory.mktemp("hostile")
    project = Project(root / "project")
    hostile_values(project)
    validate = project.playbook("validate")
    assert validate.returncode == 0, validate.stdout
    site = root / "site"
    build = project.playbook("build", "--site-dir", str(site))
    assert build.returncode == 0, build.stderr
    return site


@pytest.mark.build
def test_a_site_made_of_hostile_text_is_clean(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    findings = {p.relative_to(hostile_site).as_posix(): scan(p.read_text("utf-8")) for p in pages}
    assert {page: found for page, found in findings.items() if found} == {}
    for page in pages:
        text = page.read_text("utf-8")
        assert "<img src=x" not in text and "<script>alert" not in text, page
        for script in csp.inline_scripts(text):
            assert csp.is_theme_script(script), page


@pytest.mark.build
def test_hostile_text_shows_as_written(hostile_site):
    theme = (hostile_site / "themes" / "first-theme" / "index.html").read_text("utf-8")
    # The tagline, in its <meta name="description">, stays inside the attribute.
    shown = html.escape(HOSTILE, quote=False).replace('"', "&quot;")  # `'` is safe within "…"
    assert f'<meta name="description" content="{shown}">' in theme
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", theme, re.DOTALL).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", heading)).removesuffix("¶") == HOSTILE
    about = (hostile_site / "about" / "test-source" / "index.html").read_text("utf-8")
    assert 'href="https://example.org/%29%3Cscript%3Ealert%281%29%3C/script%3E"' in about
