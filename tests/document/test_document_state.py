"""The Document itself: modified flag, path, loading a new map, signals per push, files."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from document_helpers import SignalLog, dump, sample_map
from pytestqt.qtbot import QtBot

from journeycanvas.document import Document
from journeycanvas.document.changes import Entity
from journeycanvas.document.commands import (
    EditCommand,
    MoveCardsCommand,
    RemoveStageCommand,
)
from journeycanvas.io.jsonfile import JourneyFileError, load_map
from journeycanvas.model import Card, JourneyMap


@pytest.fixture
def document(qapp: object) -> Document:
    return Document(sample_map())


def test_a_new_document_holds_an_empty_unsaved_map(qapp: object) -> None:
    document = Document()
    assert document.journey.cards == [] and document.journey.id
    assert document.path is None
    assert not document.modified


def test_modified_follows_the_clean_state_of_the_undo_stack(
    document: Document, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(document.modified_changed) as blocker:
        document.push(EditCommand(document, Entity.CARD, "c1", {"votes": 1}))
    assert blocker.args == [True] and document.modified
    with qtbot.waitSignal(document.modified_changed) as blocker:
        document.undo_stack.undo()
    assert blocker.args == [False] and not document.modified
    document.undo_stack.redo()
    document.mark_saved()
    assert not document.modified
    with qtbot.waitSignal(document.modified_changed) as blocker:
        document.undo_stack.undo()
    assert blocker.args == [True]


def test_mark_saved_with_a_path_remembers_it(document: Document, qtbot: QtBot) -> None:
    with qtbot.waitSignal(document.path_changed) as blocker:
        document.mark_saved(Path("/tmp/bakery.journey"))
    assert blocker.args == [Path("/tmp/bakery.journey")]
    assert document.path == Path("/tmp/bakery.journey")


def test_set_map_resets_history_and_normalises_orders(document: Document, qtbot: QtBot) -> None:
    document.push(EditCommand(document, Entity.CARD, "c1", {"votes": 1}))
    other = JourneyMap(id="m2", stages=sample_map().stages, lanes=sample_map().lanes)
    other.cards = [
        Card(id="x1", stage="s1", lane="l1", order=7),
        Card(id="x2", stage="s1", lane="l1", order=3),
    ]
    log = SignalLog(document)
    with qtbot.waitSignal(document.reset):
        document.set_map(other, Path("/tmp/other.journey"))
    assert document.journey is other
    assert [c.order for c in other.cards] == [1, 0]
    assert document.undo_stack.count() == 0 and not document.modified
    assert ("path_changed", Path("/tmp/other.journey")) in log.events
    assert ("modified_changed", False) in log.events


def test_changed_fires_once_per_push_undo_and_redo_after_the_details(
    document: Document,
) -> None:
    log = SignalLog(document)
    document.push(RemoveStageCommand(document, "s2"))
    names = [event[0] for event in log.events]
    assert names.count("changed") == 1
    assert names.index("changed") > names.index("stage_removed")
    # One change names every card (and connector) that went with the stage.
    assert [len(event) - 1 for event in log.named("card_removed", "connector_removed")] == [2, 2]
    document.undo_stack.undo()
    document.undo_stack.redo()
    assert len(log.named("changed")) == 3


def test_undo_and_redo_request_the_selection(document: Document, qtbot: QtBot) -> None:
    command = MoveCardsCommand(
        document, ["c2"], "s3", "l3", 0, selection_before=["c2", "k1"], selection_after=["c2"]
    )
    with qtbot.waitSignal(document.selection_requested) as blocker:
        document.push(command)
    assert blocker.args == [["c2"]]
    with qtbot.waitSignal(document.selection_requested) as blocker:
        document.undo_stack.undo()
    assert blocker.args == [["c2", "k1"]]


def test_edits_without_a_selection_leave_it_alone(document: Document) -> None:
    log = SignalLog(document)
    document.push(EditCommand(document, Entity.CARD, "c1", {"text": "x"}, typing=True))
    document.undo_stack.undo()
    assert log.named("selection_requested") == []


def test_check_changes_refuses_fields_that_are_not_editable(document: Document) -> None:
    with pytest.raises(ValueError, match="cannot edit"):
        document.check_changes(document.card("c1"), {"id": "c9"})
    assert document.check_changes(document.stage("s1"), {"color": "#ABCDEF"}) == {
        "color": "#abcdef"
    }


def test_save_and_load_round_trip(document: Document, tmp_path: Path) -> None:
    document.push(EditCommand(document, Entity.CARD, "c1", {"text": "Saved text"}))
    path = tmp_path / "bakery.journey"
    document.save(path)
    assert not document.modified and document.path == path
    assert document.journey.modified and document.journey.created
    reopened = Document()
    reopened.load(path)
    assert dump(reopened.journey) == dump(document.journey) == dump(load_map(path))
    assert reopened.path == path and not reopened.modified


def test_save_without_a_path_or_to_a_bad_place_keeps_the_map_modified(
    document: Document, tmp_path: Path
) -> None:
    document.push(EditCommand(document, Entity.CARD, "c1", {"text": "Unsaved"}))
    with pytest.raises(ValueError):
        document.save()
    stamps = (document.journey.created, document.journey.modified)
    with pytest.raises(OSError):
        document.save(tmp_path / "missing-folder" / "x.journey")
    assert document.modified
    assert (document.journey.created, document.journey.modified) == stamps


def test_a_file_that_fails_to_load_leaves_the_map_untouched(
    document: Document, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.journey"
    bad.write_text("{not json", encoding="utf-8")
    before = dump(document.journey)
    with pytest.raises(JourneyFileError):
        document.load(bad)
    assert dump(document.journey) == before and document.path is None


def test_commands_on_the_stack_outlive_their_python_names(document: Document) -> None:
    for votes in range(1, 40):
        document.push(EditCommand(document, Entity.CARD, "c1", {"votes": votes}))
    gc.collect()
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    assert document.card("c1").votes == 0
