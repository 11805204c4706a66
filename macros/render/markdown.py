"""Editors' Markdown fields (bodies, intros, descriptions) to safe HTML.

Rendered by a Markdown instance of our own that has no raw HTML (it shows as text), no
attribute lists and only safe link targets; the result then goes through an allow-list
sanitiser (sanitize.py) as a second, independent wall. It is placed in pages as a finished
HTML block, so MkDocs' own extensions (which allow `{: onclick=...}`) never see it.

What an editor should hear about (a link or image that is not allowed, text nested too
deeply to show) is reported by `ProseRenderer.problems(text)`, which validation calls for
every Markdown field, so that it is an error with file and line before anything is built.
Rendering itself never raises.
"""

from __future__ import annotations

import hashlib
import html
import importlib.metadata
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import markdown
from markdown.treeprocessors import InlineProcessor, Treeprocessor

from macros.render import escape
from macros.render.kept import KeptFile
from macros.render.sanitize import clean, image_problem, link_problem

# Lists and quotes nest a level per marker ("> - 1. text") or per four spaces of indent.
# Python-Markdown recurses per level and fails near 300; real text needs three or four.
MAX_NESTING = 8
_CONTAINER = re.compile(r"(?:>|[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")


# The escaping functions of escape.py as plain strings, for code that still assembles
# Markdown itself (the print view). Templates use the filters instead (environment.py).
def md_text(text: object) -> str:
    """Plain text to inline Markdown that displays exactly `text`."""
    return str(escape.md_text(text))


def html_text(text: object) -> str:
    """Plain text to HTML text, quotes included (safe inside attributes)."""
    return str(escape.html_text(text))


def yaml_string(text: object) -> str:
    """A value for page front matter (YAML), HTML-escaped: MkDocs' theme templates insert
    page titles and descriptions into HTML without escaping them."""
    return str(escape.front_matter(text))


def link_target(url: object) -> str:
    """An http(s) address from the data, parsed, re-serialised, safe in link parentheses."""
    return str(escape.link_target(url))


@dataclass(frozen=True)
class MarkdownProblem:
    message: str
    hint: str


LINK_HINT = "links start with https://, http:// or mailto:, or point to a part of the page with #"
IMAGE_HINT = (
    "show only images from this site (for example /assets/images/map.png); link to an "
    "image elsewhere instead: [description](https://…)"
)
NESTING_HINT = f"use at most {MAX_NESTING} levels of lists and quotes inside one another"


def nesting_depth(text: str) -> int:
    """The deepest nesting of lists and quotes in `text` (0 for plain paragraphs)."""
    deepest = 0
    for line in text.splitlines():
        expanded = line.expandtabs(4)
        stripped = expanded.lstrip(" ")
        depth, position = (len(expanded) - len(stripped)) // 4, 0
        while match := _CONTAINER.match(stripped, position):
            depth, position = depth + 1, match.end()
            position += len(stripped[position:]) - len(stripped[position:].lstrip(" "))
        deepest = max(deepest, depth)
    return deepest


class _SafeLinks(Treeprocessor):
    """Keeps only http(s), mailto and in-page links; images must be on our own site.
    Addresses are judged as a browser reads them (entities decoded, tabs removed)."""

    def __init__(self, md: markdown.Markdown, found: list[MarkdownProblem]):
        super().__init__(md)
        self.found = found

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag == "a":
                href = element.get("href", "")
                problem = link_problem(href)
                if problem:
                    self.found.append(MarkdownProblem(problem, LINK_HINT))
                    del element.attrib["href"]
                elif href.lower().startswith(("http:", "https:")):
                    element.set("rel", "noopener")
            elif element.tag == "img":
                src = element.get("src", "")
                problem = image_problem(src)
                if problem:
                    # An image from another host would leak readers' visits to it.
                    self.found.append(MarkdownProblem(problem, IMAGE_HINT))
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


def _prose_renderer(
    abbreviations: dict[str, str],
    found: list[MarkdownProblem] | None = None,
    *,
    quick: bool = True,
) -> markdown.Markdown:
    md = markdown.Markdown(
        extensions=["sane_lists", "smarty", "abbr"],
        extension_configs={"abbr": {"glossary": abbreviations}},
        output_format="html",
    )
    # No raw HTML, neither as blocks nor inline: it is shown as text instead.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    # After Python-Markdown's own "unescape" (priority 0): addresses as they will be written.
    md.treeprocessors.register(_SafeLinks(md, [] if found is None else found), "pb_safe_links", -1)
    if quick:
        smarty = md.treeprocessors["smarty"]
        faster = _QuickSmarty(md)
        faster.inlinePatterns = smarty.inlinePatterns
        md.treeprocessors.register(faster, "smarty", 6)
    return md


class ProseRenderer:
    """Renders editors' Markdown fields; one instance per build (glossary included)."""

    def __init__(self, abbreviations: dict[str, str] | None = None, cache_file: Path | None = None):
        abbreviations = dict(abbreviations or {})
        self._found: list[MarkdownProblem] = []
        self._md = _prose_renderer(abbreviations, self._found)
        # A story's body shows on its theme page and twice in the print view: render once.
        self._rendered: dict[str, tuple[str, tuple[MarkdownProblem, ...]]] = {}
        # And once for all builds, until the text, the glossary or the renderer changes.
        self._kept = KeptFile(cache_file, _is_rendering, MAX_KEPT)
        glossary = json.dumps(sorted(abbreviations.items()))
        self._salt = f"{_RENDERER}\n{hashlib.sha256(glossary.encode()).hexdigest()}\n"

    def _render(self, text: str) -> tuple[str, tuple[MarkdownProblem, ...]]:
        done = self._rendered.get(text)
        if done is None:
            key = hashlib.sha256((self._salt + text).encode()).hexdigest()
            kept = self._kept.get(key)
            if kept is not None:
                rendered, found = kept
                done = rendered, tuple(MarkdownProblem(m, h) for m, h in found)
            else:
                done = self._convert(text)
                self._kept.put(key, [done[0], [[p.message, p.hint] for p in done[1]]])
            self._rendered[text] = done
        return done

    def save(self) -> None:
        """Keep this build's renderings for the next (see kept.py)."""
        self._kept.save()

    def _convert(self, text: str) -> tuple[str, tuple[MarkdownProblem, ...]]:
        depth = nesting_depth(text)
        if depth > MAX_NESTING:
            problem = MarkdownProblem(
                f"lists or quotes are nested {depth} levels deep (at most {MAX_NESTING})",
                NESTING_HINT,
            )
            return _as_plain_text(text), (problem,)
        self._found.clear()
        self._md.reset()
        try:
            rendered = self._md.convert(text)
        except RecursionError:  # a shape the depth count does not foresee
            problem = MarkdownProblem("this text is nested too deeply to show", NESTING_HINT)
            return _as_plain_text(text), (problem,)
        return clean(rendered), tuple(dict.fromkeys(self._found))

    def html(self, text: str) -> str:
        """The text as sanitised HTML (shown as plain text when it cannot be rendered)."""
        return self._render(text)[0]

    def problems(self, text: str) -> tuple[MarkdownProblem, ...]:
        """What the editor must change in `text`; empty when it renders as written."""
        return self._render(text)[1]

    def inline(self, text: str) -> str:
        """One paragraph of Markdown rendered without its <p> wrapper."""
        rendered = self.html(text)
        if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
            return rendered[3:-4]
        return rendered

    def block(self, text: str, css_class: str = "pb-prose") -> str:
        """A finished HTML block, with blank lines around it, ready to sit in Markdown."""
        return f'\n<div class="{css_class}">\n{self.html(text)}\n</div>\n'


# Everything that shapes a rendering besides the text and the glossary: the libraries'
# versions and our code (this module, the sanitiser, the escaping), so that a change to any
# of them renders every text again.
_RENDERER = hashlib.sha256(
    "\n".join(
        [
            importlib.metadata.version("markdown"),
            importlib.metadata.version("nh3"),
            *(
                Path(__file__).with_name(name).read_text(encoding="utf-8")
                for name in ("markdown.py", "sanitize.py", "escape.py")
            ),
        ]
    ).encode()
).hexdigest()
MAX_KEPT = 20_000  # renderings kept from earlier builds, at most


def _is_rendering(value: object) -> bool:
    """A kept rendering is used only if it has the shape we write and its HTML is what the
    sanitiser leaves as it is: the file on disk is never trusted to be safe."""
    if not (isinstance(value, list) and len(value) == 2):
        return False
    rendered, found = value
    return (
        isinstance(rendered, str)
        and isinstance(found, list)
        and all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
            for p in found
        )
        and clean(rendered) == rendered
    )


def _as_plain_text(text: str) -> str:
    return "\n".join(f"<p>{html.escape(part)}</p>" for part in text.split("\n\n") if part)
