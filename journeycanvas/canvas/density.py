"""Grid density, a preference: how much room the canvas leaves around and inside cards.

Compact packs more cards on the screen, roomy gives them air; the map itself, its order and
its text stay the same, and so does the zoom. Exports lay maps out with the standard
spacing (DEFAULT_STYLE) whatever the canvas shows.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from journeycanvas.layout import DEFAULT_STYLE, LayoutStyle

GRID_DENSITIES = ("compact", "normal", "roomy")
DEFAULT_DENSITY = "normal"

_SPACING: dict[str, dict[str, Any]] = {
    "compact": {
        "cell_padding_mm": 1.5,
        "card_gap_mm": 1.2,
        "card_padding_mm": 1.4,
        "card_min_height_mm": 10.0,
        "row_min_height_mm": 16.0,
    },
    "normal": {},
    "roomy": {
        "cell_padding_mm": 5.5,
        "card_gap_mm": 4.5,
        "card_padding_mm": 2.8,
        "card_min_height_mm": 16.0,
        "row_min_height_mm": 34.0,
    },
}


def density_style(density: str, base: LayoutStyle = DEFAULT_STYLE) -> LayoutStyle:
    """`base` with the spacing of `density` (one of GRID_DENSITIES); ValueError otherwise."""
    if density not in _SPACING:
        raise ValueError(f"unknown grid density {density!r}; expected one of {GRID_DENSITIES}")
    return replace(base, **_SPACING[density])
