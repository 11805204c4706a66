"""The one way from data to a page: Jinja2 templates with autoescaping, a default that is
safe in every context of a Markdown page, one explicit filter per context, and nothing
undefined passing silently (macros/render/environment.py)."""

from __future__ import annotations

import re

import pytest
from jinja2 import UndefinedError
from markupsafe import Markup

from macros.render import environment, escape
from macros.render.environment import TEMPLATES_DIR, render
from macros.render.markdown import ProseRenderer

TEMPLATES = sorted(TEMPLATES_DIR.glob("*.j2"))
HOSTILE = '"><script>alert(1)</script> *[x](javascript:alert(1))* {: onclick="y" }\n# h'


def from_string(source: str, *, markdown: bool = True, **context) -> str:
    env = environment.environments()[markdown]
    return env.from_string(source).render(prose_renderer=ProseRenderer(), **context)


def test_a_value_in_a_markdown_template_is_markdown_text_by_default():
    assert from_string("# {{ v }}", v=HOSTILE) == (
        "# &quot;&gt;&lt;script&gt;alert\\(1\\)&lt;/script&gt; "
        "\\*\\[x\\]\\(javascript:alert\\(1\\)\\)\\* \\{: onclick=&quot;y&quot; \\} \\# h"
    )


def test_a_value_in_an_html_template_is_html_escaped_by_default():
    assert from_string('<a title="{{ v }}">', markdown=False, v='"><b>') == (
        '<a title="&#34;&gt;&lt;b&gt;">'
    )


def test_each_context_has_its_filter():
    assert from_string('<span title="{{ v|html }}">{{ v|html }}</span>', v='a "b" <c>\nd') == (
        '<span title="a &quot;b&quot; &lt;c&gt; d">a &quot;b&quot; &lt;c&gt; d</span>'
    )
    assert from_string("title: {{ v|front_matter }}", v='A "b" <c>') == (
        'title: "A &quot;b&quot; &lt;c&gt;"'
    )
    url = "https://example.org/a b(c)?q=\"x\"&r='y'#f"
    assert from_string("[t]({{ u|link_target }})", u=url) == (
        "[t](https://example.org/a%20b%28c%29?q=%22x%22&r=%27y%27#f)"
    )
    assert from_string('<a href="{{ u|href }}">', u=url) == (
        '<a href="https://example.org/a%20b%28c%29?q=%22x%22&amp;r=%27y%27#f">'
    )


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,<b>",
        "//example.org/x",
        "/relative",
        "https://",
        "https://exa mple.org/",
        "https://example.org:port/",
        "mailto:a@example.org",
    ],
)
def test_an_address_that_is_not_http_with_a_host_never_reaches_a_page(url):
    with pytest.raises(escape.UnsafeURL):
        escape.link_target(url)


def test_editors_markdown_is_rendered_and_sanitised():
    assert from_string("{{ t|prose }}", t="*Hi* <b>x</b> [a](javascript:b)") == (
        '\n<div class="pb-prose">\n<p><em>Hi</em> &lt;b&gt;x&lt;/b&gt; <a>a</a></p>\n</div>\n'
    )
    assert from_string('{{ t|prose("pb-x") }}', t="x") == '\n<div class="pb-x">\n<p>x</p>\n</div>\n'
    assert from_string("<li>{{ t|prose_inline }}</li>", t="*a*") == "<li><em>a</em></li>"


def test_only_the_code_can_mark_html_as_safe():
    assert from_string("{{ v }}", v=Markup("<b>ours</b>")) == "<b>ours</b>"
    assert from_string("{{ v|safe }}", v="<b>") == "<b>"  # possible, hence the check below
    for template in TEMPLATES:
        assert "|safe" not in template.read_text(encoding="utf-8"), template.name


def test_an_undefined_name_is_an_error_not_empty_text():
    with pytest.raises(UndefinedError):
        from_string("{{ missing }}")
    with pytest.raises(UndefinedError):
        from_string("{{ record.missing }}", record=object())


def test_a_template_is_markdown_or_html():
    with pytest.raises(ValueError, match="a template is .md.j2 or .html.j2"):
        render("page.txt")


@pytest.mark.parametrize("template", TEMPLATES, ids=[t.name for t in TEMPLATES])
def test_every_template_opens_with_a_comment_listing_its_context(template):
    text = template.read_text(encoding="utf-8")
    assert text.startswith("{#-"), "the first thing in a template is its comment"
    comment = text[: text.index("#}")]
    if not template.name.startswith("_"):  # a page template; _*.j2 hold shared macros
        assert "Context:" in comment
        names = re.findall(r"^\s{6}(\w+):", comment, re.MULTILINE)
        assert names, "each name of the context on a line of its own: `name: type  what`"


@pytest.mark.parametrize("template", TEMPLATES, ids=[t.name for t in TEMPLATES])
def test_addresses_in_templates_go_through_a_url_filter(template):
    """A `{{ }}` inside `](…)`, `href="…"` or `src="…"` is a link target or made by code."""
    text = template.read_text(encoding="utf-8")
    for match in re.finditer(r'(?:\]\(|href="|src=")\{\{([^}]*)\}\}', text):
        expression = match.group(1).strip()
        assert (
            expression.endswith(("|link_target", "|href", ".target", "target"))
            or "|href" in expression
        ), f"{template.name}: {{{{ {expression} }}}} in a link"
    # Attributes are double-quoted: the default escaping leaves `'` as it is.
    assert not re.search(r"='[^']*\{\{", text), template.name


def test_compiled_templates_are_kept_apart_by_environment_jinja2_version_and_settings(
    monkeypatch,
):
    environments = environment.environments()
    patterns = {md: env.bytecode_cache.pattern for md, env in environments.items()}
    assert patterns[True] != patterns[False]  # finalize differs: never share compiled code
    for md, env in environments.items():
        pattern = patterns[md]
        assert pattern.endswith("_%s.cache")
        # The same name in every process (no address of a function in it)...
        assert environment.compiled_templates_cache(env, "md" if md else "html").pattern == pattern
        # ...and another for another Jinja2 or other settings.
        monkeypatch.setattr(environment.jinja2, "__version__", "0.0-other")
        assert environment.compiled_templates_cache(env, "md" if md else "html").pattern != pattern
        monkeypatch.undo()
        other = env.overlay(trim_blocks=False)
        assert (
            environment.compiled_templates_cache(other, "md" if md else "html").pattern != pattern
        )
