"""The cards of a map seen from far away, painted from the layout as coloured boxes.

When so much of a big map is in view that a card would be a few pixels (or the view
would need thousands of card items), the scene makes no item per card: this one item
paints the cards in the exposed area straight from the layout, batching their boxes into
one ``drawRects`` call per colour, as the cards' own level-of-detail drawing would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeycanvas.canvas.card_item import STRIPE_MIN_LOD
from journeycanvas.canvas.glyphs import accent
from journeycanvas.canvas.spatial_index import cards_in
from journeycanvas.layout.style import CARD_STRIPE_MM

if TYPE_CHECKING:
    from journeycanvas.canvas.scene import MapScene

OVERVIEW_Z = 10.0
"""Where the cards are."""

_SELECTED_PEN = QPen(QColor("#1565c0"), 0.6)
_HIGHLIGHT_PEN = QPen(QColor("#ff9100"), 0.9)
_DIMMED_OPACITY = 0.2
_FILLS: dict[str, QColor] = {}


def _fill(name: str) -> QColor:
    color = _FILLS.get(name)
    if color is None:
        color = _FILLS[name] = QColor(name)
    return color


class OverviewItem(QGraphicsItem):
    """Paints every card in the exposed area as a box (with its kind stripe when that is
    at least a pixel wide), outlining selected cards and find matches. Takes no clicks."""

    def __init__(self) -> None:
        super().__init__()
        self._rect = QRectF()
        self.setZValue(OVERVIEW_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def set_area(self, rect: QRectF) -> None:
        """Paint within `rect` (the scene rect)."""
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

    def boundingRect(self) -> QRectF:
        """The whole map."""
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Draw the cards meeting the exposed area, one batch per colour."""
        scene = cast("MapScene", self.scene())
        layout = scene.engine.layout
        area = option.exposedRect
        box = (area.left(), area.top(), area.right(), area.bottom())
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        stripes = lod >= STRIPE_MIN_LOD
        selected = scene.selection_set()
        highlighted = scene.highlighted_ids()
        dimmed = scene.dimmed_ids()
        fills: dict[tuple[str, bool], list[QRectF]] = {}
        accents: dict[str, list[QRectF]] = {}
        outlined: list[QRectF] = []
        found: list[QRectF] = []
        cards = layout.cards
        for card_id in cards_in(layout, box):
            card = cards[card_id]
            rect = card.rect
            box_rect = QRectF(rect.x, rect.y, rect.w, rect.h)
            face = card.face
            faded = card_id in dimmed
            key = (face.fill, faded)
            batch = fills.get(key)
            if batch is None:
                batch = fills[key] = []
            batch.append(box_rect)
            if stripes and not faded:
                kind = str(face.kind)
                stripe = accents.get(kind)
                if stripe is None:
                    stripe = accents[kind] = []
                stripe.append(QRectF(rect.x, rect.y, CARD_STRIPE_MM, rect.h))
            if card_id in highlighted:
                found.append(box_rect)
            elif card_id in selected:
                outlined.append(box_rect)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        for (fill, faded), rects in fills.items():
            painter.setOpacity(_DIMMED_OPACITY if faded else 1.0)
            painter.setBrush(_fill(fill))
            painter.drawRects(rects)
        painter.setOpacity(1.0)
        for kind, rects in accents.items():
            painter.setBrush(accent(kind))
            painter.drawRects(rects)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for pen, rects in ((_SELECTED_PEN, outlined), (_HIGHLIGHT_PEN, found)):
            if rects:
                painter.setPen(pen)
                painter.drawRects(rects)
