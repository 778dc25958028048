"""Building the grid by dragging stages, lanes and stage sets from the palette onto the view."""

from __future__ import annotations

import pytest
from canvas_helpers import snapshot, type_text, undo_redo_check, view_point
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journeycanvas.canvas.editor import MapEditorView
from journeycanvas.canvas.kind_labels import lane_kind_label
from journeycanvas.canvas.palette_drop import EntryKind, PaletteEntry, entry_mime_data
from journeycanvas.document import Document
from journeycanvas.io.stage_sets import stage_set, stage_sets
from journeycanvas.model.entities import JourneyMap
from journeycanvas.model.kinds import LaneKind

_ACTIONS = Qt.DropAction.CopyAction
_BUTTONS, _MODS = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def _mime(entry: PaletteEntry) -> QMimeData:
    return entry_mime_data(entry, "entry")


def drag_over(view: MapEditorView, mime: QMimeData, *points: QPointF) -> None:
    """A palette drag entering the viewport at the first scene point, moving to the others."""
    viewport = view.viewport()
    enter = QDragEnterEvent(view_point(view, points[0]), _ACTIONS, mime, _BUTTONS, _MODS)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    for point in points:
        move = QDragMoveEvent(view_point(view, point), _ACTIONS, mime, _BUTTONS, _MODS)
        QApplication.sendEvent(viewport, move)
        assert move.isAccepted()


def drop_at(view: MapEditorView, mime: QMimeData, point: QPointF) -> None:
    """Drag over the view to `point` (scene) and drop there."""
    drag_over(view, mime, point)
    assert view._drop is not None and view._drop.marker is not None
    assert view._drop.marker.isVisible()
    drop = QDropEvent(QPointF(view_point(view, point)), _ACTIONS, mime, _BUTTONS, _MODS)
    QApplication.sendEvent(view.viewport(), drop)
    assert view._drop is None


def _between_stages(view: MapEditorView, left: int) -> QPointF:
    """A point on the border between stage `left` and the next (or past either end)."""
    stages = view.map_scene.layout.stages
    if left < 0:
        x = stages[0].rect.x + 2
    elif left >= len(stages) - 1:
        x = stages[-1].rect.right - 2
    else:
        x = stages[left].rect.right + 0.5
    return QPointF(x, view.map_scene.layout.header_height + 10)


def _between_lanes(view: MapEditorView, above: int) -> QPointF:
    """A point on the border between lane `above` and the next (or past either end)."""
    lanes = view.map_scene.layout.lanes
    if above < 0:
        y = lanes[0].rect.y + 1
    elif above >= len(lanes) - 1:
        y = lanes[-1].rect.bottom - 1
    else:
        y = lanes[above].rect.bottom + 0.5
    return QPointF(view.map_scene.layout.stages[0].rect.x + 10, y)


def _name_it(view: MapEditorView, text: str) -> None:
    assert view.editor.active, "the new object's name is open for typing"
    type_text(view.editor.widget, text)
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Return)
    assert not view.editor.active


@pytest.mark.parametrize(
    ("left", "index"), [(1, 2), (-1, 0), (99, 7)], ids=["between", "first", "last"]
)
def test_a_stage_dropped_between_stages_or_at_an_end_goes_there_named_in_one_step(
    view: MapEditorView, document: Document, left: int, index: int
) -> None:
    before = snapshot(document.journey)
    drop_at(view, _mime(PaletteEntry(EntryKind.STAGE)), _between_stages(view, left))
    _name_it(view, "Consider")
    after = snapshot(document.journey)
    added = after["stages"][index]
    assert added["name"] == "Consider"
    expected = dict(before, stages=[*before["stages"]])
    expected["stages"].insert(index, added)
    assert after == expected
    assert document.undo_stack.count() == 1, "adding the stage and naming it are one step"
    assert "Consider" in document.undo_stack.undoText()
    assert view.map_scene.layout.stages[index].id == added["id"]
    undo_redo_check(document, before, after)


@pytest.mark.parametrize(
    ("above", "index"), [(2, 3), (-1, 0), (99, 6)], ids=["between", "top", "bottom"]
)
def test_a_lane_dropped_between_lanes_or_at_an_end_goes_there_with_its_kind(
    view: MapEditorView, document: Document, above: int, index: int
) -> None:
    before = snapshot(document.journey)
    entry = PaletteEntry(EntryKind.LANE, LaneKind.METRICS.value)
    drop_at(view, _mime(entry), _between_lanes(view, above))
    assert view.editor.widget.toPlainText() == lane_kind_label(LaneKind.METRICS)
    _name_it(view, "Weekly figures")
    after = snapshot(document.journey)
    added = after["lanes"][index]
    assert (added["kind"], added["title"]) == ("metrics", "Weekly figures")
    expected = dict(before, lanes=[*before["lanes"]])
    expected["lanes"].insert(index, added)
    assert after == expected
    assert document.undo_stack.count() == 1
    undo_redo_check(document, before, after)


def test_the_marker_follows_the_drag_to_the_gap_between_columns(
    view: MapEditorView, document: Document
) -> None:
    stages = view.map_scene.layout.stages
    mime = _mime(PaletteEntry(EntryKind.STAGE))
    drag_over(view, mime, _between_stages(view, 0), _between_stages(view, 3))
    marker = view._drop.marker
    assert marker is not None and marker.isVisible()
    line = marker.line()
    assert line.x1() == line.x2() == pytest.approx(stages[4].rect.x)
    assert line.y2() - line.y1() >= view.map_scene.layout.height - 0.01
    QApplication.sendEvent(view.viewport(), QDragMoveEvent(view_point(view, QPointF(
        stages[0].rect.x + 1, 30)), _ACTIONS, mime, _BUTTONS, _MODS))  # fmt: skip
    assert marker.line().x1() == pytest.approx(stages[0].rect.x)
    QApplication.sendEvent(view.viewport(), QDragLeaveEvent())
    assert marker.scene() is None
    assert document.undo_stack.count() == 0


def test_escape_while_naming_a_dropped_stage_keeps_it_with_its_default_name(
    view: MapEditorView, document: Document
) -> None:
    before = snapshot(document.journey)
    drop_at(view, _mime(PaletteEntry(EntryKind.STAGE)), _between_stages(view, 0))
    type_text(view.editor.widget, "Half")
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Escape)
    assert document.journey.stages[1].name == "New stage"
    assert document.undo_stack.count() == 1
    undo_redo_check(document, before, snapshot(document.journey))


def test_a_stage_renamed_later_is_an_undo_step_of_its_own(
    view: MapEditorView, document: Document
) -> None:
    drop_at(view, _mime(PaletteEntry(EntryKind.STAGE)), _between_stages(view, 0))
    _name_it(view, "Hear")
    stage_id = document.journey.stages[1].id
    view.editor.edit_stage(stage_id)
    _name_it(view, "Hear about us")
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert document.stage(stage_id).name == "Hear"


@pytest.fixture
def blank_view(qtbot: QtBot) -> MapEditorView:
    """The editor on a map with no stages and no lanes."""
    editor = MapEditorView(Document(JourneyMap(id="m1", title="From scratch")))
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


@pytest.mark.parametrize("name", [found.name for found in stage_sets()])
def test_a_stage_set_dropped_on_a_blank_map_builds_exactly_its_header_row(
    blank_view: MapEditorView, name: str
) -> None:
    document = blank_view.document
    before = snapshot(document.journey)
    mime = _mime(PaletteEntry(EntryKind.STAGE_SET, name))
    drop_at(blank_view, mime, blank_view.mapToScene(blank_view.viewport().rect().center()))
    found = stage_set(name)
    stages = document.journey.stages
    assert [(s.name, s.goal, s.color) for s in stages] == [
        (s.name, s.goal, s.color) for s in found.stages
    ]
    assert len({s.id for s in stages}) == len(stages)
    assert [s.id for s in stages] == [s.id for s in blank_view.map_scene.layout.stages]
    assert set(blank_view.selected_ids()) == {s.id for s in stages}
    assert document.undo_stack.count() == 1
    assert not blank_view.editor.active
    undo_redo_check(document, before, snapshot(document.journey))


def test_hourglass_and_four_lanes_by_dragging_alone_then_cards(
    blank_view: MapEditorView,
) -> None:
    document = blank_view.document
    view = blank_view
    drop_at(view, _mime(PaletteEntry(EntryKind.STAGE_SET, "hourglass")), QPointF(60, 5))
    kinds = [LaneKind.TOUCHPOINTS, LaneKind.THOUGHTS, LaneKind.EMOTIONS, LaneKind.PAIN_POINTS]
    for kind in kinds:
        layout = view.map_scene.layout
        below = (layout.lanes[-1].rect.bottom if layout.lanes else layout.header_height) + 3
        drop_at(view, _mime(PaletteEntry(EntryKind.LANE, kind.value)), QPointF(20, below))
        QTest.keyClick(view.editor.widget, Qt.Key.Key_Return)
    assert [lane.kind for lane in document.journey.lanes] == kinds
    assert [lane.title for lane in document.journey.lanes] == [lane_kind_label(k) for k in kinds]
    assert [s.name for s in document.journey.stages] == [
        "Know", "Like", "Trust", "Try", "Buy", "Repeat", "Refer"
    ]  # fmt: skip
    layout = view.map_scene.layout
    cell = layout.cell(layout.stages[4].id, layout.lanes[3].id).rect
    drop_at(view, _mime(PaletteEntry(EntryKind.CARD, "pain_point")), QPointF(
        cell.x + cell.w / 2, cell.y + cell.h / 2))  # fmt: skip
    type_text(view.editor.widget, "Queue at the till")
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Return)
    QTest.keyClick(view.editor.widget, Qt.Key.Key_Escape)
    card = document.journey.cards[0]
    assert (card.stage, card.lane, card.text) == (layout.stages[4].id, layout.lanes[3].id,
                                                  "Queue at the till")  # fmt: skip
    assert document.undo_stack.count() == 1 + len(kinds) + 1


def test_a_stage_set_dropped_on_a_full_map_leaves_every_card_where_it_was(
    view: MapEditorView, document: Document
) -> None:
    before = snapshot(document.journey)
    places = {c.id: (c.stage, c.lane, c.order) for c in document.journey.cards}
    old_ids = [s.id for s in document.journey.stages]
    drop_at(view, _mime(PaletteEntry(EntryKind.STAGE_SET, "decision-journey")),
            _between_stages(view, 2))  # fmt: skip
    assert {c.id: (c.stage, c.lane, c.order) for c in document.journey.cards} == places
    ids = [s.id for s in document.journey.stages]
    assert ids[:3] + ids[8:] == old_ids
    assert [s.name for s in document.journey.stages[3:8]] == [
        s.name for s in stage_set("decision-journey").stages
    ]
    assert document.undo_stack.count() == 1
    undo_redo_check(document, before, snapshot(document.journey))


def test_a_drag_carrying_no_palette_entry_is_refused(view: MapEditorView) -> None:
    mime = QMimeData()
    mime.setText("stage:")
    enter = QDragEnterEvent(view_point(view, QPointF(50, 50)), _ACTIONS, mime, _BUTTONS, _MODS)
    QApplication.sendEvent(view.viewport(), enter)
    assert not enter.isAccepted()
    assert PaletteEntry.decode("lane:no_such_kind") is None
    assert PaletteEntry.decode("stage-set:no-such-set") is None
    assert PaletteEntry.decode("lane:touchpoints") == PaletteEntry(EntryKind.LANE, "touchpoints")
