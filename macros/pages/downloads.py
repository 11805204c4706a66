"""The PDFs the site offers: the whole playbook, one per theme, one per state.

    downloads(ctx) -> list[Download]

Plain Python shared by the build (which links each PDF from its page) and `playbook pdf`
(which prints them), so that the links and the files always agree.
"""

from __future__ import annotations

from typing import NamedTuple

from macros.pages.common import PageContext, slugify, state_uri, theme_uri
from macros.pages.print_view import GLOSSARY, printed_states, state_anchor, theme_anchor

DOWNLOADS_DIR = "downloads"


class Download(NamedTuple):
    path: str  # under the site folder, e.g. "downloads/themes/relationship-building.pdf"
    page: str  # the src_uri of the page that links to it
    parts: tuple[str, ...]  # anchors of the print view's parts; empty for the whole playbook
    subject: str  # the PDF's subject (document metadata)
    label: str  # what the reader gets, shown beside the link
    sheet: bool = False  # printed without cover and contents (a state's one or two pages)


def whole(ctx: PageContext) -> Download:
    info = ctx.pb.info
    return Download(
        f"{DOWNLOADS_DIR}/playbook.pdf",
        "index.md",
        (),
        info.subtitle,
        "the whole playbook, ready to print",
    )


def downloads(ctx: PageContext) -> list[Download]:
    pb = ctx.pb
    out = [whole(ctx)]
    # A theme's PDF is the packet its page makes: the theme and the glossary of its terms.
    glossary = (GLOSSARY,) if pb.terms else ()
    out += [
        Download(
            f"{DOWNLOADS_DIR}/themes/{t.id}.pdf",
            theme_uri(t.id),
            (theme_anchor(t.id), *glossary),
            f"Theme {t.order}: {t.title}",
            "this theme, ready to print",
        )
        for t in pb.themes.values()
    ]
    out += [
        Download(
            f"{DOWNLOADS_DIR}/states/{slugify(s.name)}.pdf",
            state_uri(s.name),
            (state_anchor(s.code),),
            f"Stories from {s.name}",
            "this state on one sheet, ready to print",
            sheet=True,
        )
        for s in printed_states(ctx)
    ]
    return out


class PacketLink(NamedTuple):
    page: str  # the src_uri of the page that links to the "Make a packet" form
    parts: tuple[str, ...]  # the parts ticked when it opens
    label: str


def packet_links(ctx: PageContext) -> list[PacketLink]:
    """Each theme page and each state page links to the "Make a packet" form (the print
    view), with its own part already ticked. (The home page has its own way in among the
    reader's tasks: "Print or download for a meeting", pages/home.py.)"""
    extras = (GLOSSARY,) if ctx.pb.terms else ()  # ticked, as on the form itself
    out = [
        PacketLink(theme_uri(t.id), (theme_anchor(t.id), *extras), "Make a packet with this theme")
        for t in ctx.pb.themes.values()
    ]
    out += [
        PacketLink(
            state_uri(s.name), (state_anchor(s.code), *extras), "Make a packet with this state"
        )
        for s in printed_states(ctx)
    ]
    return out
