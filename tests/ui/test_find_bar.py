"""Find: Ctrl+F opens the bar; matches by text, tag or kind are highlighted and stepped through."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from journeycanvas.document.find_replace import Query
from journeycanvas.io import save_map
from journeycanvas.io.templates import load_template
from journeycanvas.model import Card, JourneyMap, Lane, Stage
from journeycanvas.model.kinds import CardKind
from journeycanvas.ui.find_bar import find_cards
from journeycanvas.ui.main_window import MainWindow


def snapshot(journey: JourneyMap) -> dict:
    """The map as plain data."""
    return journey.model_dump(mode="json")


def small_map() -> JourneyMap:
    stages = [Stage(id="s1", name="Know"), Stage(id="s2", name="Buy")]
    lanes = [Lane(id="l1", title="Touchpoints"), Lane(id="l2", title="Pain points")]
    cards = [
        Card(id="c4", stage="s2", lane="l1", text="Checkout page", tags=["web"]),
        Card(id="c1", stage="s1", lane="l1", text="Instagram reel"),
        Card(
            id="c3", stage="s1", lane="l2", order=0, text="Price unclear", kind=CardKind.PAIN_POINT
        ),
        Card(
            id="c2", stage="s1", lane="l1", order=1, text="Shop window", notes="seen from the bus"
        ),
    ]
    return JourneyMap(id="m1", stages=stages, lanes=lanes, cards=cards)


def test_find_cards_matches_text_notes_tags_and_kind_in_reading_order() -> None:
    journey = small_map()
    assert find_cards(journey, "") == []
    assert find_cards(journey, "REEL") == ["c1"]
    assert find_cards(journey, "bus") == ["c2"]
    assert find_cards(journey, "web") == ["c4"]
    assert find_cards(journey, "pain point") == ["c3"]  # the kind's name
    assert find_cards(journey, "pain_point") == ["c3"]  # the kind's value
    assert find_cards(journey, "e") == ["c1", "c2", "c3", "c4"]


@pytest.fixture
def spied(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Open a small map; returns the list of ids the view was asked to centre on."""
    path = tmp_path / "small.journey"
    save_map(small_map(), path)
    window.open_path(path)
    centred: list[str] = []
    original = window.view.center_on

    def center_on(item_id: str) -> None:
        centred.append(item_id)
        original(item_id)

    monkeypatch.setattr(window.view, "center_on", center_on)
    return centred


def test_find_steps_with_enter_shift_enter_and_f3(
    qtbot: QtBot, window: MainWindow, spied: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    highlighted: list[list[str]] = []
    original = window.view.set_highlighted
    monkeypatch.setattr(
        window.view, "set_highlighted", lambda ids: (highlighted.append(ids), original(ids))
    )
    window.action_table.find.trigger()
    bar = window.find_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.field, "e")
    assert highlighted[-1] == ["c1", "c2", "c3", "c4"]
    assert bar.counter.text() == "4 matches"

    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert spied == ["c1", "c2"]
    assert window.view.selected_ids() == ["c2"]
    assert bar.counter.text() == "2 of 4"

    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert spied[-1] == "c1"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert spied[-1] == "c4"  # wraps round backwards
    qtbot.keyClick(bar.field, Qt.Key.Key_F3)
    assert spied[-1] == "c1"
    window.action_table.find_next.trigger()
    assert spied[-1] == "c2"
    window.action_table.find_previous.trigger()
    assert spied[-1] == "c1"

    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert highlighted[-1] == []


def test_find_with_no_match_says_so(qtbot: QtBot, window: MainWindow, spied: list[str]) -> None:
    window.action_table.find.trigger()
    qtbot.keyClicks(window.find_bar.field, "zebra")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert spied == []
    assert window.find_bar.counter.text() == "No matches"


def test_find_follows_edits_of_the_map(
    qtbot: QtBot, window: MainWindow, spied: list[str], tmp_path: Path
) -> None:
    window.action_table.find.trigger()
    qtbot.keyClicks(window.find_bar.field, "pain")
    assert window.find_bar.matches == ["c3"]
    path = tmp_path / "other.journey"
    save_map(load_template("hourglass"), path)
    window.open_path(path)
    expected = find_cards(window.document.journey, "pain")
    assert len(expected) > 1
    assert window.find_bar.matches == expected


def test_whole_words_and_match_case_narrow_the_matches() -> None:
    journey = small_map()
    journey.cards[1].text = "Reel about bread; a reeling customer"
    assert find_cards(journey, Query("reel")) == ["c1"]
    assert find_cards(journey, Query("reel", match_case=True)) == ["c1"]
    assert find_cards(journey, Query("Reeling", match_case=True)) == []
    assert find_cards(journey, Query("reeling", whole_words=True)) == ["c1"]
    assert find_cards(journey, Query("reeli", whole_words=True)) == []


def test_replace_all_in_texts_notes_and_tags_is_one_undo_step(
    qtbot: QtBot, window: MainWindow, spied: list[str]
) -> None:
    document = window.document
    document.journey.cards[0].tags = ["web", "webshop"]
    document.journey.cards[3].notes = "Seen from the WEB bus"
    before = snapshot(document.journey)
    window.action_table.find.trigger()
    bar = window.find_bar
    qtbot.keyClicks(bar.field, "web")
    bar.whole_words.setChecked(True)
    qtbot.keyClicks(bar.replacement, "online")
    qtbot.keyClick(bar.replacement, Qt.Key.Key_Return)
    cards = {card.id: card for card in document.journey.cards}
    assert cards["c4"].tags == ["online", "webshop"]  # "webshop" is not the whole word
    assert cards["c2"].notes == "Seen from the online bus"  # case ignored
    assert "2 cards" in bar.counter.text()
    assert document.undo_stack.count() == 1
    after = snapshot(document.journey)

    bar.match_case.setChecked(True)
    bar.field.setText("Checkout")
    bar.replacement.setText("Pay")
    bar.replace_button.click()
    assert cards["c4"].text == "Pay page"
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert snapshot(document.journey) == after
    document.undo_stack.undo()
    assert snapshot(document.journey) == before
    document.undo_stack.redo()
    document.undo_stack.redo()
    assert cards["c4"].text == "Pay page" and cards["c4"].tags == ["online", "webshop"]
