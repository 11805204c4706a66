"""A convening packet: which parts of the print view it holds, chosen by themes and states.

    choose(ctx, themes=[...], states=[...], worksheets=True) -> Packet

Shared by `playbook pdf --theme/--state` and the site's "Make a packet" page, so that both
make the same document: the chosen themes and states in the playbook's order, a "where are
we?" worksheet for each chosen theme when asked, and always the glossary (print.js keeps
only the terms the packet uses).
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.pages.common import PageContext
from macros.pages.print_view import GLOSSARY, printed_states, state_anchor, theme_anchor


class PacketError(ValueError):
    """An unknown theme or state; the message lists the valid ones."""


def worksheet_anchor(theme_id: str) -> str:
    return f"pb-worksheet-{theme_id}"


@dataclass(frozen=True)
class Packet:
    parts: tuple[str, ...]  # the print view's anchors, in print order
    names: tuple[str, ...]  # what a reader calls each chosen theme and state


def choose(
    ctx: PageContext, themes: list[str], states: list[str], *, worksheets: bool = False
) -> Packet:
    pb = ctx.pb
    unknown = [t for t in themes if t not in pb.themes]
    if unknown:
        valid = ", ".join(pb.themes)
        raise PacketError(f"Unknown theme: {', '.join(unknown)}. The themes are: {valid}")
    printable = {s.code: s for s in printed_states(ctx)}
    codes = [s.upper() for s in states]
    unknown = [s for s, c in zip(states, codes, strict=True) if c not in printable]
    if unknown:
        valid = ", ".join(f"{s.code} ({s.name})" for s in printable.values())
        raise PacketError(
            f"Unknown state: {', '.join(unknown)}. The states with a page are: {valid}"
        )
    chosen_themes = [t for t in pb.themes.values() if t.id in themes]
    chosen_states = [s for s in printable.values() if s.code in codes]
    parts = [theme_anchor(t.id) for t in chosen_themes]
    parts += [state_anchor(s.code) for s in chosen_states]
    if worksheets:
        parts += [worksheet_anchor(t.id) for t in chosen_themes]
    if pb.terms:
        parts.append(GLOSSARY)
    names = [t.title for t in chosen_themes] + [s.name for s in chosen_states]
    return Packet(tuple(parts), tuple(names))
