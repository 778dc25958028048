"""A merge that fails (merge_maps raises MergeError) loses nothing and says so, translated.

No pair of valid maps is known to make `merge_maps` fail (it renames clashing ids and drops
dangling references itself), so these tests make it raise with monkeypatch: the failure is
a bug path, and what matters is that the editor keeps the user's edits and the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Button, Dialogs
from pytestqt.qtbot import QtBot
from test_changed_on_disk import card_ids, open_with_an_edit, texts, write_elsewhere

from journeycanvas.io import load_map, save_map
from journeycanvas.io.templates import load_template
from journeycanvas.merge.three_way import MergeError
from journeycanvas.ui import file_guard
from journeycanvas.ui.file_guard import DiskChoice, FileGuard
from journeycanvas.ui.language_switch import apply_language
from journeycanvas.ui.main_window import MainWindow


def failing_merge(*_maps: object) -> None:
    raise MergeError("cards[3].stage: no stage with id 's9'")


@pytest.fixture
def broken_merge(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(file_guard, "merge_maps", failing_merge)


@pytest.fixture
def merge_chosen(monkeypatch: pytest.MonkeyPatch, broken_merge: None) -> None:
    """Asked what to do about the changed file, the user picks Merge once (which fails),
    then Decide Later."""
    answers = iter([DiskChoice.MERGE])
    monkeypatch.setattr(FileGuard, "_ask", lambda *_args: next(answers, DiskChoice.CANCEL))


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    """The hourglass sample, saved."""
    path = tmp_path / "bakery.journey"
    save_map(load_template("hourglass"), path, backup=False)
    return path


@pytest.fixture
def swedish() -> Iterator[None]:
    """The interface in Swedish for one test."""
    apply_language("sv")
    yield
    apply_language("en")


def test_a_failed_merge_with_the_file_on_disk_keeps_both_versions(
    qtbot: QtBot, window: MainWindow, map_file: Path, merge_chosen: None, dialogs: Dialogs
) -> None:
    first, second = open_with_an_edit(window, map_file)

    write_elsewhere(map_file, second, "Theirs")

    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=5000)
    kind, title, text = dialogs.shown[0]
    assert (kind, title) == ("warning", "Not merged")
    assert "nothing was changed" in text and "no stage with id 's9'" in text
    assert texts(window)[first] == "Mine" and texts(window)[second] != "Theirs"
    assert window.document.modified
    assert texts(map_file)[second] == "Theirs" and texts(map_file)[first] != "Mine"


def test_a_failed_merge_on_save_does_not_write(
    window: MainWindow, map_file: Path, merge_chosen: None, dialogs: Dialogs
) -> None:
    first, second = open_with_an_edit(window, map_file)
    write_elsewhere(map_file, second, "Theirs")  # saved before the watcher could tell

    assert not window.save()

    assert [title for _kind, title, _text in dialogs.shown] == ["Not merged"]
    assert texts(map_file)[second] == "Theirs" and texts(map_file)[first] != "Mine"
    assert texts(window)[first] == "Mine" and window.document.modified


def test_a_conflict_copy_that_cannot_be_merged_stays(
    window: MainWindow, map_file: Path, dialogs: Dialogs, broken_merge: None
) -> None:
    theirs = load_map(map_file)
    theirs.cards[1].text = "Theirs, from the other laptop"
    copy = map_file.with_name("bakery.sync-conflict-20261207-100500-ABCDEF1.journey")
    save_map(theirs, copy, backup=False)
    dialogs.answers.append(Button.Yes)  # merge them (the trash is not offered)

    assert window.open_path(map_file)

    assert [title for _kind, title, _text in dialogs.shown] == [
        "Conflict copies found",
        "Not merged",
    ]
    assert copy.name in dialogs.shown[1][2]
    assert copy.exists() and not window.document.modified
    _first, second, _third = card_ids(window)
    assert texts(window)[second] != "Theirs, from the other laptop"


def test_the_message_is_in_swedish(
    window: MainWindow, map_file: Path, dialogs: Dialogs, broken_merge: None, swedish: None
) -> None:
    theirs = load_map(map_file)
    theirs.cards[1].text = "Theirs"
    copy = map_file.with_name("bakery.sync-conflict-20261207-100500-ABCDEF1.journey")
    save_map(theirs, copy, backup=False)
    dialogs.answers.append(Button.Yes)

    assert window.open_path(map_file)

    _kind, title, text = dialogs.shown[-1]
    assert title == "Inte sammanfogad" and "ingenting ändrades" in text
