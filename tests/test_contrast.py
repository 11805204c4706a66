"""The contrast arithmetic the browser tests rely on, against WCAG's own reference values."""

from __future__ import annotations

import pytest

from tests.contrast import backdrop, parse, ratio


def test_black_on_white_is_21_to_1_and_a_colour_on_itself_1_to_1():
    assert ratio("rgb(0, 0, 0)", ["rgb(255, 255, 255)"]) == pytest.approx(21)
    assert ratio("rgb(29, 78, 111)", ["rgb(29, 78, 111)"]) == pytest.approx(1)


def test_the_grey_that_just_passes_aa_on_white():
    # #767676 is the lightest grey with 4.5:1 on white (4.54:1).
    assert ratio("rgb(118, 118, 118)", ["rgb(255, 255, 255)"]) == pytest.approx(4.54, abs=0.01)
    assert ratio("rgb(119, 119, 119)", ["rgb(255, 255, 255)"]) < 4.5


def test_translucent_colours_are_seen_over_what_lies_behind_them():
    # Transparent ancestors change nothing; the page itself is white.
    assert backdrop(["rgba(0, 0, 0, 0)", "rgba(0, 0, 0, 0)"]) == (255, 255, 255, 1)
    assert backdrop(["rgba(0, 0, 0, 0.5)", "rgb(200, 0, 0)"]) == (100, 0, 0, 1)
    # Half-transparent black text on white looks like mid grey.
    assert ratio("rgba(0, 0, 0, 0.5)", []) == pytest.approx(ratio("rgb(127.5, 127.5, 127.5)", []))


def test_anything_but_an_rgb_colour_is_refused():
    with pytest.raises(ValueError, match="not an rgb"):
        parse("#ffffff")
