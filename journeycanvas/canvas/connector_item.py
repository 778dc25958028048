"""A connector between two cards: a flow arrow, a branch with its condition, or a breakpoint."""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
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
_TEXT = QPen(QColor("#263238"))
_HALO = QPen(QColor(21, 101, 192, 90), 2.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
_MARGIN_MM = 3.0
_SMOOTH_LOD = 1.0
_LABEL_TEXT_LOD = 1.3
_SELECTABLE = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
_EXTENDED_OPTION = QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption


def _pen(kind: ConnectorKind) -> QPen:
    pen = QPen(_COLORS[kind], 0.45)
    pen.setCapStyle(
        Qt.PenCapStyle.RoundCap if kind != ConnectorKind.BRANCH else Qt.PenCapStyle.FlatCap
    )
    if kind == ConnectorKind.BRANCH:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


_PENS = {kind: _pen(kind) for kind in ConnectorKind}


class ConnectorLayer(QGraphicsItem):
    """The parent of every connector, clipping them to the map.

    A connector can reach across the whole map; in the scene's BSP index such an item sits
    in thousands of leaves and each change of its shape costs milliseconds. Children of
    an item that clips its children stay out of the index (Qt finds them through this
    parent), so re-routing hundreds of connectors after a move stays cheap.
    """

    def __init__(self) -> None:
        super().__init__()
        self._rect = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(20)

    def set_area(self, rect: QRectF) -> None:
        """Clip connectors to `rect` (the scene rect)."""
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

    def boundingRect(self) -> QRectF:
        """The area connectors are drawn in."""
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Nothing: only the connectors draw."""


class ConnectorItem(QGraphicsItem):
    """One connector, drawn from its `ConnectorLayout` (points in scene millimetres).

    A connector may run across the whole map; it draws only the pieces of its segments
    inside the area being painted, so long connectors cost little when scrolling.
    """

    def __init__(self, connector: ConnectorLayout, fonts: QtFonts) -> None:
        super().__init__()
        self.connector_id = connector.id
        self._fonts = fonts
        self.setFlag(_SELECTABLE)
        self.setFlag(_EXTENDED_OPTION)
        self.set_layout(connector)

    def set_layout(self, connector: ConnectorLayout) -> None:
        """Follow a new layout of the connector."""
        self.prepareGeometryChange()
        self.layout = connector
        points = [qpoint(p) for p in connector.points]
        self._color = _COLORS[connector.kind]
        self._pen = _PENS[connector.kind]
        pieces = _broken_pieces(points, connector) if connector.break_mark else [points]
        self._segments = _segments(pieces)
        self._pieces = pieces
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
        xs = [p.x for p in connector.points]
        ys = [p.y for p in connector.points]
        bounds = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        if self._label_rect is not None:
            bounds = bounds.united(self._label_rect)
        self._bounds = bounds.adjusted(-_MARGIN_MM, -_MARGIN_MM, _MARGIN_MM, _MARGIN_MM)
        self._shape: QPainterPath | None = None
        self.update()

    def boundingRect(self) -> QRectF:
        """The path, arrow head, break mark and label, with a margin."""
        return self._bounds

    def shape(self) -> QPainterPath:
        """A band along the path (easy to click) and the label."""
        if self._shape is None:
            outline = QPainterPath()
            for piece in self._pieces:
                outline.addPolygon(QPolygonF(piece))
            stroker = QPainterPathStroker()
            stroker.setWidth(2.4)
            shape = stroker.createStroke(outline)
            shape.addPolygon(self._arrow)
            if self._label_rect is not None:
                shape.addRect(self._label_rect)
            self._shape = shape
        return self._shape

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Draw the visible part of the path, the arrow head, the break mark and the label."""
        area = option.exposedRect.adjusted(-_MARGIN_MM, -_MARGIN_MM, _MARGIN_MM, _MARGIN_MM)
        visible = _clipped(self._segments, area)
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, lod >= _SMOOTH_LOD)
        if visible:
            if self.isSelected():
                painter.setPen(_HALO)
                painter.drawLines([line for line, _ in visible])
            _draw_segments(painter, self._pen, visible)
        if self._arrow.boundingRect().intersects(area):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._color)
            painter.drawPolygon(self._arrow)
        mark = self.layout.break_mark
        if mark is not None and area.contains(qpoint(mark)):
            self._paint_break(painter, qpoint(mark))
        if self._label_rect is not None and self._label_rect.intersects(area):
            painter.setPen(QPen(self._color, 0.3))
            painter.setBrush(_LABEL_FILL)
            painter.drawRoundedRect(self._label_rect, 1.0, 1.0)
            if lod >= _LABEL_TEXT_LOD:
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


# A segment of a connector: its ends and how far along the connector it starts (mm).
_Segment = tuple[float, float, float, float, float]


def _segments(pieces: list[list[QPointF]]) -> list[_Segment]:
    """The straight segments of the path pieces, each with its distance from the start."""
    result = []
    distance = 0.0
    for piece in pieces:
        for a, b in itertools.pairwise(piece):
            result.append((a.x(), a.y(), b.x(), b.y(), distance))
            distance += math.hypot(b.x() - a.x(), b.y() - a.y())
    return result


def _clipped(segments: list[_Segment], area: QRectF) -> list[tuple[QLineF, float]]:
    """The parts of `segments` inside `area` (Liang–Barsky), with their start distances."""
    left, top, right, bottom = area.left(), area.top(), area.right(), area.bottom()
    result = []
    for x1, y1, x2, y2, distance in segments:
        dx, dy = x2 - x1, y2 - y1
        t0, t1 = 0.0, 1.0
        for p, q in ((-dx, x1 - left), (dx, right - x1), (-dy, y1 - top), (dy, bottom - y1)):
            if p == 0:
                if q < 0:
                    break
                continue
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                break
        else:
            line = QLineF(x1 + t0 * dx, y1 + t0 * dy, x1 + t1 * dx, y1 + t1 * dy)
            result.append((line, distance + t0 * math.hypot(dx, dy)))
    return result


def _draw_segments(painter: QPainter, pen: QPen, visible: list[tuple[QLineF, float]]) -> None:
    """Solid lines in one call; dashed ones one by one, keeping the dash pattern in phase."""
    if pen.style() == Qt.PenStyle.SolidLine:
        painter.setPen(pen)
        painter.drawLines([line for line, _ in visible])
        return
    dashed = QPen(pen)
    for line, distance in visible:
        dashed.setDashOffset(distance / pen.widthF())
        painter.setPen(dashed)
        painter.drawLine(line)


def _broken_pieces(points: list[QPointF], connector: ConnectorLayout) -> list[list[QPointF]]:
    """The path cut open around its middle, where a breakpoint's mark goes."""
    mid = qpoint(connector.mid)
    along = QPointF(connector.mid_direction.x, connector.mid_direction.y)
    index = (len(points) - 1) // 2
    first = [*points[: index + 1], mid - along * BREAK_GAP_MM]
    second = [mid + along * BREAK_GAP_MM, *points[index + 1 :]]
    return [first, second]


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
