"""The main window: canvas, docks, menus, status bar, and the life of the open map's file."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from journeycanvas.canvas.editor import MapEditorView
from journeycanvas.document import Document
from journeycanvas.document.disk_version import DiskVersion, read_version
from journeycanvas.io import JourneyFileError, dumps_map
from journeycanvas.io.errors import printable
from journeycanvas.io.jsonfile import backup_path
from journeycanvas.io.pdf import ExportError
from journeycanvas.io.templates import load_template
from journeycanvas.model import JourneyMap
from journeycanvas.ui.actions import MainActions, build_menus, build_toolbar
from journeycanvas.ui.autosave import AutosaveEntry, Autosaver, AutosaveStore
from journeycanvas.ui.context_menus import show_context_menu
from journeycanvas.ui.export_choice import ExportChoice
from journeycanvas.ui.export_dialog import ExportDialog
from journeycanvas.ui.export_runner import ExportRunner
from journeycanvas.ui.file_guard import FileGuard
from journeycanvas.ui.find_bar import FindBar
from journeycanvas.ui.help_dialogs import ShortcutSheet, show_about
from journeycanvas.ui.inspector import InspectorDock
from journeycanvas.ui.language_switch import follow_language_setting
from journeycanvas.ui.map_versions import MapVersions
from journeycanvas.ui.palette import PaletteDock
from journeycanvas.ui.personas_panel import PersonasDock
from journeycanvas.ui.preferences import PreferencesDialog
from journeycanvas.ui.printing import MapPrinting
from journeycanvas.ui.recovery import RecoveryChoice, ask_restore
from journeycanvas.ui.settings import AppSettings
from journeycanvas.ui.template_chooser import TemplateChooser
from journeycanvas.ui.workshop_controller import WorkshopController

MAP_SUFFIX = ".journey"


def map_file_filter() -> str:
    """The file-dialog filter for map files."""
    return QApplication.translate("MainWindow", "Journey maps (*.journey);;All files (*)")


class MainWindow(QMainWindow):
    """One map at a time: the canvas in the middle, palette, inspector and personas as docks.

    The window owns the file side of the map: New, Open, Save, Revert, Close, the recent
    list, asking before unsaved changes are lost, autosave and crash recovery.
    """

    def __init__(
        self,
        settings: AppSettings,
        autosave_store: AutosaveStore,
        *,
        autosave_interval_ms: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.settings = settings
        self.autosave_store = autosave_store
        self._autosave_override = autosave_interval_ms
        self.document = Document(load_template("blank"), parent=self)
        self.view = MapEditorView(self.document)

        self.find_bar = FindBar(lambda: self.document, lambda: self.view, self)
        self.find_bar.hide()
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.view, 1)
        central_layout.addWidget(self.find_bar)
        self.setCentralWidget(central)

        self.palette_dock = PaletteDock(self)
        self.inspector_dock = InspectorDock(self.document, self)
        self.personas_dock = PersonasDock(self.document, self)
        self.inspector = self.inspector_dock.inspector
        self.personas = self.personas_dock.panel
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.palette_dock)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.personas_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector_dock)
        self.resizeDocks([self.palette_dock], [230], Qt.Orientation.Horizontal)
        self.resizeDocks([self.inspector_dock], [330], Qt.Orientation.Horizontal)

        self.workshop = WorkshopController(self)
        self.action_table = MainActions(self)
        self.exports = ExportRunner(self)
        self.printing = MapPrinting(
            lambda: self.document.journey, lambda: self.settings.paper_size, self
        )
        self.file_guard = FileGuard(self)
        self.versions = MapVersions(self)
        self.toolbar = build_toolbar(self, self.action_table)
        toggles = [
            self.toolbar.toggleViewAction(),
            self.palette_dock.toggleViewAction(),
            self.inspector_dock.toggleViewAction(),
            self.personas_dock.toggleViewAction(),
            self.workshop.dock.toggleViewAction(),
        ]
        build_menus(self, self.action_table, toggles)

        self.zoom_label = QLabel(self)
        self.count_label = QLabel(self)
        self.state_label = QLabel(self)
        for label in (self.state_label, self.count_label, self.zoom_label):
            self.statusBar().addPermanentWidget(label)
        self._zoom = 1.0
        self._show_zoom(1.0)

        session = autosave_store.open_session()
        self.autosaver = Autosaver(
            session,
            self._autosave_snapshot,
            self._autosave_interval(),
            self,
            prepare=self._commit_typing,
        )
        self._last_autosave: QDateTime | None = None
        self.autosaver.written.connect(self._autosaved)
        self.autosaver.failed.connect(
            lambda reason: self.statusBar().showMessage(
                self.tr("Autosave failed: {reason}").format(reason=printable(reason)), 10000
            )
        )

        self._connect()
        self.view.set_grid_density(settings.grid_density)
        self.setAcceptDrops(True)
        self.resize(1400, 880)
        geometry, state = settings.window_geometry(), settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        self._document_changed()
        self._selection_changed([])

    # ---------------------------------------------------------------- wiring

    @property
    def undo_action(self) -> QAction:
        """The Undo command (its text names the step it undoes)."""
        return self.action_table.by_id["undo"]

    @property
    def redo_action(self) -> QAction:
        """The Redo command."""
        return self.action_table.by_id["redo"]

    def _connect(self) -> None:
        view, doc = self.view, self.document
        self.action_table.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        view.context_menu_requested.connect(lambda request: show_context_menu(self, request))
        self.palette_dock.attach(view)
        # Queued: the stack reports a change while it is still inside push or undo (or
        # being destroyed with the window); the actions look at it once that is over.
        queued = Qt.ConnectionType.QueuedConnection
        doc.undo_stack.indexChanged.connect(self.action_table.state_changed, queued)
        doc.undo_stack.cleanChanged.connect(self.action_table.state_changed, queued)
        QApplication.clipboard().dataChanged.connect(self.action_table.state_changed)
        view.selection_changed.connect(self._selection_changed)
        view.zoom_changed.connect(self._show_zoom)
        self.personas.filter_changed.connect(lambda pid: self.view.set_persona_filter(pid))
        doc.changed.connect(self._document_changed)
        doc.changed.connect(self.autosaver.mark_changed)
        doc.changed.connect(self.find_bar.refresh)
        doc.modified_changed.connect(self._modified_changed)
        doc.path_changed.connect(lambda _path: self._update_title())
        view.map_scene.layout_progress.connect(self._show_layout_progress)

    def _autosave_interval(self) -> int:
        if self._autosave_override is not None:
            return self._autosave_override
        return round(self.settings.autosave_minutes * 60_000)

    # ---------------------------------------------------------------- state display

    _layout_message = ""
    """The last progress message of laying out (cleared when that is done)."""

    def _show_layout_progress(self, share: float) -> None:
        """Show how far laying out a big map (and routing its connectors) has come."""
        bar = self.statusBar()
        if share < 1.0:
            percent = round(share * 100)
            self._layout_message = self.tr("Laying out… {percent} %").format(percent=percent)
            bar.showMessage(self._layout_message)
        elif bar.currentMessage() == self._layout_message:
            bar.clearMessage()

    def _update_title(self) -> None:
        path = self.document.path
        if path is not None:
            name = path.name
        else:
            name = self.document.journey.title or self.tr("Untitled map")
        self.setWindowTitle(self.tr("{name}[*] — JourneyCanvas").format(name=printable(name)))
        self.setWindowFilePath(str(path) if path is not None else "")
        self.setWindowModified(self.document.modified)

    def _document_changed(self) -> None:
        self._update_title()
        count = len(self.document.journey.cards)
        self.count_label.setText(self.tr("{count} cards").format(count=count))
        self._modified_changed(self.document.modified)

    def _modified_changed(self, modified: bool) -> None:
        self.setWindowModified(modified)
        self.action_table.refresh()
        if not modified:
            self.autosaver.session.clear()
            self._last_autosave = None
        self._show_state()

    def _show_state(self) -> None:
        if not self.document.modified:
            text = self.tr("Saved") if self.document.path is not None else self.tr("Not saved yet")
        elif self._last_autosave is not None:
            text = self.tr("Unsaved changes (autosaved {time})").format(
                time=self._last_autosave.toString("HH:mm")
            )
        else:
            text = self.tr("Unsaved changes")
        self.state_label.setText(text)

    def _show_zoom(self, zoom: float) -> None:
        self._zoom = zoom
        self.zoom_label.setText(self.tr("{percent} %").format(percent=round(zoom * 100)))

    def _autosaved(self, _path: Path) -> None:
        self._last_autosave = QDateTime.currentDateTime()
        self._show_state()

    def _selection_changed(self, ids: list[str]) -> None:
        self.inspector.set_selection(ids)
        self.action_table.refresh()

    def _raise_dock(self, dock: QWidget) -> None:
        dock.show()
        dock.raise_()

    def show_map_details(self) -> None:
        """Show the map's own properties in the inspector (nothing selected)."""
        self.view.select_ids([])
        self._raise_dock(self.inspector_dock)
        self.inspector.map_page.title.setFocus()

    def add_persona(self) -> None:
        """Show the personas panel and add a persona there."""
        self._raise_dock(self.personas_dock)
        self.personas.add_persona()

    def show_personas(self) -> None:
        """Show the personas panel."""
        self._raise_dock(self.personas_dock)

    def toggle_full_screen(self) -> None:
        """Switch between full screen and a normal window."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def show_shortcuts(self) -> None:
        """Show the keyboard-shortcut sheet."""
        ShortcutSheet(self.action_table, self).exec()

    def show_about(self) -> None:
        """Show the About box."""
        show_about(self)

    # ---------------------------------------------------------------- files

    def _commit_typing(self) -> None:
        # Autosave's tick: half-typed text in the inspector and on the canvas becomes an
        # edit; the canvas's text box stays open (closing it under the user's fingers
        # would hurt) and what is typed next joins the same undo step.
        self.inspector.commit_pending()
        self.view.commit_pending_text()

    def _finish_editing(self) -> None:
        """Before saving or replacing the map: text being typed anywhere goes into it."""
        self.view.finish_editing()
        self.inspector.commit_pending()

    def _display_name(self) -> str:
        path = self.document.path
        return (
            path.name
            if path is not None
            else (self.document.journey.title or self.tr("Untitled map"))
        )

    def maybe_save(self) -> bool:
        """Before the map is replaced or closed: True when it may go (saved or discarded)."""
        self._finish_editing()
        if not self.document.modified:
            return True
        answer = QMessageBox.warning(
            self,
            self.tr("Unsaved changes"),
            self.tr("“{name}” has changes that are not saved. Save them first?").format(
                name=printable(self._display_name())
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def set_map(
        self, journey: JourneyMap, path: Path | None, disk: DiskVersion | None = None
    ) -> None:
        """Show `journey` (loaded from `path`, or new when None) with a fresh undo history;
        `disk` is the version of the file it was read from."""
        self.document.set_map(journey, path, disk)
        self.autosaver.session.clear()
        self._last_autosave = None
        QTimer.singleShot(0, lambda: self.view.frame_map())  # once the window has its size
        self._document_changed()

    def new_map(self) -> bool:
        """Choose a template and start a new map from it (asks about unsaved changes)."""
        chooser = TemplateChooser(self)
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return False
        journey = chooser.chosen_map()
        if journey is None or not self.maybe_save():
            return False
        self.set_map(journey, None)
        return True

    def open_dialog(self) -> bool:
        """Ask for a map file and open it."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open map"), self._start_folder(), map_file_filter()
        )
        return bool(path) and self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Open the map at `path`. If it does not load, say why; the open map stays as it is."""
        path = Path(path).absolute()
        try:
            journey, disk = read_version(path)
        except JourneyFileError as exc:
            QMessageBox.critical(self, self.tr("Cannot open map"), str(exc))
            return False
        if not self.file_guard.may_open(path) or not self.maybe_save():
            return False
        self.set_map(journey, path, disk)
        self.file_guard.offer_conflict_copies()
        self.settings.add_recent_file(path)
        self.statusBar().showMessage(
            self.tr("Opened {path}").format(path=printable(str(path))), 5000
        )
        return True

    def save(self) -> bool:
        """Save to the map's file (asking for one if it has none). True when saved."""
        self._finish_editing()
        if self.document.path is None:
            return self.save_as()
        return self._write(self.document.path)

    def save_as(self) -> bool:
        """Ask for a file name and save the map there. True when saved."""
        self._finish_editing()
        suggested = self.document.path or Path(self._start_folder()) / (
            _file_stem(self.document.journey.title) + MAP_SUFFIX
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save map as"), str(suggested), map_file_filter()
        )
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != MAP_SUFFIX:
            target = target.with_name(target.name + MAP_SUFFIX)
        return self._write(target.absolute())

    def _write(self, path: Path) -> bool:
        verdict = self.file_guard.before_write(path)
        if verdict is not None:
            return verdict
        try:
            self.document.save(path)
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            QMessageBox.critical(
                self,
                self.tr("Cannot save map"),
                self.tr(
                    "The map could not be saved to {path}:\n{reason}\n\n"
                    "Your changes are still here; try another place with Save As."
                ).format(path=printable(str(_refused(path, exc))), reason=printable(reason)),
            )
            return False
        self.settings.add_recent_file(path)
        self.autosaver.session.clear()
        self._document_changed()
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 5000)
        return True

    def revert(self) -> bool:
        """Throw away the unsaved changes and read the file again (after asking)."""
        path = self.document.path
        if path is None or not self.document.modified:
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Revert"),
            self.tr("Throw away all changes since “{name}” was last saved?").format(
                name=printable(path.name)
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Discard:
            return False
        try:
            journey, disk = read_version(path)
        except JourneyFileError as exc:
            QMessageBox.critical(self, self.tr("Cannot revert"), str(exc))
            return False
        self.set_map(journey, path, disk)
        return True

    def close_map(self) -> bool:
        """Close the map (asking about unsaved changes) and start an empty one."""
        if not self.maybe_save():
            return False
        self.set_map(load_template("blank"), None)
        self.settings.last_map = ""
        return True

    def _start_folder(self) -> str:
        if self.document.path is not None:
            return str(self.document.path.parent)
        recent = self.settings.recent_files
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def _fill_recent_menu(self) -> None:
        menu = self.action_table.recent_menu
        menu.clear()
        recent = self.settings.existing_recent_files()  # moved or deleted maps drop out
        for number, name in enumerate(recent, start=1):
            label = f"&{number} {Path(name).name}" if number < 10 else Path(name).name
            action = menu.addAction(label)
            action.setStatusTip(name)
            action.setToolTip(name)
            action.triggered.connect(lambda _checked=False, n=name: self.open_path(n))
        if recent:
            menu.addSeparator()
            menu.addAction(self.tr("Clear Menu"), self.settings.clear_recent_files)
        else:
            menu.addAction(self.tr("No recent maps")).setEnabled(False)

    # ---------------------------------------------------------------- export and print

    def export_dialog(self) -> bool:
        """Choose how to export the map and where, then export it. True when exported."""
        self._finish_editing()
        suggested = self.document.path or Path(self._start_folder()) / (
            _file_stem(self.document.journey.title) + MAP_SUFFIX
        )
        dialog = ExportDialog(
            self.document.journey, self.settings.paper_size, suggested.with_suffix(""), self
        )
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        path, choice = dialog.path, dialog.choice()
        dialog.deleteLater()
        if not accepted or path is None:
            return False
        self._remember_export(choice)
        return self.export_to(path, choice)

    def _remember_export(self, choice: ExportChoice) -> None:
        # Remembered for the next save, without an undo step or marking the map modified.
        self.document.remember_export_settings(choice.settings())

    def export_to(self, path: Path, choice: ExportChoice) -> bool:
        """Export the map to `path` as `choice` says, with progress; True when written."""
        try:
            result = self.exports.run(self.document.journey, path, choice, self._display_name())
        except (ExportError, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            QMessageBox.warning(
                self,
                self.tr("Export failed"),
                self.tr("{name} could not be exported: {reason}.").format(
                    name=printable(path.name), reason=printable(reason.rstrip("."))
                ),
            )
            return False
        if result is None:
            self.statusBar().showMessage(self.tr("Export cancelled; no file was written."), 5000)
            return False
        if result.pages > 1:
            message = self.tr("Exported {pages} pages to {path}").format(
                pages=result.pages, path=printable(str(path))
            )
        else:
            message = self.tr("Exported {path}").format(path=printable(str(path)))
        self.statusBar().showMessage(message, 8000)
        return True

    def print_map(self) -> bool:
        """Print the map through the print dialog. True when printed."""
        self._finish_editing()
        try:
            pages = self.printing.print_map()
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Printing failed"),
                self.tr("The map could not be printed: {reason}.").format(reason=exc),
            )
            return False
        if pages:
            self.statusBar().showMessage(
                self.tr("Sent {pages} pages to the printer").format(pages=pages)
                if pages > 1
                else self.tr("Sent the map to the printer"),
                5000,
            )
        return pages > 0

    def print_preview(self) -> None:
        """Show the printed pages in a preview window, from which they can be printed."""
        self._finish_editing()
        self.printing.preview()

    # ---------------------------------------------------------------- autosave and recovery

    def _autosave_snapshot(self) -> tuple[str, str | None, str] | None:
        if not self.document.modified:
            return None
        path = self.document.path
        return (
            dumps_map(self.document.journey),
            str(path) if path is not None else None,
            self.document.journey.title,
        )

    def autosave_now(self) -> bool:
        """Write the autosave at once (after an unexpected error). True when written."""
        try:
            self._finish_editing()
        finally:
            written = self.autosaver.save_now()
        return written is not None

    def offer_recovery(self) -> bool:
        """Offer every map a crashed editor left behind; True when one was restored."""
        restored = False
        for entry in self.autosave_store.leftovers():
            choice = ask_restore(self, entry)
            if choice is RecoveryChoice.RESTORE:
                restored = self.restore(entry) or restored
            elif choice is RecoveryChoice.DISCARD:
                entry.discard()
            else:
                entry.lock.unlock()
        return restored

    def restore(self, entry: AutosaveEntry) -> bool:
        """Open an autosaved map as the unsaved changes of its original file."""
        try:
            journey = entry.load()
        except JourneyFileError as exc:
            QMessageBox.critical(self, self.tr("Cannot restore"), str(exc))
            entry.lock.unlock()
            return False
        if not self.maybe_save():
            entry.lock.unlock()
            return False
        original = Path(entry.original_path) if entry.original_path else None
        self.set_map(journey, original)
        self.file_guard.restored(entry.map_path)
        self.document.undo_stack.resetClean()
        # Our own copy first; only then can the old one go (else it is offered again).
        if self.autosaver.save_now() is not None:
            entry.discard()
        else:
            entry.lock.unlock()
        self.statusBar().showMessage(self.tr("Restored unsaved work; save it to keep it."))
        return True

    # ---------------------------------------------------------------- preferences

    def edit_preferences(self) -> None:
        """Show the Preferences dialog and apply what changed."""
        if PreferencesDialog(self.settings, self).exec() == QDialog.DialogCode.Accepted:
            self.autosaver.set_interval(self._autosave_interval())
            self.view.set_grid_density(self.settings.grid_density)
            follow_language_setting(self)

    # ---------------------------------------------------------------- Qt events

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept a dragged .journey file."""
        if _dropped_map(event) is not None:
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """Open a dropped .journey file."""
        path = _dropped_map(event)
        if path is None:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.open_path(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask about unsaved changes; remember the window and the map; clean up the autosave."""
        if not self.workshop.may_close() or not self.maybe_save():
            event.ignore()
            return
        self.settings.save_window(self.saveGeometry(), self.saveState())
        path = self.document.path
        self.settings.last_map = str(path) if path is not None else ""
        self.settings.mark_run()
        self.settings.sync()
        self.autosaver.stop()
        self.autosaver.session.close()
        self.file_guard.release()
        event.accept()


def _dropped_map(event: QDragEnterEvent | QDropEvent) -> Path | None:
    data = event.mimeData()
    if not data.hasUrls():
        return None
    for url in data.urls():
        if url.isLocalFile() and url.toLocalFile().lower().endswith(MAP_SUFFIX):
            return Path(url.toLocalFile())
    return None


def _file_stem(title: str) -> str:
    """A file name made from a map title: no path separators or control characters."""
    cleaned = "".join(ch for ch in title if ch.isprintable() and ch not in '\\/:*?"<>|').strip()
    return cleaned[:80] or QApplication.translate("MainWindow", "Untitled map")


def _refused(path: Path, error: Exception) -> Path:
    """The file a failed save of `path` names: the map's own, or its backup's when that
    is what the system refused (a folder of that name in the way, say)."""
    if isinstance(error, OSError) and error.filename is not None:
        backup = backup_path(os.path.realpath(path))
        if Path(os.fsdecode(error.filename)) == backup:
            return backup
    return path
