"""The printed palette: ink, grid and accent colours, and small colour arithmetic.

Colours are "#rrggbb" strings, as in the model; `Pen` turns them into PDF operators.
"""

from __future__ import annotations

from functools import cache

from journeycanvas.model.kinds import (
    CARD_KIND_ACCENTS,
    CardKind,
    ConnectorKind,
    LaneKind,
    default_card_kind,
)

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

CONNECTOR_COLORS: dict[ConnectorKind, str] = {
    ConnectorKind.FLOW: "#455a64",
    ConnectorKind.BRANCH: "#5e35b1",
    ConnectorKind.BREAKPOINT: "#d32f2f",
}

VOTE_DOT = "#283593"
EMOTION_CURVE = "#ef6c00"

KIND_NAMES: dict[CardKind, str] = {
    CardKind.ACTION: "Action",
    CardKind.TOUCHPOINT: "Touchpoint",
    CardKind.CHANNEL: "Channel",
    CardKind.THOUGHT: "Thought",
    CardKind.EMOTION: "Emotion",
    CardKind.PAIN_POINT: "Pain point",
    CardKind.OPPORTUNITY: "Opportunity",
    CardKind.CONTENT_IDEA: "Content idea",
    CardKind.METRIC: "Metric",
    CardKind.MILESTONE: "Milestone",
    CardKind.NOTE: "Note",
}
"""English names of the card kinds, for legends (the PDF is written without Qt)."""


def lane_accent(kind: LaneKind) -> str:
    """The accent colour of a lane: that of the cards it makes by default."""
    return CARD_KIND_ACCENTS[default_card_kind(kind)]


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
