"""Dragging edges: a stage's right edge sets its width, a lane's bottom edge its height,
a card's right edge its span."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsRectItem, QGraphicsSimpleTextItem

from journeycanvas.canvas import overlays
from journeycanvas.canvas.card_item import CardItem
from journeycanvas.canvas.gesture import Gesture
from journeycanvas.canvas.header_items import LaneHeaderItem, StageHeaderItem
from journeycanvas.document.changes import Entity
from journeycanvas.document.commands import (
    EditCommand,
    SetCardSpanCommand,
)

if TYPE_CHECKING:
    from journeycanvas.canvas.editor import MapEditorView

MIN_STAGE_MM = 20.0
MAX_STAGE_MM = 2000.0
MIN_LANE_MM = 10.0
MAX_LANE_MM = 2000.0


class StageResize(Gesture):
    """Drag a stage header's right edge: a guide shows the new width; release sets it."""

    def __init__(self, view: MapEditorView, press: QPointF, item: StageHeaderItem) -> None:
        super().__init__(view, press)
        self.item = item
        self.left = item.header.rect.x
        self.width: float | None = None
        self.guide: QGraphicsLineItem | None = overlays.dashed_guide(self.scene)
        self.label: QGraphicsSimpleTextItem | None = None
        self.move(press)

    def move(self, scene_pos: QPointF) -> None:
        """Show the new right edge and the width in millimetres."""
        width = round(max(MIN_STAGE_MM, min(MAX_STAGE_MM, scene_pos.x() - self.left)))
        self.width = width
        right = self.left + width
        if self.guide is not None:
            self.guide.setLine(QLineF(right, 0, right, self.scene.card_layout.height))
        text = QCoreApplication.translate("MapEditor", "{width} mm").format(width=width)
        if self.label is None:
            self.label = overlays.note(self.scene, text, QPointF(right + 1.5, 1.5))
        else:
            self.label.setText(text)
            self.label.setPos(right + 1.5, 1.5)

    def release(self, scene_pos: QPointF) -> None:
        """Set the stage's width (one undo step)."""
        self.move(scene_pos)
        width = self.width
        self.cancel()
        stage_id = self.item.stage_id
        if width is not None and width != self.document.stage(stage_id).width_mm:
            self.document.push(
                EditCommand(self.document, Entity.STAGE, stage_id, {"width_mm": width})
            )

    def cancel(self) -> None:
        """Remove the guide."""
        overlays.remove(self.guide, self.label)
        self.guide = self.label = None


class LaneResize(Gesture):
    """Drag a lane header's bottom edge: a guide shows the new height; release sets it.

    The height is a minimum: the row still grows when its cards need more room.
    """

    def __init__(self, view: MapEditorView, press: QPointF, item: LaneHeaderItem) -> None:
        super().__init__(view, press)
        self.item = item
        self.top = item.header.rect.y
        self.height: float | None = None
        self.guide: QGraphicsLineItem | None = overlays.dashed_guide(self.scene)
        self.label: QGraphicsSimpleTextItem | None = None
        self.move(press)

    def move(self, scene_pos: QPointF) -> None:
        """Show the new bottom edge and the height in millimetres."""
        height = round(max(MIN_LANE_MM, min(MAX_LANE_MM, scene_pos.y() - self.top)))
        self.height = height
        bottom = self.top + height
        if self.guide is not None:
            self.guide.setLine(QLineF(0, bottom, self.scene.card_layout.width, bottom))
        text = QCoreApplication.translate("MapEditor", "{height} mm").format(height=height)
        if self.label is None:
            self.label = overlays.note(self.scene, text, QPointF(1.5, bottom + 1.5))
        else:
            self.label.setText(text)
            self.label.setPos(1.5, bottom + 1.5)

    def release(self, scene_pos: QPointF) -> None:
        """Set the lane's height (one undo step)."""
        self.move(scene_pos)
        height = self.height
        self.cancel()
        lane_id = self.item.lane_id
        if height is not None and height != self.document.lane(lane_id).height_mm:
            self.document.push(
                EditCommand(self.document, Entity.LANE, lane_id, {"height_mm": height})
            )

    def cancel(self) -> None:
        """Remove the guide."""
        overlays.remove(self.guide, self.label)
        self.guide = self.label = None


class CardSpanResize(Gesture):
    """Drag a card's right edge over following stages: release sets how many it spans."""

    def __init__(self, view: MapEditorView, press: QPointF, item: CardItem) -> None:
        super().__init__(view, press)
        self.item = item
        layout = self.scene.card_layout
        card = item.layout
        self.start_index = layout.stage_index[card.stage_id]
        self.span = card.span
        self.preview: QGraphicsRectItem | None = overlays.preview_rect(
            self.scene, QRectF(card.rect.x, card.rect.y, card.rect.w, card.rect.h)
        )

    def move(self, scene_pos: QPointF) -> None:
        """Snap the preview to the right edge of the stage under the pointer."""
        layout = self.scene.card_layout
        stages = layout.stages
        index = self.start_index
        for stage in stages[self.start_index :]:
            if scene_pos.x() >= stage.rect.x:
                index = stage.index
        self.span = index - self.start_index + 1
        card = self.item.layout
        pad = layout.style.cell_padding_mm
        right = stages[index].rect.right - pad
        if self.preview is not None:
            self.preview.setRect(QRectF(card.rect.x, card.rect.y, right - card.rect.x, card.rect.h))

    def release(self, scene_pos: QPointF) -> None:
        """Give the card its new span (one undo step)."""
        self.move(scene_pos)
        self.cancel()
        card_id = self.item.card_id
        if self.span != self.document.card(card_id).span:
            self.document.push(SetCardSpanCommand(self.document, card_id, self.span))

    def cancel(self) -> None:
        """Remove the preview."""
        overlays.remove(self.preview)
        self.preview = None
