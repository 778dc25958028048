"""The printed palette: ink, grid and accent colours, and small colour arithmetic.

Colours are "#rrggbb" strings, as in the model; `Pen` turns them into PDF operators.
"""

from __future__ import annotations

from functools import cache

from journeycanvas.model.kinds import connector_kind_spec

INK = "#1f2a30"
"""Body text."""
MUTED = "#5f6f78"
"""Secondary text: goals, notes, footers."""
FAINT = "#90a4ae"
"""Hints and captions that must not compete with the map."""
GRID = "#cfd8dc"
"""Thin grid lines."""
PAPER = "#ffffff"
HEADER_BG = "#eceff1"
"""Lane headers and other neutral bands."""

VOTE_DOT = "#283593"
EMOTION_CURVE = "#ef6c00"


def connector_color(kind: str) -> str:
    """The colour of a connector kind (that of a flow for a kind this version lacks)."""
    return connector_kind_spec(kind).color


@cache
def rgb(color: str) -> tuple[float, float, float]:
    """A "#rrggbb" colour as three fractions 0..1."""
    value = int(color[1:7], 16)
    return ((value >> 16) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255)


def _hex(red: float, green: float, blue: float) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in (red, green, blue))


@cache
def mix(color: str, other: str, amount: float) -> str:
    """`color` moved `amount` (0..1) of the way towards `other`."""
    a, b = rgb(color), rgb(other)
    return _hex(*(x + (y - x) * amount for x, y in zip(a, b, strict=True)))


@cache
def luminance(color: str) -> float:
    """Relative luminance (WCAG) of a colour, 0 black .. 1 white."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = map(linear, rgb(color))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def ink_on(background: str) -> str:
    """White or dark ink, whichever reads better on `background`."""
    return PAPER if luminance(background) < 0.4 else INK


def border_of(fill: str) -> str:
    """A card's outline: its fill, darkened."""
    return mix(fill, INK, 0.22)
