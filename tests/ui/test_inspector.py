"""The inspector edits the selection through commands, one undo step per edit, and follows undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog
from pytestqt.qtbot import QtBot

from journeycanvas.io import load_map, save_map
from journeycanvas.io.templates import load_template
from journeycanvas.model import CardKind, ConnectorKind, LaneKind, Metric
from journeycanvas.ui.inspector import parse_tags
from journeycanvas.ui.main_window import MainWindow


@pytest.fixture
def opened(window: MainWindow, tmp_path: Path) -> MainWindow:
    """The main window with the channel-breakpoints template (it has connectors) open."""
    path = tmp_path / "cars.journey"
    save_map(load_template("channel-breakpoints"), path)
    assert window.open_path(path)
    return window


def retype(qtbot: QtBot, field: object, text: str) -> None:
    """Replace a field's text by typing, then finish with Return (one-line) or Tab (more)."""
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    if hasattr(field, "toPlainText"):
        field.clearFocus()
    else:
        qtbot.keyClick(field, Qt.Key.Key_Return)


def first_card(window: MainWindow, kind: CardKind | None = None) -> str:
    cards = window.document.journey.cards
    return next(c.id for c in cards if kind is None or c.kind == kind)


def test_nothing_selected_edits_the_map_header(qtbot: QtBot, opened: MainWindow) -> None:
    page = opened.inspector.map_page
    assert opened.inspector.page_name == "map"
    retype(qtbot, page.title, "Cars, online and off")
    retype(qtbot, page.owner, "Marketing team")
    retype(qtbot, page.scenario, "A family buys its second car.")
    journey = opened.document.journey
    assert (journey.title, journey.owner, journey.scenario) == (
        "Cars, online and off",
        "Marketing team",
        "A family buys its second car.",
    )
    assert opened.document.undo_stack.count() == 3
    opened.undo_action.trigger()
    assert journey.scenario != "A family buys its second car."
    assert page.scenario.toPlainText() == journey.scenario


def test_typing_a_card_text_is_one_undo_step_and_undo_shows_the_old_text(
    qtbot: QtBot, opened: MainWindow
) -> None:
    card_id = first_card(opened)
    old = opened.document.card(card_id).text
    opened.view.select_ids([card_id])
    page = opened.inspector.card_page
    assert opened.inspector.page_name == "card"
    assert page.text.toPlainText() == old

    retype(qtbot, page.text, "Configurator saves the chosen car")
    assert opened.document.card(card_id).text == "Configurator saves the chosen car"
    assert opened.document.undo_stack.count() == 1
    assert opened.isWindowModified()

    opened.undo_action.trigger()
    assert opened.document.card(card_id).text == old
    assert page.text.toPlainText() == old
    opened.redo_action.trigger()
    assert page.text.toPlainText() == "Configurator saves the chosen car"


def test_card_fields_each_push_one_command(qtbot: QtBot, opened: MainWindow) -> None:
    card_id = first_card(opened, CardKind.TOUCHPOINT)
    opened.view.select_ids([card_id])
    page = opened.inspector.card_page
    stack = opened.document.undo_stack

    retype(qtbot, page.tags, "price, delivery, price,  ")
    retype(qtbot, page.notes, "Ask the dealer")
    page.votes.setValue(4)
    page.metric_box.setChecked(False)
    assert opened.document.card(card_id).metric is None
    page.metric_box.setChecked(True)
    retype(qtbot, page.metric_name, "visits")
    retype(qtbot, page.metric_value, "1200")
    retype(qtbot, page.metric_target, "5000,5")
    retype(qtbot, page.metric_unit, "per week")

    card = opened.document.card(card_id)
    assert card.tags == ["price", "delivery"]
    assert card.notes == "Ask the dealer"
    assert card.votes == 4
    assert card.metric == Metric(name="visits", value=1200, target=5000.5, unit="per week")
    assert stack.count() == 9
    while stack.canUndo():
        opened.undo_action.trigger()
    assert opened.document.card(card_id).votes == 0
    assert page.votes.value() == 0
    assert not opened.document.modified


def test_a_number_that_is_not_a_number_is_refused(qtbot: QtBot, opened: MainWindow) -> None:
    card_id = first_card(opened, CardKind.TOUCHPOINT)
    opened.view.select_ids([card_id])
    page = opened.inspector.card_page
    assert page.metric_box.isChecked()
    before = opened.document.card(card_id).metric
    retype(qtbot, page.metric_value, "lots")
    assert opened.document.card(card_id).metric == before
    assert opened.inspector.problem.isVisibleTo(opened.inspector)


def test_emotion_is_only_for_emotion_cards(qtbot: QtBot, opened: MainWindow) -> None:
    card_id = first_card(opened, CardKind.TOUCHPOINT)
    opened.view.select_ids([card_id])
    page = opened.inspector.card_page
    assert not page.emotion.isEnabled()

    page.kind.committed.emit(CardKind.EMOTION)
    assert page.emotion.isEnabled()
    page.emotion.committed.emit(-2)
    assert opened.document.card(card_id).emotion == -2

    page.kind.committed.emit(CardKind.THOUGHT)
    card = opened.document.card(card_id)
    assert (card.kind, card.emotion) == (CardKind.THOUGHT, None)
    assert not page.emotion.isEnabled()
    opened.undo_action.trigger()
    assert opened.document.card(card_id).emotion == -2
    assert page.emotion.currentData() == -2


def test_card_colour_and_personas(
    qtbot: QtBot, opened: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    card_id = first_card(opened)
    opened.view.select_ids([card_id])
    page = opened.inspector.card_page
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#123456"))
    page.color.click()
    assert opened.document.card(card_id).color == "#123456"
    page.color.committed.emit(None)  # "Use the default colour" in the button's menu
    assert opened.document.card(card_id).color is None

    persona_ids = [p.id for p in opened.document.journey.personas]
    assert page.personas.count() == len(persona_ids)
    wanted = [
        pid
        for row, pid in enumerate(persona_ids)
        if page.personas.item(row).checkState() == Qt.CheckState.Unchecked
    ][:1]
    for row in range(page.personas.count()):
        item = page.personas.item(row)
        if item.data(Qt.ItemDataRole.UserRole) in wanted:
            item.setCheckState(Qt.CheckState.Checked)
    assert set(wanted) <= set(opened.document.card(card_id).personas)


def test_stage_lane_and_connector_pages(
    qtbot: QtBot, opened: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    journey = opened.document.journey
    stage_id, lane_id = journey.stages[0].id, journey.lanes[0].id
    connector_id = journey.connectors[0].id
    inspector = opened.inspector

    opened.view.select_ids([stage_id])
    assert inspector.page_name == "stage"
    retype(qtbot, inspector.stage_page.name, "Configure online")
    retype(qtbot, inspector.stage_page.goal, "Find the right car")
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#aa0000"))
    inspector.stage_page.color.click()
    inspector.stage_page.width_spin.setValue(120)
    stage = opened.document.stage(stage_id)
    assert (stage.name, stage.goal, stage.color, stage.width_mm) == (
        "Configure online",
        "Find the right car",
        "#aa0000",
        120,
    )

    opened.view.select_ids([lane_id])
    assert inspector.page_name == "lane"
    assert journey.lanes[0].kind != LaneKind.NOTES
    inspector.lane_page.kind.committed.emit(LaneKind.NOTES)
    retype(qtbot, inspector.lane_page.title, "Where it happens")
    inspector.lane_page.height_spin.setValue(80)
    lane = opened.document.lane(lane_id)
    assert (lane.kind, lane.title, lane.height_mm) == (LaneKind.NOTES, "Where it happens", 80)
    assert opened.view.map_scene.layout.lanes[0].rect.h >= 80
    inspector.lane_page.height_spin.setValue(0)
    assert opened.document.lane(lane_id).height_mm is None

    opened.view.select_ids([connector_id])
    assert inspector.page_name == "connector"
    assert journey.connectors[0].kind != ConnectorKind.BRANCH
    inspector.connector_page.kind.committed.emit(ConnectorKind.BRANCH)
    retype(qtbot, inspector.connector_page.label, "if the dealer calls back")
    connector = opened.document.connector(connector_id)
    assert (connector.kind, connector.label) == (ConnectorKind.BRANCH, "if the dealer calls back")

    assert opened.document.undo_stack.count() == 10
    for _ in range(10):
        opened.undo_action.trigger()
    assert opened.document.journey == load_map(opened.document.path)


def test_several_kinds_of_object_selected_shows_a_count(opened: MainWindow) -> None:
    journey = opened.document.journey
    ids = [journey.cards[0].id, journey.cards[1].id, journey.stages[0].id]
    opened.view.select_ids(ids)
    assert opened.inspector.page_name == "many"
    assert "3" in opened.inspector.heading.text()


def _undo_redo_all(window: MainWindow, steps: int, before: object, after: object) -> None:
    """Undo every step back to `before`, redo them all to `after` (the models compared)."""
    stack = window.document.undo_stack
    assert stack.count() == steps
    for _ in range(steps):
        window.undo_action.trigger()
    assert window.document.journey == before
    for _ in range(steps):
        stack.redo()
    assert window.document.journey == after


def test_several_cards_share_one_edit_per_change(
    qtbot: QtBot, opened: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    journey = opened.document.journey
    cards = [c for c in journey.cards if c.kind != CardKind.EMOTION][:4]
    ids = [c.id for c in cards]
    cards[0].tags = ["price"]  # so that the tags differ (set before the page shows them)
    before = journey.model_copy(deep=True)
    opened.view.select_ids(ids)
    inspector = opened.inspector
    page = inspector.cards_page
    assert inspector.page_name == "many card"
    assert "4" in inspector.heading.text()
    assert "Some have: price" in page.tags_shared.text()

    page.kind.committed.emit(CardKind.PAIN_POINT)
    assert {opened.document.card(i).kind for i in ids} == {CardKind.PAIN_POINT}
    assert opened.document.undo_stack.count() == 1  # one step for four cards
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#123456"))
    page.color.click()
    persona = journey.personas[0].id
    item = page.personas.item(0)
    item.setCheckState(Qt.CheckState.Checked)
    assert all(persona in opened.document.card(i).personas for i in ids)
    retype(qtbot, page.tags_add, "delivery, trust")
    retype(qtbot, page.tags_remove, "price")
    page.votes.setValue(3)
    lane = journey.lanes[-1].id
    page.lane.committed.emit(lane)
    for card_id in ids:
        card = opened.document.card(card_id)
        assert (card.color, card.votes, card.lane) == ("#123456", 3, lane)
        assert card.tags[-2:] == ["delivery", "trust"] and "price" not in card.tags
    assert set(opened.view.selected_ids()) == set(ids)
    after = journey.model_copy(deep=True)
    _undo_redo_all(opened, 7, before, after)


def test_several_cards_show_mixed_values_as_a_dash(opened: MainWindow) -> None:
    journey = opened.document.journey
    first = journey.cards[0]
    other = next(c for c in journey.cards if c.kind != first.kind and c.lane != first.lane)
    opened.view.select_ids([first.id, other.id])
    page = opened.inspector.cards_page
    assert page.kind.currentText() == "—"
    assert page.lane.currentText() == "—"
    page.kind.activated.emit(0)  # picking the dash changes nothing
    assert opened.document.undo_stack.count() == 0


def test_several_stages_and_lanes(opened: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    journey = opened.document.journey
    before = journey.model_copy(deep=True)
    stages = [s.id for s in journey.stages[:3]]
    opened.view.select_ids(stages)
    inspector = opened.inspector
    assert inspector.page_name == "many stage"
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#00aa00"))
    inspector.stages_page.color.click()
    inspector.stages_page.width_spin.setValue(130)
    assert all(
        (opened.document.stage(i).color, opened.document.stage(i).width_mm) == ("#00aa00", 130)
        for i in stages
    )
    lanes = [lane.id for lane in journey.lanes[:2]]
    opened.view.select_ids(lanes)
    assert inspector.page_name == "many lane"
    inspector.lanes_page.height_spin.setValue(90)
    assert all(opened.document.lane(i).height_mm == 90 for i in lanes)
    after = journey.model_copy(deep=True)
    _undo_redo_all(opened, 3, before, after)


def test_text_still_being_typed_is_kept_when_the_selection_changes(
    qtbot: QtBot, opened: MainWindow
) -> None:
    first, second = (card.id for card in opened.document.journey.cards[:2])
    opened.view.select_ids([first])
    field = opened.inspector.card_page.text
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "half-typed")
    opened.view.select_ids([second])
    assert opened.document.card(first).text == "half-typed"


def test_deleted_selection_falls_back_to_the_map(opened: MainWindow) -> None:
    from journeycanvas.document.commands import RemoveCardsCommand

    card_id = first_card(opened)
    opened.view.select_ids([card_id])
    opened.document.push(RemoveCardsCommand(opened.document, [card_id]))
    assert opened.inspector.page_name == "map"


def test_parse_tags_trims_and_drops_repeats() -> None:
    assert parse_tags(" price,delivery , ,price") == ["price", "delivery"]
    assert parse_tags("") == []
