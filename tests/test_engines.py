"""One pipeline, any engine: the playbook builds with MkDocs + Material (the default), with
ProperDocs (the MkDocs fork) and with Zensical (Material's successor), and a reader finds the
same site: the same pages at the same addresses, the same text, links and anchors on each,
the same navigation, the same open data; an editor reads the same errors.

One build per engine for the whole module (MkDocs' is the session's `real_site`).
"""

from __future__ import annotations

import importlib.util
import re

import pytest
from mkdocs.utils import get_relative_url

from macros import define_env
from macros.checks.linkcheck import check_site
from macros.content.settings import published_path
from macros.render import glossary_terms
from macros.site import csp, engines, finish, zensical_build
from macros.site.build_context import BuildContext, context_for
from macros.site.sources import engine_config, read_config, source_relative_links
from tests import site_compare as seen
from tests.helpers import ROOT, run_main, run_playbook

OTHER_ENGINES = ("properdocs", "zensical")


@pytest.fixture(scope="module")
def sites(real_site, zensical_site, tmp_path_factory) -> dict:
    """The real playbook built with every engine, once (MkDocs' and Zensical's builds are
    the session's, shared with other tests)."""
    properdocs = tmp_path_factory.mktemp("properdocs") / "site"
    result = run_playbook(
        "--project", str(ROOT), "build", "--engine", "properdocs", "--site-dir", str(properdocs)
    )
    assert result.returncode == 0, result.stderr
    return {"mkdocs": real_site, "zensical": zensical_site, "properdocs": properdocs}


# --- what a reader finds ---------------------------------------------------------------


@pytest.mark.build
@pytest.mark.parametrize("engine", OTHER_ENGINES)
def test_every_engine_builds_the_same_pages_at_the_same_addresses(sites, engine):
    expected = seen.pages(sites["mkdocs"])
    assert len(expected) > 40
    assert seen.pages(sites[engine]) == expected


@pytest.mark.build
@pytest.mark.parametrize("engine", OTHER_ENGINES)
def test_every_page_reads_the_same_with_every_engine(sites, engine):
    different = [
        page
        for page in sorted(seen.pages(sites["mkdocs"]))
        if seen.text(seen.article(sites[engine], page))
        != seen.text(seen.article(sites["mkdocs"], page))
    ]
    assert different == []


@pytest.mark.build
@pytest.mark.parametrize("engine", OTHER_ENGINES)
def test_every_link_of_every_page_leads_to_the_same_place_and_anchors_match(sites, engine):
    for page in sorted(seen.pages(sites["mkdocs"])):
        ours, theirs = seen.article(sites["mkdocs"], page), seen.article(sites[engine], page)
        assert seen.targets(theirs, page) == seen.targets(ours, page), page
        assert seen.anchors(theirs) == seen.anchors(ours), page


@pytest.mark.build
@pytest.mark.parametrize("engine", OTHER_ENGINES)
def test_the_navigation_leads_to_the_same_pages_in_the_same_order(sites, engine):
    for page in ("themes/collective-action/index.html", "contribute/index.html"):
        expected = seen.navigation(sites["mkdocs"], page)
        assert len(expected) > 10  # the sections and this section's pages
        assert seen.navigation(sites[engine], page) == expected


@pytest.mark.build
@pytest.mark.parametrize("engine", [*OTHER_ENGINES, "mkdocs"])
def test_no_internal_link_or_anchor_is_broken_with_any_engine(sites, engine):
    report = check_site(sites[engine], published_path(ROOT))
    assert report.pages > 40
    assert [str(b) for b in report.broken] == []


@pytest.mark.build
@pytest.mark.parametrize("engine", OTHER_ENGINES)
def test_the_open_data_is_the_same_file_with_every_engine(sites, engine):
    for name in ("playbook.json", "stories.csv"):
        assert (sites[engine] / name).read_bytes() == (sites["mkdocs"] / name).read_bytes()


@pytest.mark.build
@pytest.mark.parametrize("engine", OTHER_ENGINES)
def test_the_search_finds_the_same_pages(sites, engine):
    expected = seen.search_locations(sites["mkdocs"])
    assert "themes/collective-action/" in expected
    assert seen.search_locations(sites[engine]) == expected


@pytest.mark.build
@pytest.mark.parametrize("engine", OTHER_ENGINES)
def test_the_sitemap_lists_the_same_addresses(sites, engine):
    def addresses(site):
        return sorted(re.findall(r"<loc>([^<]*)</loc>", (site / "sitemap.xml").read_text()))

    expected = addresses(sites["mkdocs"])
    assert len(expected) > 40
    assert addresses(sites[engine]) == expected


@pytest.mark.build
def test_properdocs_builds_the_mkdocs_site_byte_for_byte_but_for_its_name(sites):
    mkdocs, properdocs = sites["mkdocs"], sites["properdocs"]
    files = sorted(p.relative_to(mkdocs) for p in mkdocs.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(properdocs) for p in properdocs.rglob("*") if p.is_file())
    for name in files:
        ours, theirs = (mkdocs / name).read_bytes(), (properdocs / name).read_bytes()
        if ours != theirs:
            assert name.suffix == ".html", name
            assert theirs.replace(b"mkdocs-ProperDocs 1.6.7", b"mkdocs-1.6.1") == ours, name


@pytest.mark.build
def test_zensical_pages_are_finished_as_the_plugin_finishes_them(sites):
    site = sites["zensical"]
    theme = (site / "themes" / "collective-action" / "index.html").read_text(encoding="utf-8")
    # The edit button opens the data file, not the generated copy the engine rendered.
    assert (
        'href="https://github.com/integrated-care-playbook/playbook/edit/main/'
        'playbook_data/themes/03-collective-action.yml"'
    ) in theme
    # Acronyms link to their glossary entry, with their meaning as the link's title.
    assert '<a class="pb-term" href="../../glossary/#term-' in theme
    # The print view is made from every data file: nothing single to edit.
    assert 'rel="edit"' not in (site / "print" / "index.html").read_text(encoding="utf-8")
    docs_page = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert "/edit/main/docs/about/index.md" in docs_page


@pytest.mark.build
@pytest.mark.parametrize("engine", OTHER_ENGINES)
def test_every_page_has_the_policies_and_no_unknown_inline_script_with_every_engine(sites, engine):
    pages = sorted(sites[engine].rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert html.count('http-equiv="Content-Security-Policy"') == 1, page
        scripts = csp.inline_scripts(html)
        assert scripts and all(csp.is_theme_script(s) for s in scripts), page


# --- what an editor reads ------------------------------------------------------------


def test_a_broken_data_file_reads_the_same_with_every_engine(project, tmp_path):
    """The content is checked before any engine starts: same message, same exit status."""
    project.edit("themes/01-first.yml", "title:", "titel:")
    results = {
        engine: project.main("build", "--engine", engine, "--site-dir", str(tmp_path / engine))
        for engine in engines.ENGINES
    }
    for engine, result in results.items():
        assert result.returncode == 1, engine
        assert "playbook_data/themes/01-first.yml:" in result.stderr, engine
        assert result.stderr == results["mkdocs"].stderr, engine
        assert not (tmp_path / engine).exists()


@pytest.mark.build
@pytest.mark.parametrize(
    ("engine", "report"),
    [
        ("properdocs", "Doc file 'about/index.md' contains a link 'nowhere.md'"),
        ("zensical", "about/index.md:"),
    ],
)
def test_a_broken_link_fails_the_build_with_every_engine(project, tmp_path, engine, report):
    page = project.path / "docs" / "about" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Next](nowhere.md)\n", encoding="utf-8")
    site = tmp_path / "site"
    result = project.playbook("build", "--engine", engine, "--site-dir", str(site))
    assert result.returncode == 1
    assert report in result.stderr
    assert "Traceback" not in result.stderr
    assert "\x1b[" not in result.stderr  # no terminal colour codes in a log
    assert f"The build failed; {site}/ was left as it was." in result.stderr
    assert not site.exists()
    assert not (project.path / ".playbook-build").exists()


def test_a_docs_page_at_a_generated_address_is_refused_by_the_zensical_path(project, tmp_path):
    (project.path / "docs" / "glossary.md").write_text("# Mine\n", encoding="utf-8")
    result = project.main("build", "--engine", "zensical", "--site-dir", str(tmp_path / "s"))
    assert result.returncode == 1
    assert (
        "docs/glossary.md is generated from playbook_data/ and must not exist in docs/: "
        "delete it or rename it"
    ) in result.stderr
    assert not (project.path / ".playbook-build").exists()  # the half-written sources too


def test_a_tag_only_mkdocs_understands_is_reported_with_its_line_for_zensical(project, tmp_path):
    config = project.path / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("site_name: Integrated Care Playbook", "site_name: !!python/name:os.sep"),
        encoding="utf-8",
    )
    line = text.splitlines().index("site_name: Integrated Care Playbook") + 1
    result = project.main("build", "--engine", "zensical", "--site-dir", str(tmp_path / "s"))
    assert result.returncode == 1
    assert (
        f"mkdocs.yml:{line}: could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/name:os.sep'\n"
        "  hint: the engines other than MkDocs read mkdocs.yml as plain YAML (and !ENV): "
        "write the value itself instead of such a tag\n"
    ) in result.stderr


def test_env_tags_in_mkdocs_yml_are_resolved_for_zensical_as_mkdocs_resolves_them(
    project, monkeypatch
):
    config = project.path / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "\nextra_footer: !ENV [PB_TEST_UNSET, PB_TEST_SET, 'fallback']\n",
        encoding="utf-8",
    )
    monkeypatch.delenv("PB_TEST_UNSET", raising=False)
    monkeypatch.setenv("PB_TEST_SET", "from the environment")
    assert read_config(project.path)["extra_footer"] == "from the environment"
    monkeypatch.delenv("PB_TEST_SET")
    assert read_config(project.path)["extra_footer"] == "fallback"


def test_an_engine_that_is_not_installed_is_named_with_how_to_install_it(
    project, tmp_path, monkeypatch, capsys
):
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "zensical" else real_find_spec(name, *a),
    )
    context = BuildContext.load(project.path)
    assert zensical_build.build(context, tmp_path / "site", "0") is False
    assert capsys.readouterr().err == (
        "Zensical is not installed: install the engines with: "
        "pip install -e '.[engines]' (make setup does)\n"
    )


def test_an_unknown_engine_is_a_usage_mistake():
    result = run_main("build", "--engine", "hugo")
    assert result.returncode == 2
    assert "argument --engine: invalid choice: 'hugo'" in result.stderr


# --- the parts of the Zensical path --------------------------------------------------


@pytest.mark.parametrize(
    ("target", "source"),
    [
        ("glossary/", ""),
        ("glossary/", "themes/collective-action/"),
        ("glossary/", "glossary/"),
        ("", "about/"),
        ("downloads/theme-1.pdf", "themes/x/"),
        ("downloads/playbook.pdf", ""),
    ],
)
def test_relative_addresses_are_written_as_mkdocs_writes_them(target, source):
    assert finish.relative_url(target, source) == get_relative_url(target, source)


@pytest.mark.parametrize(
    ("src_uri", "url"),
    [("index.md", ""), ("about/index.md", "about/"), ("glossary.md", "glossary/")],
)
def test_a_page_address_follows_from_its_source(src_uri, url):
    assert finish.page_url(src_uri) == url


def test_raw_html_links_are_made_relative_to_the_source_for_pages_not_named_index():
    markdown = '[All](index.md) <a href="../../states/kansas/">KS</a> <a href="../x/#a">x</a>'
    assert source_relative_links(markdown, "policy-areas/matrix.md") == (
        '[All](index.md) <a href="../states/kansas/">KS</a> <a href="x/#a">x</a>'
    )
    assert source_relative_links(markdown, "policy-areas/index.md") == markdown


def test_the_configuration_for_zensical_is_what_the_plugin_makes_of_mkdocs_yml():
    context = BuildContext.load(ROOT)
    config = engine_config(context, read_config(ROOT))
    plugins = [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    assert plugins == ["search", "macros"]
    assert "watch" not in config
    assert config["theme"]["custom_dir"] == str(ROOT / "overrides")
    assert config["theme"]["variant"] == "classic"
    assert config["nav"][0] == {"Home": "index.md"}
    abbr = next(e["abbr"] for e in config["markdown_extensions"] if isinstance(e, dict))
    assert abbr["glossary"] == glossary_terms.abbreviations(context.playbook) != {}
    assert config["extra"]["playbook_project"] == str(ROOT)


def test_the_macros_of_docs_pages_run_in_zensicals_macros_extension(project):
    """Zensical's extension hands define_env a plain-dict configuration and its own page."""
    from zensical.extensions.context import Page
    from zensical.extensions.macros import MacroEnv

    conf = {"root_dir": str(project.path), "extra": {}, "plugins": {}}
    env = MacroEnv(conf, page=Page(url="about/", path="about/index.md"))
    define_env(env)
    assert env.macros["count"]("themes") == 2
    assert env.macros["playbook_info"]().title
    assert "(../themes/" in env.macros["theme_cards"]()
    assert context_for(conf).project == project.path.resolve()


def test_the_finishing_pass_gives_a_built_page_its_pdf_packet_and_data_file_edit_links(
    project, tmp_path
):
    """What the plugin does in MkDocs, done on a page an engine has already built."""
    context = BuildContext.load(project.path, pdf_links=True)
    docs, site = tmp_path / "docs", tmp_path / "site"
    (docs / "themes").mkdir(parents=True)
    (docs / "themes" / "first-theme.md").write_text("# The first theme\n", encoding="utf-8")
    built = site / "themes" / "first-theme" / "index.html"
    built.parent.mkdir(parents=True)
    built.write_text(
        '<a href="https://example.org/r/edit/main/docs/themes/first-theme.md" '
        'title="Edit this page" class="md-content__button md-icon" rel="edit"><svg></svg></a>'
        '<article class="md-content__inner md-typeset"><h1>The first theme</h1><p>Text</p>'
        "</article>",
        encoding="utf-8",
    )
    finish.finish_site(
        context, site, docs, edit_base="https://example.org/r/edit/main/docs/", docs_prefix="docs"
    )
    assert built.read_text(encoding="utf-8") == (
        '<a href="https://example.org/r/edit/main/playbook_data/themes/01-first.yml" '
        'title="Edit this page" class="md-content__button md-icon" rel="edit"><svg></svg></a>'
        '<article class="md-content__inner md-typeset"><h1>The first theme</h1>\n'
        '<p class="pb-packet-link pb-no-print"><a href="../../print/?part=pb-theme-first-theme'
        '&amp;part=pb-glossary">Make a packet with this theme</a></p>\n\n'
        '<p class="pb-download pb-no-print"><a href="../../downloads/themes/first-theme.pdf" '
        'download type="application/pdf">Download PDF</a> <span class="pb-download-what">'
        "(this theme, ready to print)</span></p>\n<p>Text</p></article>"
    )
