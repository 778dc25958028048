"""The action table: one definition per command, unique keys, read by every menu and the sheet."""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from journeycanvas.canvas.context_menu import ContextRequest, MenuTarget
from journeycanvas.canvas.keys import canvas_gestures
from journeycanvas.canvas.kind_labels import card_kind_label, connector_kind_label, lane_kind_label
from journeycanvas.io.templates import load_template
from journeycanvas.model.kinds import CardKind, ConnectorKind, LaneKind
from journeycanvas.ui import main_window
from journeycanvas.ui.actions import TOOLBAR, action_specs, resolve_keys
from journeycanvas.ui.context_menus import build_context_menu
from journeycanvas.ui.help_dialogs import shortcut_rows
from journeycanvas.ui.main_window import MainWindow

_Key = QKeySequence.StandardKey
_Portable = QKeySequence.SequenceFormat.PortableText

# The sequences Qt adds to standard keys on KDE/GNOME and on macOS (qplatformtheme.cpp),
# which this test machine's platform does not: on KDE and GNOME Delete includes Ctrl+D.
_PLATFORM_EXTRAS: dict[str, dict[_Key, list[str]]] = {
    "x11": {_Key.Delete: ["Ctrl+D"], _Key.Cut: ["Shift+Del", "F20"], _Key.Copy: ["Ctrl+Ins"],
            _Key.Paste: ["Ctrl+Shift+Ins", "Shift+Ins"], _Key.Redo: ["Ctrl+Shift+Z"]},
    "mac": {_Key.Delete: ["Meta+D"], _Key.Cut: ["Meta+K"], _Key.Paste: ["Meta+Y"],
            _Key.Close: ["Ctrl+F4"]},
}  # fmt: skip


def _clashes() -> dict[str, list[str]]:
    """Every sequence bound to more than one action or canvas gesture."""
    owners: dict[str, list[str]] = defaultdict(list)
    for action_id, keys in resolve_keys(action_specs()).items():
        for key in keys:
            owners[key.toString(_Portable)].append(action_id)
    for gesture in canvas_gestures():
        for sequence in gesture.sequences:
            owners[QKeySequence(sequence).toString(_Portable)].append(gesture.what)
    return {key: names for key, names in owners.items() if len(names) > 1}


def test_no_two_actions_share_a_key_sequence(qapp: QApplication) -> None:
    assert _clashes() == {}


@pytest.mark.parametrize("platform", sorted(_PLATFORM_EXTRAS))
def test_no_two_actions_share_a_key_sequence_on_other_platforms(
    qapp: QApplication, platform: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = QKeySequence.keyBindings
    extras = _PLATFORM_EXTRAS[platform]

    def bindings(key: _Key) -> list[QKeySequence]:
        return [*real(key), *(QKeySequence(text) for text in extras.get(key, []))]

    monkeypatch.setattr(QKeySequence, "keyBindings", staticmethod(bindings))
    assert _clashes() == {}
    keys = resolve_keys(action_specs())
    assert [k.toString(_Portable) for k in keys["duplicate"]] == ["Ctrl+D"]
    assert keys["delete"][0].toString(_Portable) == "Del"


def test_every_action_with_a_shortcut_is_in_the_shortcut_sheet(window: MainWindow) -> None:
    rows = shortcut_rows(window.action_table)
    listed = {(command, keys.split(", ")[0]) for _group, command, keys in rows}
    for spec in action_specs():
        keys = window.action_table.keys[spec.id]
        if keys:
            first = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
            command = spec.text.replace("&", "").rstrip(".…")
            assert (command, first) in listed, spec.id
    assert {gesture.what for gesture in canvas_gestures()} <= {row[1] for row in rows}


def _click_card(window: MainWindow, card_id: str) -> None:
    view = window.view
    view.center_on(card_id)
    point = view.mapFromScene(view.map_scene.cards[card_id].sceneBoundingRect().center())
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), point)


def test_ctrl_d_duplicates_delete_deletes_and_ctrl_z_restores_through_the_window(
    window: MainWindow,
) -> None:
    window.set_map(load_template("hourglass"), None)
    document, view = window.document, window.view
    card_id = view.map_scene.layout.cell_cards[("s3", "l4")][0]
    original = [c.id for c in document.journey.cards]
    _click_card(window, card_id)
    assert view.selected_ids() == [card_id]
    assert window.action_table.duplicate.isEnabled()

    QTest.keyClick(view.viewport(), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    copies = [c for c in document.journey.cards if c.id not in original]
    assert [(c.stage, c.lane, c.text) for c in copies] == [
        ("s3", "l4", document.card(card_id).text)
    ]
    assert document.undo_stack.count() == 1
    assert view.selected_ids() == [copies[0].id]

    QTest.keyClick(view.viewport(), Qt.Key.Key_Delete)
    assert [c.id for c in document.journey.cards] == original
    assert document.undo_stack.count() == 2

    QTest.keyClick(view.viewport(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [c.id for c in document.journey.cards if c.id not in original] == [copies[0].id]
    QTest.keyClick(view.viewport(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [c.id for c in document.journey.cards] == original


def test_edit_commands_are_enabled_only_with_a_selection(window: MainWindow) -> None:
    window.set_map(load_template("hourglass"), None)
    actions = window.action_table
    assert not actions.duplicate.isEnabled()
    assert not actions.delete.isEnabled()
    window.view.select_ids(["s2"])
    assert actions.delete.isEnabled()
    assert not actions.duplicate.isEnabled()  # a stage is not duplicated
    assert actions.edit_text.text().replace("&", "") == "Rename"


def test_toolbar_buttons_keep_their_place_when_the_undo_text_changes(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.set_map(load_template("hourglass"), None)
    buttons = [
        window.toolbar.widgetForAction(window.action_table.by_id[entry])
        for entry in TOOLBAR
        if entry != "-"
    ]
    assert all(isinstance(button, QToolButton) for button in buttons)
    before = [button.geometry() for button in buttons]
    undo_text = window.undo_action.text()
    window.view.select_ids([window.document.journey.cards[0].id])
    window.view.duplicate_selection()
    qtbot.wait(10)
    assert window.undo_action.text() != undo_text  # "Undo Duplicate card"
    assert "Duplicate" in window.toolbar.widgetForAction(window.undo_action).toolTip()
    assert [button.geometry() for button in buttons] == before


def test_context_menus_hold_the_same_actions_as_the_main_menus(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.set_map(load_template("hourglass"), None)
    view = window.view
    shown: list[list[str]] = []

    def show(window: MainWindow, request: ContextRequest) -> None:
        menu = build_context_menu(window, request)
        shown.append([a.objectName() or a.text() for a in menu.actions() if not a.isSeparator()])
        menu.deleteLater()

    monkeypatch.setattr(main_window, "show_context_menu", show)

    def right_click(scene_point: QPointF) -> list[str]:
        point = view.mapFromScene(scene_point)
        event = QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)
        )
        QApplication.sendEvent(view.viewport(), event)
        return shown[-1]

    card_id = view.map_scene.layout.cell_cards[("s2", "l2")][0]
    view.center_on(card_id)
    card_menu = right_click(view.map_scene.cards[card_id].sceneBoundingRect().center())
    assert view.selected_ids() == [card_id]
    assert {"edit_text", "copy", "cut", "duplicate", "delete"} <= set(card_menu)
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert window.action_table.duplicate in edit_menu.actions()

    stage = view.map_scene.layout.stages[1]
    view.center_on(stage.id)
    stage_menu = right_click(QPointF(stage.rect.center.x, stage.rect.center.y))
    assert view.selected_ids() == [stage.id]
    assert stage_menu == [
        "edit_text", "recolour_stage", "insert_stage_before", "insert_stage_after", "delete"
    ]  # fmt: skip
    stages = len(window.document.journey.stages)
    window.action_table.insert_stage_before.trigger()
    names = [s.id for s in window.document.journey.stages]
    assert len(names) == stages + 1
    assert names.index(stage.id) == 2  # the new stage went before it
    window.view.finish_editing()


def test_kind_menus_check_the_current_kind_and_change_it_in_one_step(window: MainWindow) -> None:
    window.set_map(load_template("hourglass"), None)
    document = window.document
    before = document.journey.model_copy(deep=True)
    card, lane = document.journey.cards[0], document.journey.lanes[0]
    connector = document.journey.connectors[0]
    for target, object_id, current, label, new in (
        (MenuTarget.CARD, card.id, card.kind, card_kind_label, CardKind.MILESTONE),
        (MenuTarget.LANE, lane.id, lane.kind, lane_kind_label, LaneKind.NOTES),
        (MenuTarget.CONNECTOR, connector.id, connector.kind, connector_kind_label,
         ConnectorKind.BREAKPOINT),
    ):  # fmt: skip
        window.view.select_ids([object_id])
        menu = build_context_menu(window, ContextRequest(target, object_id, QPoint()))
        kind_menu = next((a.menu() for a in menu.actions() if a.menu() is not None), menu)
        choices = {a.text(): a for a in kind_menu.actions() if a.isCheckable()}
        assert [text for text, a in choices.items() if a.isChecked()] == [label(current)]
        choices[label(new)].trigger()
        menu.deleteLater()
    assert document.card(card.id).kind == CardKind.MILESTONE
    assert document.lane(lane.id).kind == LaneKind.NOTES
    assert document.connector(connector.id).kind == ConnectorKind.BREAKPOINT
    assert document.undo_stack.count() == 3
    for _ in range(3):
        document.undo_stack.undo()
    assert document.journey == before
