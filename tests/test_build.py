"""Full builds: the real playbook builds strictly; a fixture proves escaping, edit links,
ordering, and that a broken content file stops the build without touching the site."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.build

REPO = "https://github.com/integrated-care-playbook/playbook/"


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_the_real_playbook_builds_strictly_with_a_page_per_theme(real_site):
    from macros.content.validate import load_playbook
    from tests.helpers import ROOT

    playbook = load_playbook(ROOT / "playbook_data")
    for theme in playbook.themes.values():
        page = real_site / "themes" / theme.id / "index.html"
        assert page.is_file(), page
        html = page.read_text(encoding="utf-8")
        for strategy in theme.strategies:
            assert f'id="{strategy.id}"' in html
    assert (real_site / "index.html").is_file()
    assert (real_site / "search" / "search_index.json").is_file()


def test_the_navigation_lists_themes_in_their_order(project, tmp_path):
    # File names sort the other way round: the `order` field decides.
    (project.data / "themes" / "01-first.yml").rename(project.data / "themes" / "zz-first.yml")
    site = tmp_path / "site"
    assert project.playbook("build", "--site-dir", str(site)).returncode == 0
    html = (site / "index.html").read_text(encoding="utf-8")
    assert html.index("1. The first theme") < html.index("2. The second theme")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """A build of content full of template syntax and HTML, as an editor might paste.
    (A `javascript:` link in Markdown is refused by validation, tested with the other
    unsafe addresses.)"""
    from tests.helpers import Project

    project = Project(tmp_path_factory.mktemp("hostile") / "project")
    project.edit(
        "stories/kansas-story.yml",
        "title: Kansas passes a law",
        "title: \"Kansas <script>alert('title')</script> law {{ 7*7 }}\"",
    )
    project.edit(
        "stories/kansas-story.yml",
        "worked together on a **law** about quokkas.",
        "worked {{ 7*7 }} and {% raw %} together <script>alert('body')</script>\n"
        '  <b onmouseover="alert(1)">bold?</b>',
    )
    project.edit(
        "themes/01-first.yml",
        "title: The first theme",
        'title: "First <img src=x onerror=alert(1)> theme"',
    )
    site = project.path / "site"
    result = project.playbook("build", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    return site


def test_template_syntax_from_editors_is_shown_as_written(hostile_site):
    # The story's body is on its own page, its title there and on its theme's card.
    html = (hostile_site / "stories" / "kansas-story" / "index.html").read_text(encoding="utf-8")
    assert "worked {{ 7*7 }} and {% raw %} together" in html
    assert "law {{ 7*7 }}" in html
    assert ">49<" not in html and " 49 " not in html


def test_html_from_editors_is_shown_as_text(hostile_site):
    for page in hostile_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
        assert "<img src=x" not in html, page
        # Shown as text, with smarty's quote after it: not an attribute.
        assert "onmouseover=" not in html.replace("onmouseover=”", ""), page
        assert 'href="javascript:' not in html, page
    theme = (hostile_site / "themes" / "first-theme" / "index.html").read_text(encoding="utf-8")
    story = (hostile_site / "stories" / "kansas-story" / "index.html").read_text(encoding="utf-8")
    for page in (theme, story):
        assert "Kansas &lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; law" in page or (
            "Kansas &lt;script&gt;alert('title')&lt;/script&gt; law" in page
        )
    assert "&lt;script&gt;alert(‘body’)&lt;/script&gt;" in story
    assert "First &lt;img src=x onerror=alert(1)&gt; theme" in theme


def test_every_generated_page_edits_its_data_file_and_docs_pages_their_markdown(hostile_site):
    def edit_link(page: str) -> str:
        html = (hostile_site / page).read_text(encoding="utf-8")
        match = re.search(r'<a href="([^"]+)" title="Edit this page"', html)
        assert match, f"no edit link on {page}"
        return match.group(1)

    assert edit_link("themes/first-theme/index.html") == (
        REPO + "edit/main/playbook_data/themes/01-first.yml"
    )
    assert edit_link("index.html") == REPO + "edit/main/playbook_data/playbook.yml"
    assert edit_link("about/index.html") == REPO + "edit/main/docs/about/index.md"


def test_a_content_error_stops_the_build_and_leaves_the_site_as_it_was(project, tmp_path):
    site = tmp_path / "site"
    assert project.playbook("build", "--site-dir", str(site)).returncode == 0
    before = tree_digest(site)
    project.edit("stories/kansas-story.yml", "theme: first-theme", "theme: frist-theme")

    result = project.playbook("build", "--site-dir", str(site))

    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert (
        "playbook_data/stories/kansas-story.yml:4: theme: unknown theme 'frist-theme'\n"
        "    hint: Did you mean 'first-theme'? valid themes: first-theme, second-theme"
    ) in result.stderr
    assert tree_digest(site) == before


def test_plain_mkdocs_reports_a_content_error_without_a_traceback(project, tmp_path):
    project.write("stories/bad.yml", "id: bad\n\ttitle: tab\n")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=project.path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "playbook_data/stories/bad.yml:2: a tab is used for indentation" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert not (tmp_path / "out").exists()


def test_a_macro_error_fails_the_build(project, tmp_path):
    (project.path / "docs" / "broken.md").write_text(
        "---\nrender_macros: true\n---\n# Broken\n\n{{ no_such_variable }}\n", encoding="utf-8"
    )
    site = tmp_path / "site"
    result = project.playbook("build", "--site-dir", str(site))
    assert result.returncode == 1
    assert not site.exists()


def test_a_docs_page_can_use_macros_when_it_opts_in(hostile_site):
    html = (hostile_site / "about" / "index.html").read_text(encoding="utf-8")
    assert "It currently covers\n2 themes, 3 key strategies and\n2 state stories." in html


def test_a_broken_link_fails_the_build_and_is_shown(project, tmp_path):
    page = project.path / "docs" / "about" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Next](nowhere.md)\n", encoding="utf-8")
    site = tmp_path / "site"
    result = project.playbook("build", "--site-dir", str(site))
    assert result.returncode == 1
    assert (
        "WARNING -  Doc file 'about/index.md' contains a link 'nowhere.md', but the target "
        "'about/nowhere.md' is not found among documentation files."
    ) in result.stderr
    assert "Aborted with 1 warnings in strict mode!" in result.stderr
    assert not site.exists()


def test_labels_read_by_screen_readers_show_a_title_as_written(hostile_site):
    """The footer's "Previous"/"Next" labels (aria-label) hold a generated page's title
    escaped once: a screen reader reads the title, never "&amp;" or "&lt;"."""
    from html.parser import HTMLParser

    labels = []

    class Labels(HTMLParser):
        def handle_starttag(self, tag, attrs):
            labels.extend(value for name, value in attrs if name == "aria-label" and value)

    for page in hostile_site.rglob("*.html"):
        Labels().feed(page.read_text(encoding="utf-8"))
    title = "Kansas <script>alert('title')</script> law {{ 7*7 }}"
    assert any(label.endswith(f": {title}") for label in labels)
    assert [label for label in labels if "&amp;" in label or "&lt;" in label] == []


def test_a_second_build_compiles_none_of_the_themes_templates_again(project, tmp_path, monkeypatch):
    """MkDocs compiles the theme's templates at every build, in its own Jinja2 environment
    and in those Material's search plugin makes; ours keep them compiled between builds."""
    import jinja2

    compiled: list[str] = []
    compile_source = jinja2.Environment.compile

    def compile_and_note(self, source, name=None, filename=None, *args, **kwargs):
        if filename and "/material/templates/" in filename:
            compiled.append(name)
        return compile_source(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", compile_and_note)
    # An empty cache of our own (it lives in the system's temporary directory).
    (tmp_path / "temporary").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temporary"))
    built = {}
    for site in ("first", "second"):
        compiled.clear()
        assert project.main("build", "--site-dir", str(tmp_path / site)).returncode == 0
        built[site] = list(compiled)
    assert "partials/language.html" in built["first"]  # the search plugin's, among others
    assert built["second"] == []
