"""Readers first (issue 12), in a real browser on the real site: the reader's tasks from the
home page in a few clicks, and every kind of page on a phone without sideways scrolling or
anything axe finds. (Light and dark mode on a laptop: test_every_page.py.)"""

from __future__ import annotations

import pytest

from macros.content.validate import load_playbook
from tests.helpers import ROOT
from tests.site_audit import audit

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
NARROWEST = 360


@pytest.fixture(scope="module")
def playbook():
    return load_playbook(ROOT / "playbook_data")


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


def test_on_a_phone_the_header_shows_the_sites_name_whole(page, served_site, playbook):
    cut = {}
    for width in (NARROWEST, PHONE["width"]):
        page.set_viewport_size({"width": width, "height": 740})
        page.goto(served_site + "/")
        name = page.locator(".md-header__topic").first
        assert name.inner_text().strip() == playbook.info.title
        # The theme cuts a name that does not fit with "…" (text-overflow: ellipsis).
        widths = name.locator(".md-ellipsis").evaluate("e => [e.scrollWidth, e.clientWidth]")
        assert widths[1] > 0  # laid out: measured, not an empty box
        if widths[0] > widths[1]:
            cut[width] = widths
    assert cut == {}


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


@pytest.fixture(scope="module")
def on_the_narrowest_phone(browser, served_site, kinds):
    """A page of each kind on the narrowest phone: what scrolls sideways, what axe finds."""
    paths = list(kinds.values())
    return audit(browser, served_site, paths, set(paths), width=NARROWEST, measure=OVERFLOW_JS)


def test_no_kind_of_page_scrolls_sideways_on_the_narrowest_phone(on_the_narrowest_phone, kinds):
    assert [page.path for page in on_the_narrowest_phone] == list(kinds.values())
    assert {page.path: page.measured for page in on_the_narrowest_phone if page.measured} == {}


def test_axe_finds_nothing_on_the_narrowest_phone(on_the_narrowest_phone):
    report = [line for page in on_the_narrowest_phone for line in page.violation_report()]
    assert report == []


# Whether a heading's permalink sign sits on a line of its own although the last line of
# words could have given it company: that line holds a space, where the browser could have
# broken earlier instead. (A line that is one unbreakable run, such as a long file name in
# code that fills the width, leaves the sign nowhere else to go.)
SIGN_ALONE_JS = """(heading) => {
  const link = heading.querySelector(':scope > .headerlink');
  const words = document.createRange();
  words.setStartBefore(heading.firstChild);
  words.setEndBefore(link);
  const lastBottom = words.getBoundingClientRect().bottom;
  if (link.getBoundingClientRect().top < lastBottom - 1) return false;
  const lastLine = [];
  const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (link.contains(node)) continue;
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getBoundingClientRect();
      if (box.height && box.bottom > lastBottom - 2) lastLine.push(node.data[i]);
    }
  }
  return lastLine.join('').trim().includes(' ');
}"""


def test_on_a_phone_a_heading_keeps_its_permalink_sign_on_its_last_line(page, served_site):
    """A long title filled its last line and its permalink sign wrapped below it: a blank
    line between a story's title and its summary at 390 px. Titles and section headings
    of every length, one word more at a time: the sign stays with the last word."""
    page.set_viewport_size(PHONE)
    page.goto(served_site + "/stories/")
    words = "Kansas turns a point of competition into a joint win on licensure billing for staff"
    texts = [
        " ".join((words.split() * 4)[:count]) for count in range(1, 4 * len(words.split()) + 1)
    ]
    alone = []
    for selector in ("h1", "h2"):
        heading = page.locator(f".md-content {selector}:has(> .headerlink)").first
        # Each text in turn, laid out and measured in the page (one call, not one a text).
        wrapping = heading.evaluate(
            f"""(heading, texts) => texts.filter(text => {{
              heading.firstChild.textContent = text;
              return ({SIGN_ALONE_JS})(heading);
            }})""",
            texts,
        )
        alone += [f"{selector}: {text}" for text in wrapping]
    assert alone == []


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
