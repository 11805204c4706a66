"""Glossary acronyms across the whole site: what they stand for, and a link to the glossary.

Markdown's `abbr` extension turns every acronym of the glossary into
`<abbr title="…">PCA</abbr>` (editors' prose through our ProseRenderer, the rest of the
site through MkDocs' own Markdown). `link_terms` then makes each one a link to its glossary
entry that carries the meaning as its title: Material's tooltips show it on hover AND on
keyboard focus, and without JavaScript the browser shows the title on hover.
Plain Python, no MkDocs.
"""

from __future__ import annotations

import html
import re

from macros.content.playbook import Playbook


def _meaning(term) -> str:
    return f"{term.expansion}: {term.definition}" if term.expansion else term.definition


def abbreviations(pb: Playbook) -> dict[str, str]:
    """The acronyms (glossary terms with an expansion) and their meaning, for `abbr`."""
    return {t.term: _meaning(t) for t in pb.terms.values() if t.expansion}


def anchors(pb: Playbook) -> dict[str, str]:
    """Each acronym's anchor on the glossary page (`term-<id>`, see pages/reference.py)."""
    return {t.term: f"term-{t.id}" for t in pb.terms.values() if t.expansion}


# Markdown's output is well-formed and escapes "<" inside attribute values and text, so a
# tag is always "<" up to the next ">"; only links and abbreviations matter here.
_TAG = re.compile(r"<(/?)(a|abbr)\b([^>]*)>", re.IGNORECASE)
_TITLE = re.compile(r'\btitle="([^"]*)"')


def link_terms(
    page_html: str, term_anchors: dict[str, str], glossary_url: str, titles: bool = True
) -> str:
    """Wrap each `<abbr title>` of a glossary acronym that is not already inside a link in
    a link to its glossary entry, moving the title onto the link (one tooltip, not two).
    With `titles=False` the meaning is left out: on the print view, hundreds of tooltips
    would only keep the browser busy (paper has no hover; the glossary is printed too)."""
    out, position, link_depth = [], 0, 0
    for match in _TAG.finditer(page_html):
        closing, tag = match.group(1), match.group(2).lower()
        if tag == "a":
            link_depth += -1 if closing else 1
            continue
        if closing or link_depth > 0:
            continue
        end = page_html.find("</abbr>", match.end())
        if end == -1:
            continue
        text = page_html[match.end() : end]
        anchor = term_anchors.get(html.unescape(text))
        title = _TITLE.search(match.group(3))
        if anchor is None or title is None:
            continue
        out.append(page_html[position : match.start()])
        meaning = f' title="{title.group(1)}"' if titles else ""
        out.append(
            f'<a class="pb-term" href="{html.escape(glossary_url)}#{anchor}"{meaning}>'
            f"<abbr>{text}</abbr></a>"
        )
        position = end + len("</abbr>")
    out.append(page_html[position:])
    return "".join(out)
