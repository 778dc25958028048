"""Connectors between cards: a flow arrow, a branch with its condition, or a breakpoint.

A connector can run across the whole map, and a big map has thousands. So the connector
items only answer hit tests and carry the selection; one `ConnectorLayer` draws all of
them, batching the visible pieces of their (orthogonal) segments into a few crisp
``drawLines`` calls per kind.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from typing import Protocol, cast

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeycanvas.canvas.text_painter import QtFonts, TextOp, draw_ops
from journeycanvas.canvas.units import qpoint, qrect
from journeycanvas.layout import ConnectorLayout
from journeycanvas.model.kinds import CONNECTOR_KINDS, ConnectorKind

ARROW_MM = 2.6
BREAK_GAP_MM = 2.4
LINE_MM = 0.45

_COLORS = {ConnectorKind(kind): QColor(spec.color) for kind, spec in CONNECTOR_KINDS.items()}
_LABEL_FILL = QColor("#ffffff")
_TEXT = QPen(QColor("#263238"))
_HALO = QPen(QColor(21, 101, 192, 90), 2.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
_MARGIN_MM = 3.0
_MARKER_FONT_PX = 22
_HIT_WIDTH_MM = 2.4
"""How wide the band along the line that answers clicks is (a few pixels at 100 %)."""
_LABEL_TEXT_LOD = 1.3
_DETAIL_LOD = 0.5


def _pen(kind: ConnectorKind) -> QPen:
    pen = QPen(_COLORS[kind], LINE_MM)
    pen.setCapStyle(Qt.PenCapStyle.SquareCap)
    if CONNECTOR_KINDS[kind].conditional:
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


_PENS = {kind: _pen(kind) for kind in ConnectorKind}
_MARK_PENS = {
    kind: QPen(color, 0.55, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    for kind, color in _COLORS.items()
}
_LABEL_PENS = {kind: QPen(color, 0.3) for kind, color in _COLORS.items()}

# A segment of a connector: its ends and how far along the connector it starts (mm).
_Segment = tuple[float, float, float, float, float]


class ConnectorSource(Protocol):
    """A scene that gives the connectors around a rectangle from its layout."""

    def connectors_near(self, box: tuple[float, float, float, float]) -> Iterable[ConnectorLayout]:
        """The connectors around (left, top, right, bottom)."""


def _kind(connector: ConnectorLayout) -> ConnectorKind:
    """The connector's kind; one this version does not know (from a newer file) is drawn
    as a plain flow."""
    return ConnectorKind(connector.kind if connector.kind in _COLORS else "flow")


class _Drawing:
    """What drawing a connector takes beyond its bounds: path pieces, arrow, label text."""

    __slots__ = ("arrow", "arrow_box", "label_ops", "label_scale", "pieces", "segments")

    def __init__(self, connector: ConnectorLayout, fonts: QtFonts) -> None:
        points = [qpoint(p) for p in connector.points]
        self.pieces = _broken_pieces(points, connector) if connector.break_mark else [points]
        self.segments = _segments(self.pieces)
        self.arrow = _arrow_head(points)
        self.arrow_box = self.arrow.boundingRect()
        self.label_ops: list[TextOp] = []
        self.label_scale = 1.0
        if connector.label is not None and connector.label_rect is not None:
            self.label_ops = fonts.ops(
                connector.label, connector.label_rect.x, connector.label_rect.y
            )
            self.label_scale = fonts.block_scale(connector.label)


class ConnectorItem(QGraphicsItem):
    """One connector: its geometry for hit tests and selection (the layer draws it)."""

    def __init__(self, connector: ConnectorLayout, fonts: QtFonts) -> None:
        super().__init__()
        self.connector_id = connector.id
        self._fonts = fonts
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.set_layout(connector)

    def set_layout(self, connector: ConnectorLayout) -> None:
        """Follow a new layout of the connector (its drawing is worked out when needed:
        a rerouted connector away from the exposed area costs only its bounds)."""
        self.prepareGeometryChange()
        self._repaint()
        self.layout = connector
        self.kind = _kind(connector)
        self.label_rect = qrect(connector.label_rect) if connector.label_rect else None
        # A label with no room shows as a numbered marker: its text on hover.
        marker_text = " ".join(connector.label.lines) if connector.label else ""
        self.setToolTip(marker_text if connector.marker is not None else "")
        xs = [p.x for p in connector.points]
        ys = [p.y for p in connector.points]
        bounds = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        if self.label_rect is not None:
            bounds = bounds.united(self.label_rect)
        self._bounds = bounds.adjusted(-_MARGIN_MM, -_MARGIN_MM, _MARGIN_MM, _MARGIN_MM)
        self.box = (
            self._bounds.left(),
            self._bounds.top(),
            self._bounds.right(),
            self._bounds.bottom(),
        )
        self._drawing: _Drawing | None = None
        self._shape: QPainterPath | None = None
        self._repaint()

    def _drawn(self) -> _Drawing:
        if self._drawing is None:
            self._drawing = _Drawing(self.layout, self._fonts)
        return self._drawing

    @property
    def pieces(self) -> list[list[QPointF]]:
        """The drawn path: one piece, or two around a breakpoint's gap."""
        return self._drawn().pieces

    @property
    def segments(self) -> list[_Segment]:
        """The straight segments of the pieces, with their distances from the start."""
        return self._drawn().segments

    @property
    def arrow(self) -> QPolygonF:
        """The arrow head."""
        return self._drawn().arrow

    @property
    def arrow_box(self) -> QRectF:
        """The rectangle around the arrow head."""
        return self._drawn().arrow_box

    @property
    def label_ops(self) -> list[TextOp]:
        """The label's text, ready to draw."""
        return self._drawn().label_ops

    @property
    def label_scale(self) -> float:
        """The scale the label's text is drawn at."""
        return self._drawn().label_scale

    def _repaint(self) -> None:
        layer = self.parentItem()
        if layer is not None and hasattr(self, "_bounds"):
            layer.update(self._bounds)

    def boundingRect(self) -> QRectF:
        """The path, arrow head, break mark and label, with a margin."""
        return self._bounds

    def shape(self) -> QPainterPath:
        """A band a few pixels wide along the drawn line, the arrow head and the label;
        never the area the path goes round (the cards there stay clickable)."""
        if self._shape is None:
            outline = QPainterPath()
            for piece in self.pieces:
                outline.moveTo(piece[0])
                for point in piece[1:]:
                    outline.lineTo(point)
            stroker = QPainterPathStroker()
            stroker.setWidth(_HIT_WIDTH_MM)
            # Each part is filled on its own (winding), so none makes a hole in another.
            shape = stroker.createStroke(outline).simplified()
            parts = QPainterPath()
            parts.addPolygon(self.arrow)
            parts.closeSubpath()
            if self.label_rect is not None:
                parts.addRect(self.label_rect)
            shape = shape.united(parts)
            shape.setFillRule(Qt.FillRule.WindingFill)
            self._shape = shape
        return self._shape

    def contains(self, point: QPointF | QPoint) -> bool:  # type: ignore[override]
        """Whether `point` lies on the shape. Qt would test the clip (the bounding rect,
        clipped by the layer) instead, which covers every card the path goes round."""
        return self.shape().contains(point)

    def collidesWithPath(
        self,
        path: QPainterPath,
        mode: Qt.ItemSelectionMode = Qt.ItemSelectionMode.IntersectsItemShape,
    ) -> bool:
        """Whether `path` (a click's pixel, a rubber band) meets the shape (see `contains`)."""
        if mode in (
            Qt.ItemSelectionMode.ContainsItemShape,
            Qt.ItemSelectionMode.ContainsItemBoundingRect,
        ):
            return path.contains(self.shape())
        return path.intersects(self.shape())

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        """Repaint (through the layer) when the selection changes."""
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self._repaint()
        return super().itemChange(change, value)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Nothing: the connector layer draws every connector."""


class ConnectorLayer(QGraphicsItem):
    """The parent of every connector: clips them to the map and draws them all.

    Children of an item that clips its children stay out of the scene's BSP index, where
    a connector crossing the map would sit in thousands of leaves and every change of
    its shape would cost milliseconds. In the overview (no connector items: the map is
    seen from far away) it draws the connectors' lines straight from the layout.
    """

    def __init__(self) -> None:
        super().__init__()
        self._rect = QRectF()
        self.items: dict[str, ConnectorItem] = {}
        self._overview = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(20)

    def set_area(self, rect: QRectF) -> None:
        """Clip connectors to `rect` (the scene rect)."""
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

    def set_overview(self, overview: bool) -> None:
        """Draw the lines of the connectors near the exposed area from the scene's layout
        (True), or draw the connector items (False)."""
        self._overview = overview
        self.update()

    def add(self, item: ConnectorItem) -> None:
        """Take a connector in."""
        self.items[item.connector_id] = item
        item.setParentItem(self)
        self.update(item.boundingRect())

    def discard(self, connector_id: str) -> ConnectorItem | None:
        """Let a connector go (the caller removes it from the scene)."""
        item = self.items.pop(connector_id, None)
        if item is not None:
            self.update(item.boundingRect())
        return item

    def boundingRect(self) -> QRectF:
        """The area connectors are drawn in."""
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Draw the visible parts of every connector crossing the exposed area."""
        area = option.exposedRect.adjusted(-_MARGIN_MM, -_MARGIN_MM, _MARGIN_MM, _MARGIN_MM)
        left, top, right, bottom = area.left(), area.top(), area.right(), area.bottom()
        if self._overview:
            source = cast(ConnectorSource, self.scene())
            _paint_overview(painter, source.connectors_near((left, top, right, bottom)))
            return
        lines: dict[ConnectorKind, list[tuple[QLineF, float]]] = {k: [] for k in ConnectorKind}
        halos: list[QLineF] = []
        shown: list[ConnectorItem] = []
        for item in self.items.values():
            x1, y1, x2, y2 = item.box
            if x2 < left or x1 > right or y2 < top or y1 > bottom:
                continue
            shown.append(item)
            visible = _clipped(item.segments, left, top, right, bottom)
            lines[item.kind].extend(visible)
            if item.isSelected():
                halos.extend(line for line, _ in visible)
        if not shown:
            return
        # Connectors are orthogonal: crisp, unsmoothed lines look best and draw fastest.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if halos:
            painter.setPen(_HALO)
            painter.drawLines(halos)
        for kind, visible in lines.items():
            if visible:
                _draw_segments(painter, _PENS[kind], visible)
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod < _DETAIL_LOD:
            return  # arrow heads, marks and labels would be a pixel or two: lines only
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        for item in shown:
            if item.arrow_box.intersects(area):
                painter.setBrush(_COLORS[item.kind])
                painter.drawPolygon(item.arrow)
        for item in shown:
            mark = item.layout.break_mark
            if mark is not None and area.contains(qpoint(mark)):
                _paint_break(painter, item, qpoint(mark))
        drawn: set[tuple[float, float]] = set()
        for item in shown:
            if item.label_rect is not None and item.label_rect.intersects(area):
                # A fork's connectors share one label: draw it once.
                corner = (item.label_rect.x(), item.label_rect.y())
                if corner in drawn:
                    continue
                drawn.add(corner)
                painter.setPen(_LABEL_PENS[item.kind])
                painter.setBrush(_LABEL_FILL)
                marker = item.layout.marker
                if marker is not None:
                    painter.drawEllipse(item.label_rect)
                    if lod >= _LABEL_TEXT_LOD:
                        _paint_number(painter, item.label_rect, marker)
                    continue
                painter.drawRoundedRect(item.label_rect, 1.0, 1.0)
                if lod >= _LABEL_TEXT_LOD:
                    painter.setPen(_TEXT)
                    draw_ops(painter, item.label_ops, item.label_scale)


_LINES: dict[str, tuple[ConnectorLayout, list[QLineF]]] = {}
"""Each connector's lines for the overview, kept while its layout object stays the same."""


def _overview_lines(connector: ConnectorLayout) -> list[QLineF]:
    known = _LINES.get(connector.id)
    if known is None or known[0] is not connector:
        lines = [QLineF(a.x, a.y, b.x, b.y) for a, b in itertools.pairwise(connector.points)]
        known = _LINES[connector.id] = (connector, lines)
    return known[1]


def _paint_overview(painter: QPainter, connectors: Iterable[ConnectorLayout]) -> None:
    """The lines of `connectors`, one batch per kind (from far away: no arrows, no labels)."""
    lines: dict[ConnectorKind, list[QLineF]] = {}
    for connector in connectors:
        lines.setdefault(_kind(connector), []).extend(_overview_lines(connector))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for kind, batch in lines.items():
        painter.setPen(_PENS[kind])
        painter.drawLines(batch)


def _paint_number(painter: QPainter, rect: QRectF, number: int) -> None:
    """A marker's number, centred in its disc (fonts take whole pixels: drawn 10× big)."""
    painter.save()
    painter.setPen(_TEXT)
    font = QFont(painter.font())
    font.setPixelSize(_MARKER_FONT_PX)
    font.setBold(True)
    painter.setFont(font)
    painter.translate(rect.topLeft())
    painter.scale(0.1, 0.1)
    box = QRectF(0, 0, rect.width() * 10, rect.height() * 10)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), str(number))
    painter.restore()


def _paint_break(painter: QPainter, item: ConnectorItem, mark: QPointF) -> None:
    """Two slanted strokes across the gap in the line at `mark`: the journey breaks here."""
    d = item.layout.mid_direction
    along = QPointF(d.x, d.y)
    across = QPointF(-d.y, d.x)
    painter.setPen(_MARK_PENS[item.kind])
    for side in (-1, 1):
        center = mark + along * (side * BREAK_GAP_MM / 2)
        tilt = along * 0.9
        painter.drawLine(center - across * 2.0 - tilt, center + across * 2.0 + tilt)


def _segments(pieces: list[list[QPointF]]) -> list[_Segment]:
    """The straight segments of the path pieces, each with its distance from the start."""
    result = []
    distance = 0.0
    for piece in pieces:
        for a, b in itertools.pairwise(piece):
            result.append((a.x(), a.y(), b.x(), b.y(), distance))
            distance += math.hypot(b.x() - a.x(), b.y() - a.y())
    return result


def _clipped(
    segments: list[_Segment], left: float, top: float, right: float, bottom: float
) -> list[tuple[QLineF, float]]:
    """The parts of `segments` inside the rectangle (Liang–Barsky), with start distances."""
    result = []
    for x1, y1, x2, y2, distance in segments:
        if (
            left <= min(x1, x2)
            and max(x1, x2) <= right
            and top <= min(y1, y2)
            and max(y1, y2) <= bottom
        ):
            result.append((QLineF(x1, y1, x2, y2), distance))
            continue
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
    index = connector.mid_segment
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
