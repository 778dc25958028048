"""Dropping a card kind from the palette onto a cell: a new card there, in one command."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QPointF
from PySide6.QtWidgets import QGraphicsLineItem

from journeycanvas.canvas import overlays
from journeycanvas.canvas.kind_labels import card_kind_label
from journeycanvas.canvas.slots import DropSlot, drop_slot
from journeycanvas.document.commands import AddCardCommand
from journeycanvas.model.kinds import CardKind

if TYPE_CHECKING:
    from journeycanvas.canvas.editor import MapEditorView

CARD_KIND_MIME = "application/x-journeycanvas-card-kind"
"""The palette's drag payload: a card kind's value (the palette is journeycanvas.ui.palette)."""


def card_kind_mime_data(kind: CardKind) -> QMimeData:
    """The payload of a palette drag: the card kind's value under `CARD_KIND_MIME`, and its
    name as text for other programs."""
    data = QMimeData()
    data.setData(CARD_KIND_MIME, kind.value.encode("ascii"))
    data.setText(card_kind_label(kind))
    return data


def dropped_kind(mime: QMimeData | None) -> CardKind | None:
    """The card kind a drag carries, or None when it carries none."""
    if mime is None or not mime.hasFormat(CARD_KIND_MIME):
        return None
    try:
        return CardKind(bytes(mime.data(CARD_KIND_MIME).data()).decode("ascii").strip())
    except (UnicodeDecodeError, ValueError):
        return None


class PaletteDrop:
    """A palette drag over the view: the insertion marker follows it; a drop adds the card
    and starts typing its text."""

    def __init__(self, view: MapEditorView, kind: CardKind) -> None:
        self.view = view
        self.kind = kind
        self.slot: DropSlot | None = None
        self.marker: QGraphicsLineItem | None = overlays.insertion_marker(view.map_scene)

    def move(self, scene_pos: QPointF) -> bool:
        """Show the slot under the pointer; whether a drop here would add a card."""
        self.slot = drop_slot(self.view.map_scene.layout, scene_pos.x(), scene_pos.y())
        overlays.show_line(self.marker, None if self.slot is None else self.slot.marker)
        return self.slot is not None

    def drop(self, scene_pos: QPointF) -> AddCardCommand | None:
        """Add a card of the kind at the slot; returns the command that added it, which
        absorbs the typing of the card's text (see InlineEditor.edit_added_card)."""
        accepted = self.move(scene_pos)
        slot = self.slot
        self.leave()
        if not accepted or slot is None:
            return None
        document = self.view.document
        card = document.new_card(slot.stage_id, slot.lane_id, slot.order, self.kind)
        command = AddCardCommand(
            document, card, typing=True, selection_before=self.view.selected_ids()
        )
        document.push(command)
        return command

    def leave(self) -> None:
        """Remove the marker."""
        overlays.remove(self.marker)
        self.marker = None
