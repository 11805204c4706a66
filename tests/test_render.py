"""Editors' text is shown as written: never executed as a template, never raw HTML."""

from __future__ import annotations

import json

import markdown
import pytest

from macros.render.markdown import ProseRenderer, md_text, yaml_string


def mkdocs_like(text: str) -> str:
    """Render Markdown the way the site does (the extensions that matter for escaping)."""
    return markdown.markdown(text, extensions=["attr_list", "md_in_html", "tables", "abbr"])


@pytest.mark.parametrize(
    ("plain", "shown"),
    [
        ("Kansas <script>alert(1)</script>", "Kansas &lt;script&gt;alert(1)&lt;/script&gt;"),
        ("{{ 7*7 }}", "{{ 7*7 }}"),
        ("*not emphasis* and _not_ either", "*not emphasis* and _not_ either"),
        ("[not a link](https://example.org)", "[not a link](https://example.org)"),
        ("Title {: onclick=alert(1) }", "Title {: onclick=alert(1) }"),
        ("1. not a list", "1. not a list"),
        ("A & B | C", "A &amp; B | C"),
        ("back\\slash `code`", "back\\slash `code`"),
    ],
)
def test_plain_text_shows_exactly_as_written(plain, shown):
    assert mkdocs_like(md_text(plain)) == f"<p>{shown}</p>"


def test_plain_text_in_a_heading_cannot_set_attributes():
    html = mkdocs_like(f"## {md_text('Heading { #evil onclick=x }')}")
    assert html == "<h2>Heading { #evil onclick=x }</h2>"


def test_front_matter_values_are_quoted_and_escaped():
    assert yaml_string('A "quoted" <b>title</b>') == (
        '"A &quot;quoted&quot; &lt;b&gt;title&lt;/b&gt;"'
    )


@pytest.fixture
def prose():
    return ProseRenderer({"PCA": "primary care association"})


def test_markdown_fields_keep_their_formatting(prose):
    assert prose.html("Some **bold** text.\n\n- one\n- two") == (
        "<p>Some <strong>bold</strong> text.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>"
    )


def test_raw_html_in_markdown_is_shown_as_text(prose):
    assert prose.html("<script>alert(1)</script>") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    assert prose.html('Hi <img src=x onerror="alert(1)">') == (
        "<p>Hi &lt;img src=x onerror=”alert(1)”&gt;</p>"
    )


def test_template_syntax_in_markdown_is_shown_as_written(prose):
    assert prose.html("{{ 7*7 }} and {% if x %}") == "<p>{{ 7*7 }} and {% if x %}</p>"


def test_attribute_lists_are_not_available_to_editors(prose):
    assert prose.html('Text\n{: onclick="alert(1)" }') == ("<p>Text\n{: onclick=”alert(1)” }</p>")


def test_only_safe_link_targets_survive(prose):
    html = prose.html("[a](javascript:alert(1)) [b](https://example.org) [c](mailto:x@y.org)")
    assert html == (
        '<p><a>a</a> <a href="https://example.org" rel="noopener">b</a> '
        '<a href="mailto:x@y.org">c</a></p>'
    )


def test_images_from_other_hosts_are_replaced_by_their_text(prose):
    # A third-party image would tell that host who reads the page.
    assert prose.html("![a chart](https://tracker.example/pixel.png)") == (
        "<p><span>a chart</span></p>"
    )


def test_glossary_acronyms_become_abbreviations(prose):
    assert prose.html("The PCA met.") == (
        '<p>The <abbr title="primary care association">PCA</abbr> met.</p>'
    )


def test_a_block_is_a_finished_html_block_that_markdown_leaves_alone(prose):
    block = prose.block("A *story* with {{ 7*7 }}.")
    assert mkdocs_like(block).strip() == (
        '<div class="pb-prose">\n<p>A <em>story</em> with {{ 7*7 }}.</p>\n</div>'
    )


def every_markdown_field():
    """Every Markdown text of the real content: bodies, intros, descriptions, approaches."""
    from macros.content.validate import load_playbook
    from tests.helpers import ROOT

    pb = load_playbook(ROOT / "playbook_data")
    texts = [pb.info.summary, pb.info.funding_statement, pb.info.closing or ""]
    texts += [s.body for s in pb.stories.values()]
    for theme in pb.themes.values():
        texts += [theme.intro, theme.strategies_intro or ""]
        for strategy in theme.strategies:
            texts += [strategy.description, *strategy.approaches]
    texts += [r.summary for r in pb.sources.values()]
    texts += [c.description for c in pb.cohorts.values()]
    texts += [a.description for a in pb.policy_areas.values()]
    return [text for text in texts if text]


TYPOGRAPHY = [
    "\"Quoted\" and 'single', it's the '90s -- or 1990--2000 --- and so on...",
    "**\"Bold quote\"** and *'emphasis'* with [a \"link\"](https://example.org 'title')",
    '`code with "quotes" -- and ...` then "after"',
    "A line with no quotes, dashes or ellipses at all.",
    '\'Twas the "night"... \'\'double single\'\' and ""double double"" ---- four',
    "- list 'one'\n- list \"two\" -- end\n\n> quote's end...",
]


@pytest.mark.parametrize("source", ["typography", "content"])
def test_our_faster_smarty_pass_gives_exactly_smartys_output(source):
    from macros.render.markdown import _prose_renderer

    texts = TYPOGRAPHY if source == "typography" else every_markdown_field()
    assert len(texts) > 5
    ours, smarty = (
        _prose_renderer({"PCA": "primary care association"}),
        _prose_renderer({"PCA": "primary care association"}, quick=False),
    )
    assert type(ours.treeprocessors["smarty"]).__name__ == "_QuickSmarty"
    for text in texts:
        ours.reset()
        smarty.reset()
        assert ours.convert(text) == smarty.convert(text), text


# Renderings kept between builds (.cache/playbook/prose.json) ---------------------------------

GLOSSARY = {"PCA": "primary care association"}
TEXT = "The **PCA** met [the state](https://example.org/plan)."
BAD_LINK = "See [this](javascript:alert(1))."


def rendered_afresh(renderer: ProseRenderer, monkeypatch) -> list[str]:
    """The texts `renderer` converts with Markdown (not taken from what was kept)."""
    converted = []
    convert = renderer._convert
    monkeypatch.setattr(renderer, "_convert", lambda text: converted.append(text) or convert(text))
    return converted


def test_a_text_rendered_in_one_build_is_kept_for_the_next(tmp_path, monkeypatch):
    kept = tmp_path / "prose.json"
    first = ProseRenderer(GLOSSARY, kept)
    html, problems = first.html(TEXT), first.problems(BAD_LINK)
    first.save()
    second = ProseRenderer(GLOSSARY, kept)
    converted = rendered_afresh(second, monkeypatch)
    assert second.html(TEXT) == html == ProseRenderer(GLOSSARY).html(TEXT)
    assert second.problems(BAD_LINK) == problems != ()  # the editor still hears about it
    assert converted == []


def test_another_glossary_renders_the_text_again(tmp_path, monkeypatch):
    kept = tmp_path / "prose.json"
    first = ProseRenderer(GLOSSARY, kept)
    first.html(TEXT)
    first.save()
    other = ProseRenderer({"PCA": "primary care associations"}, kept)
    converted = rendered_afresh(other, monkeypatch)
    assert 'title="primary care associations"' in other.html(TEXT)
    assert converted == [TEXT]


@pytest.mark.parametrize(
    "tampered",
    [
        '<p onclick="alert(1)">The PCA met</p>',
        "<p>The PCA met</p><script>alert(1)</script>",
        '<a href="javascript:alert(1)">the state</a>',
        ["<p>The PCA met</p>"],  # no list of problems
        ["<p>The PCA met</p>", [["a problem without its hint"]]],
        {"html": "<p>The PCA met</p>"},
    ],
)
def test_a_kept_rendering_that_is_not_safe_as_it_stands_is_never_used(
    tmp_path, monkeypatch, tampered
):
    kept = tmp_path / "prose.json"
    first = ProseRenderer(GLOSSARY, kept)
    first.html(TEXT)
    first.save()
    stored = json.loads(kept.read_text(encoding="utf-8"))
    # A string stands for the HTML of a rendering; anything else, for the whole entry.
    stored = {key: [tampered, []] if isinstance(tampered, str) else tampered for key in stored}
    kept.write_text(json.dumps(stored), encoding="utf-8")
    second = ProseRenderer(GLOSSARY, kept)
    converted = rendered_afresh(second, monkeypatch)
    assert second.html(TEXT) == ProseRenderer(GLOSSARY).html(TEXT)
    assert converted == [TEXT]


def test_a_damaged_or_unwritable_kept_file_only_means_rendering_again(tmp_path):
    damaged = tmp_path / "prose.json"
    damaged.write_text("{not json", encoding="utf-8")
    assert ProseRenderer(GLOSSARY, damaged).html(TEXT) == ProseRenderer(GLOSSARY).html(TEXT)
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    renderer = ProseRenderer(GLOSSARY, blocked / "prose.json")  # its folder would be a file
    renderer.html(TEXT)
    renderer.save()  # no error
    assert blocked.read_text(encoding="utf-8") == ""
