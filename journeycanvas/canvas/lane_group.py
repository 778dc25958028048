"""The invisible parent of a lane's cards, so that a lane that only moves is one setPos.

When a lane's height changes, every lane below moves down or up as a whole. Cards sit
in their lane's group at positions relative to the lane's top: the scene moves the
groups and leaves the cards alone. A group declares that its cards lie inside its
shape, so the cards stay out of the scene's BSP index (the group is indexed instead)
and moving a group re-indexes one item, not thousands.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeycanvas.layout import LaneHeader

CARD_Z = 10.0
"""Where cards draw: above the grid, below the emotion curves and the connectors."""

_MARGIN_MM = 4.0
"""Room around the lane's row for what cards draw outside their rectangle (shadow,
selection outline, connector handle)."""


class LaneGroupItem(QGraphicsItem):
    """Holds the cards of one lane, at the lane's top; draws nothing itself."""

    def __init__(self, header: LaneHeader) -> None:
        super().__init__()
        self.lane_id = header.id
        self._bounds = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemContainsChildrenInShape)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(CARD_Z)
        self.set_header(header)

    @property
    def top(self) -> float:
        """The lane's top in scene coordinates (the origin of its cards' positions)."""
        return self.y()

    def set_header(self, header: LaneHeader) -> None:
        """Follow the lane's row: move with its top, grow or shrink with its size."""
        row = header.row
        bounds = QRectF(
            row.x - _MARGIN_MM, -_MARGIN_MM, row.w + 2 * _MARGIN_MM, row.h + 2 * _MARGIN_MM
        )
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        if row.y != self.y():
            self.setPos(0.0, row.y)

    def boundingRect(self) -> QRectF:
        """The lane's row with a margin: every card of the lane lies inside."""
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Nothing: the cards draw themselves."""
