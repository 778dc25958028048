"""A connector between two cards: a flow arrow, a branch with its condition, or a breakpoint."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeycanvas.canvas.text_painter import QtFonts, draw_ops
from journeycanvas.canvas.units import qpoint, qrect
from journeycanvas.layout import ConnectorLayout
from journeycanvas.model.kinds import ConnectorKind

ARROW_MM = 2.6
BREAK_GAP_MM = 2.4

_COLORS = {
    ConnectorKind.FLOW: QColor("#455a64"),
    ConnectorKind.BRANCH: QColor("#6a1b9a"),
    ConnectorKind.BREAKPOINT: QColor("#d32f2f"),
}
_LABEL_FILL = QColor("#ffffff")
_SELECTED = QColor(21, 101, 192, 90)
_TEXT = QPen(QColor("#263238"))


class ConnectorItem(QGraphicsItem):
    """One connector, drawn from its `ConnectorLayout` (points in scene millimetres)."""

    def __init__(self, connector: ConnectorLayout, fonts: QtFonts) -> None:
        super().__init__()
        self.connector_id = connector.id
        self._fonts = fonts
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(20)
        self.set_layout(connector)

    def set_layout(self, connector: ConnectorLayout) -> None:
        """Follow a new layout of the connector."""
        self.prepareGeometryChange()
        self.layout = connector
        points = [qpoint(p) for p in connector.points]
        self._color = _COLORS[connector.kind]
        self._pen = QPen(self._color, 0.45)
        self._pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        self._pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if connector.kind == ConnectorKind.BRANCH:
            self._pen.setStyle(Qt.PenStyle.DashLine)
        self._paths = _broken_paths(points, connector) if connector.break_mark else [_path(points)]
        self._arrow = _arrow_head(points)
        self._label_rect = qrect(connector.label_rect) if connector.label_rect else None
        self._label_ops = (
            self._fonts.ops(connector.label, connector.label_rect.x, connector.label_rect.y)
            if connector.label is not None and connector.label_rect is not None
            else []
        )
        self._label_scale = (
            self._fonts.block_scale(connector.label) if connector.label is not None else 1.0
        )
        outline = QPainterPath()
        for path in self._paths:
            outline.addPath(path)
        stroker = QPainterPathStroker()
        stroker.setWidth(2.4)
        shape = stroker.createStroke(outline)
        shape.addPolygon(self._arrow)
        if self._label_rect is not None:
            shape.addRect(self._label_rect)
        self._shape = shape.simplified()
        self._bounds = self._shape.boundingRect().adjusted(-1.5, -1.5, 1.5, 1.5)
        self.update()

    def boundingRect(self) -> QRectF:
        """The path, arrow head, break mark and label, with a margin."""
        return self._bounds

    def shape(self) -> QPainterPath:
        """A band along the path (easy to click) and the label."""
        return self._shape

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Draw the path, the arrow head, the break mark and the label."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.isSelected():
            halo = QPen(_SELECTED, 2.0)
            halo.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(halo)
            for path in self._paths:
                painter.drawPath(path)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self._pen)
        for path in self._paths:
            painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._color)
        painter.drawPolygon(self._arrow)
        mark = self.layout.break_mark
        if mark is not None:
            self._paint_break(painter, qpoint(mark))
        if self._label_rect is not None:
            painter.setPen(QPen(self._color, 0.3))
            painter.setBrush(_LABEL_FILL)
            painter.drawRoundedRect(self._label_rect, 1.0, 1.0)
            painter.setPen(_TEXT)
            draw_ops(painter, self._label_ops, self._label_scale)

    def _paint_break(self, painter: QPainter, mark: QPointF) -> None:
        """Two slanted strokes across the gap in the line: the journey breaks here."""
        d = self.layout.mid_direction
        along = QPointF(d.x, d.y)
        across = QPointF(-d.y, d.x)
        pen = QPen(self._color, 0.55)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        for side in (-1, 1):
            center = mark + along * (side * BREAK_GAP_MM / 2)
            tilt = along * 0.9
            painter.drawLine(center - across * 2.0 - tilt, center + across * 2.0 + tilt)


def _path(points: list[QPointF]) -> QPainterPath:
    path = QPainterPath(points[0])
    for point in points[1:]:
        path.lineTo(point)
    return path


def _broken_paths(points: list[QPointF], connector: ConnectorLayout) -> list[QPainterPath]:
    """The path cut open around its middle, where a breakpoint's mark goes."""
    mid = qpoint(connector.mid)
    along = QPointF(connector.mid_direction.x, connector.mid_direction.y)
    index = (len(points) - 1) // 2
    first = [*points[: index + 1], mid - along * BREAK_GAP_MM]
    second = [mid + along * BREAK_GAP_MM, *points[index + 1 :]]
    return [_path(first), _path(second)]


def _arrow_head(points: list[QPointF]) -> QPolygonF:
    """A filled triangle at the last point, pointing along the last segment."""
    tip = points[-1]
    base = points[-2] if len(points) > 1 else tip
    dx, dy = tip.x() - base.x(), tip.y() - base.y()
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    back = QPointF(tip.x() - ux * ARROW_MM, tip.y() - uy * ARROW_MM)
    side = QPointF(-uy * ARROW_MM * 0.45, ux * ARROW_MM * 0.45)
    return QPolygonF([tip, back + side, back - side])
