"""What happens on an unexpected exception: save the work first, then explain, then go on.

Installed as ``sys.excepthook``. Qt calls it for exceptions raised in slots and event
handlers, and the event loop keeps running afterwards, so the user can save and carry on.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class CrashDialog(QDialog):
    """Tells the user something went wrong, that the work was saved, and shows the details."""

    def __init__(self, details: str, autosaved: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.resize(640, 420)
        if autosaved:
            message = self.tr(
                "JourneyCanvas ran into an unexpected error. Your map has been saved to the "
                "recovery folder. You can keep working; saving your map now is a good idea."
            )
        else:
            message = self.tr(
                "JourneyCanvas ran into an unexpected error. You can keep working; saving "
                "your map now is a good idea."
            )
        summary = QLabel(message, self)
        summary.setWordWrap(True)
        self.details = QPlainTextEdit(details, self)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(self.tr("Copy details"), self)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(QLabel(self.tr("Details to send to the developers:"), self))
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        """Put the details on the clipboard."""
        QGuiApplication.clipboard().setText(self.details.toPlainText())


class CrashHandler:
    """An excepthook that autosaves through `autosave`, then shows a `CrashDialog`."""

    def __init__(
        self,
        autosave: Callable[[], bool],
        parent: Callable[[], QWidget | None] = lambda: None,
    ) -> None:
        self._autosave = autosave
        self._parent = parent
        self._previous: ExceptHook | None = None
        self._busy = False

    def install(self) -> None:
        """Become ``sys.excepthook``."""
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        """Give ``sys.excepthook`` back to whoever had it."""
        if sys.excepthook is self and self._previous is not None:
            sys.excepthook = self._previous

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        """Handle one uncaught exception."""
        details = "".join(traceback.format_exception(kind, error, trace))
        sys.stderr.write(details)
        if issubclass(kind, KeyboardInterrupt) or self._busy:
            return
        self._busy = True  # an error inside the dialog must not open another one
        try:
            try:
                autosaved = self._autosave()
            except Exception as exc:
                details += "\n" + "".join(traceback.format_exception(exc))
                autosaved = False
            CrashDialog(details, autosaved, self._parent()).exec()
        finally:
            self._busy = False
