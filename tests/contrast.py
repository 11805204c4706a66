"""Colour contrast as WCAG 2.1 defines it, for colours read from a browser.

Browsers give computed colours as `rgb(r, g, b)` or `rgba(r, g, b, a)`. A translucent colour
is seen over what lies behind it, so a text or ring colour is composed over the element's
backdrop: the background colours of its ancestors, from the page down.
"""

from __future__ import annotations

import re

RGBA = tuple[float, float, float, float]
WHITE: RGBA = (255.0, 255.0, 255.0, 1.0)  # the canvas behind every page


def parse(colour: str) -> RGBA:
    """`rgb(…)` or `rgba(…)` as four numbers (0-255 channels and alpha 0-1)."""
    numbers = re.fullmatch(r"rgba?\(([^)]*)\)", colour.strip())
    if not numbers:
        raise ValueError(f"not an rgb() colour: {colour!r}")
    parts = [float(part) for part in re.split(r"[\s,/]+", numbers.group(1).strip()) if part]
    if len(parts) == 3:
        parts.append(1.0)
    return (parts[0], parts[1], parts[2], parts[3])


def over(top: RGBA, bottom: RGBA) -> RGBA:
    """`top` painted over an opaque `bottom`."""
    alpha = top[3]
    mixed = [top[i] * alpha + bottom[i] * (1 - alpha) for i in range(3)]
    return (mixed[0], mixed[1], mixed[2], 1.0)


def backdrop(backgrounds: list[str]) -> RGBA:
    """The opaque colour seen behind an element, from the background colours of the element
    and its ancestors, nearest first (as `getComputedStyle` gives them)."""
    seen = WHITE
    for colour in reversed(backgrounds):
        seen = over(parse(colour), seen)
    return seen


def luminance(colour: RGBA) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(foreground: str, backgrounds: list[str]) -> float:
    """The contrast ratio of a (maybe translucent) colour over an element's backdrop."""
    behind = backdrop(backgrounds)
    front = over(parse(foreground), behind)
    light, dark = sorted((luminance(front), luminance(behind)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# JavaScript: the background colours of an element and its ancestors, nearest first.
BACKGROUNDS_JS = """element => {
  const colours = [];
  for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
    colours.push(getComputedStyle(node).backgroundColor);
  }
  return colours;
}"""
