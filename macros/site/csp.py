"""A Content-Security-Policy and a referrer policy on every built page: the second wall.

    with_policies(page_html) -> page_html     a <meta http-equiv> CSP and a referrer <meta>
                                               right after <head>, before any script

The first wall is that nothing from the data can become a script (templates, sanitiser).
If something ever slipped through, the browser still refuses it: scripts only from the
site itself, plus the few inline scripts Material writes into every page, each allowed
by its SHA-256 hash. An inline script is allowed only when it is one of those known theme
scripts (THEME_SCRIPTS, recognised with its page-relative base address taken out); any
other inline script gets no hash and does not run. No 'unsafe-inline' for scripts.

Limits, honestly: a <meta> CSP cannot set frame-ancestors or report-uri (a server header
can); styles allow 'unsafe-inline' because Material and its extensions set style
attributes; a new Material release with other inline scripts fails the tests until its
scripts are reviewed and added below.
"""

from __future__ import annotations

import base64
import hashlib
import re

# The inline scripts of Material 9.8 and of Zensical's theme, with `new URL("<base>", location)`
# written as BASE (the page's path back to the site root). tests/test_csp.py checks every page.
_THEME_SCRIPT_TEXTS = {
    "scope and local storage helpers (__md_scope, __md_get, __md_set)": (
        "__md_scope=new URL(BASE,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_"
        ".charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem"
        '(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a'
        '.pathname+"."+e,JSON.stringify(_))}catch(e){}}'
    ),
    "Zensical: scope, local storage helpers and the platform attribute": (
        '__md_scope=new URL(BASE,location),__md_scope.pathname.endsWith("/")||(__md_scope=new'
        ' URL(__md_scope.pathname+"/",location)),__md_hash=e=>[...e].reduce(((e,t)=>(e<<5)-e+'
        "t.charCodeAt(0)),0),__md_get=(e,t=localStorage,_=__md_scope)=>JSON.parse(t.getItem(_"
        '.pathname+"."+e)),__md_set=(e,t,_=localStorage,a=__md_scope)=>{try{_.setItem(a.pathn'
        'ame+"."+e,JSON.stringify(t))}catch(e){}},document.documentElement.setAttribute("data'
        '-platform",navigator.platform)'
    ),
    "Zensical: the colour palette a reader chose": (
        'var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-sche'
        'me)"===palette.color.media){var media=matchMedia("(prefers-color-scheme: light)"),in'
        "put=document.querySelector(media.matches?\"[data-md-color-media='(prefers-color-schem"
        "e: light)']\":\"[data-md-color-media='(prefers-color-scheme: dark)']\");palette.color.m"
        'edia=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribu'
        'te("data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-p'
        'rimary"),palette.color.accent=input.getAttribute("data-md-color-accent")}for(var[key'
        ',value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+'
        "key,value)}"
    ),
    "opens the tab named in the address (content tabs)": (
        "var target=document.getElementById(location.hash.slice(1));target&&target.name&&"
        '(target.checked=target.name.startsWith("__tabbed_"))'
    ),
}

REFERRER_POLICY = "same-origin"  # other sites are not told which page a reader came from
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
# The page's base address: relative ("../..") on pages, absolute ("/playbook/", the
# published path of site_url) on the theme's 404.html, which may be served at any depth.
_BASE = re.compile(r'new URL\("[^"\\<>]*",location\)')
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Zensical 0.0.73's own inline scripts (its "classic" templates, `playbook build --engine
# zensical`), reviewed and kept as the SHA-256 of their text with the base address written
# as BASE: the same kind of helpers as Material's. tests/test_engines.py checks every page.
_ZENSICAL_SCRIPTS = {
    "7dc4db85fdbdb896fee9dceef9efd837d5b973f4409360bae98e017a5326d230": (
        "Zensical: scope and local storage helpers, and the platform as an attribute"
    ),
    "0eb10c249dbdb0beef225a10ce5cbe55418cc4a7014cc208f8e7d6ed8f00906e": (
        "Zensical: applies the colour palette the reader chose (from local storage)"
    ),
}

# SHA-256 of each text -> what the script does.
THEME_SCRIPTS = {
    **{_digest(text): what for what, text in _THEME_SCRIPT_TEXTS.items()},
    **_ZENSICAL_SCRIPTS,
}


def source_hash(script: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    # Browsers hash the element's text as parsed: line breaks normalised to \n.
    text = script.replace("\r\n", "\n").replace("\r", "\n")
    return (
        "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"
    )


def is_theme_script(script: str) -> bool:
    return _digest(_BASE.sub("new URL(BASE,location)", script)) in THEME_SCRIPTS


def inline_scripts(page_html: str) -> list[str]:
    """The text of every inline script a browser would run (JSON data blocks excluded)."""
    found = []
    for match in _SCRIPT.finditer(page_html):
        attributes = match.group(1)
        if re.search(r"\bsrc\s*=", attributes, re.IGNORECASE):
            continue
        kind = re.search(r"""\btype\s*=\s*["']?([^"'\s>]*)""", attributes, re.IGNORECASE)
        if (kind.group(1).lower() if kind else "") in _JS_TYPES:
            found.append(match.group(2))
    return found


def policy(page_html: str) -> str:
    """The CSP for this page: only the site itself, and its known theme scripts."""
    hashes = sorted({source_hash(s) for s in inline_scripts(page_html) if is_theme_script(s)})
    directives = [
        "default-src 'self'",
        "script-src 'self' " + " ".join(hashes) if hashes else "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(d.strip() for d in directives)


def with_policies(page_html: str) -> str:
    """The page with its CSP and referrer policy first in <head> (a CSP <meta> governs only
    what comes after it). A page that has them already is left as it is."""
    head = re.search(r"<head\b[^>]*>", page_html, re.IGNORECASE)
    if head is None or 'http-equiv="Content-Security-Policy"' in page_html:
        return page_html
    metas = (
        f'\n<meta http-equiv="Content-Security-Policy" content="{policy(page_html)}">'
        f'\n<meta name="referrer" content="{REFERRER_POLICY}">'
    )
    return page_html[: head.end()] + metas + page_html[head.end() :]
