"""The emotion curve across an emotions lane: average score per stage, +3 top, -3 bottom."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeycanvas.canvas.units import qpoint
from journeycanvas.layout import EmotionCurve

_ZERO = QPen(QColor("#90a4ae"), 0.3, Qt.PenStyle.DashLine)
_GOOD = QColor("#43a047")
_BAD = QColor("#e53935")
_NEUTRAL = QColor("#fb8c00")
_DOT_PEN = QPen(QColor("#ffffff"), 0.4)


def score_color(score: float) -> QColor:
    """Green for good feelings, red for bad ones, amber in between."""
    if score >= 0.5:
        return _GOOD
    if score <= -0.5:
        return _BAD
    return _NEUTRAL


class EmotionCurveItem(QGraphicsItem):
    """The curve of one emotions lane, drawn above its cards so it reads as one line."""

    def __init__(self, curve: EmotionCurve, left: float, right: float) -> None:
        super().__init__()
        self.lane_id = curve.lane_id
        self.setZValue(15)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.set_curve(curve, left, right)

    def set_curve(self, curve: EmotionCurve, left: float, right: float) -> None:
        """Follow a new layout of the curve; `left`/`right` bound the zero line."""
        self.prepareGeometryChange()
        self.curve = curve
        self._left, self._right = left, right
        self._points = [qpoint(p.point) for p in curve.points]
        self._path = _smooth(self._points)
        self._bounds = QRectF(left, curve.top_y - 3, right - left, curve.bottom_y - curve.top_y + 6)
        gradient = QLinearGradient(0, curve.top_y, 0, curve.bottom_y)
        gradient.setColorAt(0.0, _GOOD)
        gradient.setColorAt(0.5, _NEUTRAL)
        gradient.setColorAt(1.0, _BAD)
        self._pen = QPen(gradient, 0.9)
        self._pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.update()

    def boundingRect(self) -> QRectF:
        """The emotions lane's drawing area."""
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Draw the zero line, the smooth curve and a dot per stage."""
        curve = self.curve
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(_ZERO)
        painter.drawLine(QPointF(self._left, curve.zero_y), QPointF(self._right, curve.zero_y))
        if not self._points:
            return
        painter.setOpacity(0.9)
        painter.setPen(self._pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        painter.setPen(_DOT_PEN)
        for point, emotion in zip(self._points, curve.points, strict=True):
            painter.setBrush(score_color(emotion.score))
            painter.drawEllipse(point, 1.6, 1.6)


def _smooth(points: list[QPointF]) -> QPainterPath:
    """A Catmull-Rom curve through the points, as cubic Béziers."""
    path = QPainterPath()
    if not points:
        return path
    path.moveTo(points[0])
    for i in range(len(points) - 1):
        p0 = points[i - 1] if i > 0 else points[i]
        p1, p2 = points[i], points[i + 1]
        p3 = points[i + 2] if i + 2 < len(points) else p2
        path.cubicTo(p1 + (p2 - p0) / 6, p2 - (p3 - p1) / 6, p2)
    return path
