"""Fixtures for the application shell: isolated user folders, scripted dialogs, a main window.

No test here may touch the real user's settings, data folder or autosaves: the folders
platformdirs and QSettings use are pointed into the test's temporary folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from journeycanvas import i18n
from journeycanvas.ui.app import start_gui
from journeycanvas.ui.autosave import AutosaveStore
from journeycanvas.ui.choice_box import ChoiceBox
from journeycanvas.ui.language_switch import apply_language
from journeycanvas.ui.main_window import MainWindow
from journeycanvas.ui.settings import AppSettings

Button = QMessageBox.StandardButton


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """platformdirs and QSettings write under the test's temporary folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "xdg-config")
    )


@pytest.fixture(autouse=True)
def english_interface_afterwards() -> Iterator[None]:
    """A test that switches the interface language (Preferences) leaves it English."""
    yield
    if QApplication.instance() is not None and i18n.current_language() != "en":
        apply_language("en")


class Dialogs:
    """Stands in for QMessageBox's and QFileDialog's static functions.

    Each question (a box with buttons to choose from) pops the next answer from `answers`;
    a question with no answer left fails the test. Every message shown is kept in `shown`
    as (kind, title, text).
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answers: list[Button] = []
        self.open_paths: list[str] = []
        self.save_paths: list[str] = []
        for kind in ("warning", "question", "critical", "information"):
            monkeypatch.setattr(QMessageBox, kind, self._message_box(kind))
        monkeypatch.setattr(
            QFileDialog, "getOpenFileName", lambda *a, **k: (self._pop(self.open_paths), "")
        )
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", lambda *a, **k: (self._pop(self.save_paths), "")
        )
        monkeypatch.setattr(ChoiceBox, "exec", self._unexpected_choice)  # fail, never hang

    @staticmethod
    def _unexpected_choice(box: ChoiceBox) -> int:
        raise AssertionError(f"unexpected question: {box.windowTitle()}: {box.text()}")

    def _message_box(self, kind: str) -> Any:
        def show(_parent: Any, title: str, text: str, *_args: Any, **_kwargs: Any) -> Button:
            self.shown.append((kind, title, text))
            if kind in ("critical", "information") or not (_args or _kwargs):
                return Button.Ok  # a message with only an OK button
            if not self.answers:
                raise AssertionError(f"unexpected {kind} dialog: {title}: {text}")
            return self.answers.pop(0)

        return staticmethod(show)

    @staticmethod
    def _pop(queue: list[str]) -> str:
        if not queue:
            raise AssertionError("unexpected file dialog")
        return queue.pop(0)

    def kinds(self) -> list[str]:
        """The kinds of the messages shown so far."""
        return [kind for kind, _title, _text in self.shown]


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    """Scripted message boxes and file dialogs."""
    return Dialogs(monkeypatch)


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    """Settings in a file of the test's own."""
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def store(tmp_path: Path) -> AutosaveStore:
    """An autosave folder of the test's own."""
    return AutosaveStore(tmp_path / "autosave")


def close_quietly(window: MainWindow) -> None:
    """Close a window at the end of a test without being asked about unsaved changes."""
    window.view.finish_editing()
    window.inspector.commit_pending()
    window.document.undo_stack.setClean()
    window.close()


@pytest.fixture
def window(
    qtbot: QtBot, settings: AppSettings, store: AutosaveStore, dialogs: Dialogs
) -> Iterator[MainWindow]:
    """A shown main window with the blank map, closed quietly after the test.

    (Not handed to qtbot.addWidget: pytest-qt would close it before this fixture can make
    closing quiet.)
    """
    main = MainWindow(settings, store)
    main.show()
    qtbot.waitExposed(main)
    yield main
    close_quietly(main)
    main.deleteLater()


@pytest.fixture
def started(settings: AppSettings, dialogs: Dialogs) -> Iterator[Callable[..., MainWindow]]:
    """`started(path, **options)` starts the editor as the program does; closed after the test."""
    windows: list[MainWindow] = []

    def start(path: str | None = None, **options: Any) -> MainWindow:
        options.setdefault("settings", settings)
        main = start_gui(path, **options)
        windows.append(main)
        return main

    yield start
    for main in windows:
        close_quietly(main)
        main.deleteLater()
