"""A tile-grid map of the US: one equal square per state, drawn as inline SVG from data.

No map library, no geometry: the usual tile-grid layout is a table of (row, column) below.
States with a page are links (keyboard-reachable, with an accessible name); a state's cohort
shows as a colour AND a pattern on the tile (never colour alone), explained by a legend.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.render.markdown import html_text

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


@dataclass(frozen=True)
class Tile:
    code: str
    name: str
    url: str | None  # the state's page, when it has one
    label: str  # the accessible name, starting with the visible code: "KS Kansas: 4 stories…"
    style: str  # a key of the legend ("cohort-<id>", "other" or "empty")


@dataclass(frozen=True)
class LegendEntry:
    style: str
    label: str


def style_key(cohorts: list[str]) -> str:
    return f"cohort-{cohorts[0]}" if cohorts else "other"


def _patterns(styles: dict[str, tuple[str, str]]) -> str:
    defs = []
    for key, (fill, pattern) in styles.items():
        shapes = {
            "stripes": '<path d="M-2 2l4-4M0 12L12 0M10 14l4-4" stroke="#fff" stroke-width="2"/>',
            "dots": '<circle cx="6" cy="6" r="2" fill="#fff"/>',
            "crosshatch": '<path d="M0 0L12 12M12 0L0 12" stroke="#fff" stroke-width="1.5"/>',
            "bars": '<path d="M3 0v12M9 0v12" stroke="#fff" stroke-width="2"/>',
            "plain": "",
        }[pattern]
        defs.append(
            f'<pattern id="pb-tile-{key}" width="12" height="12" patternUnits="userSpaceOnUse">'
            f'<rect width="12" height="12" fill="{fill}"/>{shapes}</pattern>'
        )
    return "".join(defs)


def styles_for(cohort_ids: list[str]) -> dict[str, tuple[str, str]]:
    """Fill colour and pattern of each legend key, cohorts in the data's order."""
    return {f"cohort-{c}": STYLES[i % len(STYLES)] for i, c in enumerate(cohort_ids)}


def _tile_svg(tile: Tile, row: int, col: int, styles: dict[str, tuple[str, str]]) -> str:
    x, y = col * STEP, row * STEP
    if tile.url is None:
        return (
            f'<g class="pb-tile pb-tile--empty" role="img" aria-label="{html_text(tile.label)}">'
            f'<rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="4" fill="{EMPTY_FILL}"/>'
            f'<text x="{x + TILE / 2}" y="{y + TILE / 2 + 5}" fill="{EMPTY_TEXT}">'
            f"{html_text(tile.code)}</text></g>"
        )
    if tile.style == "other":
        return (
            f'<a class="pb-tile pb-tile--other" href="{html_text(tile.url)}" '
            f'aria-label="{html_text(tile.label)}" data-state="{html_text(tile.code)}">'
            f"<title>{html_text(tile.label)}</title>"
            f'<rect x="{x + 1}" y="{y + 1}" width="{TILE - 2}" height="{TILE - 2}" rx="4" '
            f'fill="{OTHER_FILL}" stroke="{OTHER_STROKE}" stroke-width="2"/>'
            f'<text x="{x + TILE / 2}" y="{y + TILE / 2 + 5}" fill="{OTHER_TEXT}">'
            f"{html_text(tile.code)}</text>"
            f'<rect class="pb-tile__focus" x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="4"/>'
            f"</a>"
        )
    fill = styles[tile.style][0]
    # The label sits on solid colour; the cohort's pattern fills a band under it.
    return (
        f'<a class="pb-tile pb-tile--{html_text(tile.style)}" href="{html_text(tile.url)}" '
        f'aria-label="{html_text(tile.label)}" data-state="{html_text(tile.code)}">'
        f"<title>{html_text(tile.label)}</title>"
        f'<rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="4" fill="{fill}"/>'
        f'<rect x="{x + 4}" y="{y + 36}" width="{TILE - 8}" height="16" rx="2" '
        f'fill="url(#pb-tile-{html_text(tile.style)})"/>'
        f'<text x="{x + TILE / 2}" y="{y + 25}" fill="#fff">{html_text(tile.code)}</text>'
        f'<rect class="pb-tile__focus" x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="4"/>'
        f"</a>"
    )


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
    width, height = COLUMNS * STEP - GAP, rows * STEP - GAP
    body = "".join(_tile_svg(t, *where[t.code], styles) for t in tiles)
    return (
        f'<svg class="pb-tile-map" viewBox="0 0 {width} {height}" role="group" '
        f'aria-label="{html_text(title)}" xmlns="http://www.w3.org/2000/svg">'
        f"<defs>{_patterns(styles)}</defs>{body}</svg>"
    )


def legend(entries: list[LegendEntry], cohort_ids: list[str]) -> str:
    """A list of swatches drawn like the tiles, each with its meaning in words."""
    styles = styles_for(cohort_ids)
    items = []
    for entry in entries:
        if entry.style == "empty":
            swatch = f'<rect width="28" height="28" rx="3" fill="{EMPTY_FILL}" stroke="#767676"/>'
        elif entry.style == "other":
            swatch = (
                f'<rect x="1" y="1" width="26" height="26" rx="3" fill="{OTHER_FILL}" '
                f'stroke="{OTHER_STROKE}" stroke-width="2"/>'
            )
        else:
            fill = styles[entry.style][0]
            swatch = (
                f'<rect width="28" height="28" rx="3" fill="{fill}"/>'
                f'<rect x="3" y="15" width="22" height="10" rx="2" '
                f'fill="url(#pb-tile-{html_text(entry.style)})"/>'
            )
        items.append(
            f'<li><svg width="28" height="28" aria-hidden="true" focusable="false">'
            f"{swatch}</svg> {html_text(entry.label)}</li>"
        )
    return f'<ul class="pb-tile-legend" aria-label="Legend">{"".join(items)}</ul>'
