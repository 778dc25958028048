"""After a crash: offer each autosaved map back, and restore it as an unsaved map."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from journeycanvas.io.errors import printable
from journeycanvas.ui.autosave import AutosaveEntry


class RecoveryChoice(Enum):
    """What the user wants done with an autosaved map."""

    RESTORE = "restore"
    DISCARD = "discard"
    LATER = "later"


def describe_entry(entry: AutosaveEntry) -> str:
    """One paragraph naming the map, its file and when it was autosaved (local time)."""
    when = QDateTime.fromString(entry.saved_at, Qt.DateFormat.ISODate).toLocalTime()
    saved = when.toString("yyyy-MM-dd HH:mm") if when.isValid() else entry.saved_at
    name = entry.title or QCoreApplication.translate("Recovery", "Untitled map")
    where = entry.original_path or QCoreApplication.translate(
        "Recovery", "a new map that was never saved"
    )
    return QCoreApplication.translate(
        "Recovery",
        "JourneyCanvas did not close properly last time. Unsaved changes to “{name}” "
        "({where}) were kept from {saved}.",
    ).format(name=printable(name), where=printable(where), saved=saved)


def ask_restore(parent: QWidget | None, entry: AutosaveEntry) -> RecoveryChoice:
    """Ask whether to restore `entry`: Restore, Discard, or decide next time."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Recovery", "Restore unsaved work?"))
    box.setText(describe_entry(entry))
    box.setInformativeText(
        QCoreApplication.translate(
            "Recovery",
            "Restore opens the map with those changes; you can then save it. Discard deletes them.",
        )
    )
    restore = box.addButton(
        QCoreApplication.translate("Recovery", "Restore"), QMessageBox.ButtonRole.AcceptRole
    )
    discard = box.addButton(
        QCoreApplication.translate("Recovery", "Discard"), QMessageBox.ButtonRole.DestructiveRole
    )
    later = box.addButton(
        QCoreApplication.translate("Recovery", "Decide Later"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(restore)
    box.setEscapeButton(later)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore:
        return RecoveryChoice.RESTORE
    if clicked is discard:
        return RecoveryChoice.DISCARD
    return RecoveryChoice.LATER
