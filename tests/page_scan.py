"""A scan of built HTML for anything that could run or call another site, parsed as a
browser parses it (html.parser decodes entities in attributes, as browsers do).

    scan(html) -> list[str]      what is wrong, one line each; [] when the page is clean

Fails on: any `on*=` event attribute; a <script> that is not the theme's (its bundle, our
own files under assets/javascripts/, its known inline scripts, its JSON config); an
element that embeds or redirects (iframe, object, embed, base, meta refresh); an address
with a scheme other than http(s)/mailto (javascript:, data:, vbscript:…), judged after
removing what browsers ignore; an image, icon or CSS url() from another host.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from macros.render.sanitize import as_browser_reads, scheme_of
from macros.site import csp

LINK_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "cite", "data"}
IMAGE_TAGS = {"img", "image", "source", "video", "audio", "input", "track"}
FORBIDDEN_TAGS = {"iframe", "frame", "object", "embed", "base", "applet", "portal"}
SAFE_SCHEMES = {"http", "https", "mailto", ""}
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]*)", re.IGNORECASE)
# The theme's own script files and ours: same site, under assets/javascripts/, relative or
# absolute under the published path (404.html: /playbook/assets/…, from site_url).
_SCRIPT_FILE = re.compile(r"^(?:(?:/[\w.-]+)*/|(?:\.\./)*(?:\./)?)assets/javascripts/[\w./-]+\.js$")


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self._script: dict[str, str | None] | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name.lower(): value or "" for name, value in attrs}
        for name in attributes:
            if name.startswith("on"):
                self.findings.append(f"<{tag}> has an event attribute {name}=")
        if tag in FORBIDDEN_TAGS:
            self.findings.append(f"<{tag}> embeds or redirects")
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
            self.findings.append("<meta http-equiv=refresh> redirects")
        for name, value in attributes.items():
            if name in LINK_ATTRIBUTES or name == "srcset":
                self._address(tag, name, value)
            if name == "style":
                for address in _CSS_URL.findall(value):
                    self._image(tag, "style url()", address)
        if tag == "link" and "icon" in attributes.get("rel", ""):
            self._image(tag, "href", attributes.get("href", ""))
        if tag == "script":
            self._script, self._script_text = attributes, []

    def handle_startendtag(self, tag, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != "script" or self._script is None:
            return
        attributes, text = self._script, "".join(self._script_text)
        self._script = None
        if "src" in attributes:
            if not _SCRIPT_FILE.match(attributes["src"] or ""):
                self.findings.append(f"<script src={attributes['src']!r}> is not the theme's")
        elif attributes.get("type") == "application/json":
            if attributes.get("id") != "__config":
                self.findings.append("a JSON <script> that is not the theme's configuration")
        elif not csp.is_theme_script(text):
            self.findings.append(f"an inline <script> that is not the theme's: {text[:60]!r}")

    def _address(self, tag: str, name: str, value: str) -> None:
        values = (
            [part.strip().split(" ")[0] for part in value.split(",")]
            if name == "srcset"
            else [value]
        )
        for address in values:
            seen = as_browser_reads(address, decode_entities=False)
            if scheme_of(seen) not in SAFE_SCHEMES:
                self.findings.append(f"<{tag} {name}={address!r}> is a dangerous address")
            if tag in IMAGE_TAGS and name in {"src", "srcset", "poster", "href", "xlink:href"}:
                self._image(tag, name, address)

    def _image(self, tag: str, name: str, address: str) -> None:
        seen = as_browser_reads(address, decode_entities=False)
        other_site = scheme_of(seen) or seen.startswith("//")
        if other_site and not (scheme_of(seen) == "data" and name == "style url()"):
            self.findings.append(f"<{tag} {name}={address!r}> loads from another site")


def scan(page_html: str) -> list[str]:
    scanner = _Scanner()
    scanner.feed(page_html)
    scanner.close()
    return scanner.findings
