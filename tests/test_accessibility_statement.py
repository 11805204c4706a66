"""The accessibility statement: every page leads to it, and it says how to report a problem."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

import pytest
import yaml

from tests.helpers import ROOT
from tests.site_audit import site_pages

pytestmark = pytest.mark.build


def test_every_page_links_to_the_statement_from_its_navigation(real_site):
    for path, file in site_pages(real_site).items():
        nav = file.read_text(encoding="utf-8").split('<nav class="md-nav md-nav--primary"')[1]
        links = re.findall(r'<a href="([^"]*)" class="md-nav__link', nav)
        assert [urljoin(path, href) for href in links].count("/accessibility/") == 1, path


def test_the_statement_offers_an_issue_form_on_the_project_repository(real_site):
    repo_url = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["repo_url"]
    page = (real_site / "accessibility" / "index.html").read_text(encoding="utf-8")
    links = {
        html.unescape(href): text
        for href, text in re.findall(r'<a href="([^"]*)">([^<]*)</a>', page)
    }
    report = f"{repo_url}/issues/new?labels=accessibility&title=Accessibility%3A%20"
    assert links.get(report) == "Open an accessibility issue"
