"""A card's drawing (kept as an image between frames) follows its text and the zoom."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from journeycanvas.canvas.editor import MapEditorView
from journeycanvas.document import Document
from journeycanvas.document.changes import Entity
from journeycanvas.document.commands import EditCommand
from journeycanvas.io.templates import load_template
from journeycanvas.model.entities import JourneyMap


@pytest.fixture
def views(qtbot: QtBot) -> Iterator[list[MapEditorView]]:
    """Views made by the test, closed after it."""
    made: list[MapEditorView] = []
    yield made
    for view in made:
        view.close()


def _open(
    qtbot: QtBot, views: list[MapEditorView], journey: JourneyMap, zoom: float
) -> MapEditorView:
    view = MapEditorView(Document(journey))
    qtbot.addWidget(view)
    views.append(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    _show_corner(view, zoom)
    return view


def _show_corner(view: MapEditorView, zoom: float) -> None:
    view.set_zoom(zoom)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().minimum())
    view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())


def _card_pixels(view: MapEditorView, card_id: str) -> QImage:
    """The card as painted on the viewport (painted twice: the second frame is the one
    a kept image would serve)."""
    rect = view.map_scene.layout.cards[card_id].rect
    top_left = view.mapFromScene(rect.x - 1, rect.y - 1)
    bottom_right = view.mapFromScene(rect.x + rect.w + 1, rect.y + rect.h + 1)
    area = QRect(top_left, bottom_right)
    view.viewport().grab(area)
    return view.viewport().grab(area).toImage().convertToFormat(QImage.Format.Format_RGB32)


def _first_card(view: MapEditorView) -> str:
    layout = view.map_scene.layout
    return min(layout.cards, key=lambda i: (layout.cards[i].rect.y, layout.cards[i].rect.x))


def test_a_card_shows_its_new_text_and_the_new_zoom_as_a_fresh_view_draws_them(
    qtbot: QtBot, views: list[MapEditorView]
) -> None:
    view = _open(qtbot, views, load_template("content-ideation"), 1.0)
    document = view.document
    card_id = _first_card(view)
    before = _card_pixels(view, card_id)

    card = document.card(card_id)
    document.push(
        EditCommand(document, Entity.CARD, card_id, {"text": "Paid on time: " + card.text})
    )
    qtbot.wait(1)
    edited = _card_pixels(view, card_id)
    assert edited != before, "the card shows its new text"
    fresh = _open(qtbot, views, document.journey.model_copy(deep=True), 1.0)
    assert _card_pixels(fresh, card_id) == edited

    for zoom in (2.0, 0.8):
        _show_corner(view, zoom)
        _show_corner(fresh, zoom)
        assert _card_pixels(view, card_id) == _card_pixels(fresh, card_id), zoom
        redrawn = _open(qtbot, views, document.journey.model_copy(deep=True), zoom)
        assert _card_pixels(redrawn, card_id) == _card_pixels(view, card_id), zoom


def test_selecting_dimming_and_marking_a_drawn_card_shows_as_a_fresh_view_draws_it(
    qtbot: QtBot, views: list[MapEditorView]
) -> None:
    view = _open(qtbot, views, load_template("content-ideation"), 1.0)
    card_id = _first_card(view)
    plain = _card_pixels(view, card_id)
    fresh = _open(qtbot, views, view.document.journey.model_copy(deep=True), 1.0)
    for dimmed, highlighted, selected in ((False, False, True), (True, False, False),
                                          (False, True, False), (False, False, False)):  # fmt: skip
        for editor in (view, fresh):
            item = editor.map_scene.card_item(card_id)
            assert item is not None
            item.set_display(dimmed, highlighted)
            item.setSelected(selected)
        shown = _card_pixels(view, card_id)
        assert shown == _card_pixels(fresh, card_id), (dimmed, highlighted, selected)
        assert (shown == plain) == (not (dimmed or highlighted or selected))
