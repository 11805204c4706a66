"""Turning editors' text into safe Markdown and HTML.

Two kinds of text come from the data, and each has one way in:

* plain text (titles, summaries, names): `md_text` escapes it so that it shows exactly as
  written inside generated Markdown: no HTML, no Markdown syntax, no Jinja.
* Markdown text (bodies, intros, descriptions): `prose_html` renders it with a Markdown
  instance of our own that has no raw HTML, no attribute lists and only safe link targets.
  The result is placed in the page as a finished HTML block, so MkDocs' extensions (which
  allow `{: onclick=...}` attributes, for one) never see editors' text.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import quote, urlsplit

import markdown
from markdown.treeprocessors import InlineProcessor, Treeprocessor

# Characters that Python-Markdown gives a meaning to and that a backslash makes literal.
# `|` is for tables; `<` and `&` are handled by HTML escaping.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")
_SAFE_SCHEMES = {"http", "https", "mailto"}


def md_text(text: str) -> str:
    """Plain text to inline Markdown that displays exactly `text`."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def html_text(text: str) -> str:
    """Plain text to HTML text, quotes included (safe inside attributes)."""
    return html.escape(text, quote=True)


def yaml_string(text: str) -> str:
    """A value for page front matter (YAML), HTML-escaped because MkDocs' templates
    insert page titles into HTML without escaping them."""
    return json.dumps(html.escape(text, quote=False), ensure_ascii=False)


def link_target(url: str) -> str:
    """A URL made safe to put inside Markdown link parentheses."""
    return quote(url, safe="/:?#[]@!$&'*+,;=%~-._")


class _SafeLinks(Treeprocessor):
    """Keeps only http(s), mailto and in-page links; images must be on our own site."""

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag == "a":
                href = element.get("href", "")
                scheme = urlsplit(href).scheme.lower()
                if scheme and scheme not in _SAFE_SCHEMES:
                    del element.attrib["href"]
                elif scheme in {"http", "https"}:
                    element.set("rel", "noopener")
            elif element.tag == "img":
                src = element.get("src", "")
                if urlsplit(src).scheme or src.startswith("//"):
                    # An image from another host would leak readers' visits to it.
                    element.tag = "span"
                    element.text = element.get("alt", "")
                    element.attrib.clear()


# Text that one of smarty's patterns can change: quotes, `--` and `...`.
_SMARTY_TARGETS = re.compile(r"""['"]|--|\.\.\.""")


class _QuickSmarty(InlineProcessor):
    """smarty's pass over the text, skipping pieces of text that none of its patterns can
    change: the same output, in about a third less time (half the time of rendering
    editors' text goes to smarty). tests/test_render.py compares it with smarty's own."""

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if not _SMARTY_TARGETS.search(data):
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)


def _prose_renderer(abbreviations: dict[str, str], *, quick: bool = True) -> markdown.Markdown:
    md = markdown.Markdown(
        extensions=["sane_lists", "smarty", "abbr"],
        extension_configs={"abbr": {"glossary": abbreviations}},
        output_format="html",
    )
    # No raw HTML, neither as blocks nor inline: it is shown as text instead.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_SafeLinks(md), "pb_safe_links", 1)
    if quick:
        smarty = md.treeprocessors["smarty"]
        faster = _QuickSmarty(md)
        faster.inlinePatterns = smarty.inlinePatterns
        md.treeprocessors.register(faster, "smarty", 6)
    return md


class ProseRenderer:
    """Renders editors' Markdown fields; one instance per build (glossary included)."""

    def __init__(self, abbreviations: dict[str, str] | None = None):
        self._md = _prose_renderer(dict(abbreviations or {}))
        # A story's body shows on its theme page and twice in the print view: render once.
        self._rendered: dict[str, str] = {}

    def html(self, text: str) -> str:
        rendered = self._rendered.get(text)
        if rendered is None:
            self._md.reset()
            rendered = self._rendered[text] = self._md.convert(text)
        return rendered

    def inline(self, text: str) -> str:
        """One paragraph of Markdown rendered without its <p> wrapper."""
        rendered = self.html(text)
        if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
            return rendered[3:-4]
        return rendered

    def block(self, text: str, css_class: str = "pb-prose") -> str:
        """A finished HTML block, with blank lines around it, ready to sit in Markdown."""
        return f'\n<div class="{css_class}">\n{self.html(text)}\n</div>\n'
