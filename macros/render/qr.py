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

import contextlib
import hashlib
import importlib.metadata
import json
import os
import re
import tempfile
from pathlib import Path

from markupsafe import Markup

from macros.render.escape import html_text

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
        return _named(address, drawn)

    def save(self) -> None:
        """Add the codes drawn in this build to the cache file, atomically. Earlier codes stay
        (`playbook validate`, `serve` and `build` print different addresses), unless there
        are more than MAX_CACHED: then only this build's. A cache that cannot be written is
        skipped: a read-only checkout builds as well, only slower the next time."""
        if self.cache_file is None or not self._changed:
            return
        kept = self._drawn
        if len(kept) > MAX_CACHED:
            kept = {key: kept[key] for key in self._used}
        temporary = None
        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.cache_file.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(dict(sorted(kept.items())), out, separators=(",", ":"))
            os.replace(temporary, self.cache_file)
        except OSError:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)

    def _read_cache(self) -> dict[str, str]:
        if self.cache_file is None:
            return {}
        try:
            cached = json.loads(self.cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(cached, dict):
            return {}
        return {
            key: svg
            for key, svg in cached.items()
            if isinstance(key, str) and isinstance(svg, str) and _DRAWN.fullmatch(svg)
        }
