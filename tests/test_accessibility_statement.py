"""The accessibility statement: every page leads to it, and it says how to report a problem."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

import pytest

from macros.content.settings import published_path
from tests.helpers import ROOT
from tests.site_audit import site_pages

pytestmark = pytest.mark.build


def test_every_page_links_to_the_statement_from_its_footer(real_site):
    # The navigation shows only the current section's pages; the footer is on every page.
    for path, file in site_pages(real_site).items():
        footer = file.read_text(encoding="utf-8").split('<div class="md-copyright pb-footer">')[1]
        links = re.findall(r'<a href="([^"]*)">Accessibility statement', footer)
        # 404.html is served at any address: MkDocs links it from the root, under site_url.
        expected = published_path(ROOT) + "accessibility/" if path == "/404.html" else None
        assert [urljoin(path, href) for href in links] == [expected or "/accessibility/"], path


def test_the_statement_offers_an_issue_form_on_the_project_repository(real_site):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    repo_url = re.search(r"^repo_url: (\S+)$", config, re.MULTILINE).group(1)
    page = (real_site / "accessibility" / "index.html").read_text(encoding="utf-8")
    links = {
        html.unescape(href): text
        for href, text in re.findall(r'<a href="([^"]*)">([^<]*)</a>', page)
    }
    report = f"{repo_url}/issues/new?labels=accessibility&title=Accessibility%3A%20"
    assert links.get(report) == "Open an accessibility issue"
