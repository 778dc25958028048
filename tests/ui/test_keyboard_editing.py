"""Building and rearranging a stage with the keyboard alone, through the real window:
arrows go to the neighbouring card, Alt+arrows move the selection, Tab walks cells,
N or Insert adds a card, Enter edits and Esc leaves editing, each undone and redone."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from journeycanvas.io.templates import load_template
from journeycanvas.model.entities import JourneyMap
from journeycanvas.ui.help_dialogs import shortcut_rows
from journeycanvas.ui.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


def snapshot(journey: JourneyMap) -> dict:
    """The map as plain data."""
    return journey.model_dump(mode="json")


def key(window: MainWindow, code: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
    """Press a key on the canvas, which has the focus."""
    QTest.keyClick(window.view.viewport(), code, modifiers)


def type_into(widget: object, text: str) -> None:
    """Type text, one key event per character."""
    for char in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, 0, NONE, char))


def undo_redo_all(window: MainWindow, before: dict, after: dict) -> None:
    """Ctrl+Z back to `before`, Ctrl+Shift+Z forward to `after`, through the window's keys."""
    stack = window.document.undo_stack
    for _ in range(stack.index()):
        key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert snapshot(window.document.journey) == before
    while stack.canRedo():
        key(
            window,
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert snapshot(window.document.journey) == after


def opened(window: MainWindow) -> MainWindow:
    window.set_map(load_template("hourglass"), None)
    window.view.setFocus()
    return window


def test_arrow_keys_go_to_the_neighbouring_card_within_the_cell_then_across(
    window: MainWindow,
) -> None:
    view = opened(window).view
    layout = view.map_scene.layout
    cell = layout.cell_cards[("s3", "l5")]
    assert len(cell) >= 2
    view.select_ids([cell[0]])
    key(window, Qt.Key.Key_Down)
    assert view.selected_ids() == [cell[1]]
    key(window, Qt.Key.Key_Up)
    assert view.selected_ids() == [cell[0]]
    key(window, Qt.Key.Key_Up)  # past the top of the cell: the lane above
    above = view.map_scene.layout.cards[view.selected_ids()[0]]
    assert (above.stage_id, layout.lane_index[above.lane_id]) == ("s3", layout.lane_index["l5"] - 1)
    key(window, Qt.Key.Key_Right)
    right = view.map_scene.layout.cards[view.selected_ids()[0]]
    assert layout.stage_index[right.stage_id] > layout.stage_index["s3"]
    assert window.document.undo_stack.count() == 0  # going somewhere changes nothing


def test_alt_arrows_move_the_selected_cards_one_undo_step_each(window: MainWindow) -> None:
    view = opened(window).view
    document = window.document
    before = snapshot(document.journey)
    cell = view.map_scene.layout.cell_cards[("s3", "l5")]
    moved = cell[0]
    view.select_ids([moved])
    key(window, Qt.Key.Key_Down, ALT)
    assert view.map_scene.layout.cell_cards[("s3", "l5")][1] == moved
    key(window, Qt.Key.Key_Right, ALT)
    card = document.card(moved)
    assert (card.stage, card.lane) == ("s4", "l5")
    key(window, Qt.Key.Key_Up, ALT)
    key(window, Qt.Key.Key_Up, ALT)
    assert document.undo_stack.count() == 4
    assert view.selected_ids() == [moved]
    undo_redo_all(window, before, snapshot(document.journey))


def test_tab_walks_cells_and_n_adds_a_card_typed_then_esc_keeps_it(window: MainWindow) -> None:
    view = opened(window).view
    document = window.document
    before = snapshot(document.journey)
    layout = view.map_scene.layout
    view.select_ids([])
    view.remember_cell(layout.stages[0].id, layout.lanes[0].id)
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert view.current_cell() == (layout.stages[1].id, layout.lanes[0].id)
    QTest.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(view, Qt.Key.Key_Tab)
    stage_id, lane_id = view.current_cell()
    count = len(layout.cell_cards.get((stage_id, lane_id), ()))
    view.select_ids([])
    key(window, Qt.Key.Key_N)
    assert view.editor.active
    type_into(view.editor.widget, "Asks a friend")
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Escape)  # kept, as on a whiteboard
    assert not view.editor.active
    cell = view.map_scene.layout.cell_cards[(stage_id, lane_id)]
    assert len(cell) == count + 1
    assert document.card(cell[-1]).text == "Asks a friend"
    view.select_ids([cell[-1]])
    key(window, Qt.Key.Key_Insert)  # Insert adds after the selected card
    type_into(view.editor.widget, "Then visits")
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Return)  # and starts the next card
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Escape)  # left empty: it goes
    texts = [document.card(i).text for i in view.map_scene.layout.cell_cards[(stage_id, lane_id)]]
    assert texts[-2:] == ["Asks a friend", "Then visits"]
    last = view.map_scene.layout.cell_cards[(stage_id, lane_id)][-1]
    view.select_ids([last])
    key(window, Qt.Key.Key_Return)  # Enter edits the selected card
    assert view.editor.active, (view.selected_ids(), last)
    assert view.editor.target.object_id == last
    type_into(view.editor.widget, "Visits the shop")
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Escape)  # an existing card: Esc cancels
    assert document.card(last).text == "Then visits"
    assert view.selected_ids() == [last]
    assert document.undo_stack.count() == 2
    undo_redo_all(window, before, snapshot(document.journey))


def test_a_new_card_being_typed_hides_no_card_below_it(window: MainWindow) -> None:
    view = opened(window).view
    layout = view.map_scene.layout
    cell = layout.cell_cards[("s3", "l5")]
    view.select_ids([])
    view.editor.new_card("s3", "l5", 0)
    box = view.editor.widget.geometry()
    for card_id in cell:
        item = view.map_scene.cards[card_id]
        shown = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        assert not box.adjusted(1, 1, -1, -1).intersects(shown.adjusted(2, 2, -2, -2))
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Escape)


def test_every_keyboard_action_is_in_the_shortcut_sheet(window: MainWindow) -> None:
    rows = {row[1] for row in shortcut_rows(window.action_table)}
    for name in ("move_cards_up", "move_cards_down", "move_cards_left", "move_cards_right",
                 "add_card_here"):  # fmt: skip
        text = getattr(window.action_table, name).text().replace("&", "")
        assert text in rows
    assert "Select the neighbouring card" in rows
    assert "Go to the next or previous cell" in rows


def test_the_canvas_tells_screen_readers_what_is_selected(window: MainWindow) -> None:
    view = opened(window).view
    card_id = view.map_scene.layout.cell_cards[("s3", "l5")][0]
    view.select_ids([card_id])
    assert window.document.card(card_id).text in view.accessibleDescription()
    view.select_ids(["s3"])
    assert window.document.stage("s3").name in view.accessibleDescription()
