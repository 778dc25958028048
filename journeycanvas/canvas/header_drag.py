"""Reordering stages and lanes by dragging their headers: one command on release."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsRectItem

from journeycanvas.canvas import overlays
from journeycanvas.canvas.gesture import Gesture
from journeycanvas.canvas.header_items import LaneHeaderItem, StageHeaderItem
from journeycanvas.canvas.units import qrect
from journeycanvas.document.commands import DocumentCommand, MoveLaneCommand, MoveStageCommand

if TYPE_CHECKING:
    from journeycanvas.canvas.editor import MapEditorView


class HeaderDrag(Gesture):
    """Press on a stage or lane header: select it; drag: show where it would go; release:
    move it there (its cards go with it)."""

    def __init__(
        self, view: MapEditorView, press: QPointF, item: StageHeaderItem | LaneHeaderItem
    ) -> None:
        super().__init__(view, press)
        self.item = item
        self.is_stage = isinstance(item, StageHeaderItem)
        self.dragging = False
        self.target: int | None = None
        self.ghost: QGraphicsRectItem | None = None
        self.marker: QGraphicsLineItem | None = None
        with view.selection_batch():
            self.scene.clearSelection()
            item.setSelected(True)

    def _headers(self) -> list:
        layout = self.scene.card_layout
        return list(layout.stages if self.is_stage else layout.lanes)

    def move(self, scene_pos: QPointF) -> None:
        """Show the header's column (or row) following the pointer and the gap it would take."""
        if not self.dragging:
            if not self.view.far_enough(self.press, scene_pos):
                return
            self.dragging = True
            own = next(h for h in self._headers() if h.id == self._object_id())
            band = qrect(own.column if self.is_stage else own.row)
            self.ghost = overlays.preview_rect(self.scene, band, translucent=True)
            self.marker = overlays.insertion_marker(self.scene)
        delta = scene_pos - self.press
        if self.ghost is not None:
            self.ghost.setPos(QPointF(delta.x(), 0) if self.is_stage else QPointF(0, delta.y()))
        others = [h for h in self._headers() if h.id != self._object_id()]
        if self.is_stage:
            index = sum(1 for h in others if h.rect.center.x < scene_pos.x())
        else:
            index = sum(1 for h in others if h.rect.center.y < scene_pos.y())
        self.target = index
        overlays.show_line(self.marker, self._marker_line(others, index))

    def _object_id(self) -> str:
        item = self.item
        return item.stage_id if isinstance(item, StageHeaderItem) else item.lane_id

    def _marker_line(self, others: list, index: int) -> QLineF | None:
        layout = self.scene.card_layout
        if not others:
            return None
        if self.is_stage:
            x = others[index].rect.x if index < len(others) else others[-1].rect.right
            return QLineF(x, 0, x, layout.height)
        y = others[index].rect.y if index < len(others) else others[-1].rect.bottom
        return QLineF(0, y, layout.width, y)

    def release(self, scene_pos: QPointF) -> None:
        """Move the stage or lane to where the marker was."""
        target = self.target if self.dragging else None
        self.cancel()
        if target is None:
            return
        object_id = self._object_id()
        selection = [object_id]
        command: DocumentCommand
        if self.is_stage:
            command = MoveStageCommand(
                self.document, object_id, target,
                selection_before=selection, selection_after=selection,
            )  # fmt: skip
        else:
            command = MoveLaneCommand(
                self.document, object_id, target,
                selection_before=selection, selection_after=selection,
            )  # fmt: skip
        if not command.isObsolete():
            self.document.push(command)

    def cancel(self) -> None:
        """Remove the ghost and the marker."""
        overlays.remove(self.ghost, self.marker)
        self.ghost = self.marker = None
