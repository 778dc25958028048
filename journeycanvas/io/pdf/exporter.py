"""`export_pdf`: one entry for every kind of PDF (poster, tiles, blank canvas, handouts);
what it prints is planned by `planning.plan_pdf`, which the editor's preview shares."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from journeycanvas.io.clean_text import clean_map
from journeycanvas.io.export_summaries import poster_summary, tiled_summary
from journeycanvas.io.pdf.document import new_canvas, save_canvas
from journeycanvas.io.pdf.filtering import find_persona, only_persona
from journeycanvas.io.pdf.handouts import write_handouts
from journeycanvas.io.pdf.options import ExportOptions, ExportResult
from journeycanvas.io.pdf.pen import Pen
from journeycanvas.io.pdf.planning import PdfPlan, plan_pdf
from journeycanvas.io.pdf.poster import (
    draw_poster,
)
from journeycanvas.io.pdf.progress import Cancel, Progress, Steps, atomic_output
from journeycanvas.io.pdf.tiled import write_tiles
from journeycanvas.io.pdf.words import Words
from journeycanvas.model.entities import JourneyMap
from journeycanvas.text import FontSet, default_font_set


def export_pdf(
    journey: JourneyMap,
    out_path: str | os.PathLike[str],
    options: ExportOptions | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ExportResult:
    """Write `journey` as the PDF `options` ask for (see `ExportOptions.pdf_kind`).

    The file appears only when the export succeeds: a cancel (`ExportCancelled`) or an
    error (`ExportError` for options that cannot work) leaves no partial file behind.
    """
    options = (options or ExportOptions()).checked().named(out_path)
    with atomic_output(out_path) as temporary:
        pages, summary = write_pdf(clean_map(journey), temporary, options, progress, cancel)
    return ExportResult(str(out_path), pages, summary)


def write_pdf(
    journey: JourneyMap,
    path: Path,
    options: ExportOptions,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    plan: PdfPlan | None = None,
) -> tuple[int, str]:
    """Draw the PDF `options` ask for into `path`: its page count and a summary.

    The export-format registry's writer for every kind of PDF; `options.source_name` is
    printed in the footers. `plan`, when the caller has planned the poster already
    (`plan_pdf` of the same map and options), is drawn as it is.
    """
    fonts = default_font_set()
    source = options.source_name or path.name
    if options.handouts:
        persona = find_persona(journey, options.persona) if options.persona else None
        shown = only_persona(journey, persona) if persona else journey
        return write_handouts(path, journey, shown, options, fonts, source, progress, cancel)
    plan = plan or plan_pdf(journey, options, fonts, cancel)
    work = len(plan.journey.cards) + 1 + (len(plan.appendix.pages) if plan.appendix else 0)
    steps = Steps(0 if options.blank else work, progress, cancel)
    steps.check()
    job = _Job(plan, options, fonts, source, steps)
    return job.tiled(path) if plan.grid else job.single(path)


class _Job:
    """Draws one planned poster, tiled poster or blank canvas."""

    def __init__(
        self, plan: PdfPlan, options: ExportOptions, fonts: FontSet, source: str, steps: Steps
    ) -> None:
        self.plan = plan
        self.options = options
        self.fonts = fonts
        self.source = source
        self.steps = steps
        self.blank = options.blank
        self.words = Words.of(plan.journey)

    def _scale_note(self) -> str:
        """What the footer says about the map's size, in the map's language."""
        words = self.words
        if self.blank:
            return words.gettext("Blank canvas at true size")
        return words.gettext("Map at {scale}").format(scale=words.percent(self.plan.poster.scale))

    def single(self, path: Path) -> tuple[int, str]:
        """The poster on one page."""
        plan, steps = self.plan.poster, self.steps
        canvas = new_canvas(path, self.plan.journey, plan.page, self.fonts)
        pen = Pen(canvas, self.fonts, self.plan.palette)
        pen.begin(plan.page.height)
        words = self.words
        page = words.gettext("Page {number} of {count}").format(
            number=words.number(1), count=words.number(self.plan.pages)
        )
        draw_poster(
            pen,
            plan,
            self.plan.layout,
            self.source,
            page if self.blank else f"{self._scale_note()} · {page}",
            steps.advance,
            self.blank,
        )
        pen.end()
        canvas.showPage()
        steps.check()
        self._appendix(canvas, pen)
        save_canvas(canvas)
        steps.finish()
        summary = poster_summary(plan.page.label, self._scale, self._appendix_pages)
        return self.plan.pages, summary

    def tiled(self, path: Path) -> tuple[int, str]:
        """The assembly page and the sheets of the poster."""
        plan, grid, steps = self.plan.poster, self.plan.grid, self.steps
        assert grid is not None
        canvas = new_canvas(path, self.plan.journey, grid.sheet, self.fonts)
        pen = Pen(canvas, self.fonts, self.plan.palette)

        def draw(poster_pen: Pen) -> None:
            draw_poster(
                poster_pen,
                plan,
                self.plan.layout,
                self.source,
                self._scale_note(),
                steps.advance,
                self.blank,
            )

        write_tiles(canvas, pen, grid, draw, plan.info.title, self.words, steps.check)
        self._appendix(canvas, pen)
        save_canvas(canvas)
        steps.finish()
        summary = tiled_summary(
            width_mm=plan.page.width,
            height_mm=plan.page.height,
            scale=self._scale,
            sheets=grid.printed,
            sheet=grid.sheet.label,
            rows=grid.rows,
            columns=grid.cols,
            skipped=len(grid.skipped),
            too_large_for=plan.paper.label if self.options.tile is None else None,
            appendix_pages=self._appendix_pages,
        )
        return self.plan.pages, summary

    def _appendix(self, canvas: Canvas, pen: Pen) -> None:
        """The appendix pages, if any cell was too full."""
        planned = self.plan
        if planned.appendix is not None:
            before = planned.map_pages
            planned.appendix.draw(
                canvas, pen, planned.journey, self.source, before, self.steps.advance
            )

    @property
    def _scale(self) -> float | None:
        """The map's scale for the summary; None for a blank canvas (true size)."""
        return None if self.blank else self.plan.poster.scale

    @property
    def _appendix_pages(self) -> int:
        appendix = self.plan.appendix
        return len(appendix.pages) if appendix is not None else 0
