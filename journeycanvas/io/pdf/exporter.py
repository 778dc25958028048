"""`export_pdf`: one entry for every kind of PDF (poster, tiles, blank canvas, handouts)."""

from __future__ import annotations

import os
from pathlib import Path

from journeycanvas.io.pdf.blank import plan_blank
from journeycanvas.io.pdf.chrome import TitleInfo
from journeycanvas.io.pdf.document import new_canvas, save_canvas
from journeycanvas.io.pdf.filtering import find_persona, only_persona
from journeycanvas.io.pdf.handouts import write_handouts
from journeycanvas.io.pdf.options import ExportOptions, ExportResult
from journeycanvas.io.pdf.paper import Paper, parse_paper, tile_grid
from journeycanvas.io.pdf.pen import Pen
from journeycanvas.io.pdf.poster import (
    PosterPlan,
    draw_poster,
    plan_poster,
    poster_legend,
    rescaled,
    trimmed,
)
from journeycanvas.io.pdf.progress import Cancel, Progress, Steps, atomic_output
from journeycanvas.io.pdf.tiled import SHEET_MARGIN_MM, tile_count_note, write_tiles
from journeycanvas.layout import DEFAULT_STYLE, JourneyLayout, layout_journey
from journeycanvas.model.entities import JourneyMap
from journeycanvas.text import FontSet, default_font_set

MAX_SHRINK = 0.12
"""How much smaller a fitted poster may become to need fewer sheets when tiled."""


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
    options = (options or ExportOptions()).checked()
    fonts = default_font_set()
    persona = find_persona(journey, options.persona) if options.persona else None
    shown = only_persona(journey, persona) if persona else journey
    facts = (("Persona", persona.name),) if persona else ()
    job = _Job(options, fonts, options.source_name or Path(out_path).name, facts)
    with atomic_output(out_path) as temporary:
        if options.pdf_kind == "handouts":
            pages, summary = write_handouts(
                temporary, journey, shown, options, fonts, job.source, progress, cancel
            )
        else:
            pages, summary = job.poster(temporary, shown, progress, cancel)
    return ExportResult(str(out_path), pages, summary)


class _Job:
    """One poster, tiled poster or blank canvas export."""

    def __init__(
        self,
        options: ExportOptions,
        fonts: FontSet,
        source: str,
        facts: tuple[tuple[str, str], ...],
    ) -> None:
        self.options = options
        self.fonts = fonts
        self.source = source
        self.facts = facts
        self.blank = options.blank

    def poster(
        self, path: Path, journey: JourneyMap, progress: Progress | None, cancel: Cancel | None
    ) -> tuple[int, str]:
        """Lay out and plan the page, then write it on one sheet or tiled."""
        steps = Steps(0 if self.blank else len(journey.cards) + 1, progress, cancel)
        if self.blank:
            layout, plan = plan_blank(journey, self.options, self.fonts)
        else:
            layout = layout_journey(journey, DEFAULT_STYLE, self.fonts)
            steps.check()
            info = TitleInfo.of(journey, *self.facts)
            plan = plan_poster(layout, info, poster_legend(journey), self.options, self.fonts)
        if self.options.tile is None and plan.fits:
            return self._single(path, journey, layout, plan, steps)
        return self._tiled(path, journey, layout, plan, steps)

    def _single(
        self,
        path: Path,
        journey: JourneyMap,
        layout: JourneyLayout,
        plan: PosterPlan,
        steps: Steps,
    ) -> tuple[int, str]:
        canvas = new_canvas(path, journey, plan.page, self.fonts)
        pen = Pen(canvas, self.fonts)
        pen.begin(plan.page.height)
        scale = "" if self.blank else f"Map at {plan.scale_label} · "
        draw_poster(
            pen, plan, layout, self.source, f"{scale}Page 1 of 1", steps.advance, self.blank
        )
        pen.end()
        canvas.showPage()
        steps.check()
        save_canvas(canvas)
        steps.finish()
        what = "blank canvas at true size" if self.blank else f"map at {plan.scale_label}"
        return 1, f"1 page, {plan.page.label}, {what}"

    def _tiled(
        self,
        path: Path,
        journey: JourneyMap,
        layout: JourneyLayout,
        plan: PosterPlan,
        steps: Steps,
    ) -> tuple[int, str]:
        sheet = parse_paper(self.options.tile) if self.options.tile else plan.paper
        plan = trimmed(plan, layout, self.fonts)
        if self.options.scale is None and not self.blank:
            plan = self._snug(plan, layout, sheet)
        canvas = new_canvas(path, journey, sheet, self.fonts)
        pen = Pen(canvas, self.fonts)
        scale = "blank canvas at true size" if self.blank else f"map at {plan.scale_label}"

        def draw(poster_pen: Pen) -> None:
            draw_poster(
                poster_pen, plan, layout, self.source, scale.capitalize(), steps.advance, self.blank
            )

        grid = write_tiles(
            canvas,
            pen,
            plan.page,
            draw,
            sheet,
            self.options.overlap_mm,
            plan.info.title,
            steps.check,
        )
        save_canvas(canvas)
        steps.finish()
        poster = f"a {plan.page.width:.0f} × {plan.page.height:.0f} mm poster ({scale})"
        note = f"{poster} on {tile_count_note(grid)}, and an assembly page"
        if self.options.tile is None:
            note = f"too large for one sheet of {plan.paper.label}, so tiled: {note}"
        return grid.count + 1, note

    def _snug(self, plan: PosterPlan, layout: JourneyLayout, sheet: Paper) -> PosterPlan:
        """A fitted poster shrunk a little (at most `MAX_SHRINK`) when that saves a row or
        column of sheets that would hold only a sliver of it."""
        overlap = self.options.overlap_mm
        grid = tile_grid(plan.page.width, plan.page.height, sheet, overlap, SHEET_MARGIN_MM)
        best = plan
        for cols, rows in ((grid.cols - 1, grid.rows), (grid.cols, grid.rows - 1)):
            if cols < 1 or rows < 1:
                continue
            spare_w = plan.page.width - (cols * grid.step_x + overlap)
            spare_h = plan.page.height - (rows * grid.step_y + overlap)
            scale = plan.scale - max(
                max(0.0, spare_w) / layout.width, max(0.0, spare_h) / layout.height
            )
            if scale >= plan.scale * (1 - MAX_SHRINK) and scale < plan.scale:
                candidate = rescaled(plan, layout, scale * 0.999, self.fonts)
                if _sheets(candidate, sheet, overlap) < _sheets(best, sheet, overlap):
                    best = candidate
        return best


def _sheets(plan: PosterPlan, sheet: Paper, overlap: float) -> int:
    return tile_grid(plan.page.width, plan.page.height, sheet, overlap, SHEET_MARGIN_MM).count
