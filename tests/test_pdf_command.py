"""`playbook pdf` without a browser: its help, its refusals, and how the print view keeps its
links inside the document. (The PDFs themselves are read in test_pdf.py.)"""

from __future__ import annotations

import os
import sys
from unittest import mock

from macros.content.validate import load_playbook
from macros.pages.common import PageContext
from macros.pages.print_view import localize_html_links, page_anchors
from macros.pdf.packet import choose
from tests.helpers import Project, Result, run_main

# A file that exists: Chromium's path is only checked to exist before any browser starts.
NOT_STARTED = sys.executable


def pdf(project: Project, *args: str, chromium: str) -> Result:
    """`playbook pdf` in this process, with PLAYBOOK_CHROMIUM set for the call."""
    with mock.patch.dict(os.environ, {"PLAYBOOK_CHROMIUM": chromium}):
        return project.main("pdf", *args)


def test_without_chromium_the_message_says_how_to_install_it(project):
    result = pdf(project, chromium="/nonexistent/chromium")
    assert result.returncode == 1
    assert result.stderr == (
        "playbook pdf: Chromium was not found at /nonexistent/chromium.\n"
        "Install it (Debian or Ubuntu: sudo apt-get install chromium), or set "
        "PLAYBOOK_CHROMIUM to the path of a Chromium or Google Chrome program.\n"
    )
    assert not (project.path / "site").exists()  # said before building anything


def test_an_unknown_theme_is_a_usage_mistake_refused_with_the_list_of_themes(project):
    result = pdf(project, "--theme", "nope", "--theme", "second-theme", chromium=NOT_STARTED)
    assert result.returncode == 2  # as every mistake in a command
    assert result.stderr == (
        "playbook pdf: Unknown theme: nope. The themes are: first-theme, second-theme\n"
    )


def test_an_unknown_state_is_a_usage_mistake_refused_with_the_list_of_states(project):
    result = pdf(project, "--state", "zz", "--state", "ks", chromium=NOT_STARTED)
    assert result.returncode == 2
    assert result.stderr == (
        "playbook pdf: Unknown state: zz. The states with a page are: "
        "KS (Kansas), LA (Louisiana), MS (Mississippi)\n"
    )
    assert "Traceback" not in result.stderr


def test_a_packets_parts_follow_the_playbooks_order_whatever_the_order_asked(project):
    ctx = PageContext(load_playbook(project.data, project.path))
    packet = choose(ctx, ["second-theme", "first-theme"], ["ms", "KS"])
    assert packet.parts == (
        "pb-theme-first-theme",
        "pb-theme-second-theme",
        "pb-state-ks",
        "pb-state-ms",
        "pb-glossary",  # always: the terms the packet uses
    )
    assert packet.names == ("The first theme", "The second theme", "Kansas", "Mississippi")


def test_worksheets_follow_the_chosen_themes_before_the_glossary(project):
    ctx = PageContext(load_playbook(project.data, project.path))
    packet = choose(ctx, ["second-theme"], ["KS"], worksheets=True)
    assert packet.parts == (
        "pb-theme-second-theme",
        "pb-state-ks",
        "pb-worksheet-second-theme",
        "pb-glossary",
    )


def test_the_help_lists_the_pdf_command_and_its_options():
    overview = run_main("--help", check=True).stdout
    assert "pdf " in overview and "print the playbook, a theme, a state or a packet" in overview
    help_text = run_main("pdf", "--help", check=True).stdout
    for words in (
        "--theme ID",
        "--state CODE",
        "--output PATH",
        "--worksheets",
        "--double-sided",
        "PLAYBOOK_CHROMIUM",
        "examples:",
    ):
        assert words in help_text


def test_map_and_matrix_links_point_inside_the_print_view(project):
    anchors = page_anchors(PageContext(load_playbook(project.data, project.path)))
    fragment = (
        '<a href="kansas/">KS</a> <a href="texas/">TX</a> '
        '<a href="../themes/first-theme/#story-kansas-story">●</a> '
        '<a href="https://example.org/a?b=1&amp;c=2">out</a>'
    )
    assert localize_html_links(fragment, "states/index.md", anchors) == (
        '<a href="#pb-state-ks">KS</a> <a href="#">TX</a> '
        '<a href="#story-kansas-story">●</a> '
        '<a href="https://example.org/a?b=1&amp;c=2">out</a>'
    )
