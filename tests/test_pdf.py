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
from xml.sax.saxutils import escape

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
from tests.pdf_pages import PrintedPdf

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
        # poppler's pdftotext (C), as tests/pdf_pages.py: twenty times faster than pypdf's
        # extraction, which took a tenth of this module's time. A form feed ends each page.
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(self.path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return text.split("\f")[: len(self.reader.pages)]

    @cached_property
    def text(self) -> str:
        return normal(" ".join(self.pages))

    def body(self, index: int) -> str:
        """A page's text (from 0) without its running header and footer."""
        return normal(self.printed.page_text(index + 1))

    @cached_property
    def printed(self) -> PrintedPdf:
        return PrintedPdf(self.path)

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
    result = pdf_command(ROOT, *args, "--worksheets")
    assert re.search(r"^Wrote .*kansas-meeting\.pdf \(\d+ pages", result.stdout, re.M)
    assert "building the site afresh" not in result.stdout  # printed from the published site
    return Pdf(out)


@pytest.fixture(scope="module")
def double_sided(published, tmp_path_factory) -> PrintedPdf:
    """The same packet, for printing on both sides."""
    out = tmp_path_factory.mktemp("packet") / "two-sided.pdf"
    states = [arg for code in PACKET_STATES for arg in ("--state", code)]
    args = ["--site-dir", str(published), "--theme", PACKET_THEME, *states, "--output", str(out)]
    result = pdf_command(ROOT, *args, "--worksheets", "--double-sided")
    # Its blank pages are placed from a measuring print, never from predicted pages.
    assert re.search(r"^Wrote .*two-sided\.pdf \(\d+ pages, [23] prints\)$", result.stdout, re.M)
    return PrintedPdf(out)


@pytest.fixture(scope="module")
def reprinted(published, tmp_path_factory) -> Path:
    """The whole playbook printed a second time, by another run of `playbook pdf`."""
    out = tmp_path_factory.mktemp("again") / "playbook.pdf"
    result = pdf_command(ROOT, "--site-dir", str(published), "--output", str(out))
    # The published site's layout gave every page number: one print, not two.
    assert re.search(r"^Wrote .*playbook\.pdf \(\d+ pages, 1 print\)$", result.stdout, re.M)
    return out


@pytest.fixture(scope="module")
def without_pagedjs(tmp_path_factory) -> Path:
    """The real playbook built in a project without Paged.js (no npm): what `make serve`
    gives on a machine without Node."""
    project = Project(tmp_path_factory.mktemp("no-npm") / "project", ROOT / "playbook_data")
    site = project.path / "site"
    result = run_playbook("--project", str(project.path), "build", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    assert not (site / "assets" / "javascripts" / "pagedjs").exists()
    return site


@pytest.fixture(scope="module")
def published_without_pagedjs(without_pagedjs, published, tmp_path_factory) -> Path:
    """That site with the page numbers `playbook pdf` publishes (print/pages.json)."""
    import shutil

    site = tmp_path_factory.mktemp("published-no-npm") / "site"
    shutil.copytree(without_pagedjs, site)
    shutil.copy(published / "print" / "pages.json", site / "print" / "pages.json")
    return site


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


def test_every_page_but_the_cover_has_the_running_header_and_its_page_number(whole, pb):
    count = len(whole.pages)
    header = f"{pb.info.title} · Version {pb.info.version}"
    printed = PrintedPdf(whole.path)
    assert printed.margin_lines(1) == []  # the cover: no header, no page number
    for number in range(2, count + 1):
        lines = [line.strip() for line in printed.margin_lines(number)]
        assert header in lines, number
        assert f"Page {number} of {count}" in lines, number


def test_the_outline_has_every_theme_and_every_state_where_they_start(whole, pb):
    themes = [t.title for t in pb.themes.values()]
    states = [s.name for s in printed_states(PageContext(pb))]
    tops = whole.top_bookmarks()
    assert tops == [pb.info.title, "Contents", *themes, "States", "Policy areas"] + [
        "Resources",
        "Glossary",
    ]
    assert whole.children("States") == states
    chapters = [b for b in whole.bookmarks if b.level == 0 and b.title in themes]
    assert len(chapters) == len(themes)
    for bookmark in chapters:  # a theme opens a page
        assert whole.body(bookmark.page).startswith(bookmark.title), bookmark
    in_states = [b for b in whole.bookmarks if b.level == 1 and b.title in states]
    assert len(in_states) == len(states)
    for bookmark in in_states:  # states follow one another
        lines = [line.text for line in whole.printed.body_lines(bookmark.page + 1)]
        assert bookmark.title in lines, bookmark


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
        if not name.startswith("downloads/states/"):  # a state's sheet may have none
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


def test_each_theme_pdf_holds_its_part_with_cover_and_contents(published, pb):
    ctx = PageContext(pb)
    for item in downloads(ctx)[1:]:
        if not item.path.startswith("downloads/themes/"):
            continue
        pdf = Pdf(published / item.path)
        tops = pdf.top_bookmarks()
        assert tops[:2] == [pb.info.title, "Contents"], item.path
        assert pdf.reader.metadata.subject == item.subject
        assert pdf.reader.metadata.title == f"{pb.info.title}: {item.subject}"
        theme = next(t for t in pb.themes.values() if item.subject.endswith(t.title))
        assert tops[2:] == [theme.title, "Glossary"], item.path  # the packet its page makes


def test_each_state_pdf_is_one_sheet_without_cover_or_contents(published, pb):
    ctx = PageContext(pb)
    for item in downloads(ctx)[1:]:
        if not item.path.startswith("downloads/states/"):
            continue
        pdf = Pdf(published / item.path)
        state = next(s for s in printed_states(ctx) if item.subject.endswith(s.name))
        assert pdf.top_bookmarks() == [state.name], item.path
        assert len(pdf.pages) <= 2, item.path  # one sheet, printed on both sides at most
        assert pdf.reader.metadata.title == f"{pb.info.title}: {item.subject}"
        assert "Contents" not in pdf.text


# A convening packet -----------------------------------------------------------------------


def theme_quotes(pb: Playbook, theme) -> list:
    quotes = [q for s in pb.ordered_strategies(theme) for q in pb.quotes_for("strategy", s.id)]
    return quotes + pb.theme_quotes_without_strategy(theme)


def test_a_packet_holds_its_theme_and_states_with_cover_and_contents(packet, pb):
    theme = pb.themes[PACKET_THEME]
    names = [pb.states[code].name for code in PACKET_STATES]
    worksheet = f"Where are we? {theme.title}"
    assert packet.top_bookmarks() == [
        pb.info.title,
        "Contents",
        theme.title,
        "States",
        worksheet,
        "Glossary",
    ]
    assert packet.children("States") == names
    resources = ["Resources"] if pb.resources_for("theme", theme.id) else []
    assert (
        packet.children(theme.title)[1:]
        == [f"{s.order}. {s.title}" for s in pb.ordered_strategies(theme)] + resources
    )
    cover = packet.body(0)
    assert "In this packet" in cover
    pages = PrintedPdf(packet.path).destinations
    for title, anchor in [
        (theme.title, f"pb-theme-{theme.id}"),
        *((pb.states[code].name, f"pb-state-{code.lower()}") for code in PACKET_STATES),
        (worksheet, f"pb-worksheet-{theme.id}"),
        ("Glossary", "pb-glossary"),
    ]:
        assert f"{title} {pages[anchor][0]}" in cover, title
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
    # The theme's resources, and those its stories cite (named in the story, as text).
    wanted_resources |= {r.id for r in pb.resources_for("theme", theme.id)}
    wanted_resources |= {r for s in pb.stories_for("theme", theme.id) for r in s.resources}
    assert {r.id for r in pb.resources.values() if normal(r.title) in text} == wanted_resources
    others = [t.tagline for t in pb.themes.values() if t.id != theme.id]
    assert [tagline for tagline in others if normal(tagline) in text] == []
    assert "Policy areas" not in packet.top_bookmarks()


def test_a_packet_links_only_inside_itself(packet):
    destinations = packet.reader.named_destinations
    internal = [link for link in packet.links if "/Dest" in link]
    assert internal  # the contents
    for link in internal:
        assert str(link["/Dest"]) in destinations


# Paged-media quality ----------------------------------------------------------------------

PARTS = ("pb-contents", "pb-states", "pb-policy-priorities", "pb-resources", "pb-glossary")


def is_chapter(name: str, pb: Playbook, *, top: bool = False) -> bool:
    """A part of the print view that starts a page (`top`: one that opens a right-hand
    page when printing double-sided: not a state, which follows the states' heading)."""
    themes = {f"pb-theme-{t}" for t in pb.themes} | {f"pb-worksheet-{t}" for t in pb.themes}
    states = {f"pb-state-{s.lower()}" for s in pb.states}
    return name in PARTS or name in themes or (not top and name in states)


def chapter_starts(pdf: PrintedPdf, pb: Playbook) -> set[int]:
    return {page for name, (page, _top) in pdf.destinations.items() if is_chapter(name, pb)}


def contents_entries(pb: Playbook, ctx: PageContext) -> dict[str, str]:
    """{the words of an entry in the contents: its destination}"""
    entries = {}
    for theme in pb.themes.values():
        entries[f"{theme.order}. {theme.title}"] = f"pb-theme-{theme.id}"
        for strategy in pb.ordered_strategies(theme):
            entries[f"{strategy.order}. {strategy.title}"] = strategy.id
    entries |= {s.name: f"pb-state-{s.code.lower()}" for s in printed_states(ctx)}
    return entries | {"Policy areas": "pb-policy-priorities", "Glossary": "pb-glossary"}


def printed_numbers(text: str, title: str) -> list[int]:
    return [int(n) for n in re.findall(re.escape(normal(title)) + r" (\d+)\b", text)]


def real_contents_numbers(printed: PrintedPdf, pb: Playbook) -> int:
    """Asserts that every entry of the contents whose heading the document holds gives the
    page that heading is on; returns how many were checked."""
    contents_page = printed.destinations["pb-contents"][0]
    next_chapter = min(p for p in chapter_starts(printed, pb) if p > contents_page)
    text = normal(" ".join(printed.page_text(p) for p in range(contents_page, next_chapter)))
    checked = 0
    for title, anchor in contents_entries(pb, PageContext(pb)).items():
        if anchor not in printed.destinations:
            continue
        numbers = printed_numbers(text, title)
        assert numbers, f"{title!r} has no page number in the contents"
        assert numbers[0] == printed.destinations[anchor][0], title
        checked += 1
    return checked


def real_cross_references(printed: PrintedPdf, pb: Playbook) -> int:
    """Asserts that every "(p. N)" after a state's name or a story's "Told in full" note is
    the page of what it points to; returns how many were checked."""
    text = normal(" ".join(printed.page_text(p) for p in range(1, printed.page_count + 1)))
    found = 0
    for state in printed_states(PageContext(pb)):
        for number in re.findall(re.escape(state.name) + r" \(p\. (\d+)\)", text):
            assert int(number) == printed.destinations[f"pb-state-{state.code.lower()}"][0]
            found += 1
    for story in pb.stories.values():
        told = re.findall(
            re.escape(normal(story.title)) + r" Told in full under its theme \(p\. (\d+)\)", text
        )
        for number in told:
            assert int(number) == printed.destinations[f"story-{story.id}"][0], story.title
            found += 1
    return found


def test_the_contents_give_the_real_page_of_every_entry(whole, pb):
    assert real_contents_numbers(whole.printed, pb) == len(contents_entries(pb, PageContext(pb)))
    assert len(contents_entries(pb, PageContext(pb))) > 30


def test_cross_references_give_the_page_of_what_they_point_to(whole, pb):
    assert real_cross_references(whole.printed, pb) > 20


def test_every_pdf_with_contents_gives_real_page_numbers(published, packet, double_sided, pb):
    """The theme PDFs and the packets are printed once with numbers predicted from the
    whole playbook's layout, then read back and printed again when one was wrong: whatever
    the way, the numbers printed are the real pages."""
    themes = [published / item.path for item in downloads(PageContext(pb))[1:]]
    themes = [path for path in themes if "/themes/" in path.as_posix()]
    assert len(themes) == len(pb.themes)
    for path in [*themes, packet.path]:
        printed = PrintedPdf(path)
        assert real_contents_numbers(printed, pb) >= 3, path.name
        real_cross_references(printed, pb)
    assert real_contents_numbers(double_sided, pb) >= 3
    assert real_cross_references(packet.printed, pb) >= 1  # Kansas's stories, told in full


def test_each_story_is_printed_in_full_once(whole, pb):
    for story in pb.stories.values():
        opening = r"\W+".join(re.findall(r"\w+", story.body)[:12])  # its first words
        assert len(re.findall(opening, whole.text)) == 1, story.title


def test_no_heading_is_left_at_the_foot_of_a_page(whole, packet, double_sided):
    for pdf in (whole.printed, packet.printed, double_sided):
        assert pdf.stranded() == [], pdf.path.name


def test_no_page_is_under_a_third_full_except_at_a_chapters_end(whole, packet, pb):
    for pdf in (whole.printed, packet.printed):
        starts = chapter_starts(pdf, pb)
        for page in range(2, pdf.page_count):
            if page + 1 in starts:
                continue
            assert pdf.fill(page) >= 1 / 3, (pdf.path.name, page, pdf.page_text(page)[:80])


def test_double_sided_chapters_open_on_right_hand_pages_after_a_blank_page(
    double_sided, packet, pb
):
    opens = [
        page
        for name, (page, _top) in double_sided.destinations.items()
        if is_chapter(name, pb, top=True)
    ]
    assert opens and all(page % 2 == 1 for page in opens), sorted(opens)
    blanks = [p for p in range(1, double_sided.page_count + 1) if not double_sided.lines[p - 1]]
    assert blanks  # this packet needs at least one; a blank page has no header or number
    assert double_sided.page_count == len(packet.pages) + len(blanks)


def test_running_text_is_set_at_60_to_80_characters_a_line(whole, pb):
    printed = whole.printed
    first = printed.destinations[f"pb-theme-{next(iter(pb.themes))}"][0]
    lengths = sorted(
        len(line.text)
        for page in range(first, first + 6)
        for line in printed.body_lines(page)
        if len(line.text) > 45  # full lines, not a paragraph's last or a heading
    )
    median = lengths[len(lengths) // 2]
    assert 60 <= median <= 80, median


def test_one_type_family_is_used_and_embedded(published):
    import pikepdf

    for name, pdf in every_pdf(published).items():
        with pikepdf.open(pdf.path) as doc:
            fonts = {
                str(font.BaseFont).split("+")[-1]
                for page in doc.pages
                for font in (page.Resources.get("/Font") or {}).values()
            }
        assert fonts and all(f.startswith("LiberationSerif") for f in fonts), (name, fonts)


def test_a_packets_glossary_holds_the_terms_it_uses_and_no_others(packet, pb):
    printed = packet.printed
    glossary = printed.destinations["pb-glossary"][0]
    before = normal(" ".join(printed.page_text(p) for p in range(1, glossary)))
    after = normal(" ".join(printed.page_text(p) for p in range(glossary, printed.page_count + 1)))
    listed = [t for t in pb.terms.values() if normal(t.definition) in after]
    assert listed and len(listed) < len(pb.terms)
    for term in listed:
        # (in the text, perhaps plural or at the start of a sentence)
        assert re.search(rf"\b{re.escape(term.term)}", before, re.IGNORECASE), term.term


def test_a_worksheet_lists_its_themes_strategies_with_boxes_and_room_for_notes(packet, pb):
    printed = packet.printed
    page = printed.destinations[f"pb-worksheet-{PACKET_THEME}"][0]
    text = normal(printed.page_text(page) + " " + printed.page_text(page + 1))
    for strategy in pb.ordered_strategies(pb.themes[PACKET_THEME]):
        assert normal(f"{strategy.order}. {strategy.title}") in text
    assert text.count("Not started") == len(pb.themes[PACKET_THEME].strategies)
    assert "Notes and next steps" in text
    # Drawn, not only named: three boxes and three ruled lines for each strategy on the page
    # (rectangles in its content; a worksheet without its stylesheet draws none of them).
    import pikepdf

    on_page = [
        s
        for s in pb.ordered_strategies(pb.themes[PACKET_THEME])
        if normal(f"{s.order}. {s.title}") in normal(printed.page_text(page))
    ]
    with pikepdf.open(packet.path) as doc:
        content = pikepdf.parse_content_stream(doc.pages[page - 1])
        drawn = sum(1 for instruction in content if str(instruction.operator) == "re")
    assert on_page and drawn >= 6 * len(on_page)


def test_two_prints_of_the_playbook_are_byte_identical(whole, reprinted):
    assert whole.path.read_bytes() == reprinted.read_bytes()


# Accessibility of the PDFs ------------------------------------------------------------------


def test_nothing_is_painted_outside_tags_or_artifacts(published):
    """PDF/UA 7.1: the running header and footer (and page backgrounds) are artifacts."""
    import pikepdf

    for name, pdf in every_pdf(published).items():
        with pikepdf.open(pdf.path) as doc:
            for number, page in enumerate(doc.pages, start=1):
                depth, untagged, artifacts = 0, 0, 0
                for ins in pikepdf.parse_content_stream(page):
                    op = str(ins.operator)
                    if op in ("BDC", "BMC"):
                        depth += 1
                        artifacts += op == "BMC" and str(ins.operands[0]) == "/Artifact"
                    elif op == "EMC":
                        depth -= 1
                    elif depth == 0 and op in ("Tj", "TJ", "f", "S", "Do", "B"):
                        untagged += 1
                assert untagged == 0, (name, number)
                if number > 1 or name.startswith("downloads/states/"):
                    assert artifacts, (name, number)  # at least the running header


def test_every_link_has_a_description(whole):
    described = [link for link in whole.links if str(link.get("/Contents", "")).strip()]
    assert len(described) == len(whole.links) > 100
    for link in whole.links:
        if "/A" in link:
            assert str(link["/A"]["/URI"]) in str(link["/Contents"])
        else:
            assert str(link["/Contents"]).startswith("Go to")


def test_every_figure_has_alternative_text_and_the_map_names_its_states(whole, pb):
    import pikepdf

    from macros.pdf.finish import _struct_elements

    with pikepdf.open(whole.path) as doc:
        figures = [
            str(e.get("/Alt", ""))
            for e in _struct_elements(doc.Root.StructTreeRoot)
            if e.S == "/Figure"
        ]
    assert figures and all(alt.strip() for alt in figures)
    tile_map = next(alt for alt in figures if alt.startswith("Tile map"))
    for state in printed_states(PageContext(pb)):
        assert state.name in tile_map


def test_every_row_of_the_matrix_has_all_its_cells(whole):
    import pikepdf

    from macros.pdf.finish import _struct_elements

    def kids(element):
        k = element.get("/K")
        k = list(k) if isinstance(k, pikepdf.Array) else [k]
        return [c for c in k if isinstance(c, pikepdf.Dictionary) and "/S" in c]

    with pikepdf.open(whole.path) as doc:
        tables = [e for e in _struct_elements(doc.Root.StructTreeRoot) if e.S == "/Table"]
        assert tables
        for table in tables:
            rows = [r for e in _struct_elements(table) if e.S == "/TR" for r in [e]]
            widths = {len([c for c in kids(r) if c.S in ("/TH", "/TD")]) for r in rows}
            assert len(widths) == 1, widths


def test_the_metadata_says_pdf_ua_title_and_language(published):
    import pikepdf

    for name, pdf in every_pdf(published).items():
        with pikepdf.open(pdf.path) as doc:
            xmp = doc.Root.Metadata.read_bytes().decode()
            assert "<pdfuaid:part>1</pdfuaid:part>" in xmp, name
            title = str(doc.docinfo.Title)
            assert f'<rdf:li xml:lang="x-default">{escape(title)}</rdf:li>' in xmp, name
            assert doc.Root.Lang == "en" and doc.Root.ViewerPreferences.DisplayDocTitle, name


# The "Make a packet" page -------------------------------------------------------------------


def test_a_packet_made_on_the_site_holds_exactly_the_chosen_parts(published, pb, page, tmp_path):
    """From a theme page to its form, a state ticked, the packet shown and printed from the
    browser: the cover, the contents, the theme, the state and the glossary, nothing else."""
    # (The session's browser: a second Playwright in the same thread cannot start.)
    from macros.site.local_server import serve_folder

    theme = pb.themes[PACKET_THEME]
    with serve_folder(published) as base:
        page.goto(f"{base}/themes/{PACKET_THEME}/")
        page.get_by_role("link", name="Make a packet with this theme").click()
        page.wait_for_selector("html[data-pb-print-ready]", state="attached")
        page.get_by_role("checkbox", name="Kansas").check()
        page.get_by_role("button", name="Show the packet").click()
        page.wait_for_selector("html[data-pb-print-ready]", state="attached")
        query = page.url.split("?", 1)[1]
        assert query == f"part=pb-theme-{PACKET_THEME}&part=pb-state-ks&part=pb-glossary"
        page.wait_for_selector(NUMBERS_DONE, state="attached")
        said = page.locator("html").get_attribute("data-pb-page-numbers")
        count = page.locator(".pb-packet-count").inner_text()
        out = tmp_path / "from-the-site.pdf"
        # What the browser's "Print" makes: print media, the page size of print.css.
        out.write_bytes(page.pdf(prefer_css_page_size=True, tagged=True, outline=True))
    made = Pdf(out)
    # (Chromium's own bookmarks lose the space where a heading wraps: compared without.)
    tops = [title.replace(" ", "") for title in made.top_bookmarks()]
    wanted = [pb.info.title, "Contents", theme.title, "States", "Glossary"]
    assert tops == [title.replace(" ", "") for title in wanted]
    assert made.children("States") == ["Kansas"]
    if said == "paged":  # laid out by Paged.js (tests/browser/test_packet_paged.py)
        assert count == f"{len(made.pages)} pages."
    else:  # estimated from the published lengths of the parts
        pages = int(re.fullmatch(r"About (\d+) pages\.", count).group(1))
        assert abs(pages - len(made.pages)) <= 2, (count, len(made.pages))


# print.js has said what it does about page numbers, and done it (Paged.js, when the site
# ships it, "working" meanwhile).
NUMBERS_DONE = "html[data-pb-page-numbers]:not([data-pb-page-numbers='working'])"


def print_from_the_site(tab, site: Path, query: str, out: Path | None) -> tuple[str, str]:
    """Open the site's print view with `query`, as a reader's browser would, and print it
    once into `out`, as the browser's "Print" does (no second print, no numbers filled in by
    Python); returns what print.js said about page numbers ("filled" or "none") and the
    form's note. Without `out`, what it says before printing is all."""
    from macros.site.local_server import serve_folder

    with serve_folder(site) as base:
        tab.goto(f"{base}/print/{query}")
        tab.wait_for_selector(NUMBERS_DONE, state="attached")
        said = tab.locator("html").get_attribute("data-pb-page-numbers")
        note = tab.locator(".pb-packet-numbers")
        said_note = note.inner_text() if note.count() else ""
        if out is not None:
            out.write_bytes(tab.pdf(prefer_css_page_size=True, tagged=True, outline=True))
    return said, said_note


DEFAULT_SETTINGS_NOTE = (
    "Page numbers: filled in for the print dialog's usual settings (Scale: Default, "
    "Margins: Default, no headers and footers); with others they may be off."
)


def test_a_theme_printed_from_the_site_page_has_real_page_numbers(
    published, pb, page_with_csp, tmp_path
):
    """The packet a theme page's "Make a packet" link opens (the theme and the glossary) is
    the theme's PDF: the browser fills in the numbers `playbook pdf` read back from it."""
    theme = pb.themes[PACKET_THEME]
    out = tmp_path / "theme.pdf"
    query = f"?part=pb-theme-{PACKET_THEME}&part=pb-glossary"
    said, note = print_from_the_site(page_with_csp, published, query, out)
    assert (said, note) == ("filled", DEFAULT_SETTINGS_NOTE)
    made = Pdf(out)
    tops = [title.replace(" ", "") for title in made.top_bookmarks()]
    wanted = [pb.info.title, "Contents", theme.title, "Glossary"]
    assert tops == [title.replace(" ", "") for title in wanted]
    printed = PrintedPdf(out)
    assert real_contents_numbers(printed, pb) == 1 + len(theme.strategies) + 1
    cover = normal(printed.page_text(1))
    assert f"{normal(theme.title)} {printed.destinations[f'pb-theme-{theme.id}'][0]}" in cover
    assert f"Glossary {printed.destinations['pb-glossary'][0]}" in cover


def test_the_whole_playbook_printed_from_the_site_page_has_real_page_numbers(
    published, pb, page, tmp_path
):
    out = tmp_path / "whole.pdf"
    # What the form sends with nothing ticked but the glossary (ticked from the start).
    said, note = print_from_the_site(page, published, "?part=pb-glossary", out)
    assert (said, note) == ("filled", DEFAULT_SETTINGS_NOTE)
    printed = PrintedPdf(out)
    assert real_contents_numbers(printed, pb) == len(contents_entries(pb, PageContext(pb)))
    assert real_cross_references(printed, pb) > 20


def test_without_paged_js_a_packet_the_pdfs_do_not_cover_prints_without_numbers_and_says_so(
    published_without_pagedjs, pb, page, tmp_path
):
    """(With Paged.js, such a packet is laid out in the browser and numbered:
    tests/browser/test_packet_paged.py.)"""
    out = tmp_path / "packet.pdf"
    query = f"?part=pb-theme-{PACKET_THEME}&part=pb-state-ks&part=pb-glossary"
    said, note = print_from_the_site(page, published_without_pagedjs, query, out)
    assert said == "none"
    assert note == (
        "Page numbers: a browser cannot work them out for this choice, so the contents and "
        "cross-references will have none. The whole playbook, and each theme with its "
        "glossary, print with page numbers."
    )
    printed = PrintedPdf(out)
    lines = [line.text for line in printed.body_lines(printed.destinations["pb-contents"][0])]
    theme = pb.themes[PACKET_THEME]
    assert f"{theme.order}. {normal(theme.title)}" in [normal(line) for line in lines]
    assert len(lines) > 5
    assert [line for line in lines if re.search(r"\d$", line)] == []  # no number, no wrong one
    assert "(p." not in normal(" ".join(printed.page_text(p) for p in range(1, 4)))


def test_without_paged_js_another_browser_prints_no_page_numbers_and_says_why(
    published_without_pagedjs, browser
):
    """The published numbers are Chromium's pages; Firefox or Safari may break pages
    elsewhere. (With Paged.js, another browser lays the packet out itself.)"""
    firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
    context = browser.new_context(user_agent=firefox)
    try:
        tab = context.new_page()
        said, note = print_from_the_site(tab, published_without_pagedjs, "", None)
    finally:
        context.close()
    assert said == "none"
    assert note == (
        "Page numbers: they come out right in Chrome, Edge and other Chromium browsers only; "
        "printed from this browser, the contents and cross-references will have none."
    )


def test_a_site_built_without_its_pdfs_or_paged_js_says_its_packets_have_no_page_numbers(
    without_pagedjs, page
):
    said, note = print_from_the_site(page, without_pagedjs, "", None)
    assert said == "none"
    assert note == (
        "Page numbers: this copy of the site was made without its PDFs, so a printed "
        "packet's contents and cross-references will have none."
    )


def test_the_published_site_knows_how_long_each_part_is(published, pb):
    import json

    counts = json.loads((published / "print" / "pages.json").read_text())
    assert counts["cover"] == 1 and counts["contents"] >= 1
    assert counts["terms"] == len(pb.terms)
    for theme in pb.themes:
        assert counts["parts"][f"pb-theme-{theme}"] >= 1
    assert 0 < counts["parts"]["pb-state-ks"] < 2
    # The page numbers of each document printed (not the state sheets, which have none).
    numbered = {tuple(entry["parts"]): entry["pages"] for entry in counts["numbered"]}
    assert set(numbered) == {()} | {(f"pb-theme-{t}", "pb-glossary") for t in pb.themes}
    assert (
        numbered[()]["pb-glossary"]
        == Pdf(published / "downloads/playbook.pdf").printed.destinations["pb-glossary"][0]
    )


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
        (published / "downloads" / "states" / "kansas.pdf", 1),
        (packet.path, 3),
    ]
    for path, page in pages:
        assert ink(path, page) > 0.02, (path.name, page)


# External links, on a playbook that has one -----------------------------------------------


def test_an_external_link_is_clickable_and_printed_with_its_address(tmp_path):
    chromium_or_skip()
    project = Project(tmp_path / "project")
    config = project.path / "mkdocs.yml"
    text = re.sub(r"^site_url:.*\n", "", config.read_text(), flags=re.M)
    config.write_text(text + "\nsite_url: https://example.org/playbook/\n")
    out = tmp_path / "minimal.pdf"
    result = pdf_command(project.path, "--output", str(out))
    assert "building the site afresh" in result.stdout  # it had no site/ yet
    assert not (project.path / "site").exists()
    pdf = Pdf(out)
    uris = {str(link["/A"]["/URI"]) for link in pdf.links if "/A" in link}
    site = re.search(r"^site_url: (\S+)", config.read_text(), re.M).group(1)
    assert "https://example.org/report" in uris
    assert {uri for uri in uris if not uri.startswith(site)} == {"https://example.org/report"}
    # On paper, the address without its scheme: what a reader types; with a QR code.
    assert "example.org/report" in pdf.text
    import pikepdf

    from macros.pdf.finish import _struct_elements

    with pikepdf.open(out) as doc:
        alts = [str(e.get("/Alt", "")) for e in _struct_elements(doc.Root.StructTreeRoot)]
    assert "QR code: https://example.org/report" in alts
    assert any(alt.startswith(f"QR code: {site}stories/") for alt in alts)
    printed = PrintedPdf(out)
    assert f"Online: {site.split('//')[1].rstrip('/')}" in normal(printed.page_text(1))
    assert site.split("//")[1].rstrip("/") in printed.margin_lines(2)


# The published site -----------------------------------------------------------------------


def test_the_published_site_links_each_pdf_from_its_page(published, pb):
    for item in downloads(PageContext(pb)):
        html = (published / page_url(item.page) / "index.html").read_text(encoding="utf-8")
        href = os.path.relpath(item.path, page_url(item.page) or ".")
        assert f'<a href="{href}" download type="application/pdf">Download PDF</a>' in html
        assert (published / item.path).is_file()


def test_the_published_sites_links_all_work(published):
    from macros.content.settings import published_path

    status, report = check_links(published, root=published_path(ROOT))
    assert status == 0, report


def test_a_plain_build_offers_no_pdf(real_site):
    assert not (real_site / "downloads").exists()
    pages = [real_site / "index.html", *real_site.glob("themes/*/index.html")]
    assert [p for p in pages if "Download PDF" in p.read_text(encoding="utf-8")] == []
