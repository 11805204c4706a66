"""The allow-list that editors' rendered Markdown passes through, and the address rules it
shares with the Markdown renderer.

`clean(html)` keeps only the elements and attributes Markdown makes for editors' text,
with nh3 (the Python binding of Rust's ammonia, an HTML5 parser and sanitiser): anything
else is dropped, whatever the renderer let through. Addresses are judged as a browser
reads them, after entities are decoded and tabs, line breaks and controls removed, so that
`java&#x09;script:`, `&#106;avascript:` or `&#47;&#47;host` are seen for what they are.
"""

from __future__ import annotations

import html
import re

import nh3

# What editors' Markdown may produce (Python-Markdown with sane_lists, smarty and abbr).
ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "em", "strong", "code", "pre", "blockquote",
        "ul", "ol", "li", "a", "abbr", "img", "span",
        "h1", "h2", "h3", "h4", "h5", "h6",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
}
# `rel` is set by our renderer on links to other sites, and may say only this.
ALLOWED_ATTRIBUTE_VALUES = {"a": {"rel": {"noopener"}}}
LINK_SCHEMES = frozenset({"http", "https", "mailto"})

# Browsers drop tabs and line breaks anywhere in an address, and spaces and control
# characters at its ends (WHATWG URL standard), and read `\` as `/` in http(s) addresses.
_REMOVED = re.compile(r"[\t\n\r]")
_ENDS = "".join(chr(c) for c in range(0x21))
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def as_browser_reads(address: str, *, decode_entities: bool = True) -> str:
    """The address a browser would follow for this attribute value."""
    value = html.unescape(address) if decode_entities else address
    return _REMOVED.sub("", value).strip(_ENDS).replace("\\", "/")


def scheme_of(address: str) -> str:
    match = _SCHEME.match(address)
    return match.group(1).lower() if match else ""


def link_problem(address: str, *, decoded: bool = False) -> str | None:
    """Why a link in editors' text may not point there, or None when it may."""
    seen = as_browser_reads(address, decode_entities=not decoded)
    scheme = scheme_of(seen)
    if scheme and scheme not in LINK_SCHEMES:
        return f"the link to '{address}' is not allowed (a '{scheme}:' address)"
    if not scheme and seen.startswith("//"):
        return f"the link to '{address}' leaves out 'https:'"
    return None


def image_problem(address: str, *, decoded: bool = False) -> str | None:
    """Why an image may not be shown from there, or None when it may: images come from
    this site only, since one from another host would tell it who reads the playbook."""
    seen = as_browser_reads(address, decode_entities=not decoded)
    if scheme_of(seen) or seen.startswith("//"):
        return f"the image '{address}' is on another site"
    return None


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    # nh3 passes values with entities already decoded: exactly what a browser sees.
    if tag == "a" and attribute == "href" and link_problem(value, decoded=True):
        return None
    if tag == "img" and attribute == "src" and image_problem(value, decoded=True):
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags={"script", "style"},
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    tag_attribute_values={
        tag: {name: set(values) for name, values in spec.items()}
        for tag, spec in ALLOWED_ATTRIBUTE_VALUES.items()
    },
    attribute_filter=_attribute_filter,
    url_schemes=set(LINK_SCHEMES),
    link_rel=None,
    strip_comments=True,
)


def clean(fragment: str) -> str:
    """`fragment` with only allowed elements, attributes and addresses left."""
    return _CLEANER.clean(fragment)
