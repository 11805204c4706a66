"""A tile-grid map of the US: one equal square per state, drawn as inline SVG from data.

No map library, no geometry: the usual tile-grid layout is a table of (row, column) below.
This module places the tiles; templates/tile_map.html.j2 draws them, escaping every value.
States with a page are links (keyboard-reachable, with an accessible name); a state's cohort
shows as a colour AND a pattern on the tile (never colour alone), explained by a legend.
"""

from __future__ import annotations

from typing import NamedTuple

from markupsafe import Markup

from macros.pages.common import checked_target
from macros.render import environment

# The common tile-grid layout (12 columns × 8 rows): USPS code -> (row, column).
LAYOUT: dict[str, tuple[int, int]] = {
    "AK": (0, 0), "ME": (0, 11),
    "WI": (1, 6), "VT": (1, 10), "NH": (1, 11),
    "WA": (2, 1), "ID": (2, 2), "MT": (2, 3), "ND": (2, 4), "MN": (2, 5), "IL": (2, 6),
    "MI": (2, 7), "NY": (2, 9), "MA": (2, 10),
    "OR": (3, 1), "NV": (3, 2), "WY": (3, 3), "SD": (3, 4), "IA": (3, 5), "IN": (3, 6),
    "OH": (3, 7), "PA": (3, 8), "NJ": (3, 9), "CT": (3, 10), "RI": (3, 11),
    "CA": (4, 1), "UT": (4, 2), "CO": (4, 3), "NE": (4, 4), "MO": (4, 5), "KY": (4, 6),
    "WV": (4, 7), "VA": (4, 8), "MD": (4, 9), "DE": (4, 10),
    "AZ": (5, 2), "NM": (5, 3), "KS": (5, 4), "AR": (5, 5), "TN": (5, 6), "NC": (5, 7),
    "SC": (5, 8), "DC": (5, 9),
    "OK": (6, 4), "LA": (6, 5), "MS": (6, 6), "AL": (6, 7), "GA": (6, 8),
    "HI": (7, 0), "TX": (7, 4), "FL": (7, 9),
}  # fmt: skip
COLUMNS = 12
TILE, GAP = 56, 4
STEP = TILE + GAP

# Styles of a state with stories, by cohort position. Every fill is dark enough for white
# labels (contrast ≥ 7:1); every style has its own pattern, so colour is never alone.
STYLES = (
    ("#0b5563", "stripes"),  # teal, diagonal stripes
    ("#6a2c70", "dots"),  # plum, dots
    ("#8a3b12", "crosshatch"),  # rust, cross-hatch
    ("#2f4b7c", "bars"),  # navy, vertical bars
)
# A state in the playbook that is not a recorded grantee: a light tile with a dark outline,
# unlike the filled grantee tiles. Dark label: contrast 10.9:1.
OTHER_FILL, OTHER_TEXT, OTHER_STROKE = "#dcebf5", "#123449", "#2c6a93"
EMPTY_FILL, EMPTY_TEXT = "#eef0f2", "#4a5058"  # nothing in the playbook yet: 7.4:1


class Tile(NamedTuple):
    code: str
    name: str
    url: str | None  # the state's page, when it has one
    label: str  # the accessible name, starting with the visible code: "KS Kansas: 4 stories…"
    style: str  # a key of the legend ("cohort-<id>", "other" or "empty")


class LegendEntry(NamedTuple):
    style: str
    label: str


def style_key(cohorts: list[str]) -> str:
    return f"cohort-{cohorts[0]}" if cohorts else "other"


# The pattern of each style, drawn in white over the style's fill (our own SVG).
SHAPES = {
    "stripes": '<path d="M-2 2l4-4M0 12L12 0M10 14l4-4" stroke="#fff" stroke-width="2"/>',
    "dots": '<circle cx="6" cy="6" r="2" fill="#fff"/>',
    "crosshatch": '<path d="M0 0L12 12M12 0L0 12" stroke="#fff" stroke-width="1.5"/>',
    "bars": '<path d="M3 0v12M9 0v12" stroke="#fff" stroke-width="2"/>',
    "plain": "",
}
COLOURS = {
    "EMPTY_FILL": EMPTY_FILL,
    "EMPTY_TEXT": EMPTY_TEXT,
    "OTHER_FILL": OTHER_FILL,
    "OTHER_TEXT": OTHER_TEXT,
    "OTHER_STROKE": OTHER_STROKE,
}


class Pattern(NamedTuple):
    key: str
    fill: str
    shapes: Markup  # from SHAPES: ours


class PlacedTile(NamedTuple):
    tile: Tile
    target: Markup | None  # the tile's url, checked: made by code from page addresses
    x: int
    y: int
    fill: str  # the cohort's colour ("" for other and empty tiles)


class TileMap(NamedTuple):
    width: int
    height: int
    title: str
    patterns: list[Pattern]
    tiles: list[PlacedTile]


class Swatch(NamedTuple):
    entry: LegendEntry
    fill: str | None  # the cohort's colour, for a cohort's entry


def styles_for(cohort_ids: list[str]) -> dict[str, tuple[str, str]]:
    """Fill colour and pattern of each legend key, cohorts in the data's order."""
    return {f"cohort-{c}": STYLES[i % len(STYLES)] for i, c in enumerate(cohort_ids)}


def positions(codes: list[str]) -> dict[str, tuple[int, int]]:
    """Each code's place; codes outside the 50 states and DC go in a row of their own."""
    extra_row = max(r for r, _ in LAYOUT.values()) + 1
    out, extra = {}, 0
    for code in codes:
        if code in LAYOUT:
            out[code] = LAYOUT[code]
        else:
            out[code] = (extra_row + extra // COLUMNS, extra % COLUMNS)
            extra += 1
    return out


def svg(tiles: list[Tile], cohort_ids: list[str], title: str) -> str:
    """The map as one line of SVG (no blank lines, so Markdown keeps it as a raw block)."""
    styles = styles_for(cohort_ids)
    where = positions([t.code for t in tiles])
    rows = max((r for r, _ in where.values()), default=0) + 1
    patterns = [
        Pattern(key, fill, Markup(SHAPES[pattern])) for key, (fill, pattern) in styles.items()
    ]
    placed = [
        PlacedTile(
            t,
            None if t.url is None else checked_target(t.url),
            where[t.code][1] * STEP,
            where[t.code][0] * STEP,
            styles[t.style][0] if t.style in styles else "",
        )
        for t in tiles
    ]
    drawing = TileMap(COLUMNS * STEP - GAP, rows * STEP - GAP, title, patterns, placed)
    return _render(map=drawing, legend=None)


def legend(entries: list[LegendEntry], cohort_ids: list[str]) -> str:
    """A list of swatches drawn like the tiles, each with its meaning in words."""
    styles = styles_for(cohort_ids)
    swatches = [Swatch(e, styles[e.style][0] if e.style in styles else None) for e in entries]
    return _render(map=None, legend=swatches)


def _render(**context: object) -> str:
    sizes = {"TILE": TILE}
    return environment.render("tile_map.html.j2", colours=COLOURS, size=sizes, **context)
