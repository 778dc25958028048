"""More gestures and menus: rubber band, keyboard shortcuts, duplicate, cut, connector menu,
wheel zoom and panning."""

from __future__ import annotations

from canvas_helpers import center, click, snapshot, undo_redo_check
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from journeycanvas.canvas.context_menu import ContextRequest, MenuTarget
from journeycanvas.canvas.editor import MapEditorView
from journeycanvas.document import Document


def test_rubber_band_selects_the_cards_it_touches(view: MapEditorView) -> None:
    layout = view.map_scene.layout
    first = layout.cards[layout.cell_cards[("s1", "l1")][0]].rect
    cell = layout.cell("s2", "l1").rect
    start = QPointF(first.x - 1.5, first.y - 1.5)
    end = QPointF(cell.x + 10, cell.y + 10)
    viewport = view.viewport()
    a, b = view.mapFromScene(start), view.mapFromScene(end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, 7):
        QTest.mouseMove(viewport, a + (b - a) * (i / 6))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    # The band reaches into the first card of each of the two cells, no further.
    assert set(view.selected_ids()) == {
        layout.cell_cards[("s1", "l1")][0],
        layout.cell_cards[("s2", "l1")][0],
    }


def test_shift_click_adds_and_ctrl_click_toggles(view: MapEditorView) -> None:
    layout = view.map_scene.layout
    a, b = layout.cell_cards[("s1", "l2")][0], layout.cell_cards[("s2", "l2")][0]
    click(view, center(layout.cards[a].rect))
    click(view, center(layout.cards[b].rect), Qt.KeyboardModifier.ShiftModifier)
    assert sorted(view.selected_ids()) == sorted([a, b])
    click(view, center(layout.cards[a].rect), Qt.KeyboardModifier.ControlModifier)
    assert view.selected_ids() == [b]


def test_duplicate_and_select_all(view: MapEditorView, document: Document) -> None:
    layout = view.map_scene.layout
    card_id = layout.cell_cards[("s3", "l4")][0]
    before = snapshot(document.journey)
    click(view, center(layout.cards[card_id].rect))
    view.duplicate_selection()  # Ctrl+D is the main window's action (tests/ui/test_actions.py)
    copies = [c for c in document.journey.cards if c.id not in {c["id"] for c in before["cards"]}]
    assert len(copies) == 1
    assert (copies[0].stage, copies[0].lane, copies[0].order) == ("s3", "l4", 1)
    assert view.selected_ids() == [copies[0].id]
    undo_redo_check(document, before, snapshot(document.journey))
    view.select_all()
    assert len(view.selected_ids()) == len(document.journey.cards)


def test_cut_removes_the_cards_in_one_step_and_paste_brings_them_back(
    view: MapEditorView, document: Document
) -> None:
    layout = view.map_scene.layout
    card_id = layout.cell_cards[("s7", "l6")][0]
    text = document.card(card_id).text
    before = snapshot(document.journey)
    view.select_ids([card_id])
    view.cut()
    assert card_id not in view.map_scene.cards
    assert document.undo_stack.count() == 1
    assert QApplication.clipboard().text() == text
    click(view, center(layout.cell("s1", "l6").rect))
    view.paste()
    pasted = [c for c in document.journey.cards if c.text == text]
    assert len(pasted) == 1 and pasted[0].stage == "s1" and pasted[0].lane == "l6"
    undo_redo_check(document, before, snapshot(document.journey))


def test_plain_text_from_other_programs_pastes_one_card_per_line(
    view: MapEditorView, document: Document
) -> None:
    QApplication.clipboard().setText("Flyer at the station\n\nRadio spot\n")
    view.remember_cell("s2", "l5")
    view.select_ids([])
    view.paste()
    texts = [c.text for c in document.journey.cards if c.stage == "s2" and c.lane == "l5"]
    assert texts[-2:] == ["Flyer at the station", "Radio spot"]


def _middle(piece: list[QPointF]) -> QPointF:
    """The middle of a connector piece's first segment (its band is under the pointer)."""
    return (piece[0] + piece[1]) / 2


def test_a_right_click_selects_what_is_under_it_and_asks_for_its_menu(
    view: MapEditorView, document: Document
) -> None:
    requests: list[ContextRequest] = []
    view.context_menu_requested.connect(requests.append)
    connector = document.journey.connectors[0]
    layout = view.map_scene.layout
    card_id = layout.cell_cards[("s2", "l2")][0]
    cell = layout.cell("s3", "l5").rect
    lane = layout.lanes[1]
    for scene_point in (
        _middle(view.map_scene.connectors[connector.id].pieces[0]),
        center(layout.cards[card_id].rect),
        QPointF(cell.right - 1, cell.bottom - 1),
        QPointF(lane.rect.center.x, lane.rect.center.y),
    ):
        view.centerOn(scene_point)
        point = view.mapFromScene(scene_point)
        event = QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)
        )
        QApplication.sendEvent(view.viewport(), event)
    assert [(r.target, r.object_id) for r in requests] == [
        (MenuTarget.CONNECTOR, connector.id),
        (MenuTarget.CARD, card_id),
        (MenuTarget.CELL, None),
        (MenuTarget.LANE, lane.id),
    ]
    assert view.selected_ids() == [lane.id]
    assert view.has_last_cell()
    view.add_card_in_last_cell()
    assert view.editor.active


def test_ctrl_wheel_zooms_and_middle_button_pans(qtbot: object, view: MapEditorView) -> None:
    viewport = view.viewport()
    center_point = QPointF(viewport.width() / 2, viewport.height() / 2)
    wheel = QWheelEvent(
        center_point, QPointF(viewport.mapToGlobal(center_point.toPoint())), QPoint(0, 0),
        QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(viewport, wheel)
    assert view.zoom() > 0.5
    view.set_zoom(1.0)
    bar = view.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)
    start = bar.value()
    a = QPoint(600, 400)
    QTest.mousePress(viewport, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(viewport, a + QPoint(-200, 0))
    QTest.mouseRelease(viewport, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier,
                       a + QPoint(-200, 0))  # fmt: skip
    assert bar.value() == start + 200
