"""Readers first (issue 12), in a real browser on the real site: the reader's tasks from the
home page in a few clicks, every kind of page on a phone without sideways scrolling, and
axe in dark mode as well as light."""

from __future__ import annotations

import pytest

from benchmarks.lighthouse import page_kinds
from macros.content.validate import load_playbook
from tests.helpers import ROOT
from tests.site_audit import AXE_COLOUR_OPTIONS, audit

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
NARROWEST = 360


@pytest.fixture(scope="module")
def playbook():
    return load_playbook(ROOT / "playbook_data")


@pytest.fixture(scope="module")
def kinds(real_site) -> dict[str, str]:
    """One page of each kind (the home page, each section's page and its largest page)."""
    return page_kinds(real_site)


class Reader:
    """Clicks through the site as a reader does, counting the clicks; no search, no typing."""

    def __init__(self, page, served_site: str):
        self.page, self.site, self.clicks = page, served_site, 0

    def start(self) -> Reader:
        self.page.goto(self.site + "/")
        self.clicks = 0
        return self

    def click(self, name: str, within: str = ".md-content") -> Reader:
        """Click the first visible link in `within` whose accessible name starts with `name`."""
        links = self.page.locator(within).get_by_role("link", name=name)
        target = next((link for link in links.all() if link.is_visible()), None)
        assert target is not None, f"no visible link {name!r} on {self.page.url}"
        target.click()
        self.page.wait_for_load_state()
        self.clicks += 1
        return self

    def at(self, path: str) -> bool:
        return self.page.url.split("#")[0].split("?")[0] == self.site + path

    def heading(self) -> str:
        return self.page.locator("h1").first.inner_text().removesuffix("¶").strip()


@pytest.fixture
def reader(page, served_site) -> Reader:
    return Reader(page, served_site)


# The reader's tasks from the home page ---------------------------------------------------


def test_a_state_page_is_two_clicks_from_home(reader, playbook):
    state = playbook.states["KS"]
    reader.start().click("By state").click(state.name)
    assert reader.at("/states/kansas/") and reader.heading() == state.name
    assert reader.clicks <= 2


def test_every_story_on_a_policy_area_is_two_clicks_from_home(reader, playbook):
    area = playbook.policy_areas["telehealth"]
    reader.start().click("By policy area").click(area.name)
    assert reader.at(f"/policy-areas/{area.id}/") and reader.clicks <= 2
    expected = {s.title for s in playbook.stories.values() if area.id in s.policy_areas}
    cards = reader.page.locator(".pb-story-card h3").all_inner_texts()
    shown = {text.strip().removesuffix("¶").strip() for text in cards}  # no permalink sign
    assert expected and shown == expected


def test_a_story_has_its_own_page_three_clicks_from_home(reader, playbook):
    story = playbook.stories["kansas-licensure-billing"]
    theme = playbook.themes[story.theme]
    reader.start().click(f"{theme.order}. {theme.title}").click(story.title)
    assert reader.at(f"/stories/{story.id}/") and reader.heading() == story.title
    assert reader.clicks <= 3


def test_the_print_and_download_page_is_one_click_from_home(reader):
    reader.start().click("Print or download for a meeting")
    assert reader.clicks <= 2
    assert reader.at("/print/")  # the print view, until a packet page is built


def test_on_a_phone_every_task_shows_before_any_scrolling(browser, served_site):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(served_site + "/")
    entries = page.locator("nav.pb-tasks a")
    names = [name.strip() for name in entries.all_inner_texts()]
    assert [name.split("\n")[0] for name in names] == [
        "By theme",
        "By state",
        "By policy area",
        "All stories",
        "Print or download for a meeting",
    ]
    for entry in entries.all():
        assert entry.bounding_box()["y"] + entry.bounding_box()["height"] <= PHONE["height"]
    context.close()


# Phones: nothing scrolls sideways --------------------------------------------------------

OVERFLOW_JS = """() => {
  const wide = [];
  if (document.documentElement.scrollWidth > innerWidth + 1) wide.push('the page');
  for (const e of document.querySelectorAll('.md-content *')) {
    const style = getComputedStyle(e);
    if (['auto', 'scroll'].includes(style.overflowX) && e.scrollWidth > e.clientWidth + 1)
      wide.push(e.tagName.toLowerCase() + '.' + e.className);
  }
  return wide;
}"""


def test_no_kind_of_page_scrolls_sideways_on_the_narrowest_phone(browser, served_site, kinds):
    context = browser.new_context(viewport={"width": NARROWEST, "height": 740})
    page = context.new_page()
    wide = {}
    for kind, path in kinds.items():
        page.goto(served_site + path)
        found = page.evaluate(OVERFLOW_JS)
        if found:
            wide[kind] = found
    context.close()
    assert wide == {}


# Headings whose permalink sign sits on a line of its own although the last line of words
# could have given it company: that line holds a space, where the browser could have
# broken earlier instead. (A line that is one unbreakable run, such as a long file name in code
# that fills the width, leaves the sign nowhere else to go.)
HEADING_TAIL_JS = """() => {
  const wrapped = [];
  for (const heading of document.querySelectorAll('.md-content :is(h1, h2, h3, h4)')) {
    const link = heading.querySelector(':scope > .headerlink');
    if (!link) continue;
    const chars = [];
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (link.contains(node)) continue;
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        if (box.height) chars.push([node.data[i], box.bottom]);
      }
    }
    if (!chars.length) continue;
    const lastBottom = Math.max(...chars.map(([, bottom]) => bottom));
    const lastLine = chars.filter(([, bottom]) => bottom > lastBottom - 2).map(([c]) => c);
    const alone = link.getBoundingClientRect().top >= lastBottom - 1;
    if (alone && lastLine.join('').trim().includes(' ')) wrapped.push(heading.id);
  }
  return wrapped;
}"""


def test_on_a_phone_a_heading_ends_with_its_last_word(browser, served_site, kinds, playbook):
    """The permalink sign after a heading wrapped below it when it did not fit after the
    last word: a blank line between a story's title and its summary at 390 px. It stays
    with the last word. Every heading of every story page and of each kind of page."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    paths = [*kinds.values(), *(f"/stories/{s.id}/" for s in playbook.stories.values())]
    wrapped = {}
    for path in paths:
        page.goto(served_site + path)
        found = page.evaluate(HEADING_TAIL_JS)
        if found:
            wrapped[path] = found
    context.close()
    assert wrapped == {}


# Dark mode -------------------------------------------------------------------------------


def test_dark_mode_follows_the_system_and_the_toggle_switches_it(browser, served_site):
    context = browser.new_context(color_scheme="dark", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(served_site + "/")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "slate"
    page.locator("label[title='Switch to light mode']").click()
    assert page.evaluate(scheme) == "default"
    context.close()


def test_axe_finds_nothing_in_dark_mode_or_on_a_phone(browser, served_site, kinds):
    paths = list(kinds.values())
    # Every rule runs on every page in light mode (test_every_page.py) and on a phone here;
    # in dark mode only the colours change, so the colour rules run.
    dark = audit(
        browser, served_site, paths, set(paths), color_scheme="dark", axe_options=AXE_COLOUR_OPTIONS
    )
    phone = audit(browser, served_site, paths, set(paths), width=NARROWEST)
    report = [line for page in dark + phone for line in page.violation_report()]
    assert report == []
