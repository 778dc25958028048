"""The kinds' glyphs as small vector drawings, drawn alike on screen and on paper.

A glyph is a few paths in a 10 × 10 box centred on the origin, y growing downwards, each
filled, stroked or both in the glyph's one colour with round caps and joins. Paths are
made of four operations (move, line, cubic curve, close), so a painter needs only those:
`canvas.glyphs` draws them with QPainter, `io.pdf.icons` writes them as PDF operators.
Glyph ids are named by the kind registry (`model.kinds`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from journeycanvas.model.kinds import UNKNOWN_GLYPH, KindField, card_kind_spec, lane_kind_spec

GLYPH_BOX = 10.0
"""The side of the square every glyph is drawn in, centred on the origin."""

STROKE_WIDTH = 1.2
"""The width of a glyph's strokes, in glyph units (12 % of its size)."""

KAPPA = 0.5522847498
"""Bezier control distance of a quarter circle, as a fraction of the radius."""

Paint = Literal["fill", "stroke", "both"]
"""How a path is painted: filled, stroked, or filled and then stroked."""


@dataclass(frozen=True, slots=True)
class Move:
    """Start a new subpath at (x, y)."""

    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Line:
    """A straight segment to (x, y)."""

    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Curve:
    """A cubic Bézier segment through controls (x1, y1), (x2, y2) to (x, y)."""

    x1: float
    y1: float
    x2: float
    y2: float
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Close:
    """Close the current subpath."""


PathOp = Move | Line | Curve | Close


@dataclass(frozen=True, slots=True)
class GlyphPath:
    """One path of a glyph and how it is painted."""

    ops: tuple[PathOp, ...]
    paint: Paint


Glyph = tuple[GlyphPath, ...]
"""A glyph: its paths, painted in order."""


# ---------------------------------------------------------------------- path builders


def polygon(*points: tuple[float, float]) -> tuple[PathOp, ...]:
    """A closed polygon through `points`."""
    (x0, y0), *rest = points
    return (Move(x0, y0), *(Line(x, y) for x, y in rest), Close())


def rectangle(x: float, y: float, w: float, h: float) -> tuple[PathOp, ...]:
    """A rectangle with its top-left corner at (x, y)."""
    return polygon((x, y), (x + w, y), (x + w, y + h), (x, y + h))


def ellipse(cx: float, cy: float, rx: float, ry: float | None = None) -> tuple[PathOp, ...]:
    """An ellipse (a circle without `ry`) as four quarter curves."""
    ry = rx if ry is None else ry
    kx, ky = rx * KAPPA, ry * KAPPA
    return (
        Move(cx + rx, cy),
        Curve(cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry),
        Curve(cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy),
        Curve(cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry),
        Curve(cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy),
        Close(),
    )


def arc(
    cx: float, cy: float, rx: float, ry: float, start: float, sweep: float
) -> tuple[PathOp, ...]:
    """An open elliptical arc from angle `start` over `sweep` degrees (counter-clockwise
    on screen, as Qt's arcs: 0° points right, 90° up), in curves of at most 90°."""
    steps = max(1, math.ceil(abs(sweep) / 90 - 1e-9))
    step = math.radians(sweep / steps)
    k = 4 / 3 * math.tan(step / 4)

    def point(angle: float) -> tuple[float, float]:
        return cx + rx * math.cos(angle), cy - ry * math.sin(angle)

    angle = math.radians(start)
    ops: list[PathOp] = [Move(*point(angle))]
    for _ in range(steps):
        end = angle + step
        (x0, y0), (x3, y3) = point(angle), point(end)
        c1 = (x0 - k * rx * math.sin(angle), y0 - k * ry * math.cos(angle))
        c2 = (x3 + k * rx * math.sin(end), y3 + k * ry * math.cos(end))
        ops.append(Curve(*c1, *c2, x3, y3))
        angle = end
    return tuple(ops)


def _segment(x0: float, y0: float, x1: float, y1: float) -> tuple[PathOp, ...]:
    return (Move(x0, y0), Line(x1, y1))


def _path(paint: Paint, *parts: tuple[PathOp, ...]) -> GlyphPath:
    return GlyphPath(tuple(op for part in parts for op in part), paint)


# ---------------------------------------------------------------------- the glyphs


def _star() -> tuple[PathOp, ...]:
    return polygon(
        *(
            (
                r * math.cos(-math.pi / 2 + i * math.pi / 5),
                r * math.sin(-math.pi / 2 + i * math.pi / 5),
            )
            for i, r in enumerate([4.6, 2.0] * 5)
        )
    )


def face(score: int | None) -> Glyph:
    """An emotion card's face: its mouth follows the score, from a frown at −3 through a
    straight line at 0 to a broad smile at +3; no score draws a gentle smile."""
    bend = 1.0 if score is None else max(-3, min(3, score)) / 3 * 1.4
    # The corners rise as the middle falls (a smile), and fall as it rises (a frown).
    corner_y, middle_y = 1.75 - bend * 0.35, 1.75 + bend
    mouth = (Move(-2.4, corner_y), Curve(-1.2, middle_y, 1.2, middle_y, 2.4, corner_y))
    return (
        _path("stroke", ellipse(0, 0, 4.4)),
        _path("both", ellipse(-1.5, -1.2, 0.5), ellipse(1.5, -1.2, 0.5)),
        _path("stroke", mouth),
    )


_GLYPHS: dict[str, Glyph] = {
    "action": (_path("both", polygon((-3, -4), (4, 0), (-3, 4))),),
    "touchpoint": (
        _path("stroke", ellipse(0, 0, 4)),
        _path("both", ellipse(0, 0, 1.4)),
    ),
    "channel": (
        _path("both", ellipse(-3.5, 3.5, 1.1)),
        _path("stroke", arc(-3.5, 3.5, 3.5, 3.5, 0, 90), arc(-3.5, 3.5, 6.5, 6.5, 0, 90)),
    ),
    "thought": (
        _path("stroke", ellipse(0, -1.25, 4.5, 3.25)),
        _path("both", ellipse(-2.6, 3.4, 0.9), ellipse(-4.0, 4.6, 0.5)),
    ),
    "face": face(None),
    "pain_point": (
        _path(
            "both",
            polygon((1.2, -4.8), (-3.0, 0.6), (-0.2, 0.6), (-1.2, 4.8), (3.0, -0.8), (0.2, -0.8)),
        ),
    ),
    "opportunity": (_path("both", _star()),),
    "content_idea": (
        _path(
            "stroke",
            polygon((-3.5, -4.5), (1.5, -4.5), (3.5, -2.5), (3.5, 4.5), (-3.5, 4.5)),
            *(_segment(-1.8, y, 1.8, y) for y in (-1.2, 0.9, 3.0)),
        ),
    ),
    "metric": (
        _path(
            "fill",
            *(rectangle(x, 4.5 - h, 2.2, h) for x, h in ((-4.0, 3.5), (-1.0, 6.0), (2.0, 8.5))),
        ),
    ),
    "milestone": (
        _path("stroke", _segment(-3.0, -4.8, -3.0, 4.8)),
        _path("both", polygon((-3, -4.5), (4, -2.5), (-3, -0.5))),
    ),
    "note": (
        _path(
            "stroke",
            rectangle(-4, -4, 8, 8),
            _segment(-2.2, -1.6, 2.2, -1.6),
            _segment(-2.2, 0.6, 2.2, 0.6),
            _segment(-2.2, 2.6, 0.5, 2.6),
        ),
    ),
    "people": (
        _path(
            "stroke",
            ellipse(-1.8, -2.0, 1.8),
            arc(-1.8, 4.5, 3.2, 3.5, 0, 180),
            ellipse(2.6, -1.0, 1.4),
            arc(2.7, 4.3, 2.3, 2.7, 0, 180),
        ),
    ),
    UNKNOWN_GLYPH: (
        _path("stroke", polygon((0, -4.2), (4.2, 0), (0, 4.2), (-4.2, 0))),
        _path("both", ellipse(0, 0, 0.8)),
    ),
}
for _score in range(-3, 4):
    _GLYPHS[f"face{_score:+d}"] = face(_score)


GLYPH_IDS: tuple[str, ...] = tuple(_GLYPHS)
"""Every glyph id, e.g. to define each once per PDF."""


def glyph(glyph_id: str) -> Glyph:
    """The glyph with id `glyph_id` (the neutral glyph for an id this version lacks)."""
    return _GLYPHS.get(glyph_id, _GLYPHS[UNKNOWN_GLYPH])


def card_glyph_id(kind: str, emotion: int | None = None) -> str:
    """The glyph id of a card of `kind`: a kind with an emotion score shows a face that
    follows its score."""
    spec = card_kind_spec(kind)
    if emotion is not None and spec.known and KindField.EMOTION in spec.fields:
        scored = f"{spec.glyph}{max(-3, min(3, emotion)):+d}"
        if scored in _GLYPHS:
            return scored
    return spec.glyph


def lane_glyph_id(kind: str) -> str:
    """The glyph id of a lane kind."""
    return lane_kind_spec(kind).glyph
