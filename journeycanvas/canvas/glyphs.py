"""The QPainter painter of the kinds' glyphs (`layout.glyph_shapes`), and their accents."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap

from journeycanvas.layout.glyph_shapes import (
    GLYPH_BOX,
    STROKE_WIDTH,
    Close,
    Curve,
    GlyphPath,
    Line,
    Move,
    glyph,
)
from journeycanvas.model.kinds import card_accent, lane_accent

_COLORS: dict[str, QColor] = {}


def _qcolor(name: str) -> QColor:
    color = _COLORS.get(name)
    if color is None:
        color = _COLORS[name] = QColor(name)
    return color


def accent(kind: str) -> QColor:
    """The accent colour of a card kind (grey for a kind this version does not know)."""
    return _qcolor(card_accent(kind))


def lane_accent_color(kind: str) -> QColor:
    """The accent colour of a lane kind: that of its default card kind."""
    return _qcolor(lane_accent(kind))


def _qpath(path: GlyphPath) -> QPainterPath:
    qpath = QPainterPath()
    for op in path.ops:
        match op:
            case Move(x, y):
                qpath.moveTo(x, y)
            case Line(x, y):
                qpath.lineTo(x, y)
            case Curve(x1, y1, x2, y2, x, y):
                qpath.cubicTo(x1, y1, x2, y2, x, y)
            case Close():
                qpath.closeSubpath()
    return qpath


_PATHS: dict[str, list[tuple[QPainterPath, bool, bool]]] = {}


def _paths(glyph_id: str) -> list[tuple[QPainterPath, bool, bool]]:
    """A glyph's paths as Qt paths, with whether each is filled and whether stroked."""
    paths = _PATHS.get(glyph_id)
    if paths is None:
        paths = _PATHS[glyph_id] = [
            (_qpath(path), path.paint != "stroke", path.paint != "fill") for path in glyph(glyph_id)
        ]
    return paths


def draw_glyph(painter: QPainter, glyph_id: str, rect: QRectF, color: QColor) -> None:
    """Draw a glyph inside `rect` in `color`."""
    painter.save()
    pen = QPen(color, STROKE_WIDTH)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    size = min(rect.width(), rect.height())
    painter.translate(rect.center())
    painter.scale(size / GLYPH_BOX, size / GLYPH_BOX)
    for path, filled, stroked in _paths(glyph_id):
        painter.setPen(pen if stroked else Qt.PenStyle.NoPen)
        painter.setBrush(color if filled else Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
    painter.restore()


_GLYPH_PIXMAPS: dict[tuple[str, int, int], QPixmap] = {}
_MAX_CACHED_PX = 96


def draw_glyph_cached(
    painter: QPainter, glyph_id: str, rect: QRectF, color: QColor, pixels: float
) -> None:
    """Draw a glyph from a picture made once per glyph, colour and size.

    `pixels` is the glyph's size on the device; very large glyphs are drawn directly.
    """
    size = round(pixels)
    if size > _MAX_CACHED_PX or size < 1:
        draw_glyph(painter, glyph_id, rect, color)
        return
    key = (glyph_id, color.rgba(), size)
    pixmap = _GLYPH_PIXMAPS.get(key)
    if pixmap is None:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        picture = QPainter(pixmap)
        picture.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw_glyph(picture, glyph_id, QRectF(0, 0, size, size), color)
        picture.end()
        _GLYPH_PIXMAPS[key] = pixmap
    painter.drawPixmap(rect, pixmap, QRectF(0, 0, size, size))
