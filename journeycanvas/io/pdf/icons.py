"""The PDF painter of the kinds' glyphs (`layout.glyph_shapes`): one form XObject each.

Each glyph is written once per PDF on a unit square (y down, as `Pen` draws) with the
current fill and stroke colours, so one form serves every colour; `Pen.form` places it in
an icon box.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from journeycanvas.layout.glyph_shapes import (
    GLYPH_BOX,
    GLYPH_IDS,
    STROKE_WIDTH,
    Close,
    Curve,
    Glyph,
    GlyphPath,
    Line,
    Move,
    card_glyph_id,
    ellipse,
    glyph,
    lane_glyph_id,
)

DOT = "jc-dot"
"""A disc filling the unit square: vote and persona dots."""

_PAINT = {"fill": "f", "stroke": "S", "both": "B"}


def _unit(value: float) -> str:
    """A glyph coordinate (centred box of side `GLYPH_BOX`) on the unit square."""
    return f"{value / GLYPH_BOX + 0.5:.4f}"


def _path_operators(path: GlyphPath) -> str:
    parts = []
    for op in path.ops:
        match op:
            case Move(x, y):
                parts.append(f"{_unit(x)} {_unit(y)} m")
            case Line(x, y):
                parts.append(f"{_unit(x)} {_unit(y)} l")
            case Curve(x1, y1, x2, y2, x, y):
                parts.append(" ".join(_unit(v) for v in (x1, y1, x2, y2, x, y)) + " c")
            case Close():
                parts.append("h")
    parts.append(_PAINT[path.paint])
    return " ".join(parts)


def glyph_operators(shape: Glyph) -> str:
    """A glyph as PDF path operators on the unit square, in the current colours."""
    width = f"{STROKE_WIDTH / GLYPH_BOX:.4f} w 1 J 1 j"
    return " ".join([width, *(_path_operators(path) for path in shape)])


def icon_name(glyph_id: str) -> str:
    """The form name of a glyph."""
    return f"jc-icon-{glyph_id.replace('+', 'p').replace('-', 'm')}"


def card_icon_name(kind: str, emotion: int | None = None) -> str:
    """The form name of the glyph of a card of `kind` (with its emotion score, if any)."""
    return icon_name(card_glyph_id(kind, emotion))


def lane_icon_name(kind: str) -> str:
    """The form name of the glyph of a lane kind."""
    return icon_name(lane_glyph_id(kind))


def define_icons(canvas: Canvas) -> None:
    """Define every glyph as a form in the canvas's document (once per PDF)."""
    forms = {icon_name(glyph_id): glyph_operators(glyph(glyph_id)) for glyph_id in GLYPH_IDS}
    forms[DOT] = _path_operators(GlyphPath(ellipse(0, 0, GLYPH_BOX / 2), "fill"))
    for name, operators in forms.items():
        canvas.beginForm(name, 0, 0, 1, 1)
        canvas.addLiteral(operators)
        canvas.endForm()
