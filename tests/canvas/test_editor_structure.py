"""Stages, lanes and connectors edited with the mouse: reorder, resize, span, connect, delete."""

from __future__ import annotations

import pytest
from canvas_helpers import center, drag, journey_from, snapshot, type_text, undo_redo_check
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from journeycanvas.canvas.editor import MapEditorView
from journeycanvas.document import Document
from journeycanvas.model import edits
from journeycanvas.model.kinds import ConnectorKind


def test_dragging_a_stage_header_reorders_the_stages(
    view: MapEditorView, document: Document
) -> None:
    layout = view.map_scene.layout
    before = snapshot(document.journey)
    know = layout.stages[0]
    buy = layout.stages[4]
    start = QPointF(know.rect.x + know.rect.w / 3, know.rect.y + know.rect.h / 2)
    end = QPointF(buy.rect.right - 5, buy.rect.y + buy.rect.h / 2)
    drag(view, start, end)
    expected = journey_from(before)
    edits.move_stage(expected, "s1", 4)
    assert [s.id for s in document.journey.stages] == [s.id for s in expected.stages]
    assert snapshot(document.journey) == snapshot(expected)
    assert document.undo_stack.count() == 1
    assert view.map_scene.layout.stages[4].id == "s1"
    assert view.selected_ids() == ["s1"]
    undo_redo_check(document, before, snapshot(expected))


def test_dragging_a_lane_header_reorders_the_lanes(view: MapEditorView, document: Document) -> None:
    layout = view.map_scene.layout
    before = snapshot(document.journey)
    drag(view, center(layout.lanes[5].rect), QPointF(10, layout.lanes[0].rect.y + 1))
    assert document.journey.lanes[0].id == "l6"
    expected = journey_from(before)
    edits.move_lane(expected, "l6", 0)
    undo_redo_check(document, before, snapshot(expected))


def test_dragging_a_stage_edge_sets_its_width(view: MapEditorView, document: Document) -> None:
    header = view.map_scene.layout.stages[1]
    before = snapshot(document.journey)
    edge = QPointF(header.rect.right - 0.5, header.rect.y + header.rect.h / 2)
    drag(view, edge, edge + QPointF(30, 0))
    assert document.stage("s2").width_mm == pytest.approx(120, abs=1)
    assert view.map_scene.layout.stages[1].rect.w == document.stage("s2").width_mm
    undo_redo_check(document, before, snapshot(document.journey))


def test_dragging_a_lane_edge_sets_its_height(view: MapEditorView, document: Document) -> None:
    header = view.map_scene.layout.lanes[1]
    before = snapshot(document.journey)
    edge = QPointF(header.rect.x + header.rect.w / 2, header.rect.bottom - 0.5)
    drag(view, edge, edge + QPointF(0, 40))
    wanted = round(header.rect.h + 40)
    assert document.lane(header.id).height_mm == pytest.approx(wanted, abs=1)
    grown = view.map_scene.layout.lanes[1]
    assert grown.rect.h == pytest.approx(document.lane(header.id).height_mm)
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText().startswith("Resize lane")
    undo_redo_check(document, before, snapshot(document.journey))
    document.undo_stack.undo()
    assert view.map_scene.layout.lanes[1].rect.h == pytest.approx(header.rect.h)


def test_dragging_a_card_edge_widens_it_over_the_next_stages(
    view: MapEditorView, document: Document
) -> None:
    layout = view.map_scene.layout
    card_id = layout.cell_cards[("s2", "l2")][0]
    rect = layout.cards[card_id].rect
    before = snapshot(document.journey)
    edge = QPointF(rect.right - 0.5, rect.y + 2)
    target = QPointF(layout.stages[3].rect.x + 20, rect.y + 2)
    drag(view, edge, target)
    assert document.card(card_id).span == 3
    assert view.map_scene.cards[card_id].layout.span == 3
    undo_redo_check(document, before, snapshot(document.journey))


def test_dragging_from_the_handle_to_another_card_connects_them(
    view: MapEditorView, document: Document
) -> None:
    layout = view.map_scene.layout
    source = layout.cell_cards[("s1", "l1")][0]
    target = layout.cell_cards[("s2", "l1")][0]
    before = snapshot(document.journey)
    item = view.map_scene.cards[source]
    handle = item.mapToScene(item.handle_center())
    drag(view, handle, center(layout.cards[target].rect))
    added = [k for k in document.journey.connectors if k.source == source and k.target == target]
    assert len(added) == 1
    assert added[0].kind == ConnectorKind.FLOW
    assert added[0].id in view.map_scene.connectors
    undo_redo_check(document, before, snapshot(document.journey))


def test_deleting_a_stage_asks_with_the_card_count_and_takes_its_cards(
    view: MapEditorView, document: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions: list[str] = []

    def answer(*args: object) -> QMessageBox.StandardButton:
        questions.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    before = snapshot(document.journey)
    count = len(document.cards_in_stage("s3"))
    view.select_ids(["s3"])
    view.delete_selection()  # the Delete key is the main window's action
    assert len(questions) == 1
    assert str(count) in questions[0] and "Trust" in questions[0]
    assert "s3" not in [s.id for s in document.journey.stages]
    assert not document.cards_in_stage("s3")
    assert "s3" not in view.map_scene.stages
    undo_redo_check(document, before, snapshot(document.journey))


def test_renaming_a_stage_in_place(view: MapEditorView, document: Document) -> None:
    header = view.map_scene.layout.stages[0]
    before = snapshot(document.journey)
    point = view.mapFromScene(center(header.rect))
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      point)  # fmt: skip
    assert view.editor.active
    type_text(view.editor.widget, "Kennen")
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Return)
    assert document.stage("s1").name == "Kennen"
    assert not view.editor.active
    undo_redo_check(document, before, snapshot(document.journey))


def test_adding_a_stage_and_a_lane_starts_renaming_them(
    view: MapEditorView, document: Document
) -> None:
    before = snapshot(document.journey)
    view.add_stage()
    type_text(view.editor.widget, "Advocate")
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Return)
    view.add_lane()
    type_text(view.editor.widget, "Staff")
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Return)
    assert document.journey.stages[-1].name == "Advocate"
    assert document.journey.lanes[-1].title == "Staff"
    assert document.journey.lanes[-1].id in view.map_scene.lanes
    undo_redo_check(document, before, snapshot(document.journey))
