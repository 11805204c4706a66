"""QR codes for paper: an address as an inline SVG that a phone's camera reads.

    qr_svg("https://…/stories/x/") -> Markup('<svg … role="img" aria-label="QR code: …">')

Drawn by segno, offline and deterministic (the same address gives the same bytes). The code
is black on white with the standard quiet zone of four modules, error correction M (15 %),
which survives a photocopy; the print stylesheet sets its size.
"""

from __future__ import annotations

import functools

import segno
from markupsafe import Markup

from macros.render.escape import html_text


@functools.cache  # a story's or resource's address is printed in several chapters
def qr_svg(address: str) -> Markup:
    code = segno.make(address, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="pb-qr", lineclass=None)
    label = html_text(f"QR code: {address}")
    # segno writes '<svg viewBox=… class="pb-qr">…'; we add what a screen reader and the
    # tagged PDF need (role and name) at the same place, once.
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))
