"""The print view: the whole playbook on one page, made to be printed or turned into a PDF.

    print_page(ctx) -> Markdown of print/index.md

A cover, the contents, every theme (the theme pages' own Markdown), a section per state, the
policy areas, the resources and the glossary. Each part starts with a heading of class
`pb-chapter` whose id is the part's anchor (`pb-theme-<id>`, `pb-state-<code>`, …): print
CSS starts each on a new page, and `assets/javascripts/print.js` keeps only the parts named
in the address (`?part=pb-theme-x&part=pb-state-ks`) to make a convening packet.

Links to other pages of the site are turned into links inside the document (a theme page
becomes `#pb-theme-<id>`); links to pages that are not in it become plain text, so that a
PDF holds no link to the local server it was printed from.
"""

from __future__ import annotations

import html
import posixpath
import re
from typing import NamedTuple

from markupsafe import Markup

from macros.content.model import State, Theme
from macros.pages import reference, themes
from macros.pages.blocks import (
    QuoteView,
    ResourceView,
    StoryView,
    quote_view,
    resource_anchor,
    resource_view,
    story_block,
    story_view,
)
from macros.pages.common import (
    GLOSSARY_URI,
    RESOURCES_URI,
    PageContext,
    PageLink,
    in_page,
    page_link,
    policy_area_uri,
    render,
    state_uri,
    story_uri,
    theme_uri,
)
from macros.pages.policy_areas import MATRIX_URI, matrix_table
from macros.pages.states import STATES_INDEX_URI, has_content, map_block, state_resources
from macros.pages.urls import page_url
from macros.render.escape import link_target
from macros.render.markdown import html_text
from macros.render.short_addresses import ShortAddresses

PRINT_URI = "print/index.md"
COVER, CONTENTS, STATES = "pb-cover", "pb-contents", "pb-states"
POLICY, RESOURCES, GLOSSARY = "pb-policy-priorities", "pb-resources", "pb-glossary"

# A Markdown link written by our page builders: [text](target). Editors' plain text never
# matches, because md_text escapes brackets and parentheses.
_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\(([^)\s]+)\)")
_HEADING_ID = re.compile(r"\{ #([a-z0-9-]+)")
# A link in raw HTML that we wrote (the tile map, the matrix): href="…", escaped.
_HTML_HREF = re.compile(r'href="([^"]*)"')


def theme_anchor(theme_id: str) -> str:
    return f"pb-theme-{theme_id}"


def state_anchor(code: str) -> str:
    return f"pb-state-{code.lower()}"


def printed_states(ctx: PageContext) -> list[State]:
    """The states with a page of their own on the site, in the order of states.yml."""
    return [s for s in ctx.pb.states.values() if has_content(ctx, s)]


def page_anchors(ctx: PageContext) -> dict[str, str]:
    """Where each page of the site is in the print view: {src_uri: anchor}."""
    pb, states = ctx.pb, printed_states(ctx)
    anchors = {"index.md": COVER}
    anchors.update({theme_uri(t): theme_anchor(t) for t in pb.themes})
    if states:
        anchors["states/index.md"] = STATES
        anchors.update({state_uri(s.name): state_anchor(s.code) for s in states})
    if pb.policy_areas:
        anchors["policy-areas/index.md"] = POLICY
        anchors.update({policy_area_uri(a): f"pb-policy-{a}" for a in pb.policy_areas})
    if pb.resources:
        anchors[RESOURCES_URI] = RESOURCES
    if pb.terms:
        anchors[GLOSSARY_URI] = GLOSSARY
    # A story's own page: its full text under its theme.
    anchors.update({story_uri(s): f"story-{s}" for s in pb.stories})
    return anchors


def localize_links(markdown: str, anchors: dict[str, str]) -> str:
    """Site links in our Markdown become in-document links; others become plain text."""

    def replace(match: re.Match) -> str:
        text, target = match.group(1), match.group(2)
        if target.startswith("#") or re.match(r"^(https?|mailto):", target):
            return match.group(0)
        path, _, fragment = target.partition("#")
        uri = posixpath.normpath(posixpath.join(posixpath.dirname(PRINT_URI), path))
        if uri not in anchors:
            return text
        # A story or strategy keeps its own anchor; it is unique in the whole document.
        return f"[{text}](#{fragment or anchors[uri]})"

    return _LINK.sub(replace, markdown)


def localize_html_links(fragment: str, from_uri: str, anchors: dict[str, str]) -> str:
    """The same for raw HTML written for the page `from_uri`: a link to a page of the site
    goes to its place in this document, others to "#" (print.js makes them plain text)."""
    by_url = {page_url(uri): anchor for uri, anchor in anchors.items()}

    def replace(match: re.Match) -> str:
        target = html.unescape(match.group(1))
        if target.startswith("#") or re.match(r"^(https?|mailto):", target):
            return match.group(0)
        path, _, fragment = target.partition("#")
        joined = posixpath.normpath(posixpath.join(page_url(from_uri), path))
        url = "" if joined == "." else f"{joined}/"
        local = f"#{fragment or by_url[url]}" if url in by_url else "#"
        return f'href="{html_text(local)}"'

    return _HTML_HREF.sub(replace, fragment)


def as_chapter(page_markdown: str, anchor: str, keep_ids: set[str] = frozenset()) -> str:
    """A generated page as a chapter: no front matter, its title as the chapter heading,
    and its page-local ids (`key-strategies`) prefixed so that they stay unique."""
    body = page_markdown
    if body.startswith("---\n"):
        body = body.split("\n---\n", 1)[1]
    body = body.lstrip("\n")
    title, _, rest = body.partition("\n")
    if not title.startswith("# "):
        raise ValueError(f"a page printed as a chapter must start with its title: {title!r}")
    for local in sorted(set(_HEADING_ID.findall(rest)) - keep_ids):
        rest = rest.replace(f"{{ #{local}", f"{{ #{anchor}-{local}")
        rest = rest.replace(f"](#{local})", f"](#{anchor}-{local})")
    return f"{title} {{ #{anchor} .pb-chapter }}\n{rest}"


_STORY_CARD = re.compile(
    r'<article class="pb-story-card" id="story-([a-z0-9-]+)"[^>]*>.*?</article>', re.S
)
_STORY_HEADING = re.compile(r"^#+ .* \{ #story-([a-z0-9-]+) \}$", re.M)


def theme_chapter(ctx: PageContext, theme: Theme, site_url: str = "") -> str:
    strategies = ctx.pb.ordered_strategies(theme)
    global_ids = {s.id for s in strategies}
    global_ids |= {f"{s.id}-{part}" for s in strategies for part in ("stories", "quotes")}
    # On the site a theme shows its stories as cards linking to their pages; on paper each
    # is told in full here, once (a state's sheet points to it by page).
    page = _STORY_CARD.sub(
        lambda m: story_block(ctx, ctx.pb.stories[m.group(1)], PRINT_URI),
        themes.theme_page(ctx, theme),
    )
    global_ids |= {i for i in _HEADING_ID.findall(page) if i.startswith(("story-", "quote-"))}
    if site_url:
        # Under each story's heading, its own page online: address and QR code.
        def with_address(match: re.Match) -> str:
            where = online(ctx, story_address(site_url, match.group(1)), site_url)
            block = render(ctx, "print_online.md.j2", online=where).strip()
            return f"{match.group(0)}\n\n{block}\n"

        page = _STORY_HEADING.sub(with_address, page)
    return as_chapter(page, theme_anchor(theme.id), global_ids)


# About the characters a line holds in the column beside a QR code on paper.
ADDRESS_LINE = 22


class Online(NamedTuple):
    """Where something is on the web, for paper: the address, shortened to read (no two
    alike in the print view: render/short_addresses.py), and a QR code to scan."""

    address: str
    shown: str
    qr: Markup

    def pieces(self) -> list[str]:
        """The shown address in the pieces between which it may break on paper: after each
        "/" when it is longer than ADDRESS_LINE, never between the two of "https://" (printed
        whole when no shorter text tells it apart)."""
        if len(self.shown) <= ADDRESS_LINE:
            return [self.shown]
        scheme = next((s for s in ("https://", "http://") if self.shown.startswith(s)), "")
        first, *others = self.shown.removeprefix(scheme).split("/")
        return [scheme + first, *others]


def printed_addresses(ctx: PageContext, site_url: str) -> ShortAddresses:
    """The printed text of every address the print view may print (each story's page, each
    resource), worked out together so that no two in a document read the same."""

    def every_address() -> list[str]:
        stories = [story_address(site_url, story) for story in ctx.pb.stories] if site_url else []
        return stories + [r.url for r in ctx.pb.resources.values() if r.url]

    return ctx.once(("printed addresses", site_url), lambda: ShortAddresses(every_address()))


def online(ctx: PageContext, url: str | None, site_url: str) -> Online | None:
    """`url` for paper, printed as in the rest of the document published at `site_url`."""
    if not url:
        return None
    return Online(url, printed_addresses(ctx, site_url)[url], ctx.qr_codes.svg(url))


# The address under a QR code (print_online.md.j2): printed as its own text already. (The
# block holds a drawing, long text without "<": skipped a run at a time, not a character.)
_ONLINE_BLOCK = re.compile(r'<div class="pb-online">[^<]*(?:<(?!/div>)[^<]*)*</div>')
_EXTERNAL_LINK = re.compile(r'<a\b[^>]*?\shref="(https?://[^"]*)"')


def with_printed_addresses(html_body: str, ctx: PageContext, site_url: str) -> str:
    """The print view's final HTML, each web link of its text (not those under a QR code)
    given the text its address prints as after it (`data-pb-print-href`, which print.css
    shows): an address with a QR code prints as under its code; the others are shortened
    together, avoiding every text those print, so that no two addresses of a document
    read the same."""
    online = printed_addresses(ctx, site_url)
    # A link's href is the address as the pages write it (escape.link_target: parentheses,
    # spaces and the like encoded), which is how it is found here.
    written = {str(link_target(url)): url for url in online}
    parts = _ONLINE_BLOCK.split(html_body)
    blocks = _ONLINE_BLOCK.findall(html_body)
    found = {html.unescape(m) for part in parts for m in _EXTERNAL_LINK.findall(part)}
    others = ShortAddresses(sorted(found - written.keys()), taken=online.texts())

    def marked(match: re.Match) -> str:
        url = html.unescape(match.group(1))
        text = online[written[url]] if url in written else others[url]
        return f'{match.group(0)} data-pb-print-href="{html_text(text)}"'

    out = [_EXTERNAL_LINK.sub(marked, parts[0])]
    for block, part in zip(blocks, parts[1:], strict=True):
        out += [block, _EXTERNAL_LINK.sub(marked, part)]
    return "".join(out)


def story_address(site_url: str, story_id: str) -> str | None:
    """A story's own page on the published site (stories/<id>/), when its address is known."""
    return f"{site_url.rstrip('/')}/stories/{story_id}/" if site_url else None


class PrintedStory(NamedTuple):
    view: StoryView
    anchor: str
    online: Online | None


class StoryGroup(NamedTuple):
    theme: PageLink
    anchor: str
    stories: list[PrintedStory]


class PrintedResource(NamedTuple):
    resource: ResourceView
    anchor: str
    related: list[PageLink]
    online: Online | None


class StateSheet(NamedTuple):
    name: str
    anchor: str
    cohorts: str
    groups: list[StoryGroup]
    quotes: list[QuoteView]
    resources: list[PrintedResource]
    quotes_anchor: str
    resources_anchor: str


def printed_resource(
    ctx: PageContext, resource, anchor: str, site_url: str, related=()
) -> PrintedResource:
    view = resource_view(resource, PRINT_URI)
    return PrintedResource(view, anchor, list(related), online(ctx, resource.url, site_url))


def state_chapter(ctx: PageContext, state: State, site_url: str = "") -> str:
    """A state on one sheet: its stories as summaries with their addresses (told in full
    under their themes), its quotes and resources. Its ids take the state's prefix, since
    stories and quotes also appear under their themes."""
    pb, anchor = ctx.pb, state_anchor(state.code)
    stories = pb.stories_for("state", state.code)
    groups = []
    for theme in pb.themes.values():
        in_theme = [s for s in stories if s.theme == theme.id]
        if in_theme:
            printed = [
                PrintedStory(
                    story_view(ctx, story, PRINT_URI),
                    f"{anchor}-story-{story.id}",
                    online(ctx, story_address(site_url, story.id), site_url),
                )
                for story in in_theme
            ]
            link = page_link(theme.title, PRINT_URI, theme_uri(theme.id))
            groups.append(StoryGroup(link, f"{anchor}-{theme.id}", printed))
    quotes = [quote_view(ctx, q, PRINT_URI) for q in pb.quotes_for("state", state.code)]
    resources = [
        printed_resource(ctx, r, f"{anchor}-{resource_anchor(r.id)}", site_url)
        for r in state_resources(ctx, state)
    ]
    sheet = StateSheet(
        name=state.name,
        anchor=anchor,
        cohorts=", ".join(pb.cohorts[c].name for c in state.cohorts if c in pb.cohorts),
        groups=groups,
        quotes=quotes,
        resources=resources,
        quotes_anchor=f"{anchor}-quotes",
        resources_anchor=f"{anchor}-resources",
    )
    markdown = render(ctx, "print_state.md.j2", sheet=sheet)
    # A quote also appears under its theme: here its id takes the state's.
    return re.sub(r"\{ #quote-", rf"{{ #{anchor}-quote-", markdown)


def resources_chapter(ctx: PageContext, site_url: str = "") -> str:
    entries = [
        printed_resource(ctx, r, resource_anchor(r.id), site_url, reference.related(ctx, r))
        for r in ctx.pb.resources.values()
    ]
    return render(ctx, "print_resources.md.j2", anchor=RESOURCES, resources=entries)


def states_chapter(ctx: PageContext, states: list[State], site_url: str = "") -> str:
    """The states' map (in a packet, print.js keeps only the heading), then each state."""
    tile_map = localize_html_links(map_block(ctx, states), STATES_INDEX_URI, page_anchors(ctx))
    intro = [
        f"# States {{ #{STATES} .pb-chapter }}\n",
        "What each state's associations did, state by state: their stories, what their "
        "teams said and where to read more.\n",
        tile_map,
    ]
    return "\n".join(intro + [state_chapter(ctx, state, site_url) for state in states])


class PolicyView(NamedTuple):
    area: object  # the PolicyArea record
    stories: list[PageLink]  # in-page links to its stories, printed under their themes


class PacketChoice(NamedTuple):
    anchor: str
    label: str


def packet_form(ctx: PageContext, states: list[State], paged: bool = False) -> str:
    """The "Make a packet" form, above the cover (on screen only); `paged`: the site ships
    Paged.js, with which print.js gives any packet its page numbers."""
    themes = [
        PacketChoice(theme_anchor(t.id), f"{t.order}. {t.title}") for t in ctx.pb.themes.values()
    ]
    chosen_states = [PacketChoice(state_anchor(s.code), s.name) for s in states]
    form = render(
        ctx,
        "print_packet_form.html.j2",
        themes=themes,
        states=chosen_states,
        glossary=GLOSSARY if ctx.pb.terms else None,
        paged=paged,
    )
    return form.strip() + "\n"


def print_page(ctx: PageContext, site_url: str = "", *, paged: bool = False) -> str:
    """The print view's Markdown; `site_url` (mkdocs.yml), when set, puts the address of each
    story's page online, with a QR code, under it; `paged`: the site ships Paged.js."""
    pb = ctx.pb
    states = printed_states(ctx)
    toc = [
        (
            PageLink(f"{theme.order}. {theme.title}", Markup(f"#{theme_anchor(theme.id)}")),
            [in_page(f"{s.order}. {s.title}", s.id) for s in pb.ordered_strategies(theme)],
        )
        for theme in pb.themes.values()
    ]
    chapters = [Markup(theme_chapter(ctx, theme, site_url)) for theme in pb.themes.values()]
    if states:
        chapters.append(Markup(states_chapter(ctx, states, site_url)))
    policy, areas = None, []
    if pb.policy_areas:
        policy = Markup(localize_html_links(matrix_table(ctx), MATRIX_URI, page_anchors(ctx)))
        areas = [
            PolicyView(
                area,
                [in_page(s.title, f"story-{s.id}") for s in pb.stories_for("policy_area", area.id)],
            )
            for area in pb.policy_areas.values()
        ]
    tail = []
    if pb.resources:
        tail.append(Markup(resources_chapter(ctx, site_url)))
    if pb.terms:
        tail.append(Markup(as_chapter(reference.glossary_page(ctx), GLOSSARY)))
    frame = render(
        ctx,
        "print_frame.md.j2",
        info=pb.info,
        ids={
            "COVER": COVER,
            "CONTENTS": CONTENTS,
            "STATES": STATES,
            "POLICY": POLICY,
            "RESOURCES": RESOURCES,
            "GLOSSARY": GLOSSARY,
        },
        toc=toc,
        states=[in_page(s.name, state_anchor(s.code)) for s in states],
        has={
            "policy": bool(pb.policy_areas),
            "resources": bool(pb.resources),
            "glossary": bool(pb.terms),
        },
        form=Markup(packet_form(ctx, states, paged)),
        chapters=chapters,
        policy=policy,
        areas=areas,
        tail=tail,
    )
    # The parts were joined by line breaks: none after the last one.
    return localize_links(frame.removesuffix("\n"), page_anchors(ctx))
