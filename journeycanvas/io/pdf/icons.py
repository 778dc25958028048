"""Small vector glyphs for the card kinds, defined once per PDF as form XObjects.

Each glyph is drawn on a unit square (y down, as `Pen` draws) with the current fill and
stroke colours, so one form serves every colour; `Pen.form` places it in an icon box.
"""

from __future__ import annotations

import math

from reportlab.pdfgen.canvas import Canvas

from journeycanvas.model.kinds import CardKind, LaneKind, default_card_kind


def _polygon(*points: tuple[float, float]) -> str:
    first, *rest = points
    return " ".join(
        [f"{first[0]:.3f} {first[1]:.3f} m", *(f"{x:.3f} {y:.3f} l" for x, y in rest), "h f"]
    )


def _circle(cx: float, cy: float, r: float, paint: str) -> str:
    k = r * 0.5523
    return (
        f"{cx + r:.3f} {cy:.3f} m {cx + r:.3f} {cy + k:.3f} {cx + k:.3f} {cy + r:.3f} "
        f"{cx:.3f} {cy + r:.3f} c {cx - k:.3f} {cy + r:.3f} {cx - r:.3f} {cy + k:.3f} "
        f"{cx - r:.3f} {cy:.3f} c {cx - r:.3f} {cy - k:.3f} {cx - k:.3f} {cy - r:.3f} "
        f"{cx:.3f} {cy - r:.3f} c {cx + k:.3f} {cy - r:.3f} {cx + r:.3f} {cy - k:.3f} "
        f"{cx + r:.3f} {cy:.3f} c {paint}"
    )


def _star() -> str:
    points = []
    for i in range(10):
        radius = 0.5 if i % 2 == 0 else 0.21
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((0.5 + radius * math.cos(angle), 0.54 + radius * math.sin(angle)))
    return _polygon(*points)


_GLYPHS: dict[CardKind, str] = {
    CardKind.ACTION: _polygon(
        (0.08, 0.4), (0.52, 0.4), (0.52, 0.14), (0.94, 0.5), (0.52, 0.86), (0.52, 0.6), (0.08, 0.6)
    ),
    CardKind.TOUCHPOINT: "0.12 w "
    + _circle(0.5, 0.5, 0.38, "S")
    + " "
    + _circle(0.5, 0.5, 0.16, "f"),
    CardKind.CHANNEL: (
        "0.11 w 1 j 0.1 0.14 0.8 0.52 re S 0.5 0.66 m 0.5 0.86 l S 0.26 0.88 m 0.74 0.88 l S"
    ),
    CardKind.THOUGHT: (
        "0.05 0.08 m 0.95 0.08 l 0.95 0.66 l 0.52 0.66 l 0.24 0.94 l 0.28 0.66 l 0.05 0.66 l h f"
    ),
    CardKind.EMOTION: (
        "0.1 w 1 J "
        + _circle(0.5, 0.5, 0.42, "S")
        + " "
        + _circle(0.36, 0.4, 0.075, "f")
        + " "
        + _circle(0.64, 0.4, 0.075, "f")
        + " 0.3 0.6 m 0.4 0.76 0.6 0.76 0.7 0.6 c S"
    ),
    CardKind.PAIN_POINT: _polygon(
        (0.6, 0.02),
        (0.16, 0.56),
        (0.45, 0.56),
        (0.36, 0.98),
        (0.84, 0.4),
        (0.55, 0.4),
        (0.68, 0.02),
    ),
    CardKind.OPPORTUNITY: _star(),
    CardKind.CONTENT_IDEA: _circle(0.5, 0.38, 0.32, "f")
    + " 0.36 0.68 0.28 0.12 re f 0.4 0.84 0.2 0.1 re f",
    CardKind.METRIC: "0.08 0.56 0.22 0.38 re f 0.39 0.34 0.22 0.6 re f 0.7 0.08 0.22 0.86 re f",
    CardKind.MILESTONE: "0.14 0.04 0.09 0.92 re f "
    + _polygon((0.23, 0.06), (0.9, 0.28), (0.23, 0.5)),
    CardKind.NOTE: "0.1 0.14 0.8 0.12 re f 0.1 0.44 0.8 0.12 re f 0.1 0.74 0.52 0.12 re f",
}


DOT = "jc-dot"
"""A disc filling the unit square: vote and persona dots."""


def icon_name(kind: CardKind) -> str:
    """The form name of a card kind's glyph."""
    return f"jc-icon-{kind.value}"


def lane_icon_name(kind: LaneKind) -> str:
    """The form name of the glyph of a lane kind (that of its default card kind)."""
    return icon_name(default_card_kind(kind))


def define_icons(canvas: Canvas) -> None:
    """Define every card kind's glyph as a form in the canvas's document (once per PDF)."""
    glyphs = {icon_name(kind): glyph for kind, glyph in _GLYPHS.items()}
    glyphs[DOT] = _circle(0.5, 0.5, 0.5, "f")
    for name, glyph in glyphs.items():
        canvas.beginForm(name, 0, 0, 1, 1)
        canvas.addLiteral(glyph)
        canvas.endForm()
