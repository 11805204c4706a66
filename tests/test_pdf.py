"""`playbook pdf`, read back: the PDFs are opened with pypdf and checked against the content.

One `playbook pdf` run of the real playbook (the site with every PDF) and one convening packet
printed from that site are shared by the whole module; a third, small run prints the minimal
fixture, whose resource has a web address, for the external links.
"""

from __future__ import annotations

import os
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest

from macros.checks.linkcheck import run as check_links
from macros.content.playbook import Playbook
from macros.content.validate import load_playbook
from macros.pages.common import PageContext
from macros.pages.downloads import downloads
from macros.pages.print_view import printed_states
from macros.pages.states import state_resources
from macros.pages.urls import page_url
from tests.helpers import CHROMIUM, ROOT, Project, run_playbook

pytestmark = pytest.mark.browser

PACKET_THEME = "collective-action"
PACKET_STATES = ("KS", "NY")  # a state with stories and quotes, and one with resources only
# What only the site's chrome says: the skip link, the search box, the footer's page links.
CHROME_PHRASES = ("Skip to content", "Back to top", "Made with", "Edit this page", "Download PDF")
CHROME_LINES = ("Search", "Previous", "Next", "Home", "Themes", "Stories", "Contribute")


def normal(text: str) -> str:
    """Text as words: one space between them, a word broken at its hyphen made whole."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"(?<=\w)- (?=\w)", "-", text).strip()


@dataclass(frozen=True)
class Bookmark:
    level: int
    title: str
    page: int  # from 0


class Pdf:
    """A PDF as the tests read it: its pages' text, bookmarks, links and metadata."""

    def __init__(self, path: Path):
        from pypdf import PdfReader

        self.path = path
        self.reader = PdfReader(path)

    @cached_property
    def pages(self) -> list[str]:
        return [page.extract_text() for page in self.reader.pages]

    @cached_property
    def text(self) -> str:
        return normal(" ".join(self.pages))

    def body(self, index: int) -> str:
        """A page's text without its running header and footer."""
        lines = self.pages[index].splitlines()
        return normal(" ".join(line for line in lines if not self.is_running_line(line)))

    @staticmethod
    def is_running_line(line: str) -> bool:
        return bool(re.fullmatch(r"Page \d+ of \d+|.* · Version .*", line.strip()))

    @cached_property
    def bookmarks(self) -> list[Bookmark]:
        out = []

        def walk(items, level):
            for item in items:
                if isinstance(item, list):
                    walk(item, level + 1)
                else:
                    page = self.reader.get_destination_page_number(item)
                    out.append(Bookmark(level, item.title, page))

        walk(self.reader.outline, 0)
        return out

    def top_bookmarks(self) -> list[str]:
        return [b.title for b in self.bookmarks if b.level == 0]

    def children(self, title: str) -> list[str]:
        """The titles one level under the top-level bookmark `title`."""
        out, inside = [], False
        for bookmark in self.bookmarks:
            if bookmark.level == 0:
                inside = bookmark.title == title
            elif inside and bookmark.level == 1:
                out.append(bookmark.title)
        return out

    @cached_property
    def links(self) -> list[dict]:
        out = []
        for number, page in enumerate(self.reader.pages):
            for annotation in page.get("/Annots") or []:
                annotation = annotation.get_object()
                if annotation.get("/Subtype") == "/Link":
                    out.append({"page": number, **annotation})
        return out


def chromium_or_skip() -> None:
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}: browser tests must run in CI", pytrace=False)
        pytest.skip(message)


def pdf_command(project: Path, *args: str) -> subprocess.CompletedProcess:
    result = run_playbook("--project", str(project), "pdf", *args)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture(scope="module")
def pb() -> Playbook:
    return load_playbook(ROOT / "playbook_data", ROOT)


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """`playbook pdf`: the real site built with its PDFs (one run for the module)."""
    chromium_or_skip()
    site = tmp_path_factory.mktemp("published") / "site"
    result = pdf_command(ROOT, "--site-dir", str(site))
    assert "now offers 20 PDFs under downloads/" in result.stdout
    return site


@pytest.fixture(scope="module")
def whole(published) -> Pdf:
    return Pdf(published / "downloads" / "playbook.pdf")


@pytest.fixture(scope="module")
def packet(published, tmp_path_factory) -> Pdf:
    """A convening packet, printed from the published site (up to date: no second build)."""
    out = tmp_path_factory.mktemp("packet") / "kansas-meeting.pdf"
    states = [arg for code in PACKET_STATES for arg in ("--state", code.lower())]
    args = ["--site-dir", str(published), "--theme", PACKET_THEME, *states, "--output", str(out)]
    result = pdf_command(ROOT, *args)
    assert re.search(r"^Wrote .*kansas-meeting\.pdf \(\d+ pages", result.stdout, re.M)
    assert "building the site afresh" not in result.stdout  # printed from the published site
    return Pdf(out)


def every_pdf(published) -> dict[str, Pdf]:
    return {p.relative_to(published).as_posix(): Pdf(p) for p in published.rglob("*.pdf")}


# The whole playbook -----------------------------------------------------------------------


def test_the_themes_start_pages_of_their_own_in_the_playbooks_order(whole, pb):
    starts = []
    for theme in pb.themes.values():
        pages = [i for i in range(len(whole.pages)) if whole.body(i).startswith(theme.title)]
        assert pages, f"no page starts with the theme {theme.title!r}"
        starts.append(pages[0])
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_every_strategy_title_and_every_quote_is_in_the_playbook(whole, pb):
    missing = [s.title for s in pb.strategies.values() if normal(s.title) not in whole.text]
    missing += [q.text for q in pb.quotes.values() if normal(q.text) not in whole.text]
    assert missing == []


def test_every_story_resource_and_state_with_a_page_is_in_the_playbook(whole, pb):
    missing = [s.title for s in pb.stories.values() if normal(s.title) not in whole.text]
    missing += [r.title for r in pb.resources.values() if normal(r.title) not in whole.text]
    states = printed_states(PageContext(pb))
    missing += [s.name for s in states if s.name not in whole.children("States")]
    assert missing == []


def test_every_page_has_the_running_header_and_its_page_number(whole, pb):
    count = len(whole.pages)
    header = f"{pb.info.title} · Version {pb.info.version}"
    for number, text in enumerate(whole.pages, start=1):
        lines = [line.strip() for line in text.splitlines()]
        assert header in lines, number
        assert f"Page {number} of {count}" in lines, number


def test_the_outline_has_every_theme_and_every_state_where_they_start(whole, pb):
    themes = [t.title for t in pb.themes.values()]
    states = [s.name for s in printed_states(PageContext(pb))]
    tops = whole.top_bookmarks()
    assert tops == [pb.info.title, "Contents", *themes, "States", "Policy priorities"] + [
        "Resources",
        "Glossary",
    ]
    assert whole.children("States") == states
    chapters = [b for b in whole.bookmarks if b.level == 0 and b.title in themes]
    chapters += [b for b in whole.bookmarks if b.level == 1 and b.title in states]
    assert len(chapters) == len(themes) + len(states)
    for bookmark in chapters:
        assert whole.body(bookmark.page).startswith(bookmark.title), bookmark


def test_bookmarks_keep_the_words_of_headings_that_wrap(whole, pb):
    # A long strategy title wraps on paper; its bookmark must still read as written.
    titles = {b.title for b in whole.bookmarks}
    for strategy in pb.strategies.values():
        assert f"{strategy.order}. {strategy.title}" in titles


def test_the_metadata_names_the_playbook_its_publisher_and_subject(whole, pb):
    meta = whole.reader.metadata
    assert (meta.title, meta.author, meta.subject) == (
        pb.info.title,
        pb.info.publisher,
        pb.info.subtitle,
    )


def test_the_pdfs_are_tagged_with_a_language(published):
    for name, pdf in every_pdf(published).items():
        root = pdf.reader.trailer["/Root"]
        assert root["/MarkInfo"]["/Marked"], name
        assert "/StructTreeRoot" in root, name
        assert root["/Lang"] == "en", name


def test_internal_links_go_to_a_page_of_the_same_pdf(whole):
    destinations = whole.reader.named_destinations
    internal = [link for link in whole.links if "/Dest" in link]
    assert len(internal) > 100  # the contents alone link every theme, strategy and state
    for link in internal:
        destination = destinations[str(link["/Dest"])]
        assert 0 <= whole.reader.get_destination_page_number(destination) < len(whole.pages)


def test_every_link_of_every_pdf_goes_inside_it_or_to_the_web(published):
    # Never to the local server the PDF was printed from.
    for name, pdf in every_pdf(published).items():
        assert pdf.links, name  # at least the contents
        destinations = pdf.reader.named_destinations
        for link in pdf.links:
            if "/Dest" in link:
                assert str(link["/Dest"]) in destinations, (name, link["/Dest"])
            else:
                uri = str(link["/A"]["/URI"])
                assert re.match(r"https?://", uri), (name, uri)
                assert "127.0.0.1" not in uri and "localhost" not in uri, (name, uri)


def test_nothing_of_the_sites_chrome_is_printed(published):
    for name, pdf in every_pdf(published).items():
        lines = {line.strip() for page in pdf.pages for line in page.splitlines()}
        assert [phrase for phrase in CHROME_PHRASES if phrase in pdf.text] == [], name
        assert [label for label in CHROME_LINES if label in lines] == [], name


# One PDF per theme and per state ----------------------------------------------------------


def test_each_theme_and_state_pdf_holds_its_part_with_cover_and_contents(published, pb):
    ctx = PageContext(pb)
    for item in downloads(ctx)[1:]:
        pdf = Pdf(published / item.path)
        tops = pdf.top_bookmarks()
        assert tops[:2] == [pb.info.title, "Contents"], item.path
        assert pdf.reader.metadata.subject == item.subject
        assert pdf.reader.metadata.title == f"{pb.info.title}: {item.subject}"
        if item.path.startswith("downloads/themes/"):
            theme = next(t for t in pb.themes.values() if item.subject.endswith(t.title))
            assert tops[2:] == [theme.title], item.path
        else:
            state = next(s for s in printed_states(ctx) if item.subject.endswith(s.name))
            assert tops[2:] == ["States"], item.path
            assert pdf.children("States") == [state.name], item.path


# A convening packet -----------------------------------------------------------------------


def theme_quotes(pb: Playbook, theme) -> list:
    quotes = [q for s in pb.ordered_strategies(theme) for q in pb.quotes_for("strategy", s.id)]
    return quotes + pb.theme_quotes_without_strategy(theme)


def test_a_packet_holds_its_theme_and_states_with_cover_and_contents(packet, pb):
    theme = pb.themes[PACKET_THEME]
    names = [pb.states[code].name for code in PACKET_STATES]
    assert packet.top_bookmarks() == [pb.info.title, "Contents", theme.title, "States"]
    assert packet.children("States") == names
    resources = ["Resources"] if pb.resources_for("theme", theme.id) else []
    assert (
        packet.children(theme.title)[1:]
        == [f"{s.order}. {s.title}" for s in pb.ordered_strategies(theme)] + resources
    )
    assert f"In this packet: {theme.title}; {'; '.join(names)}." in packet.body(0)
    assert packet.body(1).startswith("Contents")
    meta = packet.reader.metadata
    assert meta.title == f"{pb.info.title}: convening packet"
    assert meta.subject == f"Convening packet: {theme.title}; {'; '.join(names)}"


def test_a_packet_holds_nothing_else(packet, pb):
    theme = pb.themes[PACKET_THEME]
    in_state = {s.id for code in PACKET_STATES for s in pb.stories_for("state", code)}
    wanted_stories = {s.id for s in pb.stories_for("theme", theme.id)} | in_state
    wanted_quotes = {q.id for q in theme_quotes(pb, theme)}
    wanted_quotes |= {q.id for code in PACKET_STATES for q in pb.quotes_for("state", code)}
    text = packet.text
    assert {s.id for s in pb.stories.values() if normal(s.title) in text} == wanted_stories
    assert {q.id for q in pb.quotes.values() if normal(q.text) in text} == wanted_quotes
    strategies = {s.id for s in pb.strategies.values() if normal(s.title) in text}
    assert strategies == {s.id for s in theme.strategies}
    ctx = PageContext(pb)
    wanted_resources = {r.id for c in PACKET_STATES for r in state_resources(ctx, pb.states[c])}
    assert {r.id for r in pb.resources.values() if normal(r.title) in text} == wanted_resources
    others = [t.tagline for t in pb.themes.values() if t.id != theme.id]
    assert [tagline for tagline in others if normal(tagline) in text] == []
    for absent in ("Policy priorities", "Glossary"):
        assert absent not in packet.top_bookmarks()
    assert pb.terms[next(iter(pb.terms))].definition not in text


def test_a_packet_links_only_inside_itself(packet):
    destinations = packet.reader.named_destinations
    internal = [link for link in packet.links if "/Dest" in link]
    assert internal  # the contents
    for link in internal:
        assert str(link["/Dest"]) in destinations


# Pictures of the pages --------------------------------------------------------------------


def ink(pdf: Path, page: int) -> float:
    """The share of a page's pixels that are not white, from pdftoppm's greyscale picture."""
    picture = subprocess.run(
        ["pdftoppm", "-gray", "-r", "30", "-f", str(page), "-l", str(page), str(pdf)],
        capture_output=True,
        check=True,
    ).stdout
    magic, width, height, _maximum, pixels = picture.split(maxsplit=4)
    assert magic == b"P5"
    pixels = pixels[: int(width) * int(height)]
    return sum(1 for value in pixels if value < 200) / len(pixels)


def test_the_ink_measure_tells_a_blank_page(tmp_path):
    from pypdf import PdfWriter

    blank = tmp_path / "blank.pdf"
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    writer.write(blank)
    assert ink(blank, 1) == 0


def test_a_page_of_each_kind_of_pdf_is_not_blank(published, whole, packet, pb):
    theme_page = next(b.page for b in whole.bookmarks if b.title == pb.themes[PACKET_THEME].title)
    pages = [
        (whole.path, 1),  # the cover
        (whole.path, theme_page + 1),
        (published / "downloads" / "themes" / f"{PACKET_THEME}.pdf", 3),
        (published / "downloads" / "states" / "kansas.pdf", 3),
        (packet.path, 3),
    ]
    for path, page in pages:
        assert ink(path, page) > 0.02, (path.name, page)


# External links, on a playbook that has one -----------------------------------------------


def test_an_external_link_is_clickable_and_printed_with_its_address(tmp_path):
    chromium_or_skip()
    project = Project(tmp_path / "project")
    out = tmp_path / "minimal.pdf"
    result = pdf_command(project.path, "--output", str(out))
    assert "building the site afresh" in result.stdout  # it had no site/ yet
    assert not (project.path / "site").exists()
    pdf = Pdf(out)
    uris = [str(link["/A"]["/URI"]) for link in pdf.links if "/A" in link]
    assert uris == ["https://example.org/report"]
    assert "A linked report (https://example.org/report)" in pdf.text


# The published site -----------------------------------------------------------------------


def test_the_published_site_links_each_pdf_from_its_page(published, pb):
    for item in downloads(PageContext(pb)):
        html = (published / page_url(item.page) / "index.html").read_text(encoding="utf-8")
        href = os.path.relpath(item.path, page_url(item.page) or ".")
        assert f'<a href="{href}" download type="application/pdf">Download PDF</a>' in html
        assert (published / item.path).is_file()


def test_the_published_sites_links_all_work(published):
    status, report = check_links(published)
    assert status == 0, report


def test_a_plain_build_offers_no_pdf(real_site):
    assert not (real_site / "downloads").exists()
    pages = [real_site / "index.html", *real_site.glob("themes/*/index.html")]
    assert [p for p in pages if "Download PDF" in p.read_text(encoding="utf-8")] == []
