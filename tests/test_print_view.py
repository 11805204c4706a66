"""The print view's paper-aware parts, without a browser: the "Make a packet" form, state
sheets, addresses and QR codes, the links to the form, and the helpers that number pages
and finish PDFs. (The PDFs themselves are read back in test_pdf.py.)"""

from __future__ import annotations

import html
import json
import re

import pikepdf
import pytest
import segno
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from macros.content.validate import load_playbook
from macros.pages import blocks, print_view
from macros.pages.common import PageContext, render
from macros.pages.downloads import packet_links
from macros.pages.print_view import print_page, state_chapter
from macros.pdf import paged
from macros.pdf.finish import Metadata, _artifact, artifact_bytes, xmp_packet
from macros.render import qr, short_addresses
from macros.render.escape import link_target
from macros.render.qr import QrCodes
from macros.render.short_addresses import ShortAddresses, short_address
from tests.helpers import ROOT

SITE = "https://example.org/playbook/"
# Where the playbook is published (mkdocs.yml), whose host is a long one.
MKDOCS_SITE_URL = re.search(
    r"^site_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M
).group(1)


@pytest.fixture(scope="module")
def ctx() -> PageContext:
    return PageContext(load_playbook(ROOT / "playbook_data", ROOT))


@pytest.fixture(scope="module")
def view(ctx) -> str:
    return print_page(ctx, SITE)


def view_of(ctx, site: str) -> str:
    return ctx.once(("test: print view", site), lambda: print_page(ctx, site))


def under_qr_codes(page: str) -> list[tuple[str, str]]:
    """(address, text printed) of each address under a QR code (a line may break after a
    `/`: <wbr>)."""
    found = re.findall(r'<p class="pb-address">Online: <a href="([^"]*)">(.*?)</a>', page)
    return [(href, text.replace("<wbr>", "")) for href, text in found]


def form_of(view: str) -> str:
    return view[view.index('<form class="pb-packet-form') : view.index("</form>")]


def test_the_packet_form_offers_every_theme_and_state_with_a_page(ctx, view):
    form = form_of(view)
    boxes = re.findall(r'<input type="checkbox" name="part" value="([a-z0-9-]+)"', form)
    themes = [f"pb-theme-{t}" for t in ctx.pb.themes]
    states = re.findall(r"\{ #(pb-state-[a-z]{2}) \.pb-chapter \}", view)
    assert boxes == [*themes, *states, "pb-glossary"]
    assert 'value="pb-glossary" checked' in form  # a packet has its glossary unless unticked
    assert 'name="worksheets" value="1"' in form
    assert '<form class="pb-packet-form pb-no-print" method="get" action="./"' in form


def test_the_form_says_when_the_site_ships_paged_js(ctx, view):
    # print.js then gives any packet its page numbers with it (tests/browser/test_packet_paged.py)
    assert "data-pb-paged" not in form_of(view)
    assert form_of(print_page(ctx, SITE, paged=True)).startswith(
        '<form class="pb-packet-form pb-no-print" method="get" action="./" '
        'aria-labelledby="pb-packet-form-title" data-pb-paged>'
    )


def test_paged_js_is_shipped_from_the_projects_npm_packages_only_when_installed(tmp_path):
    from macros.site import pagedjs

    assert pagedjs.shipped_files(tmp_path) == {}
    package = tmp_path / "node_modules" / "pagedjs"
    (package / "dist").mkdir(parents=True)
    (package / "dist" / "paged.js").write_text("/* Paged.js */", encoding="utf-8")
    assert pagedjs.shipped_files(tmp_path) == {}  # not without its licence
    (package / "LICENSE.md").write_text("MIT", encoding="utf-8")
    assert pagedjs.shipped_files(tmp_path) == {
        "assets/javascripts/pagedjs/paged.js": "/* Paged.js */",
        "assets/javascripts/pagedjs/LICENSE.txt": "MIT",
    }


def test_a_state_sheet_gives_each_story_as_its_summary_with_its_address(ctx):
    state = ctx.pb.states["KS"]
    sheet = state_chapter(ctx, state, SITE)
    for story in ctx.pb.stories_for("state", "KS"):
        address = f"{SITE}stories/{story.id}/"
        assert f'href="{address}"' in sheet
        assert f'aria-label="QR code: {address}"' in sheet
        assert story.summary.split()[0] in sheet
        assert story.body.split("\n")[0] not in sheet  # told in full under its theme
    assert "{ #pb-state-ks-story-" in sheet  # its own ids: the story's is under its theme


def test_without_site_url_no_story_points_online(ctx):
    # Where the site will be is not known; a resource's own address still is.
    view = print_page(ctx, "")
    coded = re.findall(r'aria-label="QR code: ([^"]+)"', view)
    assert coded  # the resources'
    addresses = {html.escape(r.url) for r in ctx.pb.resources.values() if r.url}
    assert set(coded) <= addresses


def test_every_story_and_every_resource_with_an_address_has_a_qr_code(ctx, view):
    for story in ctx.pb.stories.values():
        assert f'aria-label="QR code: {SITE}stories/{story.id}/"' in view, story.id
    for resource in ctx.pb.resources.values():
        if resource.url:
            assert view.count(f'aria-label="QR code: {html.escape(resource.url)}"') >= 1


def test_a_qr_code_is_the_address_drawn_by_segno_and_the_same_every_time():
    address = "https://example.org/playbook/stories/a-story/"
    first, second = QrCodes().svg(address), QrCodes().svg(address)
    assert first == second
    drawn = segno.make(address, error="m").svg_inline(scale=1, border=4, omitsize=True)
    path = re.search(r' d="([^"]+)"', drawn).group(1)
    assert path in first
    assert first.startswith(f'<svg role="img" aria-label="QR code: {address}" ')


def test_a_qr_codes_name_is_escaped():
    assert 'aria-label="QR code: https://e.org/?a=1&amp;b=&lt;x&gt;"' in QrCodes().svg(
        "https://e.org/?a=1&b=<x>"
    )


ADDRESS = "https://example.org/playbook/stories/a-story/"


def _no_drawing(address: str) -> str:
    raise AssertionError(f"drew {address} again")


def test_qr_codes_drawn_in_one_build_are_reused_by_the_next(tmp_path, monkeypatch):
    cache = tmp_path / ".cache" / "playbook" / "qr-codes.json"
    first = QrCodes(cache)
    drawn = first.svg(ADDRESS)
    assert drawn == QrCodes().svg(ADDRESS)
    first.save()
    monkeypatch.setattr(qr, "draw", _no_drawing)
    assert QrCodes(cache).svg(ADDRESS) == drawn  # read from the cache, the same bytes


def test_each_address_is_drawn_once_per_build(monkeypatch):
    codes, calls = QrCodes(), []
    real = qr.draw
    monkeypatch.setattr(qr, "draw", lambda address: calls.append(address) or real(address))
    codes.svg(ADDRESS), codes.svg(ADDRESS), codes.svg(ADDRESS + "x/")
    assert calls == [ADDRESS, ADDRESS + "x/"]


@pytest.mark.parametrize(
    "cached",
    [
        "not json",
        '["a list"]',
        '{"KEY": "<svg viewBox=\\"0 0 1 1\\"><script>alert(1)</script></svg>"}',
        '{"KEY": "<svg viewBox=\\"0 0 1 1\\"><SCRIPT>alert(1)</SCRIPT></svg>"}',
        '{"KEY": "<svg viewBox=\\"0 0 1 1\\" onload=\\"alert(1)\\"><path/></svg>"}',
        '{"KEY": "<svg viewBox=\\"0 0 9 9\\" class=\\"pb-qr\\"><foreignObject>'
        '<img src=x onerror=alert(1)></foreignObject></svg>"}',
        '{"KEY": "<svg viewBox=\\"0 0 9 9\\" class=\\"pb-qr\\"><path stroke=\\"#000\\" '
        'd=\\"M4 4\\" onclick=\\"alert(1)\\"/></svg>"}',
        '{"KEY": "<img src=x onerror=alert(1)>"}',
        '{"KEY": 7}',
    ],
)
def test_a_damaged_or_foreign_cache_is_ignored_and_the_code_drawn_again(tmp_path, cached):
    cache = tmp_path / "qr-codes.json"
    cache.write_text(cached.replace("KEY", qr._key(ADDRESS)), encoding="utf-8")
    codes = QrCodes(cache)
    assert codes.svg(ADDRESS) == QrCodes().svg(ADDRESS)
    codes.save()
    kept = cache.read_text(encoding="utf-8").lower()
    assert not any(word in kept for word in ("script", "onerror", "onload", "onclick", "foreign"))


def test_the_cache_keeps_earlier_codes_until_it_holds_too_many(tmp_path, monkeypatch):
    cache = tmp_path / "qr-codes.json"
    earlier = QrCodes(cache)
    earlier.svg(ADDRESS + "earlier/")  # e.g. `playbook validate`, which prints no story address
    earlier.save()
    later = QrCodes(cache)
    later.svg(ADDRESS)
    later.save()
    assert set(json.loads(cache.read_text(encoding="utf-8"))) == {
        qr._key(ADDRESS + "earlier/"),
        qr._key(ADDRESS),
    }
    monkeypatch.setattr(qr, "MAX_CACHED", 1)
    last = QrCodes(cache)
    last.svg(ADDRESS + "last/")
    last.save()
    assert list(json.loads(cache.read_text(encoding="utf-8"))) == [qr._key(ADDRESS + "last/")]


def test_a_cache_that_cannot_be_written_does_not_stop_the_build(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    codes = QrCodes(blocked / "qr-codes.json")  # its folder would be inside a file
    assert codes.svg(ADDRESS) == QrCodes().svg(ADDRESS)
    codes.save()  # no error
    assert blocked.read_text(encoding="utf-8") == ""


def test_the_cache_key_names_the_segno_that_draws():
    # Read from segno's metadata so that a build with every code cached needn't import it.
    assert qr.DRAWING.startswith(f"segno {segno.__version__}; ")


def test_another_segno_version_draws_again(tmp_path, monkeypatch):
    cache = tmp_path / "qr-codes.json"
    codes = QrCodes(cache)
    codes.svg(ADDRESS)
    codes.save()
    monkeypatch.setattr(qr, "DRAWING", qr.DRAWING + " (another version)")
    calls = []
    monkeypatch.setattr(qr, "draw", lambda address: calls.append(address) or "<svg x></svg>")
    QrCodes(cache).svg(ADDRESS)
    assert calls == [ADDRESS]


@pytest.mark.parametrize("site", [SITE, MKDOCS_SITE_URL])
def test_no_two_addresses_of_the_whole_playbook_print_the_same_text(ctx, site):
    # Two Illinois stories once both printed ".../illinois-learning-colla..." (their QR codes
    # differed): whatever a packet holds, every address printed reads as its own.
    printed = under_qr_codes(view_of(ctx, site))
    addresses_of = {}
    for href, text in printed:
        addresses_of.setdefault(html.unescape(text), set()).add(html.unescape(href))
    assert len({href for href, _ in printed}) > 30  # the stories' and the resources'
    assert {text: hrefs for text, hrefs in addresses_of.items() if len(hrefs) > 1} == {}
    assert all(len(text) <= short_addresses.LIMIT for text in addresses_of)


def test_an_address_under_a_qr_code_breaks_after_a_slash_rather_than_in_a_word(ctx, view):
    # The column is 22 mm wide: "…/i|llinois-…" read badly; "…/|illinois-…" reads.
    found = re.findall(r'<p class="pb-address">Online: <a href="[^"]*">(.*?)</a>', view)
    assert found and all("/<wbr>" in inner for inner in found)  # all long in the playbook
    assert [inner for inner in found if re.search(r"/(?!<wbr>)", inner)] == []
    # One that fits on a line after "Online:" stays whole.
    short = print_view.Online("https://example.org/report", "example.org/report", Markup(""))
    block = render(ctx, "print_online.md.j2", online=short)
    assert '<a href="https://example.org/report">example.org/report</a>' in block
    # One printed whole, with its scheme, never breaks between the two slashes of "https://".
    whole = "https://integrated-care-playbook.github.io/x/y"
    block = render(ctx, "print_online.md.j2", online=print_view.Online(whole, whole, Markup("")))
    assert ">https://integrated-care-playbook.github.io/<wbr>x/<wbr>y</a>" in block
    # "://" further on is not a scheme: such an address breaks after each "/" as any other.
    archived = "web.archive.org/web/2020/https://example.org/a"
    online = print_view.Online("https://" + archived, archived, Markup(""))
    assert online.pieces() == ["web.archive.org", "web", "2020", "https:", "", "example.org", "a"]


def test_a_web_link_in_the_text_prints_its_address_as_under_a_qr_code_or_as_no_other(ctx):
    online = print_view.printed_addresses(ctx, MKDOCS_SITE_URL)
    story = f"{MKDOCS_SITE_URL}stories/illinois-learning-collaborative-workgroups/"
    # Another site's page that, shortened alone, reads as that story's address.
    lookalike = (
        "https://integrated-care-playbook.github.io/x/illinois-learning-collaborative-workgroups"
    )
    assert short_address(lookalike) == online[story]
    body = (
        f'<p>See <a href="{story}">the story</a> and <a href="{lookalike}">this</a>.</p>'
        f'<div class="pb-online"><svg></svg><p class="pb-address">Online: '
        f'<a href="{story}">{online[story]}</a></p></div>'
    )
    finished = print_view.with_printed_addresses(body, ctx, MKDOCS_SITE_URL)
    marks = re.findall(r'<a href="([^"]*)" data-pb-print-href="([^"]*)">', finished)
    assert marks[0] == (story, online[story])  # as under its QR code
    assert marks[1][0] == lookalike and marks[1][1] not in online.texts()
    assert len(marks) == 2  # the link under the QR code prints its own text: not marked


def test_a_link_prints_as_under_its_qr_code_though_the_page_writes_it_encoded(project):
    # The data's address has parentheses; the page's href has them encoded (link_target).
    url = "https://example.org/reports/annual_(2024)/integration-of-care-final-report.pdf"
    project.edit("resources.yml", "url: https://example.org/report", f"url: {url}")
    ctx = PageContext(load_playbook(project.data, project.path))
    online = print_view.printed_addresses(ctx, "")
    href = str(link_target(url))
    assert href != url
    body = f'<p>See <a href="{href}">the report</a>.</p>'
    finished = print_view.with_printed_addresses(body, ctx, "")
    assert re.findall(r'data-pb-print-href="([^"]*)"', finished) == [online[url]]


def test_no_two_addresses_print_alike_anywhere_in_the_built_print_view(real_site):
    page = (real_site / "print" / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    under_codes = under_qr_codes(article)
    in_text = re.findall(r'<a href="(http[^"]*)" data-pb-print-href="([^"]*)"', article)
    assert len(under_codes) > 30 and in_text
    addresses_of = {}
    for href, text in under_codes + in_text:
        addresses_of.setdefault(html.unescape(text), set()).add(html.unescape(href))
    assert {text: hrefs for text, hrefs in addresses_of.items() if len(hrefs) > 1} == {}
    # Every web link of the text has its printed address.
    links = re.findall(
        r'<a href="http[^"]*"', re.sub(r'<div class="pb-online">.*?</div>', "", article, flags=re.S)
    )
    assert len(links) == len(in_text)


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://www.example.org/report/", "example.org/report"),
        ("http://example.org", "example.org"),
        # A long path keeps its host and its end, whole segments when they fit.
        (
            "https://www.health.state.example.gov/programs/behavioral/reports/2024/final-report-on-integration.pdf",
            "health.state.example.gov/…/final-report-on-integration.pdf",
        ),
        (
            "https://example.org/programs/behavioral-health/integration/2024/annual-report.pdf",
            "example.org/…/integration/2024/annual-report.pdf",
        ),
        # A last segment too long itself: its start and its end, cut between words.
        (
            "https://integrated-care-playbook.github.io/playbook/stories/illinois-learning-collaborative-workgroups/",
            "integrated-care-playbook.github.io/…/illinois-…-workgroups",
        ),
        # A query string belongs to the end of the path, slashes and all.
        (
            "https://example.org/search/billText.aspx?id=2054&type=3&session=2023&return=/search/results",
            "example.org/…/billText.aspx?id=2054&…&return=/search/results",
        ),
        (
            "http://www.gencourt.state.nh.us/lsr_search/billText.aspx?id=2054&type=3",
            "gencourt.state.nh.us/lsr_search/billText.aspx?id=2054&type=3",
        ),
        # A very long host keeps its last labels (whose site it is), or its last characters.
        (
            "https://www.data.department-of-health-and-human-services.state.example.gov/report",
            "…state.example.gov/report",
        ),
        (
            "https://www.data.department-of-health-and-human-services.state.example.gov/programs/2024/report.pdf",
            "…state.example.gov/programs/2024/report.pdf",
        ),
        (
            "https://data.department-of-health-and-human-services-and-more-offices.gov/report",
            "…human-services-and-more-offices.gov/report",
        ),
        ("https://example.org/" + "x" * 80, "example.org/" + "x" * 23 + "…" + "x" * 24),
    ],
)
def test_an_address_on_paper_is_what_a_reader_types_and_short(url, shown):
    assert short_address(url) == shown
    assert len(shown) <= short_addresses.LIMIT


def test_addresses_that_would_print_alike_are_told_apart_within_the_limit():
    reports = [
        f"https://example.org/reports/{year}/annual-report-of-the-integrated-care-programme.pdf"
        for year in (2023, 2024)
    ]
    stories = [
        f"https://example.org/stories/kansas-and-missouri-{word}-collaborative-learning-sessions/"
        for word in ("rural", "urban")
    ]
    assert short_address(reports[0]) == short_address(reports[1])
    assert short_address(stories[0]) == short_address(stories[1])
    shown = ShortAddresses([*reports, *stories])
    assert [shown[url] for url in reports] == [
        "example.org/…/2023/annual-report-of-…-care-programme.pdf",
        "example.org/…/2024/annual-report-of-…-care-programme.pdf",
    ]
    assert [shown[url] for url in stories] == [
        "example.org/…/kansas-and-missouri-ru…ative-learning-sessions",
        "example.org/…/kansas-and-missouri-ur…ative-learning-sessions",
    ]
    assert all(len(shown[url]) <= short_addresses.LIMIT for url in [*reports, *stories])
    # The same texts whatever the order the addresses come in.
    again = ShortAddresses(reversed([*reports, *stories]))
    assert [again[url] for url in [*reports, *stories]] == [shown[u] for u in [*reports, *stories]]


@pytest.mark.parametrize(
    ("url", "starts"),
    [
        # The host ends at a "?" or a "#" as well as at a "/".
        (
            "https://example.org?id=1234567890&name=a-very-long-value-that-goes-on-and-on",
            "example.org?",
        ),
        (
            "https://example.org#a-very-long-fragment-that-goes-on-and-on-and-on-and-forever",
            "example.org#",
        ),
        # The scheme is read whatever its case.
        ("HTTPS://WWW.example.org/report", "example.org/report"),
    ],
)
def test_an_address_keeps_its_host_whatever_follows_it(url, starts):
    assert short_address(url).startswith(starts)
    assert len(short_address(url)) <= short_addresses.LIMIT


def test_a_text_taken_by_another_address_ends_the_search_even_if_nothing_else_reads():
    # "https://http://example.org/x" (refused by validation) prints as "http://example.org/x",
    # which is this address in full, and "https://example.org/x" takes "example.org/x": nothing
    # is left to tell this one apart, and the search ends all the same.
    taken = {
        "example.org/x": "https://example.org/x",
        "http://example.org/x": "https://http://example.org/x",
    }
    shown = ShortAddresses(["http://example.org/x"], taken=taken)
    assert shown["http://example.org/x"] == "http://example.org/x"


def test_two_addresses_that_read_the_same_are_printed_whole():
    # The same text to type, two addresses: only the addresses themselves tell them apart.
    shown = ShortAddresses(["http://example.org/a", "https://www.example.org/a/"])
    assert shown["http://example.org/a"] == "http://example.org/a"
    assert shown["https://www.example.org/a/"] == "https://www.example.org/a/"


_segment = st.text("ab-", min_size=1, max_size=40)


_addresses = st.sets(
    st.builds(
        lambda host, parts, query: f"https://{host}/{'/'.join(parts)}{query}",
        st.sampled_from(["example.org", "a-rather-long-host-name.department.example.gov"]),
        st.lists(_segment, min_size=1, max_size=4),
        st.sampled_from(["", "?id=1", "?id=2&x=/a/b"]),
    ),
    max_size=8,
)


@given(_addresses)
@settings(max_examples=150, deadline=None)
def test_no_two_addresses_print_alike_and_each_fits_unless_printed_whole(urls):
    shown = ShortAddresses(urls)
    texts = [shown[url] for url in urls]
    assert len(set(texts)) == len(texts)
    assert all(len(shown[url]) <= short_addresses.LIMIT or shown[url] == url for url in urls)


@given(_addresses, _addresses)
@settings(max_examples=100, deadline=None)
def test_addresses_avoid_the_texts_other_addresses_of_the_document_print(first, then):
    """As the print view's links in the text avoid the addresses under QR codes."""
    under_codes = ShortAddresses(first)
    shown = ShortAddresses(then - first, taken=under_codes.texts())
    for url in then - first:
        assert shown[url] not in under_codes.texts() or shown[url] == url


def test_a_storys_states_read_as_on_its_card_commas_between_them_a_dot_after(ctx, view):
    # One fact, the states, listed with commas as on the site's story cards; a middle dot
    # between facts of different kinds (states · cohort · year · policy areas).
    several = [story for story in ctx.pb.stories.values() if len(story.states) > 1]
    assert several  # the real playbook has stories of several states
    for story in several:
        heading = view.index(f"{{ #story-{story.id} }}")
        meta = view[heading:].split("\n{ .pb-story-meta }", 1)[0].rsplit("\n", 1)[1]
        states = ", ".join(
            f"[{ctx.pb.states[code].name}](#pb-state-{code.lower()})" for code in story.states
        )
        assert meta.startswith(f"{states} · "), meta
        card = blocks.story_card(ctx, story, "themes/x.md")
        assert card.facts[0] == ", ".join(ctx.pb.states[code].name for code in story.states)


def test_theme_and_state_pages_link_to_the_form_with_their_part_ticked(ctx):
    links = {item.page: item for item in packet_links(ctx)}
    assert "index.md" not in links  # the home page's way in is among the reader's tasks
    assert links["themes/collective-action.md"].parts == (
        "pb-theme-collective-action",
        "pb-glossary",
    )
    assert links["states/kansas.md"].parts == ("pb-state-ks", "pb-glossary")
    assert links["states/kansas.md"].label == "Make a packet with this state"


# Page numbers -----------------------------------------------------------------------------


def test_right_hand_openings_count_the_blank_pages_already_added():
    # Without blanks: chapters on pages 2, 4 and 7. A blank before 2 moves 4 to 5 (odd,
    # fine) and 7 to 8 (even): a second blank.
    pages = {"a": 2, "b": 4, "c": 7}
    blanks = paged.right_hand_blanks(["a", "b", "c"], pages)
    assert blanks == ["a", "c"]
    assert paged.shifted({**pages, "x": 5}, ["a", "b", "c"], blanks) == {
        "a": 3,
        "b": 5,
        "c": 9,
        "x": 6,
    }


def minimal_pdf(dests: dict[str, int], pages: int = 3, as_dictionaries: bool = False) -> bytes:
    """A PDF whose named destinations lie half-way down the given pages; written as arrays
    (as Chromium writes them) or as dictionaries holding the array under /D."""
    import io

    doc = pikepdf.new()
    for _ in range(pages):
        doc.add_blank_page(page_size=(612, 792))

    def dest(page: int):
        array = pikepdf.Array([doc.pages[page - 1].obj, pikepdf.Name.XYZ, 0, 396, 0])
        return pikepdf.Dictionary(D=array) if as_dictionaries else array

    doc.Root.Dests = pikepdf.Dictionary({f"/{name}": dest(page) for name, page in dests.items()})
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_destination_pages_are_read_back_from_the_pdf():
    pdf = minimal_pdf({"pb-contents": 2, "story-x": 3})
    assert paged.destination_pages(pdf) == {"pb-contents": 2, "story-x": 3}
    assert paged.destination_pages(pdf, ["story-x"]) == {"story-x": 3}


def test_part_lengths_run_from_one_part_to_the_next():
    pdf = minimal_pdf({"a": 1, "b": 2, "c": 3}, pages=4)
    # Each destination is half-way down its page; the last part runs to the end.
    assert paged.part_lengths(pdf, ["a", "b", "c"]) == {"a": 1.0, "b": 1.0, "c": 1.5}


def whole_layout() -> paged.Layout:
    """A made-up whole playbook: cover (page 1), contents (2-3), a theme (4-6) with a
    strategy on page 5, the states' heading with a map (7), two states following one
    another (Kansas from half-way down page 7, New York from a quarter down page 9), the
    glossary (10-11)."""
    return paged.Layout(
        starts={
            "pb-contents": 1.0,
            "pb-theme-a": 3.0,
            "pb-states": 6.0,
            "pb-state-ks": 6.5,
            "pb-state-ny": 8.25,
            "pb-glossary": 9.0,
        },
        lengths={
            "pb-contents": 2.0,
            "pb-theme-a": 3.0,
            "pb-states": 0.5,
            "pb-state-ks": 1.75,
            "pb-state-ny": 0.75,
            "pb-glossary": 2.0,
        },
        offsets={"strategy-1": ("pb-theme-a", 1.3), "pb-state-ks-story": ("pb-state-ks", 0.4)},
    )


def test_the_whole_playbooks_layout_gives_back_its_own_pages():
    layout = whole_layout()
    parts = list(layout.starts)
    targets = [*parts, "strategy-1", "pb-state-ks-story"]
    assert layout.predict(parts, targets) == {
        "pb-contents": 2,
        "pb-theme-a": 4,
        "strategy-1": 5,
        "pb-states": 7,
        "pb-state-ks": 7,
        "pb-state-ks-story": 7,
        "pb-state-ny": 9,
        "pb-glossary": 10,
    }


def test_a_packets_pages_are_predicted_from_its_parts_lengths_in_the_whole_playbook():
    # Cover, one page of contents, the theme (3-5), the states' heading without its map
    # and New York after it (page 6), a worksheet (7), the glossary (8).
    layout = whole_layout()
    parts = ["pb-contents", "pb-theme-a", "pb-states", "pb-state-ny", "pb-worksheet-a"]
    parts.append("pb-glossary")
    assert layout.predict(parts, [*parts, "strategy-1"]) == {
        "pb-contents": 2,
        "pb-theme-a": 3,
        "strategy-1": 4,
        "pb-states": 6,
        "pb-state-ny": 6,
        "pb-worksheet-a": 7,
        "pb-glossary": 8,
    }


def test_a_page_the_whole_playbook_does_not_tell_is_not_guessed():
    layout = whole_layout()
    parts = ["pb-contents", "pb-worksheet-a", "pb-glossary"]
    assert layout.predict(parts, ["pb-worksheet-a-item"]) is None  # printed to be measured
    assert layout.predict(parts, ["strategy-1"]) is None  # its theme is not in the packet


def test_the_layout_is_published_as_json_and_read_back_the_same():
    import json

    layout = whole_layout()
    assert paged.Layout.from_json(json.loads(json.dumps(layout.to_json()))) == layout


@pytest.mark.parametrize("as_dictionaries", [False, True])
def test_the_layout_is_measured_from_the_destinations_of_the_whole_playbook(as_dictionaries):
    # Each destination half-way down its page: parts a (page 1), b (page 2), c (page 3, to
    # the end of page 4); x lies in b.
    pdf = minimal_pdf({"a": 1, "b": 2, "x": 2, "c": 3}, pages=4, as_dictionaries=as_dictionaries)
    assert paged.destination_pages(pdf) == {"a": 1, "b": 2, "x": 2, "c": 3}
    layout = paged.Layout.measure(pdf, ["a", "b", "c"])
    assert layout.starts == {"a": 0.5, "b": 1.5, "c": 2.5}
    assert layout.lengths == {"a": 1.0, "b": 1.0, "c": 1.5}
    assert layout.offsets["x"] == ("b", 0.0)


# Finishing the PDF ------------------------------------------------------------------------


def ops(doc, text: str) -> list:
    """The instructions of a content stream; they live as long as `doc`."""
    return list(pikepdf.parse_content_stream(doc.make_stream(text.encode())))


def test_what_is_painted_outside_tags_becomes_an_artifact():
    stream = (
        "q 0 0 10 10 re W n "  # a clip: paints nothing, left as it is
        "/P <</MCID 0>> BDC BT (tagged) Tj ET EMC "
        "BT (Page 1 of 2) Tj ET "  # the footer: untagged
        "0 0 5 5 re f Q"  # a background
    )
    doc = pikepdf.new()
    out = pikepdf.unparse_content_stream(_artifact(ops(doc, stream))).decode()
    assert "/Artifact BMC\nBT\n(Page 1 of 2) Tj\nET\nEMC" in out
    assert "/Artifact BMC\n0 0 5 5 re\nf\nEMC" in out
    assert "/P << /MCID 0 >> BDC\nBT\n(tagged) Tj\nET\nEMC" in out  # left as it was
    assert out.startswith("q\n0 0 10 10 re\nW\nn\n")
    assert out.count("/Artifact") == 2


def test_the_fast_scan_marks_the_same_artifacts_as_pikepdfs_parser():
    stream = (
        "q 0 0 10 10 re W n "
        "/P <</MCID 0>> BDC BT /F1 9 Tf (a \\) BT ET EMC \\\\) Tj ET EMC "  # operators in a string
        "BT <0042 0054> Tj ET "
        # Inside marked content, what only looks like its end: a name, a hex string, a path.
        "/Span <</ActualText (EMC)>> BDC <0BDC> Tj /EMC gs 0 0 m 1 1 l S EMC "
        "0 0 m 5 5 l S "
        "/Im0 Do Q"
    )
    doc = pikepdf.new()
    fast = artifact_bytes(stream.encode())
    assert fast is not None
    slow = _artifact(ops(doc, stream))
    parsed = pikepdf.parse_content_stream(doc.make_stream(fast))
    as_text = [(str(i.operator), repr(list(i.operands))) for i in parsed]
    assert as_text == [(str(i.operator), repr(list(i.operands))) for i in slow]
    assert [t for t in as_text if t[0] == "BMC"] == [("BMC", '[pikepdf.Name("/Artifact")]')] * 3


def test_a_stream_with_an_inline_image_is_left_to_pikepdfs_parser():
    assert artifact_bytes(b"q BI /W 1 /H 1 ID x EI Q") is None
    assert artifact_bytes(b"/P <</MCID 1>> BDC q BI /W 1 /H 1 ID x EI Q EMC") is None


def test_the_xmp_packet_says_pdf_ua_and_escapes_the_title():
    xmp = xmp_packet(Metadata("A & B <C>", "Us", "All", epoch=0)).decode()
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert '<rdf:li xml:lang="x-default">A &amp; B &lt;C&gt;</rdf:li>' in xmp
    assert "<xmp:CreateDate>1970-01-01T00:00:00+00:00</xmp:CreateDate>" in xmp


@pytest.mark.build
def test_the_built_print_view_shows_no_markdown_syntax(real_site):
    """Every attribute list was read as one (a story's source line before its resources)."""
    built = (real_site / "print" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r"\{ ?[.#][a-z][^}]*\}", built) == []


def test_a_build_keeps_its_qr_codes_in_the_projects_git_ignored_cache(project):
    from macros.site.build_context import CACHE_DIR, BuildContext

    context = BuildContext.load(project.path)
    context.site_url = SITE
    view = context.print_view.markdown
    cache = project.path / CACHE_DIR / "qr-codes.json"
    kept = json.loads(cache.read_text(encoding="utf-8"))
    # each kept drawing is in the page (where the page adds its name after '<svg ')
    assert kept and all(svg.removeprefix("<svg ") in view for svg in kept.values())
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert f"/{CACHE_DIR.split('/')[0]}/" in ignored
