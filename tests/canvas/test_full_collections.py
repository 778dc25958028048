"""Editing a big map sets off no full garbage collection, which would rescan the whole map
(about 0.3 s at 20,000 cards, every few edits with Python's default thresholds); a small
map keeps Python's defaults."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from journeycanvas.canvas.editor import MapEditorView
from journeycanvas.canvas.scene import RARE_COLLECTIONS_FROM_CARDS
from journeycanvas.document import Document
from journeycanvas.document.commands import MoveCardsCommand

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate_map

SETTLE_MS = 30_000
PYTHON_DEFAULT = (700, 10, 10)


@pytest.fixture(autouse=True)
def _python_defaults() -> Iterator[None]:
    """Start from Python's thresholds, whatever ran before; put back what was there."""
    saved = gc.get_threshold()
    gc.set_threshold(*PYTHON_DEFAULT)
    yield
    gc.set_threshold(*saved)


def _open(qtbot: QtBot, cards: int) -> MapEditorView:
    editor = MapEditorView(Document(generate_map(cards, seed=5)))
    qtbot.addWidget(editor)
    editor.resize(900, 600)
    editor.show()
    qtbot.waitUntil(lambda: editor.map_scene.settled_now, timeout=SETTLE_MS)
    return editor


def test_editing_a_big_map_sets_off_no_full_collection(qtbot: QtBot) -> None:
    editor = _open(qtbot, RARE_COLLECTIONS_FROM_CARDS)
    document = editor.document
    stages = [s.id for s in document.journey.stages]
    full: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(1)

    gc.callbacks.append(count)
    try:
        for i in range(40):
            card = document.journey.cards[i * 37 % len(document.journey.cards)]
            after = stages[(stages.index(card.stage) + 1) % len(stages)]
            document.push(MoveCardsCommand(document, [card.id], after, card.lane, 0))
            qtbot.waitUntil(lambda: editor.map_scene.settled_now, timeout=SETTLE_MS)
    finally:
        gc.callbacks.remove(count)
    assert full == []


def test_a_small_map_keeps_pythons_collections(qtbot: QtBot) -> None:
    _open(qtbot, 300)
    assert gc.get_threshold() == PYTHON_DEFAULT
