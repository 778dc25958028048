"""Moving cards by dragging them into another cell or slot: one command on release."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsLineItem

from journeycanvas.canvas import overlays
from journeycanvas.canvas.card_item import CardItem
from journeycanvas.canvas.gesture import Gesture
from journeycanvas.canvas.slots import DropSlot, drop_slot
from journeycanvas.document.commands import MoveCardsCommand

if TYPE_CHECKING:
    from journeycanvas.canvas.editor import MapEditorView

DRAG_Z = 60.0


class CardDrag(Gesture):
    """Press on a card: select it (Ctrl toggles, Shift adds); drag: move every selected card.

    While dragging only the dragged items and the insertion marker move; the model changes
    once, when the mouse is released over a cell. Selected cards away from the view have
    no items to drag along; they move with the others on release.
    """

    def __init__(
        self, view: MapEditorView, press: QPointF, item: CardItem, toggle: bool, extend: bool
    ) -> None:
        super().__init__(view, press)
        self.item = item
        self.toggle = toggle
        self.dragging = False
        self.moving: list[CardItem] = []
        self.moving_ids: list[str] = []
        self.moving_set: set[str] = set()
        self.origins: list[QPointF] = []
        self.slot: DropSlot | None = None
        self.marker: QGraphicsLineItem | None = None
        self.scene.pin([item.card_id])  # kept while pressed, even if the view moves away
        with view.selection_batch():
            if toggle:
                item.setSelected(not item.isSelected())
            elif extend:
                item.setSelected(True)
            elif not item.isSelected():
                self.scene.clearSelection()
                item.setSelected(True)
        self.collapse_on_release = not (toggle or extend)

    def start(self) -> None:
        """Lift the selected cards: they follow the pointer from now on."""
        self.dragging = True
        self.moving_ids = self.view.selected_card_ids() or [self.item.card_id]
        self.moving_set = set(self.moving_ids)
        self.scene.pin(self.moving_ids)
        items = self.scene.cards
        self.moving = [items[i] for i in self.moving_ids if i in items]
        self.origins = [item.pos() for item in self.moving]
        for item in self.moving:
            item.setZValue(DRAG_Z)
            item.setOpacity(0.85)
        self.marker = overlays.insertion_marker(self.scene)

    def move(self, scene_pos: QPointF) -> None:
        """Drag the lifted cards along and show where they would land."""
        if not self.dragging:
            if self.view.far_enough(self.press, scene_pos) and not self.toggle:
                self.start()
            else:
                return
        delta = scene_pos - self.press
        for item, origin in zip(self.moving, self.origins, strict=True):
            item.setPos(origin + delta)
        self.slot = drop_slot(self.scene.card_layout, scene_pos.x(), scene_pos.y(), self.moving_set)
        overlays.show_line(self.marker, None if self.slot is None else self.slot.marker)

    def release(self, scene_pos: QPointF) -> None:
        """Drop: move the cards in the model (one undo step), or just settle the selection."""
        if not self.dragging:
            self.scene.unpin([self.item.card_id])
            if self.collapse_on_release:
                self.view.select_ids([self.item.card_id])
            return
        slot = self.slot
        ids = self.moving_ids
        self._settle()
        if slot is not None:
            self.document.push(
                MoveCardsCommand(self.document, ids, slot.stage_id, slot.lane_id, slot.order)
            )
        self._put_back()

    def cancel(self) -> None:
        """Put the cards back where they were."""
        if self.dragging:
            self._settle()
            self._put_back()
        else:
            self.scene.unpin([self.item.card_id])

    def _settle(self) -> None:
        overlays.remove(self.marker)
        self.marker = None
        for item in self.moving:
            item.setZValue(10)
            item.setOpacity(1.0)

    def _put_back(self) -> None:
        """Every lifted card where the (possibly new) layout says; the items go with the
        view again."""
        layout = self.scene.card_layout
        for item in self.moving:
            card = layout.cards.get(item.card_id)
            if card is not None and item.scene() is not None:
                item.setPos(card.rect.x, card.rect.y)
        self.scene.unpin([self.item.card_id, *self.moving_ids])
