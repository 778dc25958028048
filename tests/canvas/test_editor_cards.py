"""Driving the editor with the mouse and keyboard: palette drops, moves, typing, clipboard."""

from __future__ import annotations

import pytest
from canvas_helpers import (
    center,
    click,
    drag,
    journey_from,
    snapshot,
    type_text,
    undo_redo_check,
    view_point,
)
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from journeycanvas.canvas.editor import MapEditorView
from journeycanvas.canvas.palette_drop import CARD_KIND_MIME
from journeycanvas.document import Document
from journeycanvas.document.commands import AddCardCommand
from journeycanvas.model import edits
from journeycanvas.model.kinds import CardKind


def _cell_point(view: MapEditorView, stage: int, lane: int, below_cards: bool = True) -> QPointF:
    """A point in a cell: below its cards (the last slot) or near its top (slot 0)."""
    layout = view.map_scene.layout
    stage_id, lane_id = layout.stages[stage].id, layout.lanes[lane].id
    cell = layout.cell(stage_id, lane_id).rect
    cards = layout.cards_in(stage_id, lane_id)
    if below_cards:
        y = cards[-1].rect.bottom + 1.0 if cards else cell.y + cell.h / 2
        y = min(y, cell.bottom - 0.5)
    else:
        y = cell.y + 0.8
    return QPointF(cell.x + cell.w / 2, y)


def _drop_kind(view: MapEditorView, target: QPointF, kind: CardKind) -> None:
    """Drag a card kind from the palette over the view and drop it at a scene point."""
    mime = QMimeData()
    mime.setData(CARD_KIND_MIME, kind.value.encode("ascii"))
    viewport = view.viewport()
    point = QPointF(view_point(view, target))
    actions = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), actions, mime, buttons, mods)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(point.toPoint(), actions, mime, buttons, mods)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    assert view._drop is not None and view._drop.marker.isVisible()
    QApplication.sendEvent(viewport, QDropEvent(point, actions, mime, buttons, mods))


def test_palette_drop_adds_a_card_of_the_kind_in_the_cell_and_types_it_in_one_step(
    view: MapEditorView, document: Document
) -> None:
    before = snapshot(document.journey)
    target = _cell_point(view, stage=2, lane=0)
    stage_id, lane_id = document.journey.stages[2].id, document.journey.lanes[0].id
    slots = len(view.map_scene.layout.cell_cards.get((stage_id, lane_id), ()))
    _drop_kind(view, target, CardKind.OPPORTUNITY)

    added = [c for c in document.journey.cards if c.id not in {c["id"] for c in before["cards"]}]
    assert len(added) == 1
    card = added[0]
    assert (card.stage, card.lane, card.order, card.kind) == (
        stage_id, lane_id, slots, CardKind.OPPORTUNITY
    )  # fmt: skip
    assert card.id in view.map_scene.cards, "the card shows while its text is typed"
    assert view.editor.active
    type_text(view.editor.widget, "Free tasting")
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Return)
    assert document.card(card.id).text == "Free tasting"
    assert view.editor.active, "Enter starts the next card in the same cell"
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Escape)
    assert document.undo_stack.count() == 1, "the drop and its text are one undo step"
    after = snapshot(document.journey)
    undo_redo_check(document, before, after)


def test_escape_on_an_empty_dropped_card_leaves_no_card_and_no_undo_step(
    view: MapEditorView, document: Document
) -> None:
    typed = ""
    layout = view.map_scene.layout
    selected = layout.cell_cards[("s1", "l1")][0]
    view.select_ids([selected])
    before = snapshot(document.journey)
    _drop_kind(view, _cell_point(view, stage=1, lane=2), CardKind.THOUGHT)
    assert len(document.journey.cards) == len(before["cards"]) + 1
    type_text(view.editor.widget, typed)
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Escape)
    assert not view.editor.active
    assert snapshot(document.journey) == before
    assert len(view.map_scene.cards) == len(before["cards"])
    stack = document.undo_stack
    assert (stack.count(), stack.canUndo(), stack.canRedo()) == (0, False, False)
    assert not document.modified
    assert view.selected_ids() == [selected]


def test_escape_keeps_the_text_of_a_new_card_and_undo_takes_it_away(
    view: MapEditorView, document: Document
) -> None:
    before = snapshot(document.journey)
    _drop_kind(view, _cell_point(view, stage=1, lane=2), CardKind.THOUGHT)
    type_text(view.editor.widget, "Half a thought")
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Escape)
    assert not view.editor.active
    kept = [c for c in document.journey.cards if c.text == "Half a thought"]
    assert len(kept) == 1 and kept[0].kind == CardKind.THOUGHT
    assert document.undo_stack.count() == 1
    undo_redo_check(document, before, snapshot(document.journey))


def test_a_dropped_card_left_empty_goes_when_the_user_clicks_elsewhere(
    view: MapEditorView, document: Document
) -> None:
    before = snapshot(document.journey)
    _drop_kind(view, _cell_point(view, stage=0, lane=1), CardKind.TOUCHPOINT)
    type_text(view.editor.widget, "x")
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Backspace)
    click(view, _cell_point(view, stage=4, lane=4))
    assert not view.editor.active
    assert snapshot(document.journey) == before
    assert document.undo_stack.count() == 0


def test_dragging_a_card_to_another_stage_moves_it_there(
    view: MapEditorView, document: Document
) -> None:
    layout = view.map_scene.layout
    card_id = layout.cell_cards[("s1", "l4")][0]
    before = snapshot(document.journey)
    drag(view, center(layout.cards[card_id].rect), _cell_point(view, stage=3, lane=3))
    card = document.card(card_id)
    assert (card.stage, card.lane) == ("s4", "l4")
    expected = Document(journey_from(before))
    edits.move_cards(expected.journey, [card_id], "s4", "l4", len(layout.cell_cards[("s4", "l4")]))
    assert snapshot(document.journey) == snapshot(expected.journey)
    assert document.undo_stack.count() == 1
    assert view.selected_ids() == [card_id]
    undo_redo_check(document, before, snapshot(expected.journey))


def test_several_selected_cards_move_together_in_one_step(
    view: MapEditorView, document: Document
) -> None:
    layout = view.map_scene.layout
    first = layout.cell_cards[("s1", "l5")][0]
    second = layout.cell_cards[("s2", "l5")][0]
    before = snapshot(document.journey)
    click(view, center(layout.cards[first].rect))
    click(view, center(layout.cards[second].rect), Qt.KeyboardModifier.ControlModifier)
    assert sorted(view.selected_ids()) == sorted([first, second])
    drag(
        view,
        center(layout.cards[second].rect),
        _cell_point(view, stage=5, lane=4, below_cards=False),
    )
    for card_id in (first, second):
        card = document.card(card_id)
        assert (card.stage, card.lane) == ("s6", "l5")
    expected = Document(journey_from(before))
    edits.move_cards(expected.journey, [first, second], "s6", "l5", 0)
    assert snapshot(document.journey) == snapshot(expected.journey)
    assert document.undo_stack.count() == 1
    undo_redo_check(document, before, snapshot(expected.journey))
    assert sorted(view.selected_ids()) == sorted([first, second])


def test_typing_a_new_card_enter_starts_the_next_and_escape_drops_it(
    view: MapEditorView, document: Document
) -> None:
    before = snapshot(document.journey)
    target = _cell_point(view, stage=3, lane=4)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      view_point(view, target))  # fmt: skip
    assert view.editor.active
    type_text(view.editor.widget, "Zażółć 你好")
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Return)
    added = [c for c in document.journey.cards if c.text == "Zażółć 你好"]
    assert len(added) == 1
    assert (added[0].stage, added[0].lane, added[0].kind) == ("s4", "l5", CardKind.CONTENT_IDEA)
    assert view.editor.active, "Enter starts the next card in the same cell"
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Escape)
    assert not view.editor.active
    assert len(document.journey.cards) == len(before["cards"]) + 1
    assert document.undo_stack.count() == 1
    undo_redo_check(document, before, snapshot(document.journey))


def test_editing_a_card_text_in_place_is_one_undo_step(
    view: MapEditorView, document: Document
) -> None:
    layout = view.map_scene.layout
    card_id = layout.cell_cards[("s2", "l2")][0]
    before = snapshot(document.journey)
    click(view, center(layout.cards[card_id].rect))
    QTest.keyClick(view.viewport(), Qt.Key.Key_Return)  # the canvas's own key: edit
    assert view.editor.active
    type_text(view.editor.widget, "Привет")
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Return)
    assert document.card(card_id).text == "Привет"
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Escape)
    assert document.undo_stack.count() == 1
    undo_redo_check(document, before, snapshot(document.journey))


def test_pending_text_goes_into_the_map_and_the_rest_joins_its_undo_step(
    view: MapEditorView, document: Document
) -> None:
    card_id = view.map_scene.layout.cell_cards[("s2", "l2")][0]
    before = snapshot(document.journey)
    view.select_ids([card_id])
    view.edit_selected_text()
    type_text(view.editor.widget, "Half")
    view.commit_pending_text()
    assert document.card(card_id).text == "Half"
    assert view.editor.active
    type_text(view.editor.widget, " done")
    view.commit_pending_text()
    view.finish_editing()
    assert not view.editor.active
    assert document.card(card_id).text == "Half done"
    assert document.undo_stack.count() == 1
    undo_redo_check(document, before, snapshot(document.journey))


def test_escape_after_pending_text_gives_back_the_text_from_before(
    view: MapEditorView, document: Document
) -> None:
    stage_id = document.journey.stages[1].id
    before = snapshot(document.journey)
    view.select_ids([stage_id])
    view.edit_selected_text()
    type_text(view.editor.widget, "Renamed")
    view.commit_pending_text()
    assert document.stage(stage_id).name == "Renamed"
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Escape)
    assert snapshot(document.journey) == before
    assert document.undo_stack.count() == 0


def test_a_new_card_with_pending_text_is_added_and_escape_keeps_it(
    view: MapEditorView, document: Document
) -> None:
    before = snapshot(document.journey)
    target = _cell_point(view, stage=3, lane=4)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      view_point(view, target))  # fmt: skip
    type_text(view.editor.widget, "Autosaved")
    view.commit_pending_text()
    added = [c for c in document.journey.cards if c.text == "Autosaved"]
    assert len(added) == 1
    type_text(view.editor.widget, " idea")
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Return)
    assert document.card(added[0].id).text == "Autosaved idea"
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Escape)  # the next, empty card goes
    assert document.undo_stack.count() == 1
    undo_redo_check(document, before, snapshot(document.journey))

    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      view_point(view, _cell_point(view, stage=0, lane=0)))  # fmt: skip
    type_text(view.editor.widget, "Never mind")
    view.commit_pending_text()
    assert any(c.text == "Never mind" for c in document.journey.cards)
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Escape)  # kept, as on a whiteboard
    assert any(c.text == "Never mind" for c in document.journey.cards)
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert not any(c.text == "Never mind" for c in document.journey.cards)


def test_copy_and_paste_puts_copies_after_the_selected_card(
    view: MapEditorView, document: Document
) -> None:
    layout = view.map_scene.layout
    source = layout.cell_cards[("s1", "l1")][0]
    target = layout.cell_cards[("s3", "l1")][0]
    before = snapshot(document.journey)
    click(view, center(layout.cards[source].rect))
    view.copy()
    assert "Smell of fresh bread" in QApplication.clipboard().text()
    click(view, center(layout.cards[target].rect))
    view.paste()
    copies = [c for c in document.journey.cards if c.id not in {c["id"] for c in before["cards"]}]
    assert len(copies) == 1
    copy = copies[0]
    assert (copy.stage, copy.lane, copy.order) == ("s3", "l1", 1)
    assert copy.text == document.card(source).text
    assert view.selected_ids() == [copy.id]
    undo_redo_check(document, before, snapshot(document.journey))


def test_delete_key_removes_the_selected_cards_with_their_connectors(
    view: MapEditorView, document: Document
) -> None:
    layout = view.map_scene.layout
    connector = document.journey.connectors[0]
    before = snapshot(document.journey)
    click(view, center(layout.cards[connector.source].rect))
    view.delete_selection()  # the Delete key is the main window's action
    with pytest.raises(KeyError):
        document.card(connector.source)
    assert connector.id not in view.map_scene.connectors
    assert connector.source not in view.map_scene.cards
    undo_redo_check(document, before, snapshot(document.journey))


def test_undoing_a_move_between_crowded_cells_puts_every_card_back(
    view: MapEditorView, document: Document
) -> None:
    for number in range(12):  # crowd two cells, so that the move renumbers many cards
        for stage in ("s2", "s5"):
            card = document.new_card(stage, "l1", 99, text=f"Crowd {stage} {number}")
            document.push(AddCardCommand(document, card))
    document.undo_stack.clear()
    layout = view.map_scene.layout
    moved = layout.cell_cards[("s2", "l1")][3]
    before = snapshot(document.journey)
    view.set_zoom(0.25)
    drag(view, center(layout.cards[moved].rect), _cell_point(view, 4, 0, below_cards=False))
    card = document.card(moved)
    assert (card.stage, card.lane, card.order) == ("s5", "l1", 0)
    undo_redo_check(document, before, snapshot(document.journey))
    document.undo_stack.undo()
    for cell in (("s2", "l1"), ("s5", "l1")):
        cards = sorted(
            (c for c in document.journey.cards if (c.stage, c.lane) == cell), key=lambda c: c.order
        )
        assert [c.order for c in cards] == list(range(len(cards)))
        assert [c.id for c in cards] == list(view.map_scene.layout.cell_cards[cell])
