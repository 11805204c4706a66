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
segno's version and our settings. A cached entry is used only if it is exactly the kind of
SVG segno draws (one path of moves and lines); a missing, stale, damaged or foreign cache
only means drawing again.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import re
from pathlib import Path

from markupsafe import Markup

from macros.render.escape import html_text
from macros.render.kept import KeptFile

# How every code is drawn; part of each cached drawing's key, so that changing it (or
# segno's version) never reuses drawings made otherwise.
_MAKE = {"error": "m", "micro": False}
_SVG = {"scale": 1, "border": 4, "omitsize": True, "svgclass": "pb-qr", "lineclass": None}
# segno's version from its metadata: segno itself is imported only when a code is drawn,
# which a build whose codes are all cached never does.
_SEGNO = importlib.metadata.version("segno")
DRAWING = f"segno {_SEGNO}; {sorted(_MAKE.items())}; {sorted(_SVG.items())}"
# Exactly what draw() writes: one path of moves and lines, nothing else. A cached entry
# that is anything more (an attribute, an element, a script) is never used: the cache is a
# file on disk, and what goes into a page is only what segno could have drawn.
_DRAWN = re.compile(
    r'<svg viewBox="0 0 \d{1,3} \d{1,3}" class="pb-qr">'
    r'<path stroke="#000" d="[0-9hmvMz .-]*"/></svg>'
)
MAX_CACHED = 50_000  # drawings kept from earlier builds, at most (about 3 KB each)


def draw(address: str) -> str:
    """The address's QR code as SVG markup, without its accessible name."""
    import segno

    return segno.make(address, **_MAKE).svg_inline(**_SVG)


def _named(address: str, drawn: str) -> Markup:
    """The drawing of `address`, named for a screen reader and the tagged PDF."""
    label = html_text(f"QR code: {address}")
    # segno writes '<svg viewBox=… class="pb-qr">…'; we add the role and name there, once.
    return Markup(drawn.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))


def _key(address: str) -> str:
    return hashlib.sha256(f"{DRAWING}\n{address}".encode()).hexdigest()


class QrCodes:
    """The QR codes of one build, each address drawn at most once."""

    def __init__(self, cache_file: Path | None = None):
        self._kept = KeptFile(cache_file, _is_drawing, MAX_CACHED)

    def svg(self, address: str) -> Markup:
        key = _key(address)
        drawn = self._kept.get(key)
        if drawn is None:
            drawn = draw(address)
            self._kept.put(key, drawn)
        return _named(address, str(drawn))

    def save(self) -> None:
        """Keep the codes drawn in this build for the next (see kept.py)."""
        self._kept.save()


def _is_drawing(value: object) -> bool:
    return isinstance(value, str) and _DRAWN.fullmatch(value) is not None
