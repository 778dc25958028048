"""What a context menu on the canvas is for: a card, a connector, a header, a cell.

The canvas only says what is under the pointer (selecting it, as the menu's commands act
on the selection); the main window builds the menu from its action table
(ui/context_menus.py), so that every command has one definition.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint

from journeycanvas.canvas.card_item import CardItem
from journeycanvas.canvas.connector_item import ConnectorItem
from journeycanvas.canvas.header_items import LaneHeaderItem, StageHeaderItem

if TYPE_CHECKING:
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QGraphicsItem

    from journeycanvas.canvas.editor import MapEditorView


class MenuTarget(StrEnum):
    """What a context menu was asked for."""

    CARD = "card"
    CONNECTOR = "connector"
    STAGE = "stage"
    LANE = "lane"
    CELL = "cell"
    OUTSIDE = "outside"
    """Outside the cells: the margins and the header corner."""


@dataclass(frozen=True, slots=True)
class ContextRequest:
    """A context menu asked for `target` (the object `object_id`, if any) at `global_pos`."""

    target: MenuTarget
    object_id: str | None
    global_pos: QPoint


def prepare_request(
    view: MapEditorView, item: QGraphicsItem | None, scene_pos: QPointF, at: QPoint
) -> ContextRequest:
    """Select what is under the pointer (a clicked card joins no selection it is not in)
    and remember the cell, so that the menu's commands act on it."""
    if isinstance(item, CardItem):
        if item.card_id not in view.selected_ids():
            view.select_ids([item.card_id])
        return ContextRequest(MenuTarget.CARD, item.card_id, at)
    targets = (
        (ConnectorItem, MenuTarget.CONNECTOR, "connector_id"),
        (StageHeaderItem, MenuTarget.STAGE, "stage_id"),
        (LaneHeaderItem, MenuTarget.LANE, "lane_id"),
    )
    for kind, target, attribute in targets:
        if isinstance(item, kind):
            object_id = getattr(item, attribute)
            view.select_ids([object_id])
            return ContextRequest(target, object_id, at)
    cell = view.map_scene.card_layout.cell_at(scene_pos.x(), scene_pos.y())
    if cell is None:
        return ContextRequest(MenuTarget.OUTSIDE, None, at)
    view.select_ids([])  # "Paste here" pastes here, not after a selected card
    view.remember_cell(*cell)
    return ContextRequest(MenuTarget.CELL, None, at)
