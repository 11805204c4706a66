"""A printed PDF read back page by page, as a reader would judge it: where the lines are
(poppler's `pdftotext -bbox-layout`), where the headings are (the bookmarks), where each
named destination is (pikepdf), and what is tagged. Used by the print tests.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

NS = "{http://www.w3.org/1999/xhtml}"
# The running header and footer live in the page margins (print.css: 22 mm and 20 mm);
# the body lies between these lines, in points from the top of a Letter page.
BODY_TOP, BODY_BOTTOM = 22 * 72 / 25.4, 792 - 20 * 72 / 25.4


@dataclass(frozen=True)
class Line:
    top: float
    bottom: float
    left: float
    text: str


@dataclass(frozen=True)
class Heading:
    title: str
    page: int  # from 1
    top: float  # points from the top of the page
    level: int


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


class PrintedPdf:
    def __init__(self, path: Path):
        self.path = Path(path)

    @cached_property
    def lines(self) -> list[list[Line]]:
        """The lines of text of each page (index 0 is page 1), top to bottom."""
        xml = subprocess.run(
            ["pdftotext", "-bbox-layout", str(self.path), "-"],
            capture_output=True,
            check=True,
        ).stdout
        # pdftotext's XHTML has a doctype but no entities beyond XML's own.
        root = ET.fromstring(xml.split(b"?>", 1)[-1] if xml.startswith(b"<?xml") else xml)
        pages = []
        for page in root.iter(f"{NS}page"):
            out = []
            for line in page.iter(f"{NS}line"):
                text = " ".join(w.text or "" for w in line.iter(f"{NS}word"))
                out.append(
                    Line(
                        float(line.get("yMin")),
                        float(line.get("yMax")),
                        float(line.get("xMin")),
                        text,
                    )
                )
            pages.append(sorted(out, key=lambda line: (line.top, line.left)))
        return pages

    def body_lines(self, page: int) -> list[Line]:
        """Page `page` (from 1) without its running header and footer."""
        return [
            line
            for line in self.lines[page - 1]
            if line.top >= BODY_TOP - 2 and line.bottom <= BODY_BOTTOM + 2
        ]

    def margin_lines(self, page: int) -> list[str]:
        return [
            line.text
            for line in self.lines[page - 1]
            if line.bottom < BODY_TOP - 2 or line.top > BODY_BOTTOM + 2
        ]

    def fill(self, page: int) -> float:
        """How far down the body of a page its content reaches, from 0 to 1. Text is
        what is measured: a page that holds only a figure counts as full."""
        lines = self.body_lines(page)
        if not lines:
            return 0.0
        return (max(line.bottom for line in lines) - BODY_TOP) / (BODY_BOTTOM - BODY_TOP)

    @property
    def page_count(self) -> int:
        return len(self.lines)

    @cached_property
    def destinations(self) -> dict[str, tuple[int, float]]:
        """{name: (page from 1, top in points from the top of the page)}"""
        import pikepdf

        with pikepdf.open(self.path) as doc:
            number = {page.objgen: index + 1 for index, page in enumerate(doc.pages)}
            out = {}
            for key, dest in (doc.Root.get("/Dests") or {}).items():
                out[key[1:]] = (number[dest[0].objgen], 792 - float(dest[3]))
            return out

    @cached_property
    def headings(self) -> list[Heading]:
        import pikepdf

        out = []
        with pikepdf.open(self.path) as doc:
            number = {page.objgen: index + 1 for index, page in enumerate(doc.pages)}

            def walk(node, level):
                while node is not None:
                    dest = node.get("/Dest")
                    if isinstance(dest, pikepdf.Array):
                        top = 792 - float(dest[3])
                        out.append(Heading(str(node.Title), number[dest[0].objgen], top, level))
                    walk(node.get("/First"), level + 1)
                    node = node.get("/Next")

            outlines = doc.Root.get("/Outlines")
            if outlines is not None:
                walk(outlines.get("/First"), 0)
        return out

    def stranded(self) -> list[Heading]:
        """Headings with nothing of their own section after them on their page: the
        heading's lines are the last of the page (and the next page is not empty)."""
        out = []
        for heading in self.headings:
            if heading.page >= self.page_count:
                continue
            own = set(words(heading.title))
            below = [
                line
                for line in self.body_lines(heading.page)
                if line.top >= heading.top - 1 and not set(words(line.text)) <= own
            ]
            if not below:
                out.append(heading)
        return out

    def page_text(self, page: int) -> str:
        return " ".join(line.text for line in self.body_lines(page))
