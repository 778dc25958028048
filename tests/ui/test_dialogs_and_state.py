"""Crash handler, preferences, help, palette drops, template chooser and remembered window state."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import close_quietly
from PySide6.QtCore import QMimeData, QPointF, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QDrag, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journeycanvas import __version__
from journeycanvas.canvas.context_menu import ContextRequest, MenuTarget
from journeycanvas.canvas.density import density_style
from journeycanvas.canvas.palette_drop import EntryKind, PaletteEntry
from journeycanvas.io import load_map
from journeycanvas.io.templates import load_template, template_names
from journeycanvas.model import FORMAT_VERSION, CardKind, JourneyMap
from journeycanvas.ui.autosave import AutosaveStore
from journeycanvas.ui.context_menus import build_context_menu
from journeycanvas.ui.crash_handler import CrashDialog, CrashHandler
from journeycanvas.ui.help_dialogs import ShortcutSheet, about_text, shortcut_rows
from journeycanvas.ui.main_window import MainWindow
from journeycanvas.ui.preferences import PreferencesDialog
from journeycanvas.ui.settings import AppSettings, open_user_settings
from journeycanvas.ui.template_chooser import TemplateChooser, template_picture


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_autosaves_then_shows_the_details_and_work_goes_on(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.inspector.map_page.title.setText("Unsaved before the error")
    window.inspector.map_page.title.commit()
    shown: list[str] = []
    monkeypatch.setattr(
        CrashDialog, "exec", lambda dialog: shown.append(dialog.details.toPlainText()) or 0
    )
    handler = CrashHandler(window.autosave_now, lambda: window)
    handler.install()
    try:

        def broken_slot() -> None:
            raise RuntimeError("something broke")

        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    finally:
        handler.uninstall()
    assert "RuntimeError: something broke" in shown[0]
    assert "broken_slot" in shown[0]
    session = window.autosaver.session
    assert load_map(session.map_path).title == "Unsaved before the error"
    window.inspector.map_page.title.setText("Still working")
    window.inspector.map_page.title.commit()
    assert window.document.journey.title == "Still working"
    assert sys.excepthook is not handler


def test_crash_dialog_copies_its_details(qtbot: QtBot) -> None:
    dialog = CrashDialog("Traceback: details", autosaved=True)
    qtbot.addWidget(dialog)
    dialog.copy_details()
    assert QGuiApplication.clipboard().text() == "Traceback: details"


def test_preferences_are_saved_and_autosave_and_the_canvas_follow(
    qtbot: QtBot,
    window: MainWindow,
    settings: AppSettings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    def choose(dialog: PreferencesDialog) -> int:
        dialog.autosave.setValue(2.5)
        dialog.paper.setCurrentIndex(dialog.paper.findData("A1"))
        dialog.language.setCurrentIndex(dialog.language.findData("sv"))
        dialog.density.setCurrentIndex(dialog.density.findData("compact"))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(PreferencesDialog, "exec", choose)
    window.action_table.preferences.trigger()
    reread = AppSettings(QSettings(settings.store.fileName(), QSettings.Format.IniFormat))
    assert reread.autosave_minutes == 2.5
    assert reread.paper_size == "A1"
    assert reread.language == "sv"
    assert reread.grid_density == "compact"
    assert window.autosaver.interval() == 150_000
    compact = density_style("compact")
    assert window.view.map_scene.layout_style == compact
    assert window.view.map_scene.layout.style.cell_padding_mm == compact.cell_padding_mm

    again = MainWindow(reread, AutosaveStore(tmp_path / "again"))
    qtbot.addWidget(again)
    assert again.view.map_scene.layout_style == compact, "the density is applied at start too"


def test_language_list_names_languages_in_their_own_tongue(
    qtbot: QtBot, settings: AppSettings
) -> None:
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert "Svenska" in names
    assert "Polski" in names


def test_shortcut_sheet_lists_the_menu_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    rows = shortcut_rows(window.action_table)
    by_command = {command: keys for _menu, command, keys in rows}
    assert by_command["Save"] == "Ctrl+S"
    assert by_command["Undo"].split(", ")[0] == "Ctrl+Z"
    assert by_command["Find"] == "Ctrl+F"
    assert by_command["Duplicate"] == "Ctrl+D"
    assert by_command["Delete"] == "Del, Backspace"
    assert by_command["Pan"]  # the canvas's own gestures follow
    assert {menu for menu, _command, _keys in rows} >= {"File", "Edit", "View", "Help", "Canvas"}
    sheet = ShortcutSheet(window.action_table, window)
    qtbot.addWidget(sheet)
    assert sheet.table.rowCount() == len(rows)


def test_menus_and_about(window: MainWindow) -> None:
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Insert", "Map", "Workshop", "Help"]
    text = about_text()
    assert __version__ in text
    assert "MIT" in text
    assert FORMAT_VERSION in text


def test_a_kind_dragged_from_the_palette_lands_on_the_canvas_with_the_same_names(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.set_map(load_template("hourglass"), None)
    palette = window.palette_dock.entries
    dragged: list[QMimeData] = []

    def exec_(drag: QDrag, *_args: object) -> Qt.DropAction:
        dragged.append(drag.mimeData())
        return Qt.DropAction.CopyAction

    monkeypatch.setattr(QDrag, "exec", exec_)
    card_items = [
        item
        for item in palette.entry_items()
        if (entry := palette.entry_of(item)) is not None and entry.kind is EntryKind.CARD
    ]
    palette.setCurrentItem(palette.item_for(PaletteEntry(EntryKind.CARD, CardKind.PAIN_POINT)))
    palette.startDrag(Qt.DropAction.CopyAction)
    assert len(card_items) == len(CardKind)
    assert len(dragged) == 1

    view = window.view
    layout = view.map_scene.layout
    stage_id, lane_id = layout.stages[1].id, layout.lanes[0].id
    cell = layout.cell(stage_id, lane_id).rect
    view.centerOn(cell.x + cell.w / 2, cell.y + cell.h / 2)
    point = view.mapFromScene(cell.x + cell.w / 2, cell.bottom - 1.0)
    mime, action = dragged[0], Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, action, mime, buttons, mods)
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted()
    before = {card.id for card in window.document.journey.cards}
    QApplication.sendEvent(view.viewport(), QDropEvent(QPointF(point), action, mime, buttons, mods))
    dropped = [c for c in window.document.journey.cards if c.id not in before]
    assert [(c.stage, c.lane, c.kind) for c in dropped] == [
        (stage_id, lane_id, CardKind.PAIN_POINT)
    ]

    card_id = dropped[0].id
    request = ContextRequest(MenuTarget.CARD, card_id, view.mapToGlobal(point))
    menu = build_context_menu(window, request)
    kind_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    names = [item.text(0) for item in card_items]
    assert [a.text() for a in kind_menu.actions()] == names
    assert [a.text() for a in kind_menu.actions() if a.isChecked()] == [
        palette.currentItem().text(0)
    ]
    menu.deleteLater()


def test_template_chooser_shows_every_template_with_a_picture(qtbot: QtBot) -> None:
    chooser = TemplateChooser()
    qtbot.addWidget(chooser)
    assert chooser.list.count() == len(template_names())
    assert chooser.chosen_name() == "hourglass"
    assert "Know" in chooser.outline.text()
    assert chooser.description.text()
    for row in range(chooser.list.count()):
        image = chooser.list.item(row).icon().pixmap(240, 150).toImage()
        assert len({image.pixel(x, y) for x in range(0, 240, 6) for y in range(0, 150, 6)}) > 3
    chooser.select("blank")
    chooser.title.setText("My own map")
    journey = chooser.chosen_map()
    assert journey.title == "My own map"


def test_template_picture_fits_the_size_asked_for(qtbot: QtBot) -> None:
    for journey in (JourneyMap(id="m1"), load_template("hourglass")):
        image = template_picture(journey, QSize(120, 80))
        assert (image.width(), image.height()) == (120, 80)


def test_window_layout_is_remembered(
    qtbot: QtBot, settings: AppSettings, tmp_path: Path, dialogs: object
) -> None:
    first = MainWindow(settings, AutosaveStore(tmp_path / "a1"))
    first.show()
    first.personas_dock.hide()
    first.resize(first.width(), 530)  # the offscreen screen is 800 × 600: keep within it
    close_quietly(first)
    second = MainWindow(settings, AutosaveStore(tmp_path / "a2"))
    second.show()
    assert second.personas_dock.isHidden()
    assert second.height() == 530
    close_quietly(second)


def test_user_settings_are_ini_files_under_the_test_folder(tmp_path: Path) -> None:
    store = open_user_settings()
    assert Path(store.fileName()).is_relative_to(tmp_path)
    assert QApplication.organizationName() in ("JourneyCanvas", "")
