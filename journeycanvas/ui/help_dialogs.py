"""Help: the keyboard-shortcut sheet (built from the menus' actions) and About."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeycanvas import __version__
from journeycanvas.model import FORMAT_VERSION


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


def _has_modifier(key: QKeySequence) -> bool:
    return key.count() > 0 and key[0].keyboardModifiers() != Qt.KeyboardModifier.NoModifier


def menu_shortcuts(menu_bar: QMenuBar) -> list[tuple[str, str, str]]:
    """Every menu command that has a shortcut: (menu, command, shortcut as the user types it)."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), title)
                continue
            keys = [
                key.toString(QKeySequence.SequenceFormat.NativeText)
                for index, key in enumerate(action.shortcuts())
                if index == 0 or _has_modifier(key)  # skip alternatives like the Save key
            ]
            if action.isSeparator() or not any(keys):
                continue
            rows.append((title, _plain(action.text()), ", ".join(k for k in keys if k)))

    for top in menu_bar.actions():
        if top.menu() is not None:
            walk(top.menu(), _plain(top.text()))
    return rows


def canvas_gestures() -> list[tuple[str, str, str]]:
    """The canvas's own keys and mouse gestures, which are not menu commands."""
    canvas = QCoreApplication.translate("Help", "Canvas")
    return [
        (
            canvas,
            QCoreApplication.translate("Help", "Add a card in an empty cell"),
            QCoreApplication.translate("Help", "Double-click"),
        ),
        (
            canvas,
            QCoreApplication.translate("Help", "Finish a card and start the next one"),
            "Enter",
        ),
        (canvas, QCoreApplication.translate("Help", "Cancel editing a card"), "Esc"),
        (
            canvas,
            QCoreApplication.translate("Help", "Zoom"),
            QCoreApplication.translate("Help", "Ctrl+mouse wheel"),
        ),
        (
            canvas,
            QCoreApplication.translate("Help", "Pan"),
            QCoreApplication.translate("Help", "Space+drag, middle button drag"),
        ),
        (
            canvas,
            QCoreApplication.translate("Help", "Add a card of a kind"),
            QCoreApplication.translate("Help", "Drag from Card kinds"),
        ),
    ]


class ShortcutSheet(QDialog):
    """A table of every shortcut, grouped by menu, generated from the live actions."""

    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(560, 620)
        rows = menu_shortcuts(menu_bar) + canvas_gestures()
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Command"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)


def about_text() -> str:
    """The About box's text: version, licence, file format, the libraries it runs on."""
    return QCoreApplication.translate(
        "Help",
        "<h3>JourneyCanvas {version}</h3>"
        "<p>A desktop editor for customer-journey maps: build the map, save it as a plain "
        "JSON file, print it as a poster, tiles or handouts. Works without a network.</p>"
        "<p>File format version {format}.<br>"
        "Licence: MIT.<br>"
        "Python {python}, Qt for Python {pyside}.</p>",
    ).format(
        version=__version__,
        format=FORMAT_VERSION,
        python=platform.python_version(),
        pyside=PySide6.__version__,
    )


def show_about(parent: QWidget | None) -> None:
    """Show the About box."""
    QMessageBox.about(
        parent, QCoreApplication.translate("Help", "About JourneyCanvas"), about_text()
    )
