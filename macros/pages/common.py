"""What every generated page shares: its record, front matter, links and small blocks."""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from markupsafe import Markup

from macros.content.playbook import Playbook
from macros.content.slugs import slugify
from macros.render import environment
from macros.render.glossary_terms import abbreviations
from macros.render.markdown import ProseRenderer, md_text
from macros.render.qr import QrCodes

T = TypeVar("T")


class GeneratedPage(NamedTuple):
    src_uri: str  # where the page pretends to be in docs/, e.g. "themes/relationship-building.md"
    markdown: str
    edit_path: str | None  # the data file an editor changes, relative to the project root
    nav_title: str = ""  # plain text; escaped when it goes into the navigation


class PageContext:
    """What page builders need: the playbook, one prose renderer for the whole build, and
    where the site is published (`site_url`, for citations; "" when not known), and the QR
    codes printed on paper. With a `cache_dir`, renderings and QR codes are kept there
    between builds (render/kept.py)."""

    def __init__(self, playbook: Playbook, site_url: str = "", cache_dir: Path | None = None):
        self.pb = playbook
        kept = cache_dir is not None
        self.prose = ProseRenderer(
            abbreviations(playbook), cache_dir / "prose.json" if kept else None
        )
        self.site_url = site_url
        self.qr_codes = QrCodes(cache_dir / "qr-codes.json" if kept else None)
        self._made: dict[tuple, Any] = {}

    def save_kept(self) -> None:
        """Keep this build's renderings and QR codes for the next build."""
        self.prose.save()
        self.qr_codes.save()

    def once(self, key: tuple, make: Callable[[], T]) -> T:
        """What `make()` returns, made once per build: a part that several pages show (a
        theme's page is also a chapter of the print view)."""
        if key not in self._made:
            self._made[key] = make()
        return self._made[key]


def render(ctx: PageContext, template: str, **context: object) -> str:
    """A page from templates/<template>, with the build's renderer for editors' Markdown."""
    return environment.render(template, prose_renderer=ctx.prose, **context)


class PageLink(NamedTuple):
    """A link to one of our pages, for templates: `[{{ l.text }}]({{ l.target }})`."""

    text: str  # plain text: the template escapes it
    target: Markup  # made here from page addresses and ids, never from editors' text


# Page addresses and anchors are made of ids and slugs, which validation keeps to these.
_SAFE_TARGET = re.compile(r"[A-Za-z0-9._/#-]*")


def target(from_uri: str, to_uri: str, anchor: str = "") -> Markup:
    """`rel()` marked safe for templates, after checking that it holds nothing to escape."""
    return checked_target(rel(from_uri, to_uri, anchor))


def checked_target(url: str) -> Markup:
    """A link between our pages made by code (pages/urls.py), marked safe once checked."""
    if not _SAFE_TARGET.fullmatch(url):
        raise ValueError(f"unexpected characters in a link between pages: {url!r}")
    return Markup(url)


def page_link(text: str, from_uri: str, to_uri: str, anchor: str = "") -> PageLink:
    return PageLink(text, target(from_uri, to_uri, anchor))


def in_page(text: str, anchor: str) -> PageLink:
    """A link to a part of the same page."""
    if not _SAFE_TARGET.fullmatch(anchor):
        raise ValueError(f"unexpected characters in an anchor: {anchor!r}")
    return PageLink(text, Markup(f"#{anchor}"))


def rel(from_uri: str, to_uri: str, anchor: str = "") -> str:
    """A Markdown link target from one page to another (MkDocs checks and rewrites it)."""
    target = _relative(to_uri, posixpath.dirname(from_uri) or ".")
    return f"{target}#{anchor}" if anchor else target


@functools.cache  # pages link to the same few pages thousands of times; relpath is slow
def _relative(to_uri: str, from_dir: str) -> str:
    return posixpath.relpath(to_uri, from_dir)


# Where each kind of page lives; one place, so that links and files always agree.
def theme_uri(theme_id: str) -> str:
    return f"themes/{theme_id}.md"


def state_uri(state_name: str) -> str:
    return f"states/{slugify(state_name)}.md"


def source_uri(source_id: str) -> str:
    return f"about/{source_id}.md"


def policy_area_uri(area_id: str) -> str:
    return f"policy-areas/{area_id}.md"


STORIES_URI = "stories/index.md"


def story_uri(story_id: str) -> str:
    """A story's own page: a stable address to share, bookmark and cite."""
    return f"stories/{story_id}.md"


GLOSSARY_URI = "glossary.md"
RESOURCES_URI = "resources.md"


def link(text: str, target: str) -> str:
    return f"[{md_text(text)}]({target})"


def with_class(markdown_line: str, css_class: str) -> str:
    """A paragraph with a CSS class (attr_list on our own Markdown, never on editors')."""
    return f"{markdown_line}\n{{ .{css_class} }}\n"
