"""QR codes for paper: an address as an inline SVG that a phone's camera reads.

    codes = QrCodes(cache_file)                # or QrCodes() for no cache between builds
    codes.svg("https://…/stories/x/") -> Markup('<svg … role="img" aria-label="QR code: …">')
    codes.save()                               # keeps what was drawn for the next build

Drawn by segno, offline and deterministic (the same address gives the same bytes). The code
is black on white with the standard quiet zone of four modules, error correction M (15 %),
which survives a photocopy; the print stylesheet sets its size.

Drawing is most of the print view's cost (segno tries all eight masks and keeps the most
readable), so each address is drawn once per build and kept in a cache file between builds
(`.cache/playbook/`, git-ignored), keyed by everything that shapes the drawing: the address,
segno's version and our settings. A missing, stale or damaged cache only means drawing again.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

import segno
from markupsafe import Markup

from macros.render.escape import html_text

# Change when the drawing below changes: cached drawings made otherwise are then not used.
DRAWING = f"segno {segno.__version__}; error m; border 4; scale 1; class pb-qr"


def draw(address: str) -> str:
    """The address's QR code as SVG markup, without its accessible name."""
    code = segno.make(address, error="m", micro=False)
    return code.svg_inline(scale=1, border=4, omitsize=True, svgclass="pb-qr", lineclass=None)


def qr_svg(address: str, drawn: str | None = None) -> Markup:
    """The QR code of `address`, named for a screen reader and the tagged PDF."""
    svg = drawn if drawn is not None else draw(address)
    label = html_text(f"QR code: {address}")
    # segno writes '<svg viewBox=… class="pb-qr">…'; we add the role and name there, once.
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))


def _key(address: str) -> str:
    return hashlib.sha256(f"{DRAWING}\n{address}".encode()).hexdigest()


def _looks_drawn(svg: object) -> bool:
    """A cached entry is used only if it is what draw() returns: one bare SVG element."""
    return (
        isinstance(svg, str)
        and svg.startswith('<svg viewBox="')
        and svg.endswith("</svg>")
        and svg.count("<svg") == 1
        and "<script" not in svg
    )


class QrCodes:
    """The QR codes of one build, each address drawn at most once."""

    def __init__(self, cache_file: Path | None = None):
        self.cache_file = cache_file
        self._drawn: dict[str, str] = self._read_cache()
        self._used: set[str] = set()
        self._changed = False

    def svg(self, address: str) -> Markup:
        key = _key(address)
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = self._drawn[key] = draw(address)
            self._changed = True
        self._used.add(key)
        return qr_svg(address, drawn)

    def save(self) -> None:
        """Write the codes this build used to the cache file (only when one was drawn or
        one is no longer used), atomically; a cache that cannot be written is skipped."""
        if self.cache_file is None:
            return
        if not self._changed and self._used == set(self._drawn):
            return
        kept = {key: self._drawn[key] for key in sorted(self._used)}
        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.cache_file.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(kept, out, separators=(",", ":"))
            os.replace(temporary, self.cache_file)
        except OSError:
            return  # a read-only checkout builds as well, only slower the next time

    def _read_cache(self) -> dict[str, str]:
        if self.cache_file is None:
            return {}
        try:
            cached = json.loads(self.cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(cached, dict):
            return {}
        return {key: svg for key, svg in cached.items() if _looks_drawn(svg)}
