"""Versions of a map side by side: Compare with…, Export Comparison…, Save as To-Be…,
Take Snapshot. The main window's handlers for those actions."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from journeycanvas.io import JourneyFileError, load_map, save_map
from journeycanvas.io.errors import printable
from journeycanvas.merge.compare import compare_maps
from journeycanvas.merge.compare_report import report_path_for, write_comparison_pdf
from journeycanvas.model.entities import AsIsLink
from journeycanvas.model.ids import new_id
from journeycanvas.ui.compare_panel import CompareDock

if TYPE_CHECKING:
    from journeycanvas.ui.main_window import MainWindow

SNAPSHOT_STAMP = "%Y-%m-%dT%H-%M"


def snapshot_folder(path: Path) -> Path:
    """Where the dated snapshots of the map at `path` are kept: ``NAME.snapshots/``."""
    return path.with_name(path.stem + ".snapshots")


class MapVersions(QObject):
    """Compare, to-be and snapshots for one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dock = CompareDock(window.view, window)
        self.panel = self.dock.panel
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.panel.export_requested.connect(self.export_comparison)
        window.document.reset.connect(self._map_replaced)
        window.document.path_changed.connect(lambda _path: self.panel.clear())
        self._other: Path | None = None

    def _map_replaced(self) -> None:
        if self.panel.comparison is not None and self._other is not None:
            self.compare_with(self._other)  # the open map changed as a whole: compare again

    def _folder(self) -> str:
        path = self.window.document.path
        if path is None:
            return str(Path.home())
        snapshots = snapshot_folder(path)
        return str(snapshots if snapshots.is_dir() else path.parent)

    def choose_and_compare(self) -> bool:
        """Ask for another version (a map, its ``.bak``, a snapshot) and compare."""
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Compare with"),
            self._folder(),
            self.tr("Maps, backups and snapshots (*.journey *.journey.bak);;All files (*)"),
        )
        return bool(name) and self.compare_with(Path(name))

    def compare_with(self, other: Path) -> bool:
        """Compare the open map with the map at `other` (older: before)."""
        try:
            before = load_map(other)
        except JourneyFileError as exc:
            QMessageBox.critical(self.window, self.tr("Cannot compare"), str(exc))
            return False
        self._other = other
        comparison = compare_maps(before, self.window.document.journey)
        self.panel.show_comparison(comparison, other)
        self.dock.show()
        self.dock.raise_()
        return True

    def export_comparison(self) -> bool:
        """Write the comparison shown as a PDF report (asks where)."""
        comparison = self.panel.comparison
        if comparison is None:
            if not self.choose_and_compare():
                return False
            comparison = self.panel.comparison
        assert comparison is not None
        own = self.window.document.path or Path(self._folder()) / "map.journey"
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export comparison"),
            str(report_path_for(own)),
            self.tr("PDF (*.pdf)"),
        )
        if not name:
            return False
        target = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
        try:
            pages = write_comparison_pdf(comparison, target, self.panel.other_name, own.name)
        except OSError as exc:
            QMessageBox.warning(
                self.window,
                self.tr("Export failed"),
                self.tr("{name} could not be written: {reason}.").format(
                    name=printable(target.name), reason=printable(exc.strerror or str(exc))
                ),
            )
            return False
        self.window.statusBar().showMessage(
            self.tr("Exported the comparison ({pages} pages) to {path}").format(
                pages=pages, path=printable(str(target))
            ),
            8000,
        )
        return True

    def save_as_to_be(self) -> bool:
        """Duplicate the map into a new file linked to it as its as-is, and open that."""
        window = self.window
        source = window.document.path
        if source is None or window.document.modified:
            QMessageBox.information(
                window,
                self.tr("Save as To-Be"),
                self.tr("Save the as-is map first; the to-be map links to its file."),
            )
            return False
        suggested = source.with_name(source.stem + " (to-be).journey")
        name, _ = QFileDialog.getSaveFileName(
            window, self.tr("Save as To-Be"), str(suggested), self.tr("Journey maps (*.journey)")
        )
        if not name:
            return False
        target = Path(name) if name.endswith(".journey") else Path(name + ".journey")
        as_is = window.document.journey
        to_be = as_is.model_copy(deep=True)
        to_be.id = new_id("m")
        to_be.title = self.tr("{title} (to-be)").format(title=as_is.title).strip()
        to_be.as_is = AsIsLink(path=_link(source, target), id=as_is.id, title=as_is.title)
        try:
            save_map(to_be, target)
        except (OSError, ValueError) as exc:
            QMessageBox.critical(window, self.tr("Cannot save map"), str(exc))
            return False
        return window.open_path(target)

    def take_snapshot(self) -> Path | None:
        """Keep a dated copy of the map as it is now beside its file; returns its path."""
        window = self.window
        path = window.document.path
        if path is None:
            QMessageBox.information(
                window, self.tr("Take Snapshot"), self.tr("Save the map first.")
            )
            return None
        folder = snapshot_folder(path)
        target = folder / (datetime.now().strftime(SNAPSHOT_STAMP) + ".journey")
        try:
            folder.mkdir(exist_ok=True)
            save_map(window.document.journey, target, backup=False)
        except (OSError, ValueError) as exc:
            QMessageBox.critical(window, self.tr("Cannot take snapshot"), str(exc))
            return None
        window.statusBar().showMessage(
            self.tr("Snapshot kept as {path}").format(path=printable(str(target))), 8000
        )
        return target


def _link(as_is: Path, to_be: Path) -> str:
    """The as-is file as the to-be map names it: relative when they share a folder tree."""
    try:
        return os.path.relpath(as_is, to_be.parent)
    except ValueError:  # another drive
        return str(as_is)
