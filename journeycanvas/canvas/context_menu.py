"""The canvas's context menus: for a card, a connector, a stage or lane header, a cell."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtWidgets import QMenu

from journeycanvas.canvas import structure_edits
from journeycanvas.canvas.card_item import CardItem
from journeycanvas.canvas.connector_item import ConnectorItem
from journeycanvas.canvas.header_items import LaneHeaderItem, StageHeaderItem
from journeycanvas.canvas.kind_labels import (
    card_kind_label,
    connector_kind_label,
    lane_kind_label,
)
from journeycanvas.document.changes import Entity
from journeycanvas.document.commands import (
    EditCommand,
    RemoveCardsCommand,
)
from journeycanvas.layout import JourneyLayout
from journeycanvas.model.kinds import CardKind, ConnectorKind, LaneKind

if TYPE_CHECKING:
    from PySide6.QtCore import QPointF
    from PySide6.QtWidgets import QGraphicsItem

    from journeycanvas.canvas.editor import MapEditorView

_Kind = TypeVar("_Kind", bound=StrEnum)


def build_menu(view: MapEditorView, item: QGraphicsItem | None, scene_pos: QPointF) -> QMenu:
    """The menu for what is under the pointer (`item`, or the cell at `scene_pos`)."""
    menu = QMenu(view)
    if isinstance(item, CardItem):
        _card_menu(view, menu, item.card_id)
    elif isinstance(item, ConnectorItem):
        _connector_menu(view, menu, item.connector_id)
    elif isinstance(item, StageHeaderItem):
        _stage_menu(view, menu, item.stage_id)
    elif isinstance(item, LaneHeaderItem):
        _lane_menu(view, menu, item.lane_id)
    else:
        _cell_menu(view, menu, view.map_scene.layout, scene_pos)
    return menu


def show_menu(
    view: MapEditorView, item: QGraphicsItem | None, scene_pos: QPointF, at: QPoint
) -> None:
    """Pop up the menu for `item` at global position `at`."""
    menu = build_menu(view, item, scene_pos)
    if not menu.isEmpty():
        menu.exec(at)
    menu.deleteLater()


def _add_kind_choices(
    menu: QMenu,
    kinds: type[_Kind],
    current: str,
    label: Callable[[str], str],
    choose: Callable[[_Kind], None],
) -> None:
    """One checkable action a kind, the `current` one checked; picking one calls `choose`.

    A `current` kind this version does not know (from a newer file) is listed first by its
    raw name, checked and disabled."""
    if current not in set(kinds):
        unknown = menu.addAction(label(current))
        unknown.setCheckable(True)
        unknown.setChecked(True)
        unknown.setEnabled(False)
    for kind in kinds:
        action = menu.addAction(label(kind))
        action.setCheckable(True)
        action.setChecked(kind == current)
        action.triggered.connect(lambda _=False, k=kind: choose(k))


def _card_menu(view: MapEditorView, menu: QMenu, card_id: str) -> None:
    document = view.document
    if card_id not in view.selected_ids():
        view.select_ids([card_id])
    menu.addAction(
        QCoreApplication.translate("MapEditor", "Edit text"), lambda: view.editor.edit_card(card_id)
    )
    _add_kind_choices(
        menu.addMenu(QCoreApplication.translate("MapEditor", "Kind")),
        CardKind,
        document.card(card_id).kind,
        card_kind_label,
        lambda kind: document.push(EditCommand(document, Entity.CARD, card_id, {"kind": kind})),
    )
    menu.addSeparator()
    menu.addAction(QCoreApplication.translate("MapEditor", "Copy"), view.copy)
    menu.addAction(QCoreApplication.translate("MapEditor", "Cut"), view.cut)
    menu.addAction(QCoreApplication.translate("MapEditor", "Duplicate"), view.duplicate_selection)
    menu.addSeparator()
    menu.addAction(QCoreApplication.translate("MapEditor", "Delete"), view.delete_selection)


def _connector_menu(view: MapEditorView, menu: QMenu, connector_id: str) -> None:
    document = view.document
    view.select_ids([connector_id])
    _add_kind_choices(
        menu,
        ConnectorKind,
        document.connector(connector_id).kind,
        connector_kind_label,
        lambda kind: document.push(
            EditCommand(document, Entity.CONNECTOR, connector_id, {"kind": kind})
        ),
    )
    menu.addSeparator()
    menu.addAction(
        QCoreApplication.translate("MapEditor", "Edit label"),
        lambda: view.editor.edit_connector(connector_id),
    )
    menu.addSeparator()
    menu.addAction(
        QCoreApplication.translate("MapEditor", "Delete connector"),
        lambda: document.push(RemoveCardsCommand(document, [], [connector_id])),
    )


def _stage_menu(view: MapEditorView, menu: QMenu, stage_id: str) -> None:
    document = view.document
    view.select_ids([stage_id])
    index = [s.id for s in document.journey.stages].index(stage_id)
    menu.addAction(
        QCoreApplication.translate("MapEditor", "Rename"), lambda: view.editor.edit_stage(stage_id)
    )
    menu.addAction(
        QCoreApplication.translate("MapEditor", "Colour…"),
        lambda: structure_edits.recolour_stage(view, stage_id),
    )
    menu.addSeparator()
    menu.addAction(
        QCoreApplication.translate("MapEditor", "Insert stage before"),
        lambda: structure_edits.add_stage(view, index),
    )
    menu.addAction(
        QCoreApplication.translate("MapEditor", "Insert stage after"),
        lambda: structure_edits.add_stage(view, index + 1),
    )
    menu.addSeparator()
    menu.addAction(QCoreApplication.translate("MapEditor", "Delete stage…"), view.delete_selection)


def _lane_menu(view: MapEditorView, menu: QMenu, lane_id: str) -> None:
    document = view.document
    view.select_ids([lane_id])
    index = [lane.id for lane in document.journey.lanes].index(lane_id)
    menu.addAction(
        QCoreApplication.translate("MapEditor", "Rename"), lambda: view.editor.edit_lane(lane_id)
    )
    _add_kind_choices(
        menu.addMenu(QCoreApplication.translate("MapEditor", "Kind")),
        LaneKind,
        document.lane(lane_id).kind,
        lane_kind_label,
        lambda kind: document.push(EditCommand(document, Entity.LANE, lane_id, {"kind": kind})),
    )
    menu.addSeparator()
    menu.addAction(
        QCoreApplication.translate("MapEditor", "Insert lane above"),
        lambda: structure_edits.add_lane(view, index),
    )
    menu.addAction(
        QCoreApplication.translate("MapEditor", "Insert lane below"),
        lambda: structure_edits.add_lane(view, index + 1),
    )
    menu.addSeparator()
    menu.addAction(QCoreApplication.translate("MapEditor", "Delete lane…"), view.delete_selection)


def _cell_menu(view: MapEditorView, menu: QMenu, layout: JourneyLayout, scene_pos: QPointF) -> None:
    cell = layout.cell_at(scene_pos.x(), scene_pos.y())
    if cell is None:
        menu.addAction(QCoreApplication.translate("MapEditor", "Add stage"), view.add_stage)
        menu.addAction(QCoreApplication.translate("MapEditor", "Add lane"), view.add_lane)
        return
    view.remember_cell(*cell)
    stage_id, lane_id = cell
    count = len(layout.cell_cards.get(cell, ()))
    menu.addAction(
        QCoreApplication.translate("MapEditor", "Add card here"),
        lambda: view.editor.new_card(stage_id, lane_id, count),
    )
    paste = menu.addAction(QCoreApplication.translate("MapEditor", "Paste here"), view.paste)
    paste.setEnabled(view.can_paste())
