"""A question with named answers ("Merge", "Keep mine", "Reload"), beyond QMessageBox's
standard buttons. Tests answer it by replacing `ChoiceBox.exec` (see tests/ui)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

Role = QMessageBox.ButtonRole


class ChoiceBox(QMessageBox):
    """A warning with one button per choice; `ask()` returns the key of the one clicked,
    or `cancel_key` when the box is closed otherwise."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        choices: Sequence[tuple[str, str, Role]],
        cancel_key: str,
        detail: str = "",
    ) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(title)
        self.setText(text)
        if detail:
            self.setInformativeText(detail)
        self.cancel_key = cancel_key
        self.buttons_by_key: dict[str, QAbstractButton] = {}
        for key, label, role in choices:
            self.buttons_by_key[key] = self.addButton(label, role)
        if cancel_key in self.buttons_by_key:
            self.setEscapeButton(self.buttons_by_key[cancel_key])

    def ask(self) -> str:
        """Show the box and return the key of the choice made."""
        self.exec()
        clicked = self.clickedButton()
        for key, button in self.buttons_by_key.items():
            if button is clicked:
                return key
        return self.cancel_key
