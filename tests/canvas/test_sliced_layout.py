"""Layout work done in slices between frames: an edit shows its cards at once and its
connectors once routed; a big map opens lane by lane. Whatever happens meanwhile, the
scene settles on exactly the layout a full layout of the map gives."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from canvas_helpers import center, drag
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journeycanvas.canvas.editor import MapEditorView
from journeycanvas.canvas.scene import PROGRESSIVE_CARDS, MapScene
from journeycanvas.document import Document
from journeycanvas.document.commands import AddLaneCommand, MoveCardsCommand
from journeycanvas.layout import layout_journey
from journeycanvas.model import Lane

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate_map

SETTLE_MS = 30_000


def _settled(scene: MapScene) -> bool:
    return scene.settled_now


def _editor(qtbot: QtBot, cards: int, seed: int) -> MapEditorView:
    editor = MapEditorView(Document(generate_map(cards, seed=seed)))
    qtbot.addWidget(editor)
    editor.resize(1000, 700)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


@pytest.fixture
def big(qtbot: QtBot) -> Iterator[MapEditorView]:
    """The editor on a big generated map, fully laid out, at 100 % at the top left."""
    editor = _editor(qtbot, 2500, 11)
    qtbot.waitUntil(lambda: _settled(editor.map_scene), timeout=SETTLE_MS)
    editor.set_zoom(1.0)
    editor.horizontalScrollBar().setValue(editor.horizontalScrollBar().minimum())
    editor.verticalScrollBar().setValue(editor.verticalScrollBar().minimum())
    yield editor
    editor.editor.finish(commit=False)


def _connected_card_in_view(view: MapEditorView) -> str:
    """A card with an item and a connector."""
    layout = view.map_scene.shown_layout
    ends = {c.source for c in layout.connectors.values()}
    return next(i for i in view.map_scene.cards if i in ends)


def test_a_drop_shows_the_cards_at_once_and_the_connectors_once_routed(
    qtbot: QtBot, big: MapEditorView
) -> None:
    scene = big.map_scene
    journey = big.document.journey
    card_id = _connected_card_in_view(big)
    card = scene.shown_layout.cards[card_id]
    stages = scene.shown_layout.stages
    target = next(s for s in stages if s.id != card.stage_id and s.rect.x > card.rect.x)
    lane = scene.shown_layout.lanes[scene.shown_layout.lane_index[card.lane_id]]
    drag(big, center(card.rect), QPointF(target.rect.x + 10, lane.rect.y + 3))
    assert journey.cards[[c.id for c in journey.cards].index(card_id)].stage == target.id

    # The first frame: every card in place, the moved card's connectors not drawn.
    full = layout_journey(journey)
    assert dict(scene.shown_layout.cards) == dict(full.cards)
    assert not scene.settled_now
    moved = scene.shown_layout.cards[card_id].rect
    assert scene.cards[card_id].pos() == QPointF(moved.x, moved.y)
    stale = [c.id for c in scene.shown_layout.connectors.values() if c.source == card_id]
    assert stale and not any(i in scene.connectors for i in stale)
    box = (moved.x - 1000, moved.y - 1000, moved.right + 1000, moved.bottom + 1000)
    assert not {c.id for c in scene.connectors_near(box)} & set(stale)

    qtbot.waitUntil(lambda: _settled(scene), timeout=SETTLE_MS)
    assert scene.engine.layout == full
    shown = {c.id for c in scene.connectors_near(box)}
    assert {i for i in stale if i in full.connectors} <= shown


def test_edits_while_routing_is_pending_still_end_in_the_full_layout(
    qtbot: QtBot, big: MapEditorView
) -> None:
    scene = big.map_scene
    document = big.document
    journey = document.journey
    stages = [s.id for s in journey.stages]
    for index in (3, 40, 41):
        card = journey.cards[index]
        after = stages[(stages.index(card.stage) + 1) % len(stages)]
        document.push(MoveCardsCommand(document, [card.id], after, card.lane, 0))
        qtbot.wait(15)  # a few slices of routing, then the next edit abandons them
    document.undo_stack.undo()
    assert not scene.settled_now
    qtbot.waitUntil(lambda: _settled(scene), timeout=SETTLE_MS)
    assert scene.engine.layout == layout_journey(journey)


def test_a_click_while_routing_is_pending_does_not_wait_for_it(big: MapEditorView) -> None:
    scene = big.map_scene
    document = big.document
    moved = _connected_card_in_view(big)
    card = document.card(moved)
    other = next(s.id for s in document.journey.stages if s.id != card.stage)
    document.push(MoveCardsCommand(document, [moved], other, card.lane, 0))
    layout = scene.card_layout
    target = next(i for i in scene.cards if i != moved and layout.cards[i].stage_id != other)
    point = big.mapFromScene(center(layout.cards[target].rect))
    assert not scene.settled_now

    QTest.mousePress(
        big.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
    )
    QTest.mouseRelease(
        big.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
    )

    assert big.selected_ids() == [target]
    assert not scene.settled_now  # the connectors are still being routed in slices

    # Between two stage columns, off the cards: nothing (drawn) there to hit.
    rect = layout.cards[target].rect
    stage = layout.stages[layout.stage_index[layout.cards[target].stage_id]]
    gap = big.mapFromScene(QPointF(stage.rect.x, rect.y + rect.h / 2))
    QTest.mousePress(big.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, gap)
    QTest.mouseRelease(
        big.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, gap
    )
    assert not scene.settled_now


def test_what_needs_exact_connectors_settles_at_once(big: MapEditorView) -> None:
    scene = big.map_scene
    document = big.document
    card = document.journey.cards[5]
    other = next(s.id for s in document.journey.stages if s.id != card.stage)
    document.push(MoveCardsCommand(document, [card.id], other, card.lane, 0))
    cards_only = scene.card_layout
    assert not scene.settled_now
    assert cards_only.cards[card.id].stage_id == other
    assert scene.layout == layout_journey(document.journey)
    assert scene.settled_now


def test_a_big_map_opens_lane_by_lane_and_settles_on_the_full_layout(qtbot: QtBot) -> None:
    journey = generate_map(5000, seed=3)
    assert len(journey.cards) > PROGRESSIVE_CARDS
    editor = MapEditorView(Document(journey))
    qtbot.addWidget(editor)
    scene = editor.map_scene
    # Before the first frame: the lanes at the top, with the cards in view made.
    assert scene.engine.lanes_pending
    first = scene.shown_layout
    assert 0 < len(first.lanes) < len(journey.lanes)
    full = layout_journey(journey)
    assert all(first.cards[i] == full.cards[i] for i in first.cards)
    editor.resize(1000, 700)
    editor.show()
    qtbot.waitExposed(editor)
    assert scene.cards and all(i in first.cards for i in scene.cards)
    qtbot.waitUntil(lambda: _settled(scene), timeout=SETTLE_MS)
    assert scene.engine.layout == full
    assert scene.sceneRect().height() > full.height


def test_select_all_while_a_big_map_opens_selects_every_card(qtbot: QtBot) -> None:
    editor = _editor(qtbot, 5000, 4)
    assert editor.map_scene.engine.lanes_pending
    editor.select_all()
    journey = editor.document.journey
    assert set(editor.selected_ids()) == {c.id for c in journey.cards}
    qtbot.waitUntil(lambda: _settled(editor.map_scene), timeout=SETTLE_MS)
    assert editor.map_scene.engine.layout == layout_journey(journey)


def test_a_new_lane_on_a_big_map_lays_out_the_lanes_in_view_first(qtbot: QtBot) -> None:
    editor = _editor(qtbot, 5000, 7)
    scene = editor.map_scene
    document = editor.document
    qtbot.waitUntil(lambda: _settled(scene), timeout=SETTLE_MS)
    editor.select_all()
    last_lane = document.journey.lanes[-1].id
    editor.select_ids([*editor.selected_ids(), last_lane])
    everything = set(editor.selected_ids())

    document.push(AddLaneCommand(document, Lane(id="l-new", name="Moments"), 0))
    assert scene.engine.lanes_pending  # the lanes below the view come in slices
    assert "l-new" in scene.lanes  # the new lane is in view
    assert last_lane not in scene.lanes
    # Cards and lanes not laid out again yet stay selected.
    assert set(editor.selected_ids()) == everything
    qtbot.waitUntil(lambda: _settled(scene), timeout=SETTLE_MS)
    assert scene.engine.layout == layout_journey(document.journey)
    assert set(editor.selected_ids()) == everything

    document.undo_stack.undo()
    qtbot.waitUntil(lambda: _settled(scene), timeout=SETTLE_MS)
    assert "l-new" not in scene.lanes
    assert scene.engine.layout == layout_journey(document.journey)


def test_closing_the_view_while_a_map_opens_stops_the_work(qtbot: QtBot) -> None:
    editor = _editor(qtbot, 5000, 5)
    scene = editor.map_scene
    assert scene.engine.lanes_pending
    editor.close()
    qtbot.wait(100)
    assert scene.engine.lanes_pending  # nothing ran while closed
    assert not any(timer.isActive() for timer in scene.findChildren(QTimer))
    # Asked for, the layout is still finished exactly.
    assert scene.layout == layout_journey(editor.document.journey)
    editor.deleteLater()
    QApplication.processEvents()


def test_long_work_reports_its_progress_up_to_done(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("journeycanvas.canvas.scene.PROGRESS_AFTER_S", 0.0)
    editor = MapEditorView(Document(generate_map(5000, seed=6)))
    qtbot.addWidget(editor)
    shares: list[float] = []
    editor.map_scene.layout_progress.connect(shares.append)
    editor.resize(1000, 700)
    editor.show()
    qtbot.waitUntil(lambda: _settled(editor.map_scene), timeout=SETTLE_MS)
    assert len(shares) > 2
    assert shares == sorted(shares) and 0.0 < shares[0] < 1.0 and shares[-1] == 1.0
