"""Slugs: the lowercase, hyphenated form of a name, for ids and page addresses."""

from __future__ import annotations

import re


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
