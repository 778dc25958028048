"""Files through the real actions: new, edit, save, close with prompt, reopen, open errors."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Button, Dialogs, close_quietly
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from journeycanvas.canvas.units import PIXELS_PER_MM
from journeycanvas.document import document as document_module
from journeycanvas.io import load_map, save_map
from journeycanvas.io.templates import load_template
from journeycanvas.model import Card
from journeycanvas.ui.autosave import AutosaveStore
from journeycanvas.ui.main_window import MainWindow
from journeycanvas.ui.settings import AppSettings
from journeycanvas.ui.template_chooser import TemplateChooser


def choose_template(monkeypatch: pytest.MonkeyPatch, name: str, title: str = "") -> None:
    """Make the New dialog pick `name` and type `title`, then press Create."""

    def pick(chooser: TemplateChooser) -> QDialog.DialogCode:
        chooser.select(name)
        chooser.title.setText(title)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TemplateChooser, "exec", pick)


def type_title(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Type a new map title into the inspector and press Return, as a user would."""
    window.view.select_ids([])
    field = window.inspector.map_page.title
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def open_saved(window: MainWindow, folder: Path) -> Path:
    """Save the hourglass template as ``map.journey`` in `folder` and open it."""
    path = folder / "map.journey"
    save_map(load_template("hourglass"), path)
    assert window.open_path(path)
    return path


def dump(window: MainWindow) -> dict:
    return window.document.journey.model_dump(mode="json")


def test_new_from_template_starts_an_untitled_unmodified_map(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose_template(monkeypatch, "decision-journey", "Bike shop")
    window.action_table.new.trigger()
    journey = window.document.journey
    expected = load_template("decision-journey")
    assert journey.title == "Bike shop"
    assert [s.name for s in journey.stages] == [s.name for s in expected.stages]
    assert len(journey.cards) == len(expected.cards)
    assert window.document.path is None
    assert not window.document.modified
    assert window.windowTitle().startswith("Bike shop[*]")


def test_edit_save_close_reopen_gives_the_same_map(
    qtbot: QtBot,
    window: MainWindow,
    started: Callable[..., MainWindow],
    tmp_path: Path,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    choose_template(monkeypatch, "hourglass")
    window.action_table.new.trigger()
    type_title(qtbot, window, "Hourglass for Hanna's bakery")
    assert window.document.modified
    assert window.isWindowModified()

    target = tmp_path / "maps" / "bakery"
    target.parent.mkdir()
    dialogs.save_paths.append(str(target))
    window.action_table.save.trigger()
    saved = target.with_name("bakery.journey")
    assert saved.is_file()
    assert not window.document.modified
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("bakery.journey[*]")
    assert load_map(saved).model_dump(mode="json") == dump(window)
    edited = dump(window)

    window.close()
    assert not window.isVisible()
    assert dialogs.shown == []  # nothing unsaved, nothing asked

    again = started(None, autosave_store=AutosaveStore(tmp_path / "a2"))
    assert again.document.path == saved.absolute()
    assert dump(again) == edited
    assert again.document.journey.title == "Hourglass for Hanna's bakery"


@pytest.mark.parametrize(
    ("answer", "closes", "written"),
    [(Button.Cancel, False, False), (Button.Discard, True, False), (Button.Save, True, True)],
)
def test_closing_with_unsaved_changes_asks_first(
    qtbot: QtBot,
    window: MainWindow,
    dialogs: Dialogs,
    tmp_path: Path,
    answer: Button,
    closes: bool,
    written: bool,
) -> None:
    path = open_saved(window, tmp_path)
    before = path.read_bytes()
    type_title(qtbot, window, "Changed")

    dialogs.answers.append(answer)
    window.close()

    assert dialogs.kinds() == ["warning"]
    assert window.isVisible() is not closes
    assert (path.read_bytes() != before) is written
    if written:
        assert load_map(path).title == "Changed"
    if not closes:
        assert window.document.modified
        assert window.document.journey.title == "Changed"


def test_open_corrupt_file_shows_the_loader_message_and_keeps_the_map(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    good = tmp_path / "good.journey"
    save_map(load_template("hourglass"), good)
    window.open_path(good)
    type_title(qtbot, window, "Work in progress")
    before = dump(window)

    broken = tmp_path / "broken.journey"
    broken.write_text(
        '{"format": "journeycanvas", "version": "1.0", "id": "m1", "cards": [', "utf-8"
    )
    dialogs.open_paths.append(str(broken))
    window.action_table.open.trigger()

    assert dialogs.kinds() == ["critical"]
    _kind, _title, message = dialogs.shown[0]
    assert "broken.journey" in message
    assert "Traceback" not in message
    assert dump(window) == before
    assert window.document.path == good.absolute()
    assert window.document.modified
    assert window.document.undo_stack.canUndo()


def test_open_asks_about_unsaved_changes_and_cancel_keeps_the_map(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    other = tmp_path / "other.journey"
    save_map(load_template("decision-journey"), other)
    type_title(qtbot, window, "Mine")
    dialogs.open_paths.append(str(other))
    dialogs.answers.append(Button.Cancel)
    window.action_table.open.trigger()
    assert window.document.journey.title == "Mine"
    assert window.document.path is None

    dialogs.open_paths.append(str(other))
    dialogs.answers.append(Button.Discard)
    window.action_table.open.trigger()
    assert window.document.path == other.absolute()
    assert not window.document.modified


@pytest.mark.parametrize(
    "failure",
    [
        OSError(errno.ENOSPC, "No space left on device"),
        PermissionError(errno.EACCES, "Permission denied"),
    ],
)
def test_save_errors_are_shown_and_the_map_stays_modified(
    qtbot: QtBot,
    window: MainWindow,
    dialogs: Dialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: OSError,
) -> None:
    path = open_saved(window, tmp_path)
    before = path.read_bytes()
    type_title(qtbot, window, "Unsaved")

    def fail(*_args: object, **_kwargs: object) -> None:
        raise failure

    monkeypatch.setattr(document_module, "save_map", fail)
    assert not window.save()
    assert dialogs.kinds() == ["critical"]
    assert failure.strerror in dialogs.shown[0][2]
    assert window.document.modified
    assert window.isWindowModified()
    assert path.read_bytes() == before


def test_a_folder_in_the_way_of_the_backup_is_named_and_nothing_is_lost(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    path = open_saved(window, tmp_path)
    before = path.read_bytes()
    in_the_way = tmp_path / "map.journey.bak"
    in_the_way.mkdir()
    type_title(qtbot, window, "Edited")
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.kinds() == ["critical"]
    text = dialogs.shown[0][2]
    # The folder that is in the way, not the map (which is a file), and why.
    assert str(in_the_way) in text and "is a folder" in text
    assert path.read_bytes() == before
    assert window.document.modified
    assert window.document.journey.title == "Edited"


def test_saving_stamps_the_modified_time_in_the_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "map.journey"
    journey = load_template("hourglass")
    journey.modified = "2020-01-01T00:00:00Z"
    save_map(journey, path)
    window.open_path(path)
    type_title(qtbot, window, "Stamped")
    assert window.save()
    saved = load_map(path)
    assert saved.title == "Stamped"
    assert saved.modified > "2020-01-01T00:00:00Z"


def test_saving_into_a_missing_folder_fails_cleanly(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    type_title(qtbot, window, "Nowhere")
    dialogs.save_paths.append(str(tmp_path / "no" / "such" / "folder" / "map.journey"))
    assert not window.save()
    assert dialogs.kinds() == ["critical"]
    assert window.document.modified
    assert window.document.path is None


def test_revert_reads_the_file_again(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    open_saved(window, tmp_path)
    original = dump(window)
    assert not window.action_table.revert.isEnabled()
    type_title(qtbot, window, "Throw me away")
    assert window.action_table.revert.isEnabled()
    dialogs.answers.append(Button.Discard)
    window.action_table.revert.trigger()
    assert dump(window) == original
    assert not window.document.modified


def test_close_map_starts_an_empty_one(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    open_saved(window, tmp_path)
    window.action_table.close_map.trigger()
    assert window.document.path is None
    assert window.document.journey.cards == []
    assert dialogs.shown == []


def test_dropping_a_map_file_on_the_window_opens_it(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    path = tmp_path / "dropped.journey"
    save_map(load_template("content-ideation"), path)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert window.document.path == path.absolute()
    assert window.windowTitle().startswith("dropped.journey")


def test_recent_menu_lists_saved_maps_and_opens_them(
    window: MainWindow, settings: AppSettings, dialogs: Dialogs, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.journey", tmp_path / "second.journey"
    save_map(load_template("hourglass"), first)
    save_map(load_template("blank"), second)
    window.open_path(first)
    window.open_path(second)
    menu = window.action_table.recent_menu
    menu.aboutToShow.emit()
    labels = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert labels[:2] == ["&1 second.journey", "&2 first.journey"]
    menu.actions()[1].trigger()
    assert window.document.path == first.absolute()


def test_recent_menu_drops_maps_whose_files_are_gone(
    window: MainWindow, settings: AppSettings, dialogs: Dialogs, tmp_path: Path
) -> None:
    kept, moved, deleted = (tmp_path / f"{n}.journey" for n in ("kept", "moved", "deleted"))
    for path in (kept, moved, deleted):
        save_map(load_template("blank"), path)
        assert window.open_path(path)
    moved.rename(tmp_path / "elsewhere.journey")
    deleted.unlink()
    menu = window.action_table.recent_menu
    menu.aboutToShow.emit()
    labels = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert labels == ["&1 kept.journey", "Clear Menu"]
    assert settings.recent_files == [str(kept.resolve())]
    kept.unlink()
    menu.aboutToShow.emit()
    (only,) = menu.actions()
    assert (only.text(), only.isEnabled()) == ("No recent maps", False)
    assert dialogs.shown == []


def test_started_with_a_file_opens_it(
    started: Callable[..., MainWindow], store: AutosaveStore, tmp_path: Path
) -> None:
    path = tmp_path / "given.journey"
    save_map(load_template("channel-breakpoints"), path)
    window = started(str(path), autosave_store=store)
    assert window.document.path == path.absolute()


def test_first_run_shows_the_hourglass_then_a_blank_map(
    started: Callable[..., MainWindow], store: AutosaveStore
) -> None:
    first = started(None, autosave_store=store)
    hourglass = load_template("hourglass")
    assert [s.name for s in first.document.journey.stages] == [s.name for s in hourglass.stages]
    assert first.document.path is None
    close_quietly(first)

    second = started(None, autosave_store=store)
    blank = load_template("blank")  # not a first run, and no last map to reopen
    assert [s.name for s in second.document.journey.stages] == [s.name for s in blank.stages]


def test_text_typed_in_place_on_the_canvas_is_saved(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    path = open_saved(window, tmp_path)
    card_id = window.document.journey.cards[0].id
    window.view.select_ids([card_id])
    window.action_table.edit_text.trigger()
    editor = window.view.editor.widget
    editor.selectAll()
    qtbot.keyClicks(editor, "Typed on the canvas")
    assert window.view.editor.active  # still typing when the user saves
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load_map(path).cards[0].text == "Typed on the canvas"
    assert not window.document.modified


def test_closing_while_typing_on_the_canvas_asks_to_save(
    qtbot: QtBot, window: MainWindow, dialogs: Dialogs
) -> None:
    window.view.select_ids([window.document.journey.stages[0].id])
    window.action_table.edit_text.trigger()
    qtbot.keyClicks(window.view.editor.widget, "Renamed")
    dialogs.answers.append(Button.Cancel)
    window.close()
    assert dialogs.kinds() == ["warning"]
    assert window.document.journey.stages[0].name.endswith("Renamed")


def test_a_map_file_dragged_over_the_canvas_reaches_the_window(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    path = tmp_path / "dragged.journey"
    save_map(load_template("decision-journey"), path)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    viewport = window.view.viewport()
    centre = QPointF(viewport.width() / 2, viewport.height() / 2)
    enter = QDragEnterEvent(
        centre.toPoint(),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        centre,
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, drop)
    assert window.document.path == path.absolute()


def _opened_frame(window: MainWindow, path: Path) -> tuple[float, QPoint]:
    """Open `path`; the zoom it is shown at and where the map's corner lands on screen."""
    assert window.open_path(path)
    QApplication.processEvents()  # the map is framed once the window has its size
    view = window.view
    return view.zoom(), view.mapFromScene(QPointF(0, 0))


@pytest.mark.parametrize("extra_cards", [0, 120])
def test_a_map_opens_readable_from_its_top_left_corner(
    window: MainWindow, tmp_path: Path, extra_cards: int
) -> None:
    journey = load_template("hourglass")
    stage, lane = journey.stages[0].id, journey.lanes[0].id
    for number in range(extra_cards):
        extra = Card(id=f"x{number}", stage=stage, lane=lane, order=99 + number, text="Extra")
        journey.cards.append(extra)
    path = tmp_path / "map.journey"
    save_map(journey, path)
    zoom, corner = _opened_frame(window, path)
    layout = window.view.map_scene.layout
    shown_height = layout.height * PIXELS_PER_MM * zoom
    if extra_cards:
        assert zoom == pytest.approx(0.7), "a tall map opens at the smallest readable zoom"
    else:
        assert 0.7 <= zoom <= 1.0
        assert shown_height <= window.view.viewport().height(), "all its lanes are in sight"
    assert 0 <= corner.x() <= 20 and 0 <= corner.y() <= 60
    assert window.zoom_label.text() == f"{round(zoom * 100)} %"
