"""The Content-Security-Policy the build writes into every page (macros/site/csp.py)."""

from __future__ import annotations

import re

import pytest

from macros.site import csp
from tests.page_scan import scan

SCOPE = (
    '__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_'
    ".charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem"
    '(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a'
    '.pathname+"."+e,JSON.stringify(_))}catch(e){}}'
)
PAGE = (
    '<!doctype html><html><head>\n<meta charset="utf-8"><script>' + SCOPE + "</script>"
    '<script id="__config" type="application/json">{"base": ".."}</script>'
    '<script src="assets/javascripts/bundle.js"></script></head>'
    "<body><script>alert('not the theme')</script></body></html>"
)


def test_only_the_themes_known_inline_scripts_get_a_hash():
    assert csp.inline_scripts(PAGE) == [SCOPE, "alert('not the theme')"]
    assert csp.is_theme_script(SCOPE)
    assert csp.is_theme_script(SCOPE.replace('"../.."', '"."'))
    assert not csp.is_theme_script(SCOPE.replace("localStorage", "sessionStorage"))
    assert not csp.is_theme_script("alert('not the theme')")


def test_the_policy_allows_the_site_and_the_theme_scripts_only():
    assert csp.policy(PAGE) == (
        "default-src 'self'; script-src 'self' "
        "'sha256-/nhm8p50KJxvwWLggwJ1OF8Xgq5W/b3iKECITLASfOg='; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
        "form-action 'self'"
    )
    assert csp.policy("<html><head></head></html>").startswith(
        "default-src 'self'; script-src 'self'; style-src"
    )


def test_the_policies_come_first_in_head():
    html = csp.with_policies(PAGE)
    head = html.index("<head>") + len("<head>")
    assert html[head:].startswith(
        f'\n<meta http-equiv="Content-Security-Policy" content="{csp.policy(PAGE)}">'
        '\n<meta name="referrer" content="same-origin">\n<meta charset="utf-8">'
    )
    assert csp.with_policies("no head here") == "no head here"


@pytest.mark.build
def test_every_built_page_has_the_policies_and_no_unknown_inline_script(real_site):
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert html.count('http-equiv="Content-Security-Policy"') == 1, page
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)[1]
        assert "'unsafe-inline'" not in policy.split("style-src")[0], page  # scripts: never
        assert '<meta name="referrer" content="same-origin">' in html, page
        assert all(csp.is_theme_script(s) for s in csp.inline_scripts(html)), page


@pytest.mark.build
def test_zensical_pages_get_the_policies_too_and_pass_the_scan(zensical_site):
    pages = sorted(zensical_site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert html.count('http-equiv="Content-Security-Policy"') == 1, page
        assert all(csp.is_theme_script(s) for s in csp.inline_scripts(html)), page
        assert scan(html) == [], page
