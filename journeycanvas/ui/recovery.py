"""After a crash: offer each autosaved map back, and restore it as an unsaved map."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from journeycanvas.ui.autosave import AutosaveEntry


class RecoveryChoice(Enum):
    """What the user wants done with an autosaved map."""

    RESTORE = "restore"
    DISCARD = "discard"
    LATER = "later"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Recovery", text)


def describe_entry(entry: AutosaveEntry) -> str:
    """One paragraph naming the map, its file and when it was autosaved (local time)."""
    when = QDateTime.fromString(entry.saved_at, Qt.DateFormat.ISODate).toLocalTime()
    saved = when.toString("yyyy-MM-dd HH:mm") if when.isValid() else entry.saved_at
    name = entry.title or _tr("Untitled map")
    where = entry.original_path or _tr("a new map that was never saved")
    return _tr(
        "JourneyCanvas did not close properly last time. Unsaved changes to “{name}” "
        "({where}) were kept from {saved}."
    ).format(name=name, where=where, saved=saved)


def ask_restore(parent: QWidget | None, entry: AutosaveEntry) -> RecoveryChoice:
    """Ask whether to restore `entry`: Restore, Discard, or decide next time."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Restore unsaved work?"))
    box.setText(describe_entry(entry))
    box.setInformativeText(
        _tr("Restore opens the map with those changes; you can then save it. Discard deletes them.")
    )
    restore = box.addButton(_tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
    later = box.addButton(_tr("Decide Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.setEscapeButton(later)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore:
        return RecoveryChoice.RESTORE
    if clicked is discard:
        return RecoveryChoice.DISCARD
    return RecoveryChoice.LATER
