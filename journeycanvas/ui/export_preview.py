"""The Export dialog's live preview: what the first page will look like, and how many pages
the export makes.

There is no PDF renderer in PySide6-Essentials, so the preview is drawn, not rendered from
the PDF: the paper's rectangle, the title block and legend as bands, the map as a picture
made by the canvas renderer, and the sheet grid of a tiled poster. The geometry and the
page count of posters, tiles and blank canvases come from the PDF exporter's own planning
(`plan_pdf`); the page count of handouts, and the start of a CSV or Markdown export, from
a dry run of the exporter into a temporary folder. Either way it is what the export will
make. Planning runs in a worker thread, so a 20,000-card map does not freeze the dialog.
"""

from __future__ import annotations

import tempfile
import threading
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QThread, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from journeycanvas.io.export import export_map
from journeycanvas.io.export_formats import HANDOUTS, PAGES, PICTURE, TEXT
from journeycanvas.io.pdf import (
    ExportCancelled,
    ExportError,
    ExportOptions,
    Paper,
    TileGrid,
    plan_pdf,
)
from journeycanvas.io.pdf.filtering import find_persona, only_persona
from journeycanvas.io.pdf.handouts import handout_paper
from journeycanvas.io.pdf.legibility import Finding, legibility_findings
from journeycanvas.io.pdf.paper import PAPER_SIZES
from journeycanvas.io.pdf.poster import PosterPlan
from journeycanvas.io.pdf.progress import Cancel
from journeycanvas.layout import DEFAULT_STYLE, MM_PER_PT, JourneyLayout, Rect, layout_journey
from journeycanvas.model.entities import JourneyMap, Persona, Stage
from journeycanvas.text import default_font_set
from journeycanvas.ui.export_choice import ExportChoice

TEXT_LINES = 40
"""Lines of a CSV or Markdown export shown in the preview."""

SKIPPED_BRUSH = QBrush(QColor("#90a4ae"), Qt.BrushStyle.BDiagPattern)
"""How the preview shows a blank tile the export leaves out."""

Box = tuple[float, float, float, float]
"""x, y, width, height in mm."""


@dataclass(frozen=True, slots=True)
class PreviewPlan:
    """What the first page of an export looks like and how many pages it has.

    `page` is the first page's (or the picture's) size in mm, `paper` that page as the
    exporter names it; `map_box` is where the map sits on it, `bands` the title block and
    legend. A tiled poster shows the poster as `page` with `grid` (its sheets) over it.
    `error` is the exporter's reason when these settings cannot be exported; `findings`
    what the legibility guard warns about; `printed` the map as the poster prints it (a
    full cell's other cards moved to the appendix); `grid_layout` a blank canvas's grid.
    """

    choice: ExportChoice
    pages: int = 0
    page: tuple[float, float] = (0.0, 0.0)
    map_box: Box = (0.0, 0.0, 0.0, 0.0)
    bands: tuple[Box, ...] = ()
    title: str = ""
    grid: TileGrid | None = None
    scale: float | None = None
    paper: Paper | None = None
    map_size: tuple[float, float] = (0.0, 0.0)
    heading: str = ""
    heading_color: str = "#4f81bd"
    cards: int = 0
    text: str = ""
    error: str = ""
    findings: tuple[Finding, ...] = ()
    printed: JourneyMap | None = None
    grid_layout: JourneyLayout | None = None


def plan_preview(
    journey: JourneyMap, choice: ExportChoice, cancel: Cancel | None = None
) -> PreviewPlan:
    """The preview of exporting `journey` as `choice`.

    Raises ExportCancelled when `cancel` says so; an export that cannot work gives a plan
    with its `error`.
    """
    try:
        options = choice.options().checked()
        shown = journey
        if options.persona:
            shown = only_persona(journey, find_persona(journey, options.persona))
        preview = choice.format.preview
        if preview == PICTURE:
            return _picture(shown, choice)
        if preview == PAGES:
            return _poster(journey, shown, choice, options, cancel)
        if preview == HANDOUTS:
            plan = _handout(journey, shown, choice, options)
        else:
            plan = _text(shown, choice)
        pages, text = _dry_run(journey, choice, options, cancel)
        return replace(plan, pages=pages, text=text)
    except ExportError as exc:
        return PreviewPlan(choice, error=str(exc))
    except OSError as exc:
        return PreviewPlan(choice, error=exc.strerror or str(exc))


def _picture(shown: JourneyMap, choice: ExportChoice) -> PreviewPlan:
    layout = layout_journey(shown, DEFAULT_STYLE, default_font_set())
    size = (layout.width, layout.height)
    return PreviewPlan(choice, 1, size, (0.0, 0.0, *size), map_size=size, cards=len(shown.cards))


def _text(shown: JourneyMap, choice: ExportChoice) -> PreviewPlan:
    return PreviewPlan(choice, page=PAPER_SIZES["A4"], cards=len(shown.cards))


def _handout(
    journey: JourneyMap, shown: JourneyMap, choice: ExportChoice, options: ExportOptions
) -> PreviewPlan:
    """The first handout page: its section's heading."""
    sections: list[Stage] | list[Persona]
    if options.handouts == "stage":
        sections = shown.stages
    elif options.persona:
        sections = [find_persona(journey, options.persona)]
    else:
        sections = journey.personas
    first = sections[0] if sections else None
    paper = handout_paper(options)
    return PreviewPlan(
        choice,
        page=(paper.width, paper.height),
        heading=first.name if first is not None else "",
        heading_color=first.color if first is not None else "#4f81bd",
        paper=paper,
        cards=len(shown.cards),
    )


def _poster(
    journey: JourneyMap,
    shown: JourneyMap,
    choice: ExportChoice,
    options: ExportOptions,
    cancel: Cancel | None,
) -> PreviewPlan:
    """A poster, tiled poster or blank canvas, as the exporter plans it."""
    planned = plan_pdf(journey, options, default_font_set(), cancel)
    plan, layout = planned.poster, planned.layout
    return PreviewPlan(
        choice,
        pages=planned.pages,
        page=(plan.page.width, plan.page.height),
        map_box=(plan.map_x, plan.map_y, layout.width * plan.scale, layout.height * plan.scale),
        bands=_bands(plan, layout.height),
        title=plan.info.title,
        grid=planned.grid,
        scale=plan.scale,
        paper=plan.page,
        map_size=(layout.width, layout.height),
        cards=len(shown.cards),
        findings=legibility_findings(planned, options.paper),
        printed=planned.journey,
        grid_layout=layout if options.blank else None,
    )


def _bands(plan: PosterPlan, map_height: float) -> tuple[Box, ...]:
    margin = plan.chrome.margin
    width = plan.page.width - 2 * margin
    legend_y = plan.map_y + map_height * plan.scale + plan.chrome.gap
    return (
        (margin, plan.top, width, plan.header_height),
        (margin, legend_y, width, plan.legend_height),
    )


def _dry_run(
    journey: JourneyMap, choice: ExportChoice, options: ExportOptions, cancel: Cancel | None
) -> tuple[int, str]:
    """Export into a temporary folder: the page count, and the start of a text export."""
    with tempfile.TemporaryDirectory(prefix="journeycanvas-preview-") as folder:
        path = Path(folder) / f"preview{choice.suffix}"
        result = export_map(journey, path, options, cancel=cancel)
        if choice.format.preview != TEXT:
            return result.pages, ""
        with path.open(encoding="utf-8-sig") as stream:
            return result.pages, "".join(islice(stream, TEXT_LINES))


class PlanWorker(QThread):
    """Plans previews one after another off the UI thread; a newer request cancels the
    one being planned. `planned` carries each finished PreviewPlan."""

    planned = Signal(object)

    def __init__(self, journey: JourneyMap, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._journey = journey
        self._lock = threading.Lock()
        self._wanted: ExportChoice | None = None
        self._busy = False

    def request(self, choice: ExportChoice) -> None:
        """Plan `choice` next (dropping any request not started yet)."""
        with self._lock:
            self._wanted = choice
            if self._busy:
                return
            self._busy = True
        self.wait()  # a previous run may still be returning
        self.start()

    def stop(self) -> None:
        """Stop planning and wait for the thread to end."""
        with self._lock:
            self._wanted = None
        self.requestInterruption()
        self.wait()

    def _superseded(self) -> bool:
        return self._wanted is not None or self.isInterruptionRequested()

    def run(self) -> None:
        """Plan the wanted choices until none is left."""
        while True:
            with self._lock:
                choice, self._wanted = self._wanted, None
                if choice is None or self.isInterruptionRequested():
                    self._busy = False
                    return
            try:
                plan = plan_preview(self._journey, choice, self._superseded)
            except ExportCancelled:
                continue
            self.planned.emit(plan)


class PreviewWidget(QWidget):
    """Draws a PreviewPlan: the first page, the map picture on it, the sheet grid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(360, 280)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.plan: PreviewPlan | None = None
        self.picture: QImage | None = None
        self.message = ""

    def show_plan(self, plan: PreviewPlan | None, picture: QImage | None) -> None:
        """Draw `plan` with `picture` as the map (None: "preparing")."""
        self.plan = plan
        self.picture = picture
        self.update()

    def show_message(self, text: str) -> None:
        """Show `text` instead of a page (while the first plan is being made)."""
        self.plan = None
        self.message = text
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Paint the page, or the message."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(self.rect(), QColor("#dfe3e6"))
        plan = self.plan
        if plan is None or plan.error or plan.page[0] <= 0:
            text = self.message if plan is None else plan.error
            painter.setPen(QColor("#b00020") if plan is not None else QColor("#455a64"))
            painter.drawText(
                QRectF(self.rect()).adjusted(16, 16, -16, -16),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                text,
            )
            return
        _PagePainter(painter, plan, self.picture, QRectF(self.rect()).adjusted(14, 14, -14, -14))


class _PagePainter:
    """Paints one PreviewPlan into a rectangle of the widget, page mm scaled to fit."""

    def __init__(
        self, painter: QPainter, plan: PreviewPlan, picture: QImage | None, room: QRectF
    ) -> None:
        self.painter = painter
        self.plan = plan
        width, height = plan.page
        extent_w, extent_h = width, height
        if plan.grid is not None:  # the outer sheets reach past the poster
            extent_w = max(width, (plan.grid.cols - 1) * plan.grid.step_x + plan.grid.cell_w)
            extent_h = max(height, (plan.grid.rows - 1) * plan.grid.step_y + plan.grid.cell_h)
        self.zoom = min(room.width() / extent_w, room.height() / extent_h)
        self.x0 = room.x() + (room.width() - extent_w * self.zoom) / 2
        self.y0 = room.y() + (room.height() - extent_h * self.zoom) / 2
        page = self.rect((0.0, 0.0, width, height))
        painter.fillRect(page.translated(2, 3), QColor(0, 0, 0, 40))
        painter.fillRect(page, QColor("#ffffff"))
        preview = plan.choice.format.preview
        if preview == HANDOUTS:
            self.handout()
        elif preview == TEXT:
            self.text(page)
        else:
            self.poster(picture)
        painter.setPen(QPen(QColor("#90a4ae"), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)  # the sheet labels' backing is still set
        painter.drawRect(page)

    def rect(self, box: Box) -> QRectF:
        """A box in page mm as widget pixels."""
        x, y, w, h = box
        return QRectF(
            self.x0 + x * self.zoom, self.y0 + y * self.zoom, w * self.zoom, h * self.zoom
        )

    def poster(self, picture: QImage | None) -> None:
        """Title block and legend bands, the map picture, and the sheet grid if tiled."""
        painter, plan = self.painter, self.plan
        for band in plan.bands:
            painter.fillRect(self.rect(band), QColor("#eceff1"))
        if plan.bands and plan.title:
            header = self.rect(plan.bands[0])
            font = QFont(painter.font())
            font.setPixelSize(max(4, min(14, round(header.height() * 0.45))))
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("#1f2a30"))
            painter.drawText(
                header.adjusted(3, 0, -3, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                plan.title,
            )
        target = self.rect(plan.map_box)
        if picture is not None and not picture.isNull():
            fitted = QRectF(0, 0, picture.width(), picture.height())
            fitted.setSize(fitted.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio))
            fitted.moveCenter(target.center())
            fitted.moveTop(target.top())
            painter.drawImage(fitted, picture)
        else:
            painter.fillRect(target, QColor("#f5f7f8"))
        if plan.grid is not None:
            self.sheets(plan.grid)

    def sheets(self, grid: TileGrid) -> None:
        """The part of the poster each sheet prints, labelled like the sheets."""
        painter = self.painter
        pen = QPen(QColor("#1565c0"), 1, Qt.PenStyle.DashLine)
        font = QFont(painter.font())
        font.setPixelSize(10)
        font.setBold(True)
        painter.setFont(font)
        for row in range(grid.rows):
            for col in range(grid.cols):
                x, y = grid.origin(row, col)
                cell = self.rect((x, y, grid.cell_w, grid.cell_h))
                painter.setPen(pen)
                # A blank sheet is not printed: hatched, as on the assembly page.
                skipped = not grid.prints(row, col)
                painter.setBrush(SKIPPED_BRUSH if skipped else Qt.BrushStyle.NoBrush)
                painter.drawRect(cell)
                label = TileGrid.label(row, col)
                tag = QRectF(painter.fontMetrics().boundingRect(label)).adjusted(-3, -1, 3, 1)
                tag.moveTopLeft(cell.topLeft() + QPointF(2, 2))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(255, 255, 255, 220))
                painter.drawRoundedRect(tag, 3, 3)
                painter.setPen(QColor("#1565c0"))
                painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, label)

    def handout(self) -> None:
        """A handout page: the first section's heading and lines standing for its cards."""
        painter, plan = self.painter, self.plan
        margin = 16.0
        heading = self.rect((margin, margin, plan.page[0] - 2 * margin, 14.0))
        painter.fillRect(heading, QColor(plan.heading_color))
        font = QFont(painter.font())
        font.setPixelSize(max(6, round(heading.height() * 0.5)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(
            heading.adjusted(4, 0, -4, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            plan.heading,
        )
        y = margin + 22.0
        line = 0
        while y < plan.page[1] - 30:
            width = (plan.page[0] - 2 * margin) * (0.55 if line % 4 == 0 else 0.9)
            painter.fillRect(self.rect((margin, y, width, 2.6)), QColor("#cfd8dc"))
            y += 11.0 if line % 4 == 3 else 7.0
            line += 1

    def text(self, page: QRectF) -> None:
        """The first lines of a CSV or Markdown export."""
        painter = self.painter
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPixelSize(max(6, round(self.zoom * 3.2)))
        painter.setFont(font)
        painter.setPen(QColor("#1f2a30"))
        painter.save()
        painter.setClipRect(page)
        painter.drawText(
            page.adjusted(6, 6, -6, -6),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            self.plan.text,
        )
        painter.restore()


def grid_picture(layout: JourneyLayout, dpi: float) -> QImage:
    """A blank canvas's grid as the PDF prints it (white cells of its true proportions,
    stage and lane headers), for the preview: the canvas would draw the map's own grid."""
    scale = dpi / 25.4  # pixels per mm
    image = QImage(
        max(1, round(layout.width * scale)),
        max(1, round(layout.height * scale)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    painter.setPen(QPen(QColor("#cfd8dc"), 0.3))
    for cell in layout.cells:
        shade = QColor("#ffffff") if not cell.shaded else QColor("#f7f9fa")
        painter.setBrush(shade)
        painter.drawRect(_qrect(cell.rect))
    painter.setPen(Qt.PenStyle.NoPen)
    for lane in layout.lanes:
        painter.setBrush(QColor("#eceff1"))
        painter.drawRect(_qrect(lane.rect))
    for stage in layout.stages:
        painter.setBrush(QColor(stage.color))
        painter.drawRect(_qrect(stage.rect))
    painter.resetTransform()  # text in pixels: a font's size is whole pixels
    font = QFont(painter.font())
    for blocks, color in (
        ([(lane.title, lane.rect) for lane in layout.lanes], QColor("#1f2a30")),
        ([(stage.name, stage.rect) for stage in layout.stages], QColor("#ffffff")),
    ):
        painter.setPen(color)
        for block, box in blocks:
            font.setPixelSize(max(1, round(block.font_size_pt * MM_PER_PT * scale)))
            painter.setFont(font)
            for line, x, baseline in zip(block.lines, block.xs, block.baselines, strict=True):
                painter.drawText(QPointF((box.x + x) * scale, (box.y + baseline) * scale), line)
    painter.end()
    return image


def _qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)
