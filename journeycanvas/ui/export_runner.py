"""Running an export from the editor: off the UI thread, with a progress dialog and Cancel.

Formats that need no Qt (PDF, CSV, Markdown) are written by `export_map` in a worker thread
that reports progress and asks whether to stop; those the registry marks as needing Qt (PNG
and SVG, drawn by the canvas) must stay on the UI thread, so they run there under a busy
cursor. Either way `export_map` writes to a
temporary file that replaces the target only when the export succeeded: a cancel or an
error leaves no file, not even part of one.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from journeycanvas.io.errors import printable
from journeycanvas.io.export import export_map
from journeycanvas.io.pdf import ExportCancelled, ExportOptions, ExportResult
from journeycanvas.model.entities import JourneyMap
from journeycanvas.ui.export_choice import ExportChoice

PROGRESS_STEPS = 1000
SHOW_PROGRESS_AFTER_MS = 400
"""Exports quicker than this finish without the progress dialog ever appearing."""


class _ExportThread(QThread):
    """Runs one `export_map` call; `progressed` reports (done, total) as it goes."""

    progressed = Signal(int, int)

    def __init__(
        self, journey: JourneyMap, path: Path, options: ExportOptions, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.journey = journey
        self.path = path
        self.options = options
        self.stop = threading.Event()
        self.result: ExportResult | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        """Export, keeping the result or the exception for the UI thread."""
        try:
            self.result = export_map(
                self.journey,
                self.path,
                self.options,
                progress=lambda done, total: self.progressed.emit(done, total),
                cancel=self.stop.is_set,
            )
        except BaseException as exc:  # handed to the UI thread, which raises it again
            self.error = exc


class ExportRunner(QObject):
    """Runs exports for a window, showing a window-modal progress dialog with Cancel."""

    progressed = Signal(int, int)
    """(done, total) of the export running in the worker thread."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = parent
        self.progress: QProgressDialog | None = None
        self.warning_box: QMessageBox | None = None

    def run(
        self, journey: JourneyMap, path: Path, choice: ExportChoice, source_name: str = ""
    ) -> ExportResult | None:
        """Export `journey` to `path` as `choice` says; None when the user cancelled.

        Raises ExportError for settings that cannot work and OSError when the file cannot
        be written; in every case but success no file is left at `path`.
        """
        options = choice.options(source_name)
        if choice.format.needs_qt:
            result: ExportResult | None = self._run_here(journey, path, options)
        else:
            result = self._run_in_thread(journey.model_copy(deep=True), path, options)
        if result is not None and result.warnings:
            self._show_warnings(result.warnings)
        return result

    def _show_warnings(self, warnings: tuple[str, ...]) -> None:
        """Say, without blocking, what the finished export could not draw."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Export finished with warnings"),
            "\n\n".join(warnings),
            QMessageBox.StandardButton.Ok,
            self._window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.warning_box = box

    def _run_here(self, journey: JourneyMap, path: Path, options: ExportOptions) -> ExportResult:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return export_map(journey, path, options)
        finally:
            QGuiApplication.restoreOverrideCursor()

    def _run_in_thread(
        self, journey: JourneyMap, path: Path, options: ExportOptions
    ) -> ExportResult | None:
        thread = _ExportThread(journey, path, options, self)
        progress = QProgressDialog(
            self.tr("Exporting {name}…").format(name=printable(path.name)),
            self.tr("Cancel"),
            0,
            0,
            self._window,
        )
        progress.setWindowTitle(self.tr("Export"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(thread.stop.set)

        # Blocking: the worker waits while the bar moves, so a Cancel pressed meanwhile is
        # seen at the exporter's very next check.
        thread.progressed.connect(self._advance, Qt.ConnectionType.BlockingQueuedConnection)
        loop = QEventLoop(self)
        thread.finished.connect(loop.quit)
        self.progress = progress
        thread.start()
        if not thread.isFinished():
            loop.exec()
        thread.wait()
        self.progress = None
        progress.close()
        progress.deleteLater()
        thread.deleteLater()
        if isinstance(thread.error, ExportCancelled):
            return None
        if thread.error is not None:
            raise thread.error
        return thread.result

    @Slot(int, int)
    def _advance(self, done: int, total: int) -> None:
        progress = self.progress
        if progress is not None:
            if progress.maximum() != PROGRESS_STEPS:
                progress.setMaximum(PROGRESS_STEPS)
            progress.setValue(round(PROGRESS_STEPS * done / max(1, total)))
        self.progressed.emit(done, total)
