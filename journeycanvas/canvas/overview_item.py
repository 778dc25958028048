"""The cards of a map seen from far away, painted from the layout as coloured boxes.

When so much of a big map is in view that a card would be a few pixels (or the view
would need thousands of card items), the scene makes no item per card: this one item
paints the cards in the exposed area straight from the layout, batching their boxes into
one ``drawRects`` call per colour, as the cards' own level-of-detail drawing would. The
boxes of each cell are kept until one of its cards' layouts changes, so a frame of the
whole map makes no Qt object per card.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journeycanvas.canvas.card_item import STRIPE_MIN_LOD
from journeycanvas.canvas.glyphs import accent
from journeycanvas.canvas.spatial_index import cards_in, cells_in
from journeycanvas.layout import CardLayout
from journeycanvas.layout.lane_cards import CardMap, LaneCards
from journeycanvas.layout.style import CARD_STRIPE_MM

if TYPE_CHECKING:
    from journeycanvas.canvas.scene import MapScene

OVERVIEW_Z = 10.0
"""Where the cards are."""

_SELECTED_PEN = QPen(QColor("#1565c0"), 0.6)
_HIGHLIGHT_PEN = QPen(QColor("#ff9100"), 0.9)
_DIMMED_OPACITY = 0.2
_FILLS: dict[str, QColor] = {}


_Batches = dict[tuple[str, bool], list[QRectF]]


def _fill(name: str) -> QColor:
    color = _FILLS.get(name)
    if color is None:
        color = _FILLS[name] = QColor(name)
    return color


def _paint_batches(painter: QPainter, batches: _Batches, color: Callable[[str], QColor]) -> None:
    """Each batch of boxes in its colour; a dimmed card's faded, as its item would draw it."""
    for (name, faded), rects in batches.items():
        painter.setOpacity(_DIMMED_OPACITY if faded else 1.0)
        painter.setBrush(color(name))
        painter.drawRects(rects)


class _CellBoxes:
    """The boxes of one cell's cards and their kind stripes, by (colour, dimmed)."""

    __slots__ = ("accents", "cards", "fills", "ids", "lane")

    def __init__(
        self,
        ids: tuple[str, ...],
        lane: LaneCards | None,
        layouts: Mapping[str, CardLayout],
        dimmed: frozenset[str],
    ) -> None:
        self.ids = ids
        self.lane = lane
        self.cards = cards = tuple(layouts[i] for i in ids)
        self.fills: _Batches = {}
        self.accents: _Batches = {}
        for card in cards:
            rect = card.rect
            faded = card.id in dimmed
            self.fills.setdefault((card.face.fill, faded), []).append(
                QRectF(rect.x, rect.y, rect.w, rect.h)
            )
            self.accents.setdefault((str(card.face.kind), faded), []).append(
                QRectF(rect.x, rect.y, CARD_STRIPE_MM, rect.h)
            )


class OverviewItem(QGraphicsItem):
    """Paints every card in the exposed area as a box (with its kind stripe when that is
    at least a pixel wide), outlining selected cards and find matches. Takes no clicks."""

    def __init__(self) -> None:
        super().__init__()
        self._rect = QRectF()
        self._cells: dict[tuple[str, str], _CellBoxes] = {}
        self._dimmed: frozenset[str] = frozenset()
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
        """Draw the cards of the cells meeting the exposed area, a batch per colour."""
        scene = cast("MapScene", self.scene())
        layout = scene.engine.layout
        area = option.exposedRect
        box = (area.left(), area.top(), area.right(), area.bottom())
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        dimmed = scene.dimmed_ids()
        if dimmed is not self._dimmed:
            self._cells.clear()
            self._dimmed = dimmed
        cards = layout.cards
        lanes = cards.lanes if isinstance(cards, CardMap) else None
        cells = []
        for key, ids in cells_in(layout, box):
            cell = self._cells.get(key)
            if lanes is not None:
                # A lane nothing changed is the same object in the next layout: then
                # the cell's cards are the same, and need not be looked at one by one.
                lane = lanes.get(key[1])
                if cell is None or cell.lane is not lane or cell.ids != ids:
                    cell = self._cells[key] = _CellBoxes(ids, lane, cards, dimmed)
            elif cell is None or cell.cards != tuple(cards[i] for i in ids):
                cell = self._cells[key] = _CellBoxes(ids, None, cards, dimmed)
            cells.append(cell)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        for cell in cells:
            _paint_batches(painter, cell.fills, _fill)
        if lod >= STRIPE_MIN_LOD:
            for cell in cells:
                _paint_batches(painter, cell.accents, accent)
        painter.setOpacity(1.0)
        self._paint_marks(painter, scene, box)

    @staticmethod
    def _paint_marks(painter: QPainter, scene: MapScene, box: tuple[float, ...]) -> None:
        """Outline the selected cards and the find matches in `box`."""
        layout = scene.engine.layout
        selected = scene.selection_set()
        highlighted = scene.highlighted_ids()
        outlined: list[QRectF] = []
        found: list[QRectF] = []
        for marks, rects in ((selected, outlined), (highlighted, found)):
            if not marks:
                continue
            ids = cards_in(layout, (box[0], box[1], box[2], box[3]))
            for card_id in ids if len(marks) > 200 else marks:
                card = layout.cards.get(card_id)
                if card is not None and card_id in marks:
                    rect = card.rect
                    rects.append(QRectF(rect.x, rect.y, rect.w, rect.h))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for pen, rects in ((_SELECTED_PEN, outlined), (_HIGHLIGHT_PEN, found)):
            if rects:
                painter.setPen(pen)
                painter.drawRects(rects)
