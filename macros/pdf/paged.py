"""Page numbers in a printed document: read back from a print, or predicted and checked.

Chromium lays out paged media natively (margin boxes, named pages, break rules) but has no
`target-counter()`: it cannot print "the page this link leads to". So `playbook pdf` reads
from a print the page of every destination a page reference points to (Chromium writes each
link target as a named destination), fills the numbers in with print.js
(`window.pbPaged.fill`) and prints again. The whole playbook is printed first, to measure;
its `Layout` (where each part starts, where each heading lies in its part) then predicts the
numbers of every other document, which is printed once with them and read back: a wrong
prediction, or a number whose width moved a destination, is corrected by another print (at
most MAX_PASSES prints).

Paged.js (the CSS Paged Media polyfill, npm) is used in the reader's browser only, by the
"Make a packet" page for the packets whose numbers `playbook pdf` did not publish (print.js;
README "Print and PDF"): a browser prints once and cannot read its print back. Not here: it
lays pages out in page boxes of its own, splitting an element broken across pages into two
(so the tagged PDF's structure would no longer be our HTML's), and everything the tests check
of these PDFs (tags, artifacts, bookmarks, identical bytes, the layout's predictions) is
checked on Chromium's own layout; reading the print back needs no second engine and no npm.
`playbook pdf` blocks its script (chromium.py), so print.js leaves the numbers to this module.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

MAX_PASSES = 3


def destination_pages(pdf: bytes, names: Iterable[str] = ()) -> dict[str, int]:
    """{destination name: page number from 1} for the named destinations of a PDF printed
    by Chromium (which writes them in the catalogue's /Dests); all of them when `names` is
    empty."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        number = {page.objgen: index + 1 for index, page in enumerate(doc.pages)}
        dests = doc.Root.get("/Dests")
        if dests is None:
            return {}
        wanted = set(names)
        out = {}
        for key, dest in dests.items():
            name = key[1:]
            if wanted and name not in wanted:
                continue
            out[name] = number[_explicit(dest)[0].objgen]
        return out


def _explicit(dest):
    """A destination as its array ([page /XYZ left top zoom]): PDFs may also write it as a
    dictionary holding the array under /D."""
    import pikepdf

    return dest if isinstance(dest, pikepdf.Array) else dest.get("/D")


def right_hand_blanks(chapters: list[str], pages: Mapping[str, int]) -> list[str]:
    """The chapters that need a blank page before them so that each opens on a right-hand
    (odd) page, given their pages without blanks. Each blank moves what follows by one."""
    blanks, shift = [], 0
    for chapter in chapters:
        if chapter not in pages:
            continue
        if (pages[chapter] + shift) % 2 == 0:
            blanks.append(chapter)
            shift += 1
    return blanks


def shifted(pages: Mapping[str, int], chapters: list[str], blanks: list[str]) -> dict[str, int]:
    """The pages once the blanks are in: a blank before a chapter moves it and everything
    after it one page on."""
    starts = sorted(pages[c] for c in blanks)
    return {name: page + sum(1 for s in starts if s <= page) for name, page in pages.items()}


def destination_positions(pdf: bytes, names: Iterable[str]) -> tuple[dict[str, float], int]:
    """{name: where it is, in pages from the start (2.25: a quarter down page 3)}, and the
    number of pages; all of them when `names` is empty."""
    import pikepdf

    wanted = set(names)
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        index = {page.objgen: i for i, page in enumerate(doc.pages)}
        out = {}
        for key, dest in (doc.Root.get("/Dests") or {}).items():
            if not wanted or key[1:] in wanted:
                page, _fit, _left, top, *_zoom = _explicit(dest)
                height = float(page.MediaBox[3])
                out[key[1:]] = index[page.objgen] + (height - float(top)) / height
        return out, len(doc.pages)


def part_lengths(pdf: bytes, parts: Iterable[str]) -> dict[str, float]:
    """How many pages each part of a printed document takes, from where it starts to where
    the next starts (the last: to the end). For the "Make a packet" page's page count."""
    positions, pages = destination_positions(pdf, parts)
    ordered = sorted(positions.items(), key=lambda item: item[1])
    ends = [start for _name, start in ordered[1:]] + [float(pages)]
    return {name: round(end - start, 2) for (name, start), end in zip(ordered, ends, strict=True)}


@dataclass(frozen=True)
class Layout:
    """Where each part of the whole playbook starts (in pages from the start of the document:
    2.25 is a quarter down page 3) and where each destination lies from the start of its part.

    A part that opens a page (a theme, the states, the glossary…) lays out the same in any
    document, except for what the document leaves out of it (a cross-reference to a part that
    is not there, a story told in full in a theme that is not there) and the width of its page
    numbers. So the pages of a packet can be predicted from the whole playbook's layout; the
    print that follows is read back and corrected when a prediction was wrong."""

    starts: dict[str, float]  # part anchor -> where it starts
    lengths: dict[str, float]  # part anchor -> how many pages it takes
    offsets: dict[str, tuple[str, float]]  # destination -> (its part, distance from its start)

    @classmethod
    def measure(cls, pdf: bytes, parts: list[str]) -> Layout:
        """From a print of the whole playbook; `parts`: its parts' anchors in order."""
        positions, pages = destination_positions(pdf, ())
        starts = {p: positions[p] for p in parts if p in positions}
        ordered = sorted(starts.items(), key=lambda item: item[1])
        ends = [start for _name, start in ordered[1:]] + [float(pages)]
        lengths = {n: end - start for (n, start), end in zip(ordered, ends, strict=True)}
        offsets = {}
        for name, position in positions.items():
            owner = None
            for part, start in ordered:
                if start <= position:
                    owner = part
            if owner is not None:
                offsets[name] = (owner, position - starts[owner])
        return cls(starts, lengths, offsets)

    def predict(self, parts: list[str], targets: Iterable[str]) -> dict[str, int] | None:
        """The page of each target in a document made of `parts` (in its order, after a
        one-page cover), or None when one of them cannot be predicted. A part whose anchor is
        a page break opens a page; a state follows what precedes it."""
        at, starts = 1.0, {}
        for part in parts:
            if not part.startswith(STATE_PREFIX) or part == STATES_PART:
                at = math.ceil(at - EPSILON)
            starts[part] = at
            at += self._length(part, parts)
        out = {}
        for target in targets:
            if target in starts:
                out[target] = math.floor(starts[target] + EPSILON) + 1
                continue
            owner, offset = self.offsets.get(target, (None, 0.0))
            if owner not in starts:
                return None
            out[target] = math.floor(starts[owner] + offset) + 1
        return out

    def _length(self, part: str, parts: list[str]) -> float:
        if set(parts) >= set(self.starts):  # the whole playbook
            return self.lengths.get(part, 1.0)
        if part == STATES_PART:
            # A packet keeps the states' heading without the map: its first state follows.
            return HEADING_ONLY
        if part == CONTENTS_PART:
            return 1.0  # a packet's contents
        return self.lengths.get(part, 1.0)  # a worksheet: one page

    def to_json(self) -> dict:
        return {
            "starts": self.starts,
            "lengths": self.lengths,
            "offsets": {name: list(where) for name, where in self.offsets.items()},
        }

    @classmethod
    def from_json(cls, data: dict) -> Layout:
        offsets = {name: (part, float(at)) for name, (part, at) in data["offsets"].items()}
        return cls(dict(data["starts"]), dict(data["lengths"]), offsets)


STATE_PREFIX, STATES_PART, CONTENTS_PART = "pb-state-", "pb-states", "pb-contents"
HEADING_ONLY = 0.12  # of a page: the states' heading above a packet's states
EPSILON = 0.02  # a heading at the very top of a page is on that page
