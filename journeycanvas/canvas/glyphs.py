"""Small vector glyphs for card and lane kinds, drawn in code, and the kinds' accent colours."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from journeycanvas.model.kinds import CARD_KIND_ACCENTS, CardKind, LaneKind, default_card_kind

_ACCENT_COLORS = {kind: QColor(value) for kind, value in CARD_KIND_ACCENTS.items()}


def accent(kind: CardKind) -> QColor:
    """The accent colour of a card kind."""
    return _ACCENT_COLORS[kind]


_GLYPH_PIXMAPS: dict[tuple[CardKind, int], QPixmap] = {}
_MAX_CACHED_PX = 96


def draw_card_glyph_cached(painter: QPainter, kind: CardKind, rect: QRectF, pixels: float) -> None:
    """Draw a card kind's glyph (in its accent colour) from a picture made once per size.

    `pixels` is the glyph's size on the device; very large glyphs are drawn directly.
    """
    size = round(pixels)
    if size > _MAX_CACHED_PX or size < 1:
        draw_card_glyph(painter, kind, rect, accent(kind))
        return
    pixmap = _GLYPH_PIXMAPS.get((kind, size))
    if pixmap is None:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        picture = QPainter(pixmap)
        picture.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw_card_glyph(picture, kind, QRectF(0, 0, size, size), accent(kind))
        picture.end()
        _GLYPH_PIXMAPS[(kind, size)] = pixmap
    painter.drawPixmap(rect, pixmap, QRectF(0, 0, size, size))


def draw_card_glyph(painter: QPainter, kind: CardKind, rect: QRectF, color: QColor) -> None:
    """Draw the glyph of a card kind inside `rect` in `color`."""
    painter.save()
    size = min(rect.width(), rect.height())
    pen = QPen(color, size * 0.12)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.translate(rect.center())
    painter.scale(size / 10, size / 10)
    _GLYPHS[kind](painter, color)
    painter.restore()


def draw_lane_glyph(painter: QPainter, kind: LaneKind, rect: QRectF, color: QColor) -> None:
    """Draw the glyph of a lane kind (that of its default card kind; backstage has its own)."""
    if kind == LaneKind.BACKSTAGE:
        painter.save()
        size = min(rect.width(), rect.height())
        painter.setPen(QPen(color, size * 0.12))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.translate(rect.center())
        painter.scale(size / 10, size / 10)
        _people(painter, color)
        painter.restore()
        return
    draw_card_glyph(painter, default_card_kind(kind), rect, color)


# Each glyph draws in a 10 × 10 box centred on the origin, with the painter's pen.


def _action(painter: QPainter, color: QColor) -> None:
    painter.setBrush(color)
    painter.drawPolygon(QPolygonF([QPointF(-3, -4), QPointF(4, 0), QPointF(-3, 4)]))


def _touchpoint(painter: QPainter, color: QColor) -> None:
    painter.drawEllipse(QPointF(0, 0), 4, 4)
    painter.setBrush(color)
    painter.drawEllipse(QPointF(0, 0), 1.4, 1.4)


def _channel(painter: QPainter, color: QColor) -> None:
    painter.setBrush(color)
    painter.drawEllipse(QPointF(-3.5, 3.5), 1.1, 1.1)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for radius in (3.5, 6.5):
        painter.drawArc(QRectF(-3.5 - radius, 3.5 - radius, 2 * radius, 2 * radius), 0, 90 * 16)


def _thought(painter: QPainter, color: QColor) -> None:
    painter.drawEllipse(QRectF(-4.5, -4.5, 9, 6.5))
    painter.setBrush(color)
    painter.drawEllipse(QPointF(-2.6, 3.4), 0.9, 0.9)
    painter.drawEllipse(QPointF(-4.0, 4.6), 0.5, 0.5)


def _emotion(painter: QPainter, color: QColor) -> None:
    painter.drawEllipse(QPointF(0, 0), 4.4, 4.4)
    painter.setBrush(color)
    painter.drawEllipse(QPointF(-1.5, -1.2), 0.5, 0.5)
    painter.drawEllipse(QPointF(1.5, -1.2), 0.5, 0.5)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawArc(QRectF(-2.4, -1.6, 4.8, 4.2), 200 * 16, 140 * 16)


def _pain_point(painter: QPainter, color: QColor) -> None:
    painter.setBrush(color)
    bolt = QPolygonF(
        [
            QPointF(1.2, -4.8),
            QPointF(-3.0, 0.6),
            QPointF(-0.2, 0.6),
            QPointF(-1.2, 4.8),
            QPointF(3.0, -0.8),
            QPointF(0.2, -0.8),
        ]
    )
    painter.drawPolygon(bolt)


_STAR = QPolygonF(
    [
        QPointF(
            r * math.cos(-math.pi / 2 + i * math.pi / 5),
            r * math.sin(-math.pi / 2 + i * math.pi / 5),
        )
        for i, r in enumerate([4.6, 2.0] * 5)
    ]
)


def _opportunity(painter: QPainter, color: QColor) -> None:
    painter.setBrush(color)
    painter.drawPolygon(_STAR)


def _content_idea(painter: QPainter, color: QColor) -> None:
    page = QPainterPath()
    page.moveTo(-3.5, -4.5)
    page.lineTo(1.5, -4.5)
    page.lineTo(3.5, -2.5)
    page.lineTo(3.5, 4.5)
    page.lineTo(-3.5, 4.5)
    page.closeSubpath()
    painter.drawPath(page)
    for y in (-1.2, 0.9, 3.0):
        painter.drawLine(QPointF(-1.8, y), QPointF(1.8, y))


def _metric(painter: QPainter, color: QColor) -> None:
    painter.setBrush(color)
    painter.setPen(Qt.PenStyle.NoPen)
    for x, height in ((-4.0, 3.5), (-1.0, 6.0), (2.0, 8.5)):
        painter.drawRect(QRectF(x, 4.5 - height, 2.2, height))


def _milestone(painter: QPainter, color: QColor) -> None:
    painter.drawLine(QPointF(-3.0, -4.8), QPointF(-3.0, 4.8))
    painter.setBrush(color)
    painter.drawPolygon(QPolygonF([QPointF(-3, -4.5), QPointF(4, -2.5), QPointF(-3, -0.5)]))


def _note(painter: QPainter, color: QColor) -> None:
    painter.drawRoundedRect(QRectF(-4, -4, 8, 8), 1, 1)
    for y in (-1.6, 0.6, 2.6):
        painter.drawLine(QPointF(-2.2, y), QPointF(2.2 if y < 2 else 0.5, y))


def _people(painter: QPainter, color: QColor) -> None:
    painter.drawEllipse(QPointF(-1.8, -2.0), 1.8, 1.8)
    painter.drawArc(QRectF(-5.0, 1.0, 6.4, 7.0), 0, 180 * 16)
    painter.drawEllipse(QPointF(2.6, -1.0), 1.4, 1.4)
    painter.drawArc(QRectF(0.4, 1.6, 4.6, 5.4), 0, 180 * 16)


_GLYPHS = {
    CardKind.ACTION: _action,
    CardKind.TOUCHPOINT: _touchpoint,
    CardKind.CHANNEL: _channel,
    CardKind.THOUGHT: _thought,
    CardKind.EMOTION: _emotion,
    CardKind.PAIN_POINT: _pain_point,
    CardKind.OPPORTUNITY: _opportunity,
    CardKind.CONTENT_IDEA: _content_idea,
    CardKind.METRIC: _metric,
    CardKind.MILESTONE: _milestone,
    CardKind.NOTE: _note,
}
