"""The tabs the browser tests share a context in (tests/browser_tabs.py): whatever one test's
page stores is gone for the next, as if each had a browser context of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.site.local_server import serve_folder
from tests.browser_tabs import Tabs

pytestmark = pytest.mark.browser

STORE = """() => {
  localStorage.setItem("palette", "dark");
  document.cookie = "seen=1; path=/";
  return new Promise(done => {
    const opened = indexedDB.open("notes");
    opened.onupgradeneeded = () => opened.result.createObjectStore("notes");
    opened.onsuccess = () => { opened.result.close(); done(); };
  });
}"""
FOUND = """async () => ({
  local: localStorage.length,
  cookie: document.cookie,
  databases: (await indexedDB.databases()).map(d => d.name),
})"""
NOTHING = {"local": 0, "cookie": "", "databases": []}


def site(folder: Path, *pages: str, script: str = "") -> Path:
    """A folder of plain pages to serve (`index.html` by default), each running `script`."""
    folder.mkdir(exist_ok=True)
    for name in pages or ("index.html",):
        (folder / name).write_text(
            f"<!doctype html><title>{name}</title><script>{script}</script>", encoding="utf-8"
        )
    return folder


def test_what_a_tab_stored_is_gone_for_the_next_tab(browser, tmp_path):
    pages = site(tmp_path, "index.html", "other.html")
    with serve_folder(pages) as base_url, Tabs(browser, bypass_csp=False) as tabs:
        with tabs.tab() as first:
            first.goto(base_url + "/index.html")
            first.evaluate(STORE)
            first.goto(base_url + "/other.html")  # the site it stored for is not the last page
            assert first.evaluate(FOUND) == {
                "local": 1,
                "cookie": "seen=1",
                "databases": ["notes"],
            }
        with tabs.tab() as second:
            second.goto(base_url + "/index.html")
            assert second.evaluate(FOUND) == NOTHING


def test_a_tab_the_test_closed_itself_is_forgotten_too(browser, tmp_path):
    with serve_folder(site(tmp_path)) as base_url, Tabs(browser, bypass_csp=False) as tabs:
        with tabs.tab() as first:
            first.goto(base_url + "/index.html")
            first.evaluate(STORE)
            first.close()
        with tabs.tab() as second:
            second.goto(base_url + "/index.html")
            assert second.evaluate(FOUND) == NOTHING


def test_what_a_page_stores_as_it_closes_is_gone_too(browser, tmp_path):
    stores_late = "addEventListener('pagehide', () => localStorage.setItem('late', '1'));"
    pages = site(tmp_path, script=stores_late)
    with serve_folder(pages) as base_url, Tabs(browser, bypass_csp=False) as tabs:
        with tabs.tab() as first:
            first.goto(base_url + "/index.html")
        with tabs.tab() as second:
            second.goto(base_url + "/index.html")
            assert second.evaluate(FOUND) == NOTHING


def test_a_pop_up_is_closed_and_what_its_site_stored_is_gone(browser, tmp_path):
    with (
        serve_folder(site(tmp_path / "here")) as here_url,
        serve_folder(site(tmp_path / "there")) as there_url,
        Tabs(browser, bypass_csp=False) as tabs,
    ):
        with tabs.tab() as first:
            first.goto(here_url + "/index.html")
            with first.expect_popup() as opening:
                first.evaluate("url => { window.open(url); }", there_url + "/index.html")
            pop_up = opening.value
            pop_up.wait_for_load_state()
            pop_up.evaluate(STORE)
        assert tabs.context.pages == [tabs.blank]
        with tabs.tab() as second:
            second.goto(there_url + "/index.html")
            assert second.evaluate(FOUND) == NOTHING
