"""The view's contract with the main window: selection, zoom, persona view, find, reset."""

from __future__ import annotations

import pytest
from canvas_helpers import click
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from journeycanvas.canvas.editor import MapEditorView
from journeycanvas.document import Document
from journeycanvas.document.commands import AddStageCommand, MoveCardsCommand
from journeycanvas.io.templates import load_template
from journeycanvas.model.entities import Stage


def test_select_ids_and_selection_changed(qtbot: QtBot, view: MapEditorView) -> None:
    with qtbot.waitSignal(view.selection_changed) as blocker:
        view.select_ids(["c1", "s2", "l3"])
    assert sorted(blocker.args[0]) == ["c1", "l3", "s2"]
    assert sorted(view.selected_ids()) == ["c1", "l3", "s2"]


def test_select_all_selects_every_card(view: MapEditorView, document: Document) -> None:
    view.select_all()
    assert sorted(view.selected_ids()) == sorted(c.id for c in document.journey.cards)


def test_undo_and_redo_restore_the_selection(view: MapEditorView, document: Document) -> None:
    card_id = document.journey.cards[0].id
    view.select_ids([card_id])
    document.push(MoveCardsCommand(document, [card_id], "s5", "l1", 0))
    view.select_ids([])
    document.undo_stack.undo()
    assert view.selected_ids() == [card_id]
    view.select_ids([])
    document.undo_stack.redo()
    assert view.selected_ids() == [card_id]


def test_zoom_steps_fit_and_reset(qtbot: QtBot, view: MapEditorView) -> None:
    with qtbot.waitSignal(view.zoom_changed) as blocker:
        view.zoom_in()
    assert blocker.args[0] == view.zoom() > 0.5
    view.zoom_out()
    view.zoom_to_fit()
    layout = view.map_scene.layout
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.width() >= layout.width and shown.height() >= layout.height
    view.zoom_reset()
    assert view.zoom() == 1.0


def test_persona_filter_dims_other_cards(view: MapEditorView, document: Document) -> None:
    view.set_persona_filter("p1")
    for card in document.journey.cards:
        assert view.map_scene.cards[card.id].dimmed == ("p1" not in card.personas)
    view.set_persona_filter(None)
    assert not any(item.dimmed for item in view.map_scene.cards.values())


def test_find_highlights_cards(view: MapEditorView) -> None:
    view.set_highlighted(["c1", "c2"])
    assert {i for i, item in view.map_scene.cards.items() if item.highlighted} == {"c1", "c2"}


def test_a_new_map_replaces_every_item(view: MapEditorView, document: Document) -> None:
    click(view, view.map_scene.cards["c1"].sceneBoundingRect().center())
    document.set_map(load_template("decision-journey"))
    assert set(view.map_scene.cards) == {c.id for c in document.journey.cards}
    assert set(view.map_scene.stages) == {s.id for s in document.journey.stages}
    assert view.selected_ids() == []


def test_stage_headers_stay_pinned_when_scrolled_away(view: MapEditorView) -> None:
    view.set_zoom(1.5)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    assert view.pinned_headers.stage_strip.isVisible(), "the header row is out of sight"
    image = view.viewport().grab().toImage()
    stage = view.map_scene.layout.stages[2]
    x = view.mapFromScene(QPointF(stage.rect.x + 2.0, 0)).x()
    colour = QColor(image.pixel(x, 2))
    assert colour.name() == QColor(stage.color).name()


def test_grid_density_changes_the_room_around_cards_and_nothing_else(
    view: MapEditorView, document: Document
) -> None:
    before = document.journey.model_dump(mode="json")
    card_id = view.map_scene.layout.cell_cards[("s2", "l1")][0]
    view.select_ids([card_id])
    heights, insets = {}, {}
    for density in ("compact", "roomy", "normal"):
        view.set_grid_density(density)
        layout = view.map_scene.layout
        card = layout.cards[card_id]
        heights[density] = layout.height
        insets[density] = card.rect.x - layout.cell(card.stage_id, card.lane_id).rect.x
        assert card_id in view.map_scene.cards
        assert view.selected_ids() == [card_id]
    assert heights["compact"] < heights["normal"] < heights["roomy"]
    assert insets["compact"] < insets["normal"] < insets["roomy"]
    assert document.journey.model_dump(mode="json") == before
    assert document.undo_stack.count() == 0

    click(view, QPointF(-100, -100))  # the view still edits the map it shows
    view.select_ids([card_id])
    view.set_grid_density("compact")
    view.delete_selection()
    assert card_id not in view.map_scene.cards
    document.undo_stack.undo()
    assert card_id in view.map_scene.cards


def test_an_unknown_grid_density_is_refused(view: MapEditorView) -> None:
    with pytest.raises(ValueError, match="grid density"):
        view.set_grid_density("cosy")


def test_fit_map_fits_a_map_that_needs_less_than_five_percent(
    qtbot: QtBot, view: MapEditorView, document: Document
) -> None:
    for index in range(120):
        stage = Stage(id=f"wide{index}", name=f"Stage {index}", width_mm=200)
        document.push(AddStageCommand(document, stage))
    view.zoom_to_fit()
    assert view.zoom() < 0.05
    layout = view.map_scene.layout
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.width() >= layout.width and shown.height() >= layout.height
    fitted = view.zoom()
    view.zoom_out()  # zooming out further stops at the whole map
    assert view.zoom() == pytest.approx(fitted)


def test_a_tall_lane_keeps_its_title_in_sight_when_scrolled_into(
    qtbot: QtBot, view: MapEditorView, document: Document
) -> None:
    lane = document.journey.lanes[0]
    for i in range(60):
        card = document.new_card(document.journey.stages[0].id, lane.id, 0, text=f"Note {i}")
        document.add_card(card)
    view.set_zoom(1.0)
    header = view.map_scene.card_layout.lanes[0]
    strip = view.pinned_headers.lane_strip
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().minimum())
    view.verticalScrollBar().setValue(view.verticalScrollBar().minimum())
    assert not strip.isVisible()  # the lane's own header shows its title

    # Scrolled into the middle of the lane: its title, at its top, is out of sight.
    view.centerOn(QPointF(0, header.rect.y + header.rect.h / 2))
    qtbot.waitUntil(strip.isVisible)
    assert view.mapToScene(0, 0).y() > header.rect.y
    # Over the lane headers (not at the view's edge, left of them), title slid down.
    assert strip.x() == view.mapFromScene(QPointF(0, 0)).x()
    image = strip.grab().toImage()
    text = QColor("#263238")
    dark = sum(
        1
        for x in range(image.width())
        for y in range(min(image.height(), 80))
        if QColor(image.pixel(x, y)).lightness() < text.lightness() + 30
    )
    assert dark > 20
