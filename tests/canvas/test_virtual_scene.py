"""A map larger than the view: items exist only near the view, and everything still works
for the cards away from it (selection, drags, keyboard, undo), through the real viewport."""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from canvas_helpers import center, click, drag, shown_editor
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from journeycanvas.canvas.editor import MapEditorView
from journeycanvas.canvas.keyboard_nav import Direction, neighbour_card
from journeycanvas.canvas.spatial_index import cards_in
from journeycanvas.document import Document
from journeycanvas.document.changes import Entity
from journeycanvas.document.commands import EditCommand
from journeycanvas.layout import JourneyLayout, layout_journey

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate_map

CARDS = 1500


@pytest.fixture
def big(qtbot: QtBot) -> Iterator[MapEditorView]:
    """The editor on a generated map many views tall, at 100 %, scrolled to the top."""
    editor = shown_editor(qtbot, Document(generate_map(CARDS, seed=7)), (1000, 700), 1.0)
    yield editor
    editor.editor.finish(commit=False)


def visible(view: MapEditorView) -> QRectF:
    """The part of the scene the viewport shows."""
    return view.mapToScene(view.viewport().rect()).boundingRect()


def far_card(view: MapEditorView) -> str:
    """A card well below the view, that has no item."""
    layout = view.map_scene.layout
    bottom = visible(view).bottom()
    card_id = next(
        c.id for c in layout.cards.values() if c.rect.y > bottom + 3 * visible(view).height()
    )
    assert card_id not in view.map_scene.cards
    return card_id


def assert_items_follow_layout(view: MapEditorView) -> None:
    """Every item sits at its card's layout rectangle; none exists far from the view."""
    scene = view.map_scene
    layout = scene.layout
    live = scene.live_box()
    assert live is not None
    assert scene.cards, "the cards in view have items"
    for card_id, item in scene.cards.items():
        rect = layout.cards[card_id].rect
        shown = item.card_rect().translated(item.pos())
        assert shown == QRectF(rect.x, rect.y, rect.w, rect.h), card_id
    near = set(cards_in(layout, live))
    assert set(scene.cards) == near
    assert len(scene.cards) < len(layout.cards) / 4


def test_a_card_scrolled_to_with_the_scroll_bar_is_clicked_and_selected(
    big: MapEditorView, qtbot: QtBot
) -> None:
    card_id = far_card(big)
    rect = big.map_scene.layout.cards[card_id].rect
    bar = big.verticalScrollBar()
    bar.setValue(big.mapFromScene(QPointF(rect.x, rect.y)).y() + bar.value() - 200)
    assert card_id in big.map_scene.cards
    with qtbot.waitSignal(big.selection_changed) as signal:
        click(big, center(rect))
    assert signal.args == [[card_id]]
    assert big.selected_card_ids() == [card_id]


def test_select_all_then_delete_removes_cards_away_from_the_view_and_undo_brings_them_back(
    big: MapEditorView,
) -> None:
    document = big.document
    before = [card.id for card in document.journey.cards]
    big.select_all()
    assert len(big.selected_card_ids()) == len(before)
    big.delete_selection()
    assert document.journey.cards == []
    assert big.map_scene.cards == {} and big.selected_ids() == []
    document.undo_stack.undo()
    assert [card.id for card in document.journey.cards] == before
    assert_items_follow_layout(big)


def test_dragging_a_selection_moves_its_cards_away_from_the_view_too(big: MapEditorView) -> None:
    scene = big.map_scene
    layout = scene.layout
    seen = visible(big)
    on_screen = next(
        c for c in layout.cards.values() if seen.contains(QRectF(c.rect.x, c.rect.y, 30, 20))
    )
    away = [c.id for c in layout.cards.values() if c.rect.y > seen.bottom() + 2000][:2]
    assert len(away) == 2 and not set(away) & set(scene.cards)
    target = next(s for s in layout.stages if s.id != on_screen.stage_id)
    cell = layout.cell(target.id, on_screen.lane_id).rect
    assert seen.contains(QPointF(cell.x + 5, cell.y + 5))
    big.select_ids([on_screen.id, *away])
    steps = big.document.undo_stack.count()
    drag(big, center(on_screen.rect), QPointF(cell.x + 10, cell.y + 3))
    moved = [big.document.card(i) for i in (on_screen.id, *away)]
    assert {(card.stage, card.lane) for card in moved} == {(target.id, on_screen.lane_id)}
    assert big.document.undo_stack.count() == steps + 1
    big.document.undo_stack.undo()
    assert big.document.card(away[0]).stage == layout.cards[away[0]].stage_id


def test_an_arrow_key_to_a_card_away_from_the_view_scrolls_it_in_and_selects_it(
    big: MapEditorView,
) -> None:
    start = far_card(big)
    big.select_ids([start])
    layout = big.map_scene.layout
    target = neighbour_card(layout, start, Direction.DOWN)
    assert target is not None
    big.setFocus()
    QTest.keyClick(big, Qt.Key.Key_Down)
    assert big.selected_ids() == [target]
    rect = layout.cards[target].rect
    assert visible(big).intersects(QRectF(rect.x, rect.y, rect.w, rect.h))
    assert big.map_scene.cards[target].isSelected()
    assert "card" in big.accessibleDescription()


def test_after_a_card_grows_its_lane_the_items_in_view_sit_at_their_new_places(
    big: MapEditorView,
) -> None:
    document = big.document
    layout = big.map_scene.layout
    first_lane = layout.lanes[0].id
    card = next(c for c in document.journey.cards if c.lane == first_lane)
    bar = big.verticalScrollBar()
    bar.setValue(bar.value() + 4 * big.viewport().height())
    before = {i: layout.cards[i].rect.y for i in big.map_scene.cards}
    longer = card.text + "\nmore\nand more\nand yet more\nand more still"
    document.push(EditCommand(document, Entity.CARD, card.id, {"text": longer}))
    after = big.map_scene.layout
    assert any(after.cards[i].rect.y != y for i, y in before.items() if i in after.cards)
    assert_items_follow_layout(big)
    document.undo_stack.undo()
    assert_items_follow_layout(big)


def test_fit_to_window_paints_every_card_as_a_box(big: MapEditorView) -> None:
    big.zoom_to_fit()
    scene = big.map_scene
    assert scene.overview and scene.cards == {}
    image = big.viewport().grab().toImage()
    layout = scene.layout
    painted = 0
    cards = list(layout.cards.values())
    for card in random.Random(1).sample(cards, 40):
        point = big.mapFromScene(center(card.rect))
        pixel = image.pixelColor(point)
        fill = QColor(card.face.fill)
        near = max(
            abs(pixel.red() - fill.red()),
            abs(pixel.green() - fill.green()),
            abs(pixel.blue() - fill.blue()),
        )
        painted += near < 40
    assert painted >= 30  # a few centres fall on a connector's line or a neighbour's edge


def test_a_card_clicked_in_the_overview_is_selected_and_dragged(big: MapEditorView) -> None:
    big.zoom_to_fit()
    layout = big.map_scene.layout
    card = max(layout.cards.values(), key=lambda c: c.rect.w * c.rect.h)
    click(big, center(card.rect))
    assert big.selected_card_ids() == [card.id]


def _brute(layout: JourneyLayout, box: tuple[float, float, float, float]) -> set[str]:
    left, top, right, bottom = box
    return {
        i
        for i, c in layout.cards.items()
        if c.rect.x <= right
        and c.rect.x + c.rect.w >= left
        and c.rect.y <= bottom
        and c.rect.y + c.rect.h >= top
    }


def test_the_cards_found_in_a_rectangle_are_those_meeting_it_spanning_ones_included() -> None:
    layout = layout_journey(generate_map(800, seed=11))
    assert any(c.span > 1 for c in layout.cards.values())
    rnd = random.Random(5)
    for _ in range(60):
        x, y = rnd.uniform(-50, layout.width), rnd.uniform(-50, layout.height)
        box = (x, y, x + rnd.uniform(0, 400), y + rnd.uniform(0, 600))
        assert set(cards_in(layout, box)) == _brute(layout, box)
