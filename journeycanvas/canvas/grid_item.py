"""The grid behind the cards: alternating cell backgrounds, column and row lines, the corner."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeycanvas.canvas.text_painter import KeptOps, QtFonts, draw_ops
from journeycanvas.canvas.units import qrect
from journeycanvas.layout import MM_PER_PT, JourneyLayout, Rect
from journeycanvas.layout.text_blocks import text_block

_CELL = QColor("#ffffff")
_CELL_SHADED = QColor("#f5f7f8")
_LINE = QPen(QColor("#dde3e7"), 0.25)
_CORNER = QColor("#37474f")
_TITLE = QPen(QColor("#eceff1"))
_TITLE_PT = 8.0
_STAGE_TINT = 0.055


def _mix(base: QColor, tint: QColor) -> QColor:
    """`base` with a little of `tint` mixed in."""
    return QColor.fromRgbF(
        base.redF() + (tint.redF() - base.redF()) * _STAGE_TINT,
        base.greenF() + (tint.greenF() - base.greenF()) * _STAGE_TINT,
        base.blueF() + (tint.blueF() - base.blueF()) * _STAGE_TINT,
    )


class GridItem(QGraphicsItem):
    """All cells of the map in one item (a map has few cells; one item paints them fast)."""

    def __init__(self, layout: JourneyLayout, fonts: QtFonts) -> None:
        super().__init__()
        self._fonts = fonts
        self._title = ""
        self._title_ops = KeptOps(fonts)
        self._title_scale = 1.0
        self.setZValue(0)
        self.set_layout(layout)

    def set_layout(self, layout: JourneyLayout) -> None:
        """Follow a new layout of the grid."""
        self.prepareGeometryChange()
        self._rect = QRectF(0, 0, layout.width, layout.height)
        # Each cell's colour: its row's background with a hint of its stage's colour,
        # mixed once here so that painting fills opaque rectangles only.
        tints = {s.id: QColor(s.color) for s in layout.stages}
        self._cells = [
            (qrect(c.rect), _mix(_CELL_SHADED if c.shaded else _CELL, tints[c.stage_id]))
            for c in layout.cells
        ]
        self._lines = [
            QLineF(s.rect.right, layout.header_height, s.rect.right, layout.height)
            for s in layout.stages
        ]
        self._lines += [
            QLineF(0, lane.rect.bottom, layout.width, lane.rect.bottom) for lane in layout.lanes
        ]
        self._corner = QRectF(0, 0, layout.style.lane_header_width_mm, layout.header_height)
        self._style = layout.style
        self.set_title(self._title)
        self.update()

    def set_title(self, title: str) -> None:
        """Show the map's title in the corner above the lane headers."""
        self._title = title
        style = self._style
        pad = style.header_padding_mm
        corner = self._corner
        block = text_block(
            self._fonts.fonts,
            title,
            Rect(pad, pad, corner.width() - 2 * pad, 0.0),
            _TITLE_PT,
            style.line_spacing,
            max(1, int((corner.height() - 2 * pad) / (_TITLE_PT * style.line_spacing * MM_PER_PT))),
            bold=True,
        )
        self._title_ops.show(block)
        self._title_scale = self._fonts.block_scale(block)
        self.update(corner)

    def boundingRect(self) -> QRectF:
        """The whole grid."""
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Draw the cells that are exposed, then the grid lines."""
        exposed = option.exposedRect
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for rect, color in self._cells:
            if rect.intersects(exposed):
                painter.fillRect(rect, color)
        painter.setPen(_LINE)
        painter.drawLines(self._lines)
        painter.fillRect(self._corner, _CORNER)
        painter.setPen(_TITLE)
        draw_ops(painter, self._title_ops.ops, self._title_scale)
