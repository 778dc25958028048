"""Help: the keyboard-shortcut sheet (built from the action table and the canvas's own
gestures) and About."""

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
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journeycanvas import __version__
from journeycanvas.canvas.keys import canvas_gestures
from journeycanvas.model import FORMAT_VERSION
from journeycanvas.ui.actions import MainActions, menu_layout

_KEYBOARD_KEYS = {
    Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Insert, Qt.Key.Key_Escape,
    Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space,
}  # fmt: skip


def plain_text(text: str) -> str:
    """A menu text without its mnemonic ampersand and trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


def _on_every_keyboard(key: QKeySequence) -> bool:
    """Whether a sequence is typed on an ordinary keyboard (not a media key like "Save")."""
    if key.count() == 0:
        return False
    combination = key[0]  # type: ignore[index]  # PySide6 stubs lack QKeySequence[i]
    code = combination.key()
    return (
        combination.keyboardModifiers() != Qt.KeyboardModifier.NoModifier
        or code.value < Qt.Key.Key_Escape.value
        or Qt.Key.Key_F1.value <= code.value <= Qt.Key.Key_F35.value
        or code in _KEYBOARD_KEYS
    )


def shortcut_rows(actions: MainActions) -> list[tuple[str, str, str]]:
    """Every command with keys, by menu, then the canvas's gestures: (group, command, keys
    as the user types them). Commands outside the menus come under "Canvas"."""
    canvas = QCoreApplication.translate("Help", "Canvas")
    rows: list[tuple[str, str, str]] = []
    listed: set[str] = set()
    groups = [(plain_text(title), entries) for title, entries in menu_layout()]
    groups.append((canvas, list(actions.by_id)))
    for group, entries in groups:
        for action_id in entries:
            keys = actions.keys.get(action_id, [])
            shown = [
                key.toString(QKeySequence.SequenceFormat.NativeText)
                for key in keys
                if _on_every_keyboard(key)
            ]
            if action_id in listed or not shown:
                continue
            listed.add(action_id)
            text = actions.specs[action_id].text
            rows.append((group, plain_text(text), ", ".join(shown)))
    rows.extend((canvas, gesture.what, gesture.how) for gesture in canvas_gestures())
    return rows


class ShortcutSheet(QDialog):
    """A table of every shortcut, grouped by menu, generated from the action table."""

    def __init__(self, actions: MainActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(560, 620)
        rows = shortcut_rows(actions)
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
