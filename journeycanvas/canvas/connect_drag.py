"""Joining two cards: drag from a card's handle to another card."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsRectItem

from journeycanvas.canvas import overlays
from journeycanvas.canvas.card_item import CardItem
from journeycanvas.canvas.gesture import Gesture
from journeycanvas.document.commands import AddConnectorCommand
from journeycanvas.model.entities import Connector
from journeycanvas.model.ids import all_ids, new_id

if TYPE_CHECKING:
    from journeycanvas.canvas.editor import MapEditorView


class ConnectDrag(Gesture):
    """A rubber line from the source card's handle to the pointer; the card under the
    pointer on release becomes the target of a new flow connector."""

    def __init__(self, view: MapEditorView, press: QPointF, source: CardItem) -> None:
        super().__init__(view, press)
        self.source = source
        self.start = source.mapToScene(source.handle_center())
        self.line: QGraphicsLineItem | None = overlays.dashed_guide(self.scene)
        self.line.setLine(QLineF(self.start, press))
        self.target: CardItem | None = None
        self.outline: QGraphicsRectItem | None = None

    def move(self, scene_pos: QPointF) -> None:
        """Stretch the line and outline the card it would join."""
        if self.line is not None:
            self.line.setLine(QLineF(self.start, scene_pos))
        target = self.view.card_at_scene(scene_pos)
        if target is self.source:
            target = None
        if target is not self.target:
            overlays.remove(self.outline)
            self.outline = None
            self.target = target
            if target is not None:
                self.outline = overlays.preview_rect(
                    self.scene, target.mapRectToScene(target.card_rect()), translucent=True
                )

    def release(self, scene_pos: QPointF) -> None:
        """Add the connector (one undo step) when released over another card."""
        self.move(scene_pos)
        target = self.target
        self.cancel()
        if target is None:
            return
        connector = Connector(
            id=new_id("k", all_ids(self.document.journey)),
            source=self.source.card_id,
            target=target.card_id,
        )
        self.document.push(
            AddConnectorCommand(self.document, connector, selection_before=self.view.selected_ids())
        )

    def cancel(self) -> None:
        """Remove the line and the outline."""
        overlays.remove(self.line, self.outline)
        self.line = self.outline = None
