"""Card items stay where the layout puts them when lanes grow, shrink and move."""

from __future__ import annotations

from canvas_helpers import center, drag
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from journeycanvas.canvas.editor import MapEditorView
from journeycanvas.canvas.scene import MapScene
from journeycanvas.document import Document
from journeycanvas.document.changes import Entity
from journeycanvas.document.commands import EditCommand
from journeycanvas.io.templates import load_template


def _assert_cards_where_the_layout_says(view: MapEditorView) -> None:
    """Every card is drawn at its layout rectangle and is the card hit at its centre."""
    scene = view.map_scene
    layout = scene.layout
    for card_id, card in layout.cards.items():
        item = scene.cards[card_id]
        drawn = item.mapRectToScene(item.card_rect())
        assert (drawn.x(), drawn.y(), drawn.width(), drawn.height()) == (
            card.rect.x,
            card.rect.y,
            card.rect.w,
            card.rect.h,
        ), card_id
        assert view.card_at_scene(center(card.rect)) is item, card_id


def test_cards_follow_lanes_that_move_when_a_drop_changes_a_lane_height(
    view: MapEditorView, document: Document
) -> None:
    layout = view.map_scene.layout
    source = max(layout.cell_cards, key=lambda cell: len(layout.cell_cards[cell]))
    card_id = layout.cell_cards[source][0]
    top_lane = layout.lanes[0].id
    target = next(s.id for s in layout.stages if (s.id, top_lane) != source)
    cell = layout.cell(target, top_lane).rect
    tops_before = [lane.rect.y for lane in layout.lanes]
    drag(view, center(layout.cards[card_id].rect), QPointF(cell.x + 5, cell.y + 2))
    assert document.card(card_id).lane == top_lane
    assert [lane.rect.y for lane in view.map_scene.layout.lanes] != tops_before
    _assert_cards_where_the_layout_says(view)
    document.undo_stack.undo()
    assert [lane.rect.y for lane in view.map_scene.layout.lanes] == tops_before
    _assert_cards_where_the_layout_says(view)
    document.undo_stack.redo()
    _assert_cards_where_the_layout_says(view)


def test_a_card_dragged_over_another_lane_draws_above_its_cards(
    view: MapEditorView, document: Document
) -> None:
    layout = view.map_scene.layout
    first, second = layout.lanes[0].id, layout.lanes[1].id
    mover = next(c for c in layout.cards.values() if c.lane_id == second)
    under = next(c for c in layout.cards.values() if c.lane_id == first)
    gesture_target = center(under.rect)
    viewport = view.viewport()
    start = view.mapFromScene(center(mover.rect))
    end = view.mapFromScene(gesture_target)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, start + (end - start) / 2)
    QTest.mouseMove(viewport, end)
    topmost = view.card_at_scene(gesture_target)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert topmost is view.map_scene.cards[mover.id]
    _assert_cards_where_the_layout_says(view)


def test_changing_the_map_language_rewrites_the_figures_on_the_cards(qtbot: QtBot) -> None:
    document = Document(load_template("hourglass"))
    reel = next(card.id for card in document.journey.cards if card.text.startswith("Instagram"))
    scene = MapScene(document)

    def badge() -> tuple[str, ...]:
        metric = scene.layout.cards[reel].face.metric
        assert metric is not None
        return metric.text.lines

    assert badge() == ("1,200 / 5,000 views",)
    document.push(EditCommand(document, Entity.MAP, document.journey.id, {"locale": "pl"}))
    assert badge() == ("1\u00a0200 / 5\u00a0000 views",)
    document.undo_stack.undo()
    assert badge() == ("1,200 / 5,000 views",)
