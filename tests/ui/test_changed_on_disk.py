"""The map's file changes underneath the editor: reload, merge, keep mine, lock, two editors.

Real files in tmp_path; "another editor" writes the file the way JourneyCanvas does (an
atomic replace), and the watcher has to notice it by itself.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Button, Dialogs, close_quietly
from pytestqt.qtbot import QtBot

from journeycanvas.document.changes import Entity
from journeycanvas.document.commands import EditCommand
from journeycanvas.io import load_map, save_map
from journeycanvas.io.jsonfile import backup_path
from journeycanvas.io.templates import load_template
from journeycanvas.ui.autosave import AutosaveStore
from journeycanvas.ui.choice_box import ChoiceBox
from journeycanvas.ui.file_guard import DiskChoice, LockChoice
from journeycanvas.ui.main_window import MainWindow
from journeycanvas.ui.map_lock import lock_path
from journeycanvas.ui.settings import AppSettings


class Choices:
    """Answers ChoiceBox questions from a queue; keeps every question's text."""

    def __init__(self) -> None:
        self.answers: list[str] = []
        self.asked: list[str] = []

    def exec(self, box: ChoiceBox) -> int:
        self.asked.append(box.text())
        if not self.answers:
            raise AssertionError(f"unexpected question: {box.text()}")
        box.buttons_by_key[self.answers.pop(0)].click()
        return 0


@pytest.fixture
def choices(monkeypatch: pytest.MonkeyPatch) -> Choices:
    """Scripted answers to the editor's own questions (changed on disk, map locked)."""
    scripted = Choices()
    monkeypatch.setattr(ChoiceBox, "exec", lambda box: scripted.exec(box))
    return scripted


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    """The hourglass sample saved in a shared folder."""
    path = tmp_path / "shared" / "bakery.journey"
    path.parent.mkdir()
    save_map(load_template("hourglass"), path, backup=False)
    return path


@pytest.fixture
def second_window(
    qtbot: QtBot, settings: AppSettings, tmp_path: Path, dialogs: Dialogs
) -> Iterator[MainWindow]:
    """Another editor window (its own autosave folder)."""
    other = MainWindow(settings, AutosaveStore(tmp_path / "autosave-2"))
    other.show()
    qtbot.waitExposed(other)
    yield other
    close_quietly(other)
    other.deleteLater()


def card_ids(path_or_window: Path | MainWindow) -> tuple[str, str, str]:
    """Three cards of the sample, by id."""
    journey = (
        load_map(path_or_window)
        if isinstance(path_or_window, Path)
        else path_or_window.document.journey
    )
    return journey.cards[0].id, journey.cards[1].id, journey.cards[2].id


def edit_text(window: MainWindow, card_id: str, text: str) -> None:
    """An edit of a card's text, as the inspector makes it."""
    window.document.push(EditCommand(window.document, Entity.CARD, card_id, {"text": text}))


def open_with_an_edit(window: MainWindow, map_file: Path) -> tuple[str, str]:
    """Open the map and change the first card's text to "Mine"; the first two cards' ids."""
    assert window.open_path(map_file)
    first, second, _ = card_ids(window)
    edit_text(window, first, "Mine")
    return first, second


def write_elsewhere(path: Path, card_id: str, text: str) -> None:
    """Another editor changes a card's text and saves (an atomic replace)."""
    journey = load_map(path)
    next(card for card in journey.cards if card.id == card_id).text = text
    save_map(journey, path, backup=False)


def texts(path_or_window: Path | MainWindow) -> dict[str, str]:
    journey = (
        load_map(path_or_window)
        if isinstance(path_or_window, Path)
        else path_or_window.document.journey
    )
    return {card.id: card.text for card in journey.cards}


def test_changed_on_disk_without_local_edits_reloads_keeping_view_and_selection(
    qtbot: QtBot, window: MainWindow, map_file: Path, choices: Choices
) -> None:
    assert window.open_path(map_file)
    first, second, _ = card_ids(window)
    qtbot.wait(50)  # the map is framed once the window has its size
    window.view.set_zoom(1.6)
    window.view.horizontalScrollBar().setValue(120)
    window.view.verticalScrollBar().setValue(80)
    window.view.select_ids([first])
    scroll = window.view.horizontalScrollBar().value(), window.view.verticalScrollBar().value()

    write_elsewhere(map_file, second, "Changed on the other laptop")

    qtbot.waitUntil(lambda: texts(window)[second] == "Changed on the other laptop", timeout=5000)
    assert choices.asked == []
    assert not window.document.modified
    assert window.view.selected_ids() == [first]
    assert window.view.zoom() == pytest.approx(1.6)
    assert (
        window.view.horizontalScrollBar().value(),
        window.view.verticalScrollBar().value(),
    ) == scroll
    # Watching goes on after the atomic replace: a second change is seen too.
    write_elsewhere(map_file, second, "And again")
    qtbot.waitUntil(lambda: texts(window)[second] == "And again", timeout=5000)


def test_merge_combines_both_edits_as_one_undo_step(
    qtbot: QtBot, window: MainWindow, map_file: Path, choices: Choices
) -> None:
    first, second = open_with_an_edit(window, map_file)
    choices.answers.append(DiskChoice.MERGE)

    write_elsewhere(map_file, second, "Theirs")

    qtbot.waitUntil(lambda: bool(choices.asked), timeout=5000)
    assert "changed on disk" in choices.asked[0]
    assert texts(window)[first] == "Mine" and texts(window)[second] == "Theirs"
    assert window.document.modified  # the merge is not on disk yet
    assert window.undo_action.text().replace("&", "") == "Undo Merge with File on Disk"
    window.document.undo_stack.undo()
    assert texts(window)[second] != "Theirs" and texts(window)[first] == "Mine"
    window.document.undo_stack.redo()
    assert window.save()
    assert texts(map_file)[first] == "Mine" and texts(map_file)[second] == "Theirs"


def test_a_conflict_is_listed_outlined_and_keeps_both_values(
    qtbot: QtBot, window: MainWindow, map_file: Path, choices: Choices, dialogs: Dialogs
) -> None:
    assert window.open_path(map_file)
    first, _, _ = card_ids(window)
    edit_text(window, first, "Mine")
    choices.answers.append(DiskChoice.MERGE)

    write_elsewhere(map_file, first, "Theirs")

    qtbot.waitUntil(lambda: bool(choices.asked), timeout=5000)
    card = window.document.card(first)
    assert card.text == "Mine" and card.conflict and "Theirs" in card.notes
    assert dialogs.kinds() == ["information"]
    assert "Theirs" in dialogs.shown[0][2]
    assert window.view.selected_ids() == [first]
    assert first in window.file_guard.conflict_marks.marks
    # Once decided, Mark Conflict Resolved clears the flag (one undo step); the notes stay.
    resolve = window.action_table.by_id["resolve_conflict"]
    window.action_table.refresh()
    assert resolve.isEnabled()
    resolve.trigger()
    assert not window.document.card(first).conflict and "Theirs" in card.notes
    window.action_table.refresh()
    assert not resolve.isEnabled()
    window.document.undo_stack.undo()
    assert window.document.card(first).conflict


def test_keep_mine_as_a_copy_leaves_their_file_alone(
    qtbot: QtBot,
    window: MainWindow,
    map_file: Path,
    choices: Choices,
    dialogs: Dialogs,
) -> None:
    first, second = open_with_an_edit(window, map_file)
    choices.answers.append(DiskChoice.COPY)
    copy = map_file.with_name("bakery (mine).journey")
    dialogs.save_paths.append(str(copy))

    write_elsewhere(map_file, second, "Theirs")

    qtbot.waitUntil(lambda: copy.exists(), timeout=5000)
    assert texts(copy)[first] == "Mine" and texts(copy)[second] != "Theirs"
    assert texts(map_file)[second] == "Theirs" and texts(map_file)[first] != "Mine"
    assert window.document.path == copy


def test_keep_mine_overwrite_warns_and_keeps_theirs_as_backup(
    qtbot: QtBot,
    window: MainWindow,
    map_file: Path,
    choices: Choices,
    dialogs: Dialogs,
) -> None:
    first, second = open_with_an_edit(window, map_file)
    choices.answers.append(DiskChoice.OVERWRITE)
    dialogs.answers.append(Button.Save)

    write_elsewhere(map_file, second, "Theirs")

    qtbot.waitUntil(lambda: texts(map_file)[first] == "Mine", timeout=5000)
    assert dialogs.kinds() == ["warning"]
    assert "bakery.journey.bak" in dialogs.shown[0][2]
    assert texts(map_file)[second] != "Theirs"
    assert texts(backup_path(map_file))[second] == "Theirs"
    assert not window.document.modified


def test_reload_discards_mine_but_undo_brings_it_back(
    qtbot: QtBot, window: MainWindow, map_file: Path, choices: Choices
) -> None:
    first, second = open_with_an_edit(window, map_file)
    choices.answers.append(DiskChoice.RELOAD)

    write_elsewhere(map_file, second, "Theirs")

    qtbot.waitUntil(lambda: texts(window)[second] == "Theirs", timeout=5000)
    assert texts(window)[first] != "Mine"
    assert not window.document.modified
    window.document.undo_stack.undo()
    assert texts(window)[first] == "Mine"


def test_save_checks_the_file_first(window: MainWindow, map_file: Path, choices: Choices) -> None:
    first, second = open_with_an_edit(window, map_file)
    write_elsewhere(map_file, second, "Theirs")  # saved before the watcher could tell
    choices.answers.append(DiskChoice.CANCEL)

    assert not window.save()

    assert texts(map_file)[second] == "Theirs" and texts(map_file)[first] != "Mine"
    assert window.document.modified


def test_decide_later_is_not_asked_again_until_the_file_changes_again(
    qtbot: QtBot, window: MainWindow, map_file: Path, choices: Choices
) -> None:
    first, second = open_with_an_edit(window, map_file)
    choices.answers.append(DiskChoice.CANCEL)
    write_elsewhere(map_file, second, "Theirs")
    qtbot.waitUntil(lambda: len(choices.asked) == 1, timeout=5000)

    qtbot.wait(1000)  # several debounce intervals: an unexpected question would fail
    assert len(choices.asked) == 1
    assert texts(window)[first] == "Mine" and window.document.modified

    choices.answers.append(DiskChoice.CANCEL)
    write_elsewhere(map_file, second, "Theirs again")
    qtbot.waitUntil(lambda: len(choices.asked) == 2, timeout=5000)


def test_two_editors_saving_in_turn_lose_nothing(
    window: MainWindow, second_window: MainWindow, map_file: Path, choices: Choices
) -> None:
    assert window.open_path(map_file)
    choices.answers.append(LockChoice.ANYWAY)
    assert second_window.open_path(map_file)
    first, second, _ = card_ids(window)
    edit_text(window, first, "Edit A in window 1")
    edit_text(second_window, second, "Edit B in window 2")

    assert window.save()
    choices.answers.append(DiskChoice.MERGE)
    assert second_window.save()

    saved = texts(map_file)
    assert saved[first] == "Edit A in window 1"
    assert saved[second] == "Edit B in window 2"
    assert not second_window.document.modified


def test_a_second_editor_sees_the_lock(
    window: MainWindow,
    second_window: MainWindow,
    map_file: Path,
    choices: Choices,
    dialogs: Dialogs,
) -> None:
    assert window.open_path(map_file)
    lock = json.loads(lock_path(map_file).read_text())
    assert lock["pid"] == os.getpid() and lock["host"] == socket.gethostname()

    choices.answers.append(LockChoice.CANCEL)
    assert not second_window.open_path(map_file)
    assert f"on {socket.gethostname()} since" in choices.asked[0]
    assert second_window.document.path is None

    choices.answers.append(LockChoice.READ_ONLY)
    assert second_window.open_path(map_file)
    assert second_window.file_guard.read_only
    first, _, _ = card_ids(second_window)
    edit_text(second_window, first, "Read-only edit")
    copy = map_file.with_name("my copy.journey")
    dialogs.save_paths.append(str(copy))
    assert second_window.save()  # goes to Save As
    assert texts(copy)[first] == "Read-only edit"
    assert texts(map_file)[first] != "Read-only edit"

    close_quietly(window)
    assert not lock_path(map_file).exists()


def test_a_stale_lock_is_taken_over_silently(
    window: MainWindow, map_file: Path, choices: Choices
) -> None:
    # Fresh by its times (refreshed in the future), but its process no longer runs.
    dead = {
        "user": "gone",
        "host": socket.gethostname(),
        "pid": 2**22 + 12345,
        "since": "2026-12-07T09:00:00Z",
        "refreshed": "2099-01-01T00:00:00Z",
        "token": "x",
    }
    lock_path(map_file).write_text(json.dumps(dead))
    assert window.open_path(map_file)
    assert choices.asked == []
    assert json.loads(lock_path(map_file).read_text())["pid"] == os.getpid()


def test_a_sync_conflict_copy_is_merged_in_and_trashed(
    window: MainWindow, map_file: Path, dialogs: Dialogs, tmp_path: Path
) -> None:
    (tmp_path / "xdg-data").mkdir(exist_ok=True)  # the trash lives in the data folder
    base = load_map(map_file)
    base.modified = "2026-12-07T09:00:00Z"
    save_map(base, map_file, backup=False)
    ours = load_map(map_file)
    ours.modified = "2026-12-07T10:00:00Z"
    ours.cards[0].text = "Ours"
    save_map(ours, map_file)  # the .bak is now the version both started from
    theirs = base.model_copy(deep=True)
    theirs.modified = "2026-12-07T10:05:00Z"
    theirs.cards[1].text = "Theirs, from the other laptop"
    copy = map_file.with_name("bakery.sync-conflict-20261207-100500-ABCDEF1.journey")
    save_map(theirs, copy, backup=False)
    dialogs.answers += [Button.Yes, Button.Yes]  # merge them; move them to the trash

    assert window.open_path(map_file)

    first, second, _ = card_ids(window)
    assert texts(window)[first] == "Ours"
    assert texts(window)[second] == "Theirs, from the other laptop"
    assert not any(card.conflict for card in window.document.journey.cards)
    assert window.document.modified
    assert not copy.exists()
    assert [title for _kind, title, _text in dialogs.shown][:2] == [
        "Conflict copies found",
        "Move the copies to the trash?",
    ]
