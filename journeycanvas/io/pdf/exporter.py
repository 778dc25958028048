"""`export_pdf`: one entry for every kind of PDF (poster, tiles, blank canvas, handouts),
and `plan_pdf`, the planning the exporter and the editor's preview share."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from journeycanvas.io.clean_text import clean_map
from journeycanvas.io.export_summaries import poster_summary, tiled_summary
from journeycanvas.io.pdf.blank import plan_blank
from journeycanvas.io.pdf.chrome import TitleInfo
from journeycanvas.io.pdf.document import new_canvas, save_canvas
from journeycanvas.io.pdf.filtering import find_persona, only_persona
from journeycanvas.io.pdf.handouts import write_handouts
from journeycanvas.io.pdf.legibility import (
    POSTER_MIN_PT,
    TRUE_SIZE_MIN_PT,
    is_legible,
    smallest_card_text_pt,
)
from journeycanvas.io.pdf.options import ExportCancelled, ExportError, ExportOptions, ExportResult
from journeycanvas.io.pdf.overflow import (
    CELL_LIMITS,
    Appendix,
    FullCell,
    appendix_paper,
    full_cells,
    most_cards_in_a_cell,
    plan_appendix,
    with_markers,
)
from journeycanvas.io.pdf.paper import Paper, TileGrid, parse_paper, tile_grid
from journeycanvas.io.pdf.pen import Pen
from journeycanvas.io.pdf.poster import (
    PosterPlan,
    draw_poster,
    fitted_pages,
    inked_boxes,
    plan_fitted,
    plan_poster,
    poster_legend,
    trimmed,
)
from journeycanvas.io.pdf.print_palette import PLAIN, PrintPalette
from journeycanvas.io.pdf.progress import Cancel, Progress, Steps, atomic_output
from journeycanvas.io.pdf.reflow import Fitted, best_fitted, filling
from journeycanvas.io.pdf.tiled import SHEET_MARGIN_MM, write_tiles
from journeycanvas.io.pdf.tiling import snug_on_sheets
from journeycanvas.io.pdf.words import Words
from journeycanvas.layout import (
    DEFAULT_STYLE,
    JourneyLayout,
    LayoutEngine,
    LayoutStyle,
)
from journeycanvas.model.entities import JourneyMap
from journeycanvas.text import FontSet, default_font_set

REFLOW_MAX_CARDS = 3_000
"""Up to this many cards a poster fitted to its sheet is laid out again to fill it (see
`reflow`); a bigger map, printed with crowded cells continued in an appendix, keeps its
screen layout (trying shapes would cost a layout of the whole map each)."""


@dataclass(frozen=True, slots=True)
class PdfPlan:
    """What a poster, tiled poster or blank canvas export prints, decided before drawing.

    `journey` is the map as printed (only the chosen persona's cards, a full cell's hidden
    cards replaced by its "+N more" note), `layout` its geometry, `poster` the poster page
    and where the map sits on it, `grid` the sheets the poster is split over (None when it
    prints on one page), and `appendix` the pages with the full cells' other cards.
    """

    journey: JourneyMap
    layout: JourneyLayout
    poster: PosterPlan
    grid: TileGrid | None
    palette: PrintPalette = PLAIN
    appendix: Appendix | None = None

    @property
    def map_pages(self) -> int:
        """The pages before the appendix: 1, or the sheets and the assembly page."""
        return 1 if self.grid is None else self.grid.printed + 1

    @property
    def pages(self) -> int:
        """The PDF's page count."""
        return self.map_pages + (len(self.appendix.pages) if self.appendix else 0)


def plan_pdf(
    journey: JourneyMap,
    options: ExportOptions,
    fonts: FontSet | None = None,
    cancel: Cancel | None = None,
) -> PdfPlan:
    """Plan the poster, tiled poster or blank canvas `options` ask for (not handouts).

    Raises ExportError for options that cannot work (an unknown persona or paper, a blank
    canvas too large for its paper), ExportCancelled when `cancel` says so between the
    layouts a crowded map is tried in.
    """
    options = options.checked()
    if options.handouts:
        raise ValueError("handouts are not planned as a poster")  # a caller's bug
    fonts = fonts or default_font_set()
    persona = find_persona(journey, options.persona) if options.persona else None
    palette = PrintPalette.of(options.palette, journey)
    shown = palette.recolored(only_persona(journey, persona) if persona else journey)
    if options.blank:
        layout, plan = plan_blank(shown, options, fonts)
        return _on_sheets(PdfPlan(shown, layout, plan, None, palette), options, fonts)
    words = Words.of(shown)
    facts = ((words.gettext("Persona"), persona.name),) if persona else ()
    info = TitleInfo.of(shown, words, *facts)

    def fit(printed: JourneyMap, style: LayoutStyle, pages: list[Paper], routed: bool) -> Fitted:
        """The map laid out once and fitted on the best of `pages` (`best_fitted`)."""
        if cancel is not None and cancel():
            raise ExportCancelled("export cancelled")
        engine = LayoutEngine(style, fonts)
        engine.update(printed, route_connectors=routed)
        layout = engine.layout
        legend = poster_legend(printed, layout)
        return best_fitted(
            [
                Fitted(printed, layout, plan_fitted(layout, info, legend, page, fonts))
                for page in pages
            ]
        )

    def tried(printed: JourneyMap, style: LayoutStyle, page: Paper) -> Fitted:
        # The map's size does not depend on its connectors: the shapes tried are laid
        # out without routing them, and only the one chosen is routed.
        return fit(printed, style, [page], routed=False)

    fitting = options.scale is None and options.tile is None

    def planned(printed: JourneyMap) -> PdfPlan:
        """The whole map's plan; a map of few cards fitted to its page fills it."""
        if fitting and len(printed.cards) <= REFLOW_MAX_CARDS:
            shaped = filling(printed, fitted_pages(options), tried)
            best = fit(shaped.journey, shaped.layout.style, [shaped.poster.page], routed=True)
            return PdfPlan(best.journey, best.layout, best.poster, None, palette)
        return on_paper(printed, laid_out(printed, routed=True).layout, None)

    def laid_out(
        printed: JourneyMap,
        routed: bool,
        engine: LayoutEngine | None = None,
        changed: Sequence[str] = (),
    ) -> LayoutEngine:
        """`printed` laid out afresh, or by `engine` told which cards `changed` since its
        last map (by the engine's contract the same layout, for less work)."""
        if cancel is not None and cancel():
            raise ExportCancelled("export cancelled")
        if engine is None:
            engine = LayoutEngine(DEFAULT_STYLE, fonts)
            engine.update(printed, route_connectors=routed)
        else:
            engine.update(printed, changed_cards=changed, route_connectors=routed)
        return engine

    def on_paper(printed: JourneyMap, layout: JourneyLayout, appendix: Appendix | None) -> PdfPlan:
        """The laid out map on its poster: fitted to the best page, or at its scale and
        split over sheets when it needs them."""
        legend = poster_legend(printed, layout)
        if fitting:
            best = best_fitted(
                [
                    Fitted(printed, layout, plan_fitted(layout, info, legend, page, fonts))
                    for page in fitted_pages(options)
                ]
            )
            return PdfPlan(printed, layout, best.poster, None, palette, appendix)
        plan = plan_poster(layout, info, legend, options, fonts)
        return _on_sheets(PdfPlan(printed, layout, plan, None, palette, appendix), options, fonts)

    def largest_text(printed: JourneyMap, layout: JourneyLayout) -> float | None:
        """The largest the smallest card text of `printed`, laid out without routing, can
        print (pt; None without cards): on whichever page takes the map largest, before
        any tiling (which never enlarges it). Routed, the legend also lists the labels
        that found no room, and the map prints no larger."""
        sizes = [card.face.text.font_size_pt for card in layout.cards.values()]
        if not sizes:
            return None
        legend = poster_legend(printed, layout)
        pages = fitted_pages(options)
        return min(sizes) * max(plan_fitted(layout, info, legend, p, fonts).scale for p in pages)

    def readable(text_pt: float | None) -> bool:
        """Whether card text of `text_pt` may be legible on what `options` print."""
        needed = POSTER_MIN_PT if fitting else TRUE_SIZE_MIN_PT  # a tiled poster: sheets
        return text_pt is None or text_pt >= needed - 1e-6

    # A crowded map is laid out many times over to find where to cut it, routing its
    # connectors only when a layout is printed or decides the cut: a layout too small to
    # read without them is too small with them (`largest_text`).
    crowded = most_cards_in_a_cell(shown)
    sketchy = options.scale is None and (not fitting or len(shown.cards) > REFLOW_MAX_CARDS)
    whole: PdfPlan | None = None  # the whole map's plan, routed
    bound: float | None = None  # while it is not routed, its largest text
    failed = False  # its frame does not fit the page (a legend of many labels)
    engine: LayoutEngine | None = None
    try:
        if sketchy:
            engine = laid_out(shown, routed=False)
            bound = largest_text(shown, engine.layout)
            if readable(bound):
                whole = on_paper(shown, laid_out(shown, True, engine).layout, None)
        else:
            whole = planned(shown)
    except ExportError:
        if options.scale is not None or crowded <= CELL_LIMITS[-1]:
            raise
        failed = True
    if whole is not None and (is_legible(whole) or options.scale is not None):
        return whole

    def routed_whole() -> PdfPlan:
        """The whole map's plan, routed (raises ExportError as `planned` does)."""
        if whole is not None:
            return whole
        if engine is not None:
            return on_paper(shown, laid_out(shown, True, engine).layout, None)
        return planned(shown)

    def numbered(cells: Sequence[FullCell], sketch: LayoutEngine | None) -> PdfPlan:
        """The map cut at `cells`, routed, each note naming the appendix page its cards
        start on (planned once: only the limit printed needs its appendix)."""
        appendix = plan_appendix(shown, cells, appendix_paper(options), fonts, words)
        notes = [cell.marker_id(shown) for cell in cells]
        layouts, before = sketch, 1
        for _attempt in range(3):  # the page numbers on the notes may move the sheets, once
            printed = with_markers(shown, cells, appendix.start_pages(before), words)
            layouts = laid_out(printed, True, layouts, notes)
            cut = on_paper(printed, layouts.layout, appendix)
            if cut.map_pages == before:
                break
            before = cut.map_pages
        return cut

    limits = [limit for limit in CELL_LIMITS if limit < crowded]
    cut: PdfPlan | None = None
    for index, limit in enumerate(limits):
        cells = full_cells(shown, limit)
        sketch = None
        if index < len(limits) - 1:
            # Sketched with notes that name no page, never taller than the printed ones:
            # a sketch too small to read rules the limit out before its appendix is planned.
            drawn = with_markers(shown, cells, None, words)
            sketch = laid_out(drawn, routed=False)
            if not readable(largest_text(drawn, sketch.layout)):
                continue
        cut = numbered(cells, sketch)
        if is_legible(cut):
            return cut
    if cut is None:
        return routed_whole()
    if failed:
        return cut
    # Still too small: the map is wide or long, not crowded in a few cells. Cutting its
    # cells only pays when it at least doubles the text.
    smallest_cut = smallest_card_text_pt(cut)

    def doubled(text_pt: float | None) -> bool:
        return text_pt is not None and smallest_cut is not None and smallest_cut >= 2 * text_pt

    if whole is None:
        if doubled(bound):
            return cut  # it doubles the most the whole map's text can print at
        try:
            whole = routed_whole()
        except ExportError:
            return cut
    return cut if doubled(smallest_card_text_pt(whole)) else whole


def _on_sheets(planned: PdfPlan, options: ExportOptions, fonts: FontSet) -> PdfPlan:
    """The plan as is when it fits its paper, else split over sheets."""
    plan, layout = planned.poster, planned.layout
    if options.tile is None and plan.fits:
        return planned
    sheet = parse_paper(options.tile) if options.tile else plan.paper
    plan = trimmed(plan, layout, fonts)
    if options.scale is None and not options.blank:
        plan = snug_on_sheets(plan, layout, sheet, options.overlap_mm, fonts)
    grid = tile_grid(plan.page.width, plan.page.height, sheet, options.overlap_mm, SHEET_MARGIN_MM)
    grid = grid.skipping(inked_boxes(plan, layout))
    return replace(planned, poster=plan, grid=grid)


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
