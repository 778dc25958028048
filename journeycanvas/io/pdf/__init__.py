"""Printing a journey map with ReportLab, without Qt and without a display.

``export_pdf(journey, "map.pdf", ExportOptions(paper="A1"))`` writes a poster; tiles,
a blank workshop canvas and handouts are chosen with `ExportOptions` (``tile="a4"``,
``blank=True``, ``handouts="stage"``). ``plan_pdf`` tells, without writing anything, what
a poster, tiled poster or blank canvas export will print: its page, scale and sheets.
"""

from journeycanvas.io.pdf.exporter import export_pdf
from journeycanvas.io.pdf.options import (
    ExportCancelled,
    ExportError,
    ExportHint,
    ExportOptions,
    ExportResult,
)
from journeycanvas.io.pdf.paper import PAPER_SIZES, Paper, TileGrid, parse_paper, tile_grid
from journeycanvas.io.pdf.planning import PdfPlan, plan_pdf
from journeycanvas.io.pdf.progress import Cancel, Progress

__all__ = [
    "PAPER_SIZES",
    "Cancel",
    "ExportCancelled",
    "ExportError",
    "ExportHint",
    "ExportOptions",
    "ExportResult",
    "Paper",
    "PdfPlan",
    "Progress",
    "TileGrid",
    "export_pdf",
    "parse_paper",
    "plan_pdf",
    "tile_grid",
]
