"""Autosave writes unsaved maps after the interval; the next start offers them back."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import Button, Dialogs, close_quietly
from PySide6.QtCore import QSysInfo, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from journeycanvas.io import load_map, save_map
from journeycanvas.io.templates import load_template
from journeycanvas.ui import main_window as main_window_module
from journeycanvas.ui.autosave import AutosaveEntry, AutosaveStore, default_autosave_folder
from journeycanvas.ui.main_window import MainWindow
from journeycanvas.ui.recovery import RecoveryChoice, ask_restore
from journeycanvas.ui.settings import AppSettings

INTERVAL_MS = 150


@pytest.fixture
def quick(
    qtbot: QtBot, settings: AppSettings, store: AutosaveStore, dialogs: Dialogs, tmp_path: Path
) -> Iterator[MainWindow]:
    """A main window that autosaves every 150 ms, with the hourglass saved as map.journey."""
    main = MainWindow(settings, store, autosave_interval_ms=INTERVAL_MS)
    main.show()
    path = tmp_path / "map.journey"
    save_map(load_template("hourglass"), path)
    assert main.open_path(path)
    yield main
    close_quietly(main)
    main.deleteLater()


def type_title(qtbot: QtBot, window: MainWindow, text: str, *, finish: bool = True) -> None:
    field = window.inspector.map_page.title
    field.selectAll()
    qtbot.keyClicks(field, text)
    if finish:
        qtbot.keyClick(field, Qt.Key.Key_Return)


def crash_copy(window: MainWindow, folder: Path) -> AutosaveStore:
    """What a crash leaves: the slot's files, and no live editor holding its lock."""
    folder.mkdir()
    window.file_guard.release()  # a crashed editor's map lock is stale
    session = window.autosaver.session
    for source in (session.map_path, session.sidecar_path):
        shutil.copy(source, folder / source.name)
    return AutosaveStore(folder)


def test_autosave_uses_the_platform_data_folder(tmp_path: Path) -> None:
    folder = default_autosave_folder()
    assert folder.is_relative_to(tmp_path / "xdg-data")
    assert folder.name == "autosave"


def test_an_edited_map_is_written_after_the_interval(qtbot: QtBot, quick: MainWindow) -> None:
    session = quick.autosaver.session
    qtbot.wait(INTERVAL_MS * 2)
    assert not session.has_data()  # nothing unsaved, nothing written

    type_title(qtbot, quick, "Autosaved title")
    qtbot.waitUntil(session.has_data, timeout=5000)
    assert load_map(session.map_path).title == "Autosaved title"
    sidecar = json.loads(session.sidecar_path.read_text("utf-8"))
    assert sidecar["original_path"] == str(quick.document.path)
    assert sidecar["title"] == "Autosaved title"
    assert sidecar["saved_at"].endswith("Z")
    assert "autosaved" in quick.state_label.text()


def test_text_still_being_typed_is_autosaved(qtbot: QtBot, quick: MainWindow) -> None:
    session = quick.autosaver.session
    type_title(qtbot, quick, "Not finished yet", finish=False)
    qtbot.waitUntil(session.has_data, timeout=5000)
    assert load_map(session.map_path).title == "Not finished yet"


def test_text_typed_in_place_on_the_canvas_is_autosaved_and_undone_in_one_step(
    qtbot: QtBot, quick: MainWindow
) -> None:
    session = quick.autosaver.session
    card = quick.document.journey.cards[0]
    original = card.text
    quick.view.select_ids([card.id])
    quick.action_table.edit_text.trigger()
    box = quick.view.editor.widget
    box.selectAll()
    qtbot.keyClicks(box, "Typed on the canvas")
    qtbot.waitUntil(session.has_data, timeout=5000)
    assert load_map(session.map_path).cards[0].text == "Typed on the canvas"
    assert quick.view.editor.active, "autosave leaves the text box open"

    qtbot.keyClicks(box, ", and more")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # commits, and starts the next card
    qtbot.keyClick(quick.view.editor.widget, Qt.Key.Key_Escape)
    assert card.text == "Typed on the canvas, and more"
    assert quick.document.undo_stack.count() == 1
    quick.undo_action.trigger()
    assert card.text == original
    assert not quick.document.modified


def test_saving_or_undoing_to_the_saved_state_removes_the_autosave(
    qtbot: QtBot, quick: MainWindow
) -> None:
    session = quick.autosaver.session
    type_title(qtbot, quick, "One")
    qtbot.waitUntil(session.has_data, timeout=5000)
    quick.action_table.save.trigger()
    assert not session.has_data()

    type_title(qtbot, quick, "Two")
    qtbot.waitUntil(session.has_data, timeout=5000)
    quick.undo_action.trigger()
    assert not quick.document.modified
    assert not session.has_data()


def test_closing_normally_leaves_nothing_behind(
    qtbot: QtBot, quick: MainWindow, store: AutosaveStore, dialogs: Dialogs
) -> None:
    type_title(qtbot, quick, "Discard me")
    qtbot.waitUntil(quick.autosaver.session.has_data, timeout=5000)
    dialogs.answers.append(Button.Discard)
    quick.close()
    assert list(store.folder.glob("*.journey")) == []
    assert store.leftovers() == []


def test_a_running_editors_autosave_is_not_offered(qtbot: QtBot, quick: MainWindow) -> None:
    type_title(qtbot, quick, "Still running")
    qtbot.waitUntil(quick.autosaver.session.has_data, timeout=5000)
    assert quick.autosave_store.leftovers() == []


def test_after_a_crash_the_next_start_restores_the_unsaved_map(
    qtbot: QtBot,
    quick: MainWindow,
    started: Callable[..., MainWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    type_title(qtbot, quick, "Typed before the crash")
    qtbot.waitUntil(quick.autosaver.session.has_data, timeout=5000)
    expected = quick.document.journey.model_dump(mode="json")
    leftovers = crash_copy(quick, tmp_path / "crashed")

    asked: list[AutosaveEntry] = []
    monkeypatch.setattr(
        main_window_module,
        "ask_restore",
        lambda _parent, entry: asked.append(entry) or RecoveryChoice.RESTORE,
    )
    restored = started(None, autosave_store=leftovers)
    assert [entry.title for entry in asked] == ["Typed before the crash"]
    assert restored.document.journey.model_dump(mode="json") == expected
    assert restored.document.path == quick.document.path
    assert restored.document.modified
    assert restored.isWindowModified()
    # The restored work is the new editor's autosave now; the crashed one's files are gone.
    assert [p.name for p in leftovers.folder.glob("*.journey")] == [
        restored.autosaver.session.map_path.name
    ]
    restored.action_table.save.trigger()
    assert load_map(quick.document.path).title == "Typed before the crash"


@pytest.mark.parametrize("choice", [RecoveryChoice.DISCARD, RecoveryChoice.LATER])
def test_discard_deletes_and_later_keeps_the_autosave(
    qtbot: QtBot,
    quick: MainWindow,
    started: Callable[..., MainWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    choice: RecoveryChoice,
) -> None:
    type_title(qtbot, quick, "Maybe")
    qtbot.waitUntil(quick.autosaver.session.has_data, timeout=5000)
    leftovers = crash_copy(quick, tmp_path / "crashed")
    monkeypatch.setattr(main_window_module, "ask_restore", lambda _parent, _entry: choice)
    fresh = started(str(quick.document.path), autosave_store=leftovers)
    assert fresh.document.journey.title != "Maybe"
    assert not fresh.document.modified
    remaining = leftovers.leftovers()
    assert len(remaining) == (1 if choice is RecoveryChoice.LATER else 0)
    for entry in remaining:
        entry.lock.unlock()


def test_the_restore_question_offers_restore_discard_and_later(
    qtbot: QtBot, quick: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    type_title(qtbot, quick, "Question")
    qtbot.waitUntil(quick.autosaver.session.has_data, timeout=5000)
    entry = crash_copy(quick, tmp_path / "crashed").leftovers()[0]
    seen: list[list[str]] = []

    def click(label: str) -> Callable[[QMessageBox], int]:
        def run(box: QMessageBox) -> int:
            seen.append([button.text() for button in box.buttons()])
            assert "Question" in box.text()
            next(b for b in box.buttons() if b.text() == label).click()
            return 0

        return run

    for label, choice in (
        ("Restore", RecoveryChoice.RESTORE),
        ("Discard", RecoveryChoice.DISCARD),
        ("Decide Later", RecoveryChoice.LATER),
    ):
        monkeypatch.setattr(QMessageBox, "exec", click(label))
        assert ask_restore(quick, entry) is choice
    assert sorted(seen[0]) == ["Decide Later", "Discard", "Restore"]
    entry.lock.unlock()


def test_lock_files_of_crashed_editors_without_unsaved_work_are_cleaned_up(
    tmp_path: Path, store: AutosaveStore
) -> None:
    live = store.open_session()
    stale = store.folder / "session-deadbeef.lock"
    # What QLockFile writes: pid, program, host; this pid cannot be running.
    stale.write_text(f"2147483646\npython\n{QSysInfo.machineHostName()}\n", "utf-8")
    assert store.leftovers() == []
    assert not stale.exists()
    assert (store.folder / f"{live.slot}.lock").exists()
    live.close()


def test_a_restored_autosave_is_kept_when_the_new_one_cannot_be_written(
    qtbot: QtBot, quick: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    type_title(qtbot, quick, "Only copy on disk")
    qtbot.waitUntil(quick.autosaver.session.has_data, timeout=5000)
    leftovers = crash_copy(quick, tmp_path / "crashed")
    quick.document.undo_stack.setClean()

    def disk_full(*_args: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(quick.autosaver.session, "write", disk_full)
    (entry,) = leftovers.leftovers()
    assert quick.restore(entry)
    assert quick.document.journey.title == "Only copy on disk"
    (again,) = leftovers.leftovers()  # still on disk, and offered at the next start
    assert again.load().title == "Only copy on disk"
    again.lock.unlock()
