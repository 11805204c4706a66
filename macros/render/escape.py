"""One escaping function per place a value from the data can go.

Every function returns `Markup`: text that templates insert as it is. A value that reaches a
template without one of them is escaped by the template's default (see environment.py),
which is safe in every context of a generated page, if not always pretty.

    md_text(value)       inline Markdown text that displays exactly `value`
    html_text(value)     HTML text, and the value of a double-quoted attribute
    html_id(value)       an id or anchor, checked (ids in the data are validated slugs)
    heading(level)       the `#`s of a Markdown heading
    code(value)          inline code (`<code>`), also inside a Markdown table
    front_matter(value)  a value of a page's YAML front matter (shown by the theme as HTML)
    link_target(url)     an address from the data, inside Markdown `[text](…)` or `href="…"`

Addresses are parsed and written again from their parts, never pasted: only http(s)
addresses with a host get through (`link_target` raises `UnsafeURL` for anything else;
validation has refused such addresses long before).
"""

from __future__ import annotations

import functools
import html
import json
import re
from urllib.parse import quote, urlsplit, urlunsplit

from markupsafe import Markup

# Characters that Python-Markdown gives a meaning to and that a backslash makes literal (its
# ESCAPED_CHARS, and `|` for tables); a backslash before any other character would show.
# `<`, `>`, `&` and `"` are escaped as HTML instead.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
# Line breaks would let a one-line value start a block (a heading, a list) of its own.
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]+")


# A host name, or an IPv6 address (urlsplit gives it without its brackets).
_HOST = re.compile(r"[\w.-]+|[0-9a-fA-F:.]+")


class UnsafeURL(ValueError):
    """An address that is not http(s) with a host: a programming error once validated."""


def md_text(value: object) -> Markup:
    """Plain text to inline Markdown that shows exactly `value` (no markup, no HTML)."""
    return _md_text(str(value))


@functools.lru_cache(maxsize=16384)  # pages repeat the same names and titles many times
def _md_text(text: str) -> Markup:
    text = _LINE_BREAKS.sub(" ", text)
    return Markup(_html(_MD_SPECIAL.sub(r"\\\1", text)))


_ID = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")


def html_id(value: object) -> Markup:
    """An id or anchor (`{ #id }`, `id="…"`): ids in the data are validated slugs, so
    anything else is a programming error, raised rather than escaped into a broken anchor."""
    text = str(value)
    if not _ID.fullmatch(text):
        raise ValueError(f"not an id: {text!r}")
    return Markup(text)


def heading(level: object) -> Markup:
    """The `#`s of a Markdown heading of this level (1 to 6)."""
    if not isinstance(level, int) or not 1 <= level <= 6:
        raise ValueError(f"not a heading level: {level!r}")
    return Markup("#" * level)


def html_text(value: object) -> Markup:
    """Plain text to HTML text; quotes escaped too, so that it is safe in attributes. Line
    breaks become spaces: a blank line would end an HTML block inside a Markdown page."""
    return Markup(_html(_LINE_BREAKS.sub(" ", str(value))))


def code(value: object) -> Markup:
    """Plain text as inline code in Markdown, also inside a table cell. Markdown shows a
    code span's content literally; text that holds a backtick or `|` (which would end the
    span or the cell) becomes HTML instead, with `|` as an entity."""
    text = _LINE_BREAKS.sub(" ", str(value))
    if "`" in text or "|" in text or text != text.strip() or not text:
        return Markup(f"<code>{_html(text).replace('|', '&#124;')}</code>")
    return Markup(f"`{text}`")


def front_matter(value: object) -> Markup:
    """A YAML string for front matter. MkDocs' theme templates insert titles and
    descriptions into HTML (and into attributes) without escaping: escape them here."""
    text = _LINE_BREAKS.sub(" ", str(value))
    return Markup(json.dumps(_html(text), ensure_ascii=False))


def _html(text: str) -> str:
    # `'` stays as it is: every attribute in our templates is double-quoted (a test checks).
    return html.escape(text, quote=False).replace('"', "&quot;")


# What may stay as it is in each part of an address; everything else is %-encoded.
# Never: quotes, <, >, backslash, spaces, parentheses (they end a Markdown link target).
_PATH_SAFE = "/:@!$&*+,;=%~-._"
_QUERY_SAFE = "/:@!$&*+,;=%~-._?"


def link_target(url: object) -> Markup:
    """An http(s) address from the data, parsed and re-serialised with every unsafe
    character encoded: safe inside Markdown link parentheses and inside `href="…"`.
    (Markdown escapes `&` when it writes the link; in raw HTML use `href` below.)"""
    text = str(url).strip()
    try:
        parts = urlsplit(text)
        host = parts.hostname
        port = parts.port  # raises ValueError for a port that is not a number
    except ValueError as error:
        raise UnsafeURL(f"not an address: {text!r}") from error
    if parts.scheme.lower() not in {"http", "https"} or not host:
        raise UnsafeURL(f"not an http(s) address with a host: {text!r}")
    if not _HOST.fullmatch(host):
        raise UnsafeURL(f"not a host name: {host!r}")
    if parts.username is not None or parts.password is not None:
        raise UnsafeURL(f"an address with a user name: {text!r}")
    name = f"[{host}]" if ":" in host else host  # an IPv6 address keeps its brackets
    netloc = name if port is None else f"{name}:{port}"
    rebuilt = urlunsplit(
        (
            parts.scheme.lower(),
            netloc,
            quote(parts.path, safe=_PATH_SAFE),
            quote(parts.query, safe=_QUERY_SAFE),
            quote(parts.fragment, safe=_QUERY_SAFE),
        )
    )
    return Markup(rebuilt)


def href(url: object) -> Markup:
    """`link_target` for a raw HTML attribute: `&` written as `&amp;`."""
    return Markup(str(link_target(url)).replace("&", "&amp;"))
