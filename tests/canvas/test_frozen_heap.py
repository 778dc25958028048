"""A big map, once laid out, is kept out of Python's full garbage collections, which
would otherwise rescan all of it every few edits (a pause of about 0.3 s at 20,000
cards); a map that is replaced or closed gives its objects back to the collector."""

from __future__ import annotations

import gc
import sys
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from journeycanvas.canvas.editor import MapEditorView
from journeycanvas.canvas.scene import FREEZE_FROM_CARDS
from journeycanvas.document import Document
from journeycanvas.document.commands import MoveCardsCommand

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate_map

SETTLE_MS = 30_000


@pytest.fixture(autouse=True)
def _thawed() -> Iterator[None]:
    """Start and end with nothing frozen, whatever the test did."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def _open(qtbot: QtBot, cards: int) -> MapEditorView:
    editor = MapEditorView(Document(generate_map(cards, seed=5)))
    qtbot.addWidget(editor)
    editor.resize(900, 600)
    editor.show()
    qtbot.waitUntil(lambda: editor.map_scene.settled_now, timeout=SETTLE_MS)
    return editor


def _collected_over(obj: object) -> bool:
    """Whether a full collection would look at `obj` (frozen objects are not listed)."""
    return any(o is obj for o in gc.get_objects())


def test_a_big_map_and_its_edits_stay_out_of_full_collections(qtbot: QtBot) -> None:
    editor = _open(qtbot, FREEZE_FROM_CARDS)
    journey = editor.document.journey
    assert gc.get_freeze_count() > len(journey.cards)
    assert not _collected_over(journey.cards[0])
    assert not _collected_over(journey.stages[0])

    card = journey.cards[7]
    stages = [s.id for s in journey.stages]
    target = stages[(stages.index(card.stage) + 1) % len(stages)]
    move = MoveCardsCommand(editor.document, [card.id], target, card.lane, 0)
    editor.document.push(move)
    assert _collected_over(move)
    qtbot.waitUntil(lambda: editor.map_scene.settled_now, timeout=SETTLE_MS)
    assert editor.map_scene.layout.cards[card.id].stage_id == target
    assert not _collected_over(move)  # what the edit left is frozen in turn


def test_a_small_map_is_left_to_the_collector(qtbot: QtBot) -> None:
    editor = _open(qtbot, 300)
    assert gc.get_freeze_count() == 0
    assert _collected_over(editor.document.journey.cards[0])


def test_a_replaced_big_map_goes_back_to_the_collector(qtbot: QtBot) -> None:
    editor = _open(qtbot, FREEZE_FROM_CARDS)
    old_card = editor.document.journey.cards[0]
    gone = weakref.ref(old_card)
    editor.document.set_map(generate_map(300, seed=6), None)
    qtbot.waitUntil(lambda: editor.map_scene.settled_now, timeout=SETTLE_MS)
    assert gc.get_freeze_count() == 0
    del old_card
    gc.collect()
    assert gone() is None
