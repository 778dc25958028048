"""The map's language field: the shipped languages by name, any other locale typed in."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from journeycanvas.i18n import available_languages, normalise

OTHER_LOCALES = ("en-GB", "en-US", "de", "fr", "es", "ru", "el", "zh-TW", "ja", "ko", "ar", "he")
"""Offered after the shipped languages: common map languages without an interface."""


class LocaleField(QComboBox):
    """An editable list of locales; `committed(str)` with the locale name chosen or typed,
    once per change (one undo step)."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for language in available_languages():
            self.addItem(f"{language.native_name} ({language.code})", language.code)
        for code in OTHER_LOCALES:
            self.addItem(code, code)
        self._shown = ""
        self.activated.connect(lambda _index: self.commit())
        line = self.lineEdit()
        assert line is not None
        line.editingFinished.connect(self.commit)

    def value(self) -> str:
        """The locale name shown: an item's code, or the text typed."""
        text = self.currentText().strip()
        index = self.findText(text)
        return str(self.itemData(index)) if index >= 0 else text

    def set_value(self, code: str) -> None:
        """Show locale `code` as the map's (unless the user is typing)."""
        self._shown = code
        if self.hasFocus() and self.value() != code:
            return
        for index in range(self.count()):
            if normalise(str(self.itemData(index))) == normalise(code) and code:
                self.setCurrentIndex(index)
                return
        self.setCurrentIndex(-1)
        self.setEditText(code)

    def commit(self) -> None:
        """Report the locale if it differs from the map's."""
        value = self.value()
        if value != self._shown:
            self._shown = value
            self.committed.emit(value)
