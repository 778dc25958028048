"""File → Print…: the map printed through Qt, into a PDF file standing in for a printer."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Dialogs
from pypdf import PdfReader
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

from journeycanvas.io.templates import load_template
from journeycanvas.layout import layout_journey
from journeycanvas.ui.main_window import MainWindow
from journeycanvas.ui.printing import PrintMode, PrintModeTab, page_grid, paint_map

PT_PER_MM = 72 / 25.4


def pdf_printer(path: Path, size: QPageSize.PageSizeId = QPageSize.PageSizeId.A4) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(size))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    return printer


def page_size_mm(reader: PdfReader, index: int = 0) -> tuple[float, float]:
    box = reader.pages[index].mediabox
    return float(box.width) / PT_PER_MM, float(box.height) / PT_PER_MM


def test_fitted_print_is_one_non_empty_page(qapp: object, tmp_path: Path) -> None:
    target = tmp_path / "fit.pdf"
    assert paint_map(load_template("hourglass"), pdf_printer(target), PrintMode.FIT) == 1
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    assert page_size_mm(reader) == pytest.approx((297, 210), abs=0.5)
    assert target.stat().st_size > 5_000  # the drawn map, not an empty page


def test_true_size_print_covers_the_map_with_pages(qapp: object, tmp_path: Path) -> None:
    target = tmp_path / "tiles.pdf"
    printer = pdf_printer(target)
    journey = load_template("hourglass")
    printed = paint_map(journey, printer, PrintMode.TRUE_SIZE)
    paint = printer.pageLayout().paintRect(QPageLayout.Unit.Millimeter)
    layout = layout_journey(journey)
    cols, rows = page_grid(layout.width, layout.height, paint.width(), paint.height())
    assert printed == cols * rows > 1
    assert len(PdfReader(target).pages) == printed


def test_page_grid_counts_whole_pages() -> None:
    assert page_grid(100, 100, 100, 100) == (1, 1)
    assert page_grid(100.5, 100, 100, 100) == (2, 1)
    assert page_grid(450, 250, 200, 100) == (3, 3)


def test_print_action_prints_through_the_print_dialog(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window.set_map(load_template("hourglass"), None)
    target = tmp_path / "printed.pdf"
    printer = window.printing.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    seen: list[QPrintDialog] = []

    def accept_at_true_size(dialog: QPrintDialog) -> int:
        seen.append(dialog)
        tab = dialog.findChild(PrintModeTab)
        assert tab is not None
        tab.true_size.setChecked(True)
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept_at_true_size)
    window.action_table.print_map.trigger()

    assert seen
    assert len(PdfReader(target).pages) > 1
    assert window.printing.mode is PrintMode.TRUE_SIZE
    assert "pages" in window.statusBar().currentMessage()


def test_new_printer_uses_the_preferred_paper(window: MainWindow) -> None:
    window.settings.paper_size = "A3"
    size = window.printing.printer().pageLayout().pageSize()
    assert size.id() == QPageSize.PageSizeId.A3


def test_cancelled_print_dialog_prints_nothing(
    window: MainWindow, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "never.pdf"
    printer = window.printing.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    monkeypatch.setattr(QPrintDialog, "exec", lambda _dialog: QPrintDialog.DialogCode.Rejected)
    window.action_table.print_map.trigger()
    assert not target.exists()
    assert dialogs.shown == []


def test_unwritable_print_file_is_reported(
    window: MainWindow, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    printer = window.printing.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "missing" / "out.pdf"))
    monkeypatch.setattr(QPrintDialog, "exec", lambda _dialog: QPrintDialog.DialogCode.Accepted)
    window.action_table.print_map.trigger()
    assert [(kind, title) for kind, title, _text in dialogs.shown] == [
        ("warning", "Printing failed")
    ]


def test_print_preview_draws_the_pages_it_shows(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window.set_map(load_template("hourglass"), None)
    target = tmp_path / "preview.pdf"

    def draw_into_a_file(dialog: QPrintPreviewDialog) -> int:
        dialog.paintRequested.emit(pdf_printer(target))
        return QPrintPreviewDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintPreviewDialog, "exec", draw_into_a_file)
    window.action_table.print_preview.trigger()
    assert len(PdfReader(target).pages) == 1
