r"""Jinja2 templates for generated pages: the one way from data to a page.

    render(name, **context) -> str      templates/<name>, e.g. render("source.md.j2", …)

Every template opens with a comment listing the context it expects. Two kinds:

* `*.md.j2` make a Markdown page (front matter, headings, lists, and HTML blocks). A value
  written as `{{ value }}` is escaped as inline Markdown text (`md_text`): neither
  Markdown nor HTML nor a line break in it does anything, quotes included, so it is safe
  anywhere in the page. Elsewhere, say which context the value is in with a filter:
* `*.html.j2` make an HTML fragment (the map); `{{ value }}` is HTML-escaped.

| Filter | For a value that goes… |
| --- | --- |
| (none) | into Markdown text (`.md.j2`) or HTML text and attributes (`.html.j2`) |
| `html` | into an HTML block of a Markdown page: text, or a double-quoted attribute |
| `id` | an id or anchor: `{ #{{ story.id\|id }} }`, `id="…"` (checked, never escaped) |
| `heading` | `{{ level\|heading }}`: the `#`s of a Markdown heading |
| `code` | inline code in Markdown, also in a table cell |
| `front_matter` | into the YAML front matter (title, description) |
| `link_target` | an address from the data, inside Markdown link parentheses `[…](…)` |
| `href` | an address from the data, inside an HTML attribute `href="…"` |
| `prose`, `prose_inline` | editors' Markdown: rendered, sanitised HTML (`prose("css-class")`) |

Links between our own pages come from code (`pages/common.py`) as `Markup` already. Only
the code can mark anything else as safe (`markupsafe.Markup`), and it does so only for
HTML it made itself. Undefined names are errors (StrictUndefined), never empty text.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import jinja2
from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    pass_context,
)
from markupsafe import Markup

from macros.render import escape

TEMPLATES_DIR = Path(__file__).with_name("templates")


def _markdown_default(value: object) -> object:
    """Every `{{ value }}` of a Markdown template: escaped as Markdown text unless the code
    marked it safe (jinja2 then leaves the Markup as it is)."""
    if isinstance(value, Markup) or hasattr(value, "__html__"):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Markup(value)  # a number says nothing to Markdown where it stands inline
    return escape.md_text(value)


@pass_context
def _prose(context, text: str, css_class: str = "pb-prose") -> Markup:
    return Markup(context["prose_renderer"].block(text, css_class))


@pass_context
def _prose_inline(context, text: str) -> Markup:
    return Markup(context["prose_renderer"].inline(text))


FILTERS = {
    "md": escape.md_text,
    "html": escape.html_text,
    "id": escape.html_id,
    "heading": escape.heading,
    "code": escape.code,
    "front_matter": escape.front_matter,
    "link_target": escape.link_target,
    "href": escape.href,
    "prose": _prose,
    "prose_inline": _prose_inline,
}


def _environment(*, markdown: bool) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_markdown_default if markdown else None,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    # Compiling the templates is a tenth of a second at every build: compiled once instead.
    env.bytecode_cache = compiled_templates_cache(env, "md" if markdown else "html")
    return env


def _named(setting: object) -> object:
    """A setting as it can be named across processes: a function by its name (its repr
    holds an address that changes at every run)."""
    return getattr(setting, "__qualname__", repr(setting)) if callable(setting) else setting


def compiled_templates_cache(env: Environment, kind: str) -> FileSystemBytecodeCache:
    """Compiled templates kept between builds, for our environments and the theme's (which
    MkDocs compiles again at every build: about 0.2 s). Jinja2 keeps them in a private folder
    of the system's temporary directory, checked against each template's source, so a changed
    template is compiled again. The files' names carry what the source does not show: the
    kind of environment, Jinja2's version and the settings that change the compiled code
    (a `finalize` function, for one, is compiled into every output)."""
    settings = repr(
        (
            jinja2.__version__,
            sorted(env.extensions),
            env.block_start_string,
            env.block_end_string,
            env.variable_start_string,
            env.variable_end_string,
            env.comment_start_string,
            env.comment_end_string,
            env.line_statement_prefix,
            env.line_comment_prefix,
            env.trim_blocks,
            env.lstrip_blocks,
            env.newline_sequence,
            env.keep_trailing_newline,
            env.optimized,
            _named(env.autoescape),
            _named(env.finalize),
            getattr(env.finalize, "jinja_pass_arg", None),
        )
    )
    digest = hashlib.sha256(settings.encode()).hexdigest()[:16]
    return FileSystemBytecodeCache(pattern=f"__playbook_{kind}_{digest}_%s.cache")


@functools.cache
def environments() -> dict[bool, Environment]:
    """The two environments (Markdown pages, HTML fragments), made once per process."""
    return {True: _environment(markdown=True), False: _environment(markdown=False)}


def render(name: str, **context: object) -> str:
    """Render templates/<name> with `context` (a `.md.j2` or an `.html.j2` template)."""
    if not name.endswith((".md.j2", ".html.j2")):
        raise ValueError(f"{name}: a template is .md.j2 or .html.j2")
    env = environments()[name.endswith(".md.j2")]
    return env.get_template(name).render(**context)
