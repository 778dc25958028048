"""File → Print…: the map through Qt's print dialog, fitted to one page or at true size over
several, with an optional print preview.

The pages are drawn by the canvas's own items (a fresh scene of a copy of the map, so the
editor's selection and highlights do not print).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QObject, QRectF, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QButtonGroup, QRadioButton, QVBoxLayout, QWidget

from journeycanvas.canvas.scene import MapScene
from journeycanvas.document import Document
from journeycanvas.io.pdf.options import ExportError
from journeycanvas.io.pdf.paper import parse_paper
from journeycanvas.model.entities import JourneyMap

MM_PER_INCH = 25.4


def page_size(paper_name: str) -> QPageSize:
    """The Qt page size of a paper of the export's paper table (A4 when it is unknown)."""
    try:
        paper = parse_paper(paper_name)
    except ExportError:
        paper = parse_paper("A4")
    size = QSizeF(paper.width, paper.height)
    # Fuzzy: a table size within a fraction of a millimetre is Qt's standard page of it.
    match = QPageSize.SizeMatchPolicy.FuzzyMatch
    return QPageSize(size, QPageSize.Unit.Millimeter, "", match)


class PrintMode(Enum):
    """How the map goes onto paper."""

    FIT = "fit"
    """The whole map on one page, as large as the page allows."""
    TRUE_SIZE = "true_size"
    """One map millimetre on one paper millimetre, over as many pages as that takes."""


def page_grid(map_w: float, map_h: float, page_w: float, page_h: float) -> tuple[int, int]:
    """Columns and rows of pages that hold a `map_w` × `map_h` mm map at true size."""
    return max(1, math.ceil(map_w / page_w - 1e-9)), max(1, math.ceil(map_h / page_h - 1e-9))


def paint_map(journey: JourneyMap, printer: QPrinter, mode: PrintMode = PrintMode.FIT) -> int:
    """Print `journey` on `printer` (which must not be painting yet); returns the pages
    printed. With a page range chosen in the print dialog, only those pages are printed.

    Raises OSError when the printer cannot be started (e.g. an unwritable PDF file).
    """
    document = Document(journey.model_copy(deep=True))
    scene = MapScene(document)
    layout = scene.layout
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    page = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
    page.moveTo(0, 0)  # the painter starts at the printable area's corner
    area = QRectF(0, 0, layout.width, layout.height)
    try:
        if mode is PrintMode.FIT:
            scene.render(painter, page, area, Qt.AspectRatioMode.KeepAspectRatio)
            return 1
        return _paint_tiles(scene, painter, printer, page, area)
    finally:
        painter.end()
        del scene, document


def _paint_tiles(
    scene: MapScene, painter: QPainter, printer: QPrinter, page: QRectF, area: QRectF
) -> int:
    px_per_mm = printer.resolution() / MM_PER_INCH
    tile_w, tile_h = page.width() / px_per_mm, page.height() / px_per_mm
    cols, rows = page_grid(area.width(), area.height(), tile_w, tile_h)
    first, last = 1, cols * rows
    if printer.printRange() == QAbstractPrintDialog.PrintRange.PageRange:
        first, last = max(first, printer.fromPage()), min(last, printer.toPage() or last)
    printed = 0
    for number in range(first, last + 1):
        row, col = divmod(number - 1, cols)
        x, y = col * tile_w, row * tile_h
        source = QRectF(x, y, min(tile_w, area.width() - x), min(tile_h, area.height() - y))
        target = QRectF(0, 0, source.width() * px_per_mm, source.height() * px_per_mm)
        if printed:
            printer.newPage()
        scene.render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)
        printed += 1
    return printed


class PrintModeTab(QWidget):
    """The "Map" tab added to the print dialog: fit on one page or print at true size."""

    def __init__(self, mode: PrintMode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Map"))
        self.fit = QRadioButton(self.tr("Fit the whole map on one page"), self)
        self.true_size = QRadioButton(
            self.tr("Print at true size over several pages, to tape together"), self
        )
        group = QButtonGroup(self)
        group.addButton(self.fit)
        group.addButton(self.true_size)
        (self.fit if mode is PrintMode.FIT else self.true_size).setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fit)
        layout.addWidget(self.true_size)
        layout.addStretch(1)

    @property
    def mode(self) -> PrintMode:
        """The mode chosen."""
        return PrintMode.FIT if self.fit.isChecked() else PrintMode.TRUE_SIZE


class MapPrinting(QObject):
    """Print and print preview for the main window; remembers the printer and the mode
    for the session. The page size starts from the preferences' paper size."""

    def __init__(
        self,
        journey: Callable[[], JourneyMap],
        paper_size: Callable[[], str],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._journey = journey
        self._paper_size = paper_size
        self._parent = parent
        self._printer: QPrinter | None = None
        self.mode = PrintMode.FIT

    def printer(self) -> QPrinter:
        """The session's printer, set up on first use for the paper and the map's shape."""
        if self._printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setPageSize(page_size(self._paper_size()))
            printer.setPageOrientation(QPageLayout.Orientation.Landscape)
            printer.setDocName(self._journey().title or self.tr("Journey map"))
            self._printer = printer
        return self._printer

    def print_map(self) -> int:
        """Ask with the print dialog, then print; returns the pages printed (0: not printed).

        Raises OSError when the printer cannot be started.
        """
        printer = self.printer()
        dialog = QPrintDialog(printer, self._parent)
        dialog.setWindowTitle(self.tr("Print map"))
        tab = PrintModeTab(self.mode)
        dialog.setOptionTabs([tab])
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return 0
        self.mode = tab.mode
        return paint_map(self._journey(), printer, self.mode)

    def preview(self) -> None:
        """Show the print preview; printing from it uses the current mode."""
        dialog = QPrintPreviewDialog(self.printer(), self._parent)
        dialog.setWindowTitle(self.tr("Print preview"))
        dialog.paintRequested.connect(
            lambda printer: paint_map(self._journey(), printer, self.mode)
        )
        dialog.exec()
