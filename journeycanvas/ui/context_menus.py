"""The canvas's context menus, made of the action table's actions.

The canvas says what the menu is for (a ContextRequest, with that object selected); each
target's menu lists action ids from the table, plus a submenu to change the kind of the
card, connector or lane under the pointer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from journeycanvas.canvas.context_menu import ContextRequest, MenuTarget
from journeycanvas.canvas.kind_labels import card_kind_label, connector_kind_label, lane_kind_label
from journeycanvas.document.changes import Entity
from journeycanvas.document.commands import EditCommand
from journeycanvas.model.kinds import CardKind, ConnectorKind, LaneKind
from journeycanvas.ui.actions import SEPARATOR

if TYPE_CHECKING:
    from journeycanvas.ui.main_window import MainWindow

KIND_CHOICES = "@kinds"
"""The entry for the kinds of the object under the pointer."""

CONTEXT_MENUS: dict[MenuTarget, tuple[str, ...]] = {
    MenuTarget.CARD: ("edit_text", KIND_CHOICES, SEPARATOR, "copy", "cut", "duplicate",
                      SEPARATOR, "set_picture", "remove_picture", "resolve_conflict", SEPARATOR,
                      "delete"),
    MenuTarget.CONNECTOR: (KIND_CHOICES, SEPARATOR, "edit_text", SEPARATOR, "delete"),
    MenuTarget.STAGE: ("edit_text", "recolour_stage", SEPARATOR, "insert_stage_before",
                       "insert_stage_after", SEPARATOR, "delete"),
    MenuTarget.LANE: ("edit_text", KIND_CHOICES, SEPARATOR, "insert_lane_above",
                      "insert_lane_below", SEPARATOR, "delete"),
    MenuTarget.CELL: ("add_card_here", "paste"),
    MenuTarget.OUTSIDE: ("add_stage", "add_lane"),
}  # fmt: skip


def build_context_menu(window: MainWindow, request: ContextRequest) -> QMenu:
    """The menu for `request`, its actions brought up to date with the selection."""
    window.action_table.refresh()
    menu = QMenu(window.view)
    for entry in CONTEXT_MENUS[request.target]:
        if entry == SEPARATOR:
            menu.addSeparator()
        elif entry == KIND_CHOICES:
            _add_kind_choices(window, menu, request)
        else:
            menu.addAction(window.action_table.by_id[entry])
    return menu


def show_context_menu(window: MainWindow, request: ContextRequest) -> None:
    """Pop up the menu for `request` where it was asked for."""
    menu = build_context_menu(window, request)
    menu.exec(request.global_pos)
    menu.deleteLater()


def _add_kind_choices(window: MainWindow, menu: QMenu, request: ContextRequest) -> None:
    document = window.document
    object_id = request.object_id
    if object_id is None:
        return
    title = QCoreApplication.translate("Actions", "Kind")

    def set_kind(entity: Entity) -> Callable[[str], None]:
        return lambda kind: document.push(EditCommand(document, entity, object_id, {"kind": kind}))

    if request.target is MenuTarget.CARD:
        card_kind = document.card(object_id).kind
        _kind_actions(
            menu.addMenu(title), CardKind, card_kind, card_kind_label, set_kind(Entity.CARD)
        )
    elif request.target is MenuTarget.LANE:
        lane_kind = document.lane(object_id).kind
        _kind_actions(
            menu.addMenu(title), LaneKind, lane_kind, lane_kind_label, set_kind(Entity.LANE)
        )
    elif request.target is MenuTarget.CONNECTOR:
        connector_kind = document.connector(object_id).kind
        _kind_actions(
            menu, ConnectorKind, connector_kind, connector_kind_label, set_kind(Entity.CONNECTOR)
        )


def _kind_actions(
    menu: QMenu,
    kinds: Iterable[str],
    current: str,
    label: Callable[[str], str],
    choose: Callable[[str], None],
) -> None:
    """One checkable action a kind, the `current` one checked; picking one calls `choose`.

    A `current` kind this version does not know (from a newer file) is listed first by its
    raw name, checked and disabled."""
    known = list(kinds)
    if current not in known:
        unknown = menu.addAction(label(current))
        unknown.setCheckable(True)
        unknown.setChecked(True)
        unknown.setEnabled(False)
    for kind in known:
        action = menu.addAction(label(kind))
        action.setCheckable(True)
        action.setChecked(kind == current)
        action.triggered.connect(lambda _=False, k=kind: choose(k))
