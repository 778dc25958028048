"""Stage headers (the coloured column heads) and lane headers (row heads with a kind glyph)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from journeycanvas.canvas.glyphs import draw_glyph, lane_accent_color
from journeycanvas.canvas.text_painter import KeptOps, QtFonts, draw_ops
from journeycanvas.canvas.units import qrect
from journeycanvas.layout import LaneHeader, StageHeader
from journeycanvas.layout.glyph_shapes import lane_glyph_id

EDGE_GRIP_MM = 1.8
"""How far in from a stage header's right edge a press grabs the edge (to resize)."""

_SELECTED_PEN = QPen(QColor("#1565c0"), 0.7)
_LANE_FILL = QColor("#eceff1")
_LANE_FILL_SHADED = QColor("#e4e8eb")
_LANE_TEXT = QPen(QColor("#263238"))
_SEPARATOR = QPen(QColor("#cfd8dc"), 0.25)


def readable_on(color: QColor) -> QColor:
    """White or near-black text, whichever reads better on `color`."""
    luminance = 0.2126 * color.redF() + 0.7152 * color.greenF() + 0.0722 * color.blueF()
    return QColor("#ffffff") if luminance < 0.62 else QColor("#1f2a30")


class _ResizableHeader(QGraphicsItem):
    """A header whose edge can be dragged; the pointer shows a resize cursor over it."""

    _rect: QRectF
    resize_cursor = Qt.CursorShape.SizeHorCursor

    def on_resize_edge(self, point: QPointF) -> bool:
        """Whether an item-coordinate point grabs the edge that resizes the header."""
        raise NotImplementedError

    def boundingRect(self) -> QRectF:
        """The header's rectangle."""
        return self._rect

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        """A resize cursor over the edge, an open hand elsewhere (headers drag to reorder)."""
        if self.on_resize_edge(event.pos()):
            self.setCursor(self.resize_cursor)
        else:
            self.setCursor(Qt.CursorShape.OpenHandCursor)


class StageHeaderItem(_ResizableHeader):
    """A stage's header: its colour, its name in bold and its goal below."""

    def __init__(self, header: StageHeader, fonts: QtFonts) -> None:
        super().__init__()
        self.stage_id = header.id
        self._fonts = fonts
        self._name = KeptOps(fonts)
        self._goal = KeptOps(fonts)
        self.header = header
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(30)
        self.set_header(header)

    def set_header(self, header: StageHeader) -> None:
        """Follow a new layout of the header."""
        self.prepareGeometryChange()
        self.header = header
        self._rect = QRectF(0, 0, header.rect.w, header.rect.h)
        self._fill = QColor(header.color)
        self._text_pen = QPen(readable_on(self._fill))
        goal = readable_on(self._fill)
        goal.setAlphaF(0.85)
        self._goal_pen = QPen(goal)
        self._name.show(header.name)
        self._goal.show(header.goal)
        self.setPos(header.rect.x, header.rect.y)
        self.update()

    def on_resize_edge(self, point: QPointF) -> bool:
        """Whether an item-coordinate point grabs the header's right edge (its width)."""
        return point.x() >= self._rect.width() - EDGE_GRIP_MM

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Draw the coloured header with its name and goal."""
        rect = self._rect
        painter.fillRect(rect, self._fill)
        painter.fillRect(
            QRectF(rect.right() - 0.25, 0, 0.25, rect.height()), QColor(255, 255, 255, 140)
        )
        painter.fillRect(QRectF(0, rect.bottom() - 0.8, rect.width(), 0.8), self._fill.darker(118))
        painter.setPen(self._text_pen)
        draw_ops(painter, self._name.ops, self._fonts.block_scale(self.header.name))
        painter.setPen(self._goal_pen)
        draw_ops(painter, self._goal.ops, self._fonts.block_scale(self.header.goal))
        if self.isSelected():
            painter.setPen(_SELECTED_PEN)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(0.35, 0.35, -0.35, -0.35))


class LaneHeaderItem(_ResizableHeader):
    """A lane's header: a bar in its kind's colour, the kind's glyph and the title."""

    resize_cursor = Qt.CursorShape.SizeVerCursor

    def __init__(self, header: LaneHeader, fonts: QtFonts) -> None:
        super().__init__()
        self.lane_id = header.id
        self._fonts = fonts
        self._title = KeptOps(fonts)
        self.header = header
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setZValue(30)
        self.set_header(header)

    def set_header(self, header: LaneHeader) -> None:
        """Follow a new layout of the header."""
        self.prepareGeometryChange()
        self.header = header
        self._rect = QRectF(0, 0, header.rect.w, header.rect.h)
        self._accent = lane_accent_color(header.kind)
        self._title.show(header.title)
        self.setPos(header.rect.x, header.rect.y)
        self.update()

    def on_resize_edge(self, point: QPointF) -> bool:
        """Whether an item-coordinate point grabs the header's bottom edge (its height)."""
        return point.y() >= self._rect.height() - EDGE_GRIP_MM

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Draw the header with its kind glyph and title."""
        rect = self._rect
        header = self.header
        painter.fillRect(rect, _LANE_FILL_SHADED if header.index % 2 else _LANE_FILL)
        painter.fillRect(QRectF(0, 0, 1.2, rect.height()), self._accent)
        painter.setPen(_SEPARATOR)
        painter.drawLine(QPointF(0, rect.bottom()), QPointF(rect.right(), rect.bottom()))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw_glyph(painter, lane_glyph_id(header.kind), qrect(header.icon), self._accent)
        painter.setPen(_LANE_TEXT)
        draw_ops(painter, self._title.ops, self._fonts.block_scale(header.title))
        if self.isSelected():
            painter.setPen(_SELECTED_PEN)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(0.35, 0.35, -0.35, -0.35))
