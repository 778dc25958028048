"""Editor widgets for the inspector and dialogs that report one finished edit at a time.

Each widget emits `committed` when the user has finished changing its value (Return or
leaving the field for text, a pick for lists and colours), so that one change becomes one
undo step; `set_value` shows a value from the model without emitting anything.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QIcon
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from journeycanvas.ui.icons import swatch_icon

MIXED = "—"
"""What a field shows when the selected objects have different values."""
_MIXED_ROLE = Qt.ItemDataRole.UserRole + 7


class LineField(QLineEdit):
    """A one-line text field; `committed(str)` on Return or focus loss, if the text changed."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown = ""
        self.editingFinished.connect(self.commit)

    def set_value(self, text: str) -> None:
        """Show `text` as the current model value (unless the user is typing in the field)."""
        if self.hasFocus() and self.is_dirty():
            self._shown = text
            return
        self._shown = text
        if self.text() != text:
            self.setText(text)
            self.setCursorPosition(0)

    def is_dirty(self) -> bool:
        """True when the field holds text the model has not got yet."""
        return self.text() != self._shown

    def commit(self) -> None:
        """Report the text if it differs from the model's."""
        if self.is_dirty():
            self._shown = self.text()
            self.committed.emit(self.text())


class TextField(QPlainTextEdit):
    """A multi-line text field; `committed(str)` when it loses focus, if the text changed."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None, lines: int = 3) -> None:
        super().__init__(parent)
        self._shown = ""
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 12
        self.setFixedHeight(height)

    def set_value(self, text: str) -> None:
        """Show `text` as the current model value (unless the user is typing in the field)."""
        if self.hasFocus() and self.is_dirty():
            self._shown = text
            return
        self._shown = text
        if self.toPlainText() != text:
            self.setPlainText(text)

    def is_dirty(self) -> bool:
        """True when the field holds text the model has not got yet."""
        return self.toPlainText() != self._shown

    def commit(self) -> None:
        """Report the text if it differs from the model's."""
        if self.is_dirty():
            self._shown = self.toPlainText()
            self.committed.emit(self._shown)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Leaving the field finishes the edit."""
        super().focusOutEvent(event)
        self.commit()


class NumberField(LineField):
    """A number, or nothing: `committed(str)` as for LineField; read it with `number()`."""

    def number(self) -> float | None:
        """The number typed (either decimal mark), None when empty; ValueError when invalid."""
        text = self.text().strip()
        if not text:
            return None
        value, ok = QLocale().toDouble(text)
        if ok:
            return value
        return float(text.replace(",", ".").replace(" ", ""))

    def set_number(self, value: float | None) -> None:
        """Show a number from the model (nothing for None)."""
        if value is None:
            self.set_value("")
        elif float(value).is_integer():
            self.set_value(str(int(value)))
        else:
            self.set_value(QLocale().toString(float(value), "g", 12))


class ChoiceField(QComboBox):
    """A drop-down list of values; `committed(object)` with the value the user picked."""

    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.activated.connect(self._picked)

    def _picked(self, index: int) -> None:
        if self.itemData(index, _MIXED_ROLE):
            return  # "—" only shows that the selected objects differ
        self.committed.emit(self.itemData(index))

    def set_value(self, value: object) -> None:
        """Show `value` (which must be one of the items' data)."""
        self._drop_mixed()
        self.setCurrentIndex(self.findData(value))

    def set_mixed(self) -> None:
        """Show "—": the selected objects have different values (picking one sets it for all)."""
        self._drop_mixed()
        self.insertItem(0, MIXED)
        self.setItemData(0, True, _MIXED_ROLE)
        self.setCurrentIndex(0)

    def _drop_mixed(self) -> None:
        if self.count() and self.itemData(0, _MIXED_ROLE):
            self.removeItem(0)


class ColorButton(QToolButton):
    """A colour swatch; clicking it opens the colour dialog, `committed(str | None)` after.

    With `allow_default`, a menu also offers going back to the default colour (None).
    """

    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, allow_default: bool = False) -> None:
        super().__init__(parent)
        self._color: str | None = None
        self._default = "#ffffff"
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.clicked.connect(self.choose)
        if allow_default:
            menu = QMenu(self)
            menu.addAction(self.tr("Choose…"), self.choose)
            menu.addAction(self.tr("Use the default colour"), lambda: self.committed.emit(None))
            self.setMenu(menu)
            self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)

    def set_value(self, color: str | None, default: str = "#ffffff") -> None:
        """Show `color` (None: the default colour `default`)."""
        self._color, self._default = color, default
        shown = color or default
        self.setIcon(swatch_icon(shown))
        self.setText(shown if color else self.tr("Default"))

    def set_mixed(self) -> None:
        """Show that the selected objects have different colours ("—")."""
        self._color = None
        self.setIcon(QIcon())
        self.setText(MIXED)

    def choose(self) -> None:
        """Ask for a colour with the colour dialog; commit it unless cancelled."""
        chosen = QColorDialog.getColor(
            QColor(self._color or self._default), self.window(), self.tr("Choose a colour")
        )
        if chosen.isValid():
            self.committed.emit(chosen.name())
