"""`plan_pdf`: what a poster, tiled poster or blank canvas export prints, decided before
anything is drawn; the exporter and the editor's preview share it.

A map too small to read on its paper is cut: its most crowded cells print their first
cards and a "+N more (see page K)" note, the others in full on appendix pages. Finding
where to cut lays the map out many times over, so its connectors are routed only for a
layout that is printed or decides the cut (a layout too small to read without them is too
small with them), and the appendix is planned only for a cut that may print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from journeycanvas.io.pdf.blank import plan_blank
from journeycanvas.io.pdf.chrome import TitleInfo
from journeycanvas.io.pdf.filtering import find_persona, only_persona
from journeycanvas.io.pdf.legibility import (
    POSTER_MIN_PT,
    TRUE_SIZE_MIN_PT,
    is_legible,
    smallest_card_text_pt,
)
from journeycanvas.io.pdf.options import ExportCancelled, ExportError, ExportOptions
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
from journeycanvas.io.pdf.poster import (
    PosterPlan,
    fitted_pages,
    inked_boxes,
    plan_fitted,
    plan_poster,
    poster_legend,
    trimmed,
)
from journeycanvas.io.pdf.print_palette import PLAIN, PrintPalette
from journeycanvas.io.pdf.progress import Cancel
from journeycanvas.io.pdf.reflow import Fitted, best_fitted, filling
from journeycanvas.io.pdf.tiled import SHEET_MARGIN_MM
from journeycanvas.io.pdf.tiling import snug_on_sheets
from journeycanvas.io.pdf.words import Words
from journeycanvas.layout import DEFAULT_STYLE, JourneyLayout, LayoutEngine, LayoutStyle
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
    return _Planner(shown, options, fonts, cancel, palette, words, info).plan()


class _Planner:
    """The planning of one poster or tiled poster of `shown` (the map as printed)."""

    def __init__(
        self,
        shown: JourneyMap,
        options: ExportOptions,
        fonts: FontSet,
        cancel: Cancel | None,
        palette: PrintPalette,
        words: Words,
        info: TitleInfo,
    ) -> None:
        self.shown, self.options, self.fonts, self.cancel = shown, options, fonts, cancel
        self.palette, self.words, self.info = palette, words, info
        self.fitting = options.scale is None and options.tile is None
        """Fitted to its page (not at a scale, not split over sheets)."""

    def plan(self) -> PdfPlan:
        """The whole map's plan if it is legible (or printed at a scale), else the map cut
        at the first cell limit that makes it legible, else the better of the two."""
        options, shown = self.options, self.shown
        crowded = most_cards_in_a_cell(shown)
        sketchy = options.scale is None and (
            not self.fitting or len(shown.cards) > REFLOW_MAX_CARDS
        )
        whole: PdfPlan | None = None  # the whole map's plan, routed
        bound: float | None = None  # while it is not routed, its largest text
        failed = False  # its frame does not fit the page (a legend of many labels)
        engine: LayoutEngine | None = None
        try:
            if sketchy:
                engine = self._laid_out(shown, routed=False)
                bound = self._largest_text(shown, engine.layout)
                if self._readable(bound):
                    whole = self._on_paper(shown, self._laid_out(shown, True, engine).layout)
            else:
                whole = self._planned(shown)
        except ExportError:
            if options.scale is not None or crowded <= CELL_LIMITS[-1]:
                raise
            failed = True
        if whole is not None and (is_legible(whole) or options.scale is not None):
            return whole
        cut = self._cut(crowded)
        if cut is None:
            return self._routed_whole(whole, engine)
        if failed:
            return cut
        # Still too small: the map is wide or long, not crowded in a few cells. Cutting
        # its cells only pays when it at least doubles the text.
        smallest_cut = smallest_card_text_pt(cut)

        def doubled(text_pt: float | None) -> bool:
            return text_pt is not None and smallest_cut is not None and smallest_cut >= 2 * text_pt

        if whole is None:
            if doubled(bound):
                return cut  # it doubles the most the whole map's text can print at
            try:
                whole = self._routed_whole(whole, engine)
            except ExportError:
                return cut
        return cut if doubled(smallest_card_text_pt(whole)) else whole

    def _cut(self, crowded: int) -> PdfPlan | None:
        """The map cut at the first cell limit (below `crowded`) that makes it legible, or
        at the last one tried; None when no limit is below `crowded`."""
        shown, words = self.shown, self.words
        limits = [limit for limit in CELL_LIMITS if limit < crowded]
        cut: PdfPlan | None = None
        for index, limit in enumerate(limits):
            cells = full_cells(shown, limit)
            sketch = None
            if index < len(limits) - 1:
                # Sketched with notes that name no page, never taller than the printed
                # ones: a sketch too small to read rules the limit out before its
                # appendix is planned.
                drawn = with_markers(shown, cells, None, words)
                sketch = self._laid_out(drawn, routed=False)
                if not self._readable(self._largest_text(drawn, sketch.layout)):
                    continue
            cut = self._numbered(cells, sketch)
            if is_legible(cut):
                return cut
        return cut

    def _numbered(self, cells: Sequence[FullCell], sketch: LayoutEngine | None) -> PdfPlan:
        """The map cut at `cells`, routed, each note naming the appendix page its cards
        start on (planned once: only the limit printed needs its appendix)."""
        shown, options, words = self.shown, self.options, self.words
        appendix = plan_appendix(shown, cells, appendix_paper(options), self.fonts, words)
        notes = [cell.marker_id(shown) for cell in cells]
        engine, before = sketch, 1
        for _attempt in range(3):  # the page numbers on the notes may move the sheets, once
            printed = with_markers(shown, cells, appendix.start_pages(before), words)
            engine = self._laid_out(printed, True, engine, notes)
            cut = self._on_paper(printed, engine.layout, appendix)
            if cut.map_pages == before:
                break
            before = cut.map_pages
        return cut

    def _routed_whole(self, whole: PdfPlan | None, engine: LayoutEngine | None) -> PdfPlan:
        """The whole map's plan, routed (raises ExportError as `_planned` does)."""
        if whole is not None:
            return whole
        if engine is not None:
            return self._on_paper(self.shown, self._laid_out(self.shown, True, engine).layout)
        return self._planned(self.shown)

    def _planned(self, printed: JourneyMap) -> PdfPlan:
        """The whole map's plan; a map of few cards fitted to its page fills it."""
        if self.fitting and len(printed.cards) <= REFLOW_MAX_CARDS:
            shaped = filling(printed, fitted_pages(self.options), self._tried)
            best = self._fit(shaped.journey, shaped.layout.style, [shaped.poster.page], True)
            return PdfPlan(best.journey, best.layout, best.poster, None, self.palette)
        return self._on_paper(printed, self._laid_out(printed, routed=True).layout)

    def _fit(
        self, printed: JourneyMap, style: LayoutStyle, pages: list[Paper], routed: bool
    ) -> Fitted:
        """The map laid out once and fitted on the best of `pages` (`best_fitted`)."""
        self._check_cancel()
        engine = LayoutEngine(style, self.fonts)
        engine.update(printed, route_connectors=routed)
        layout = engine.layout
        legend = poster_legend(printed, layout)
        return best_fitted(
            [
                Fitted(printed, layout, plan_fitted(layout, self.info, legend, page, self.fonts))
                for page in pages
            ]
        )

    def _tried(self, printed: JourneyMap, style: LayoutStyle, page: Paper) -> Fitted:
        # The map's size does not depend on its connectors: the shapes tried are laid
        # out without routing them, and only the one chosen is routed.
        return self._fit(printed, style, [page], routed=False)

    def _laid_out(
        self,
        printed: JourneyMap,
        routed: bool,
        engine: LayoutEngine | None = None,
        changed: Sequence[str] = (),
    ) -> LayoutEngine:
        """`printed` laid out afresh, or by `engine` told which cards `changed` since its
        last map (by the engine's contract the same layout, for less work)."""
        self._check_cancel()
        if engine is None:
            engine = LayoutEngine(DEFAULT_STYLE, self.fonts)
            engine.update(printed, route_connectors=routed)
        else:
            engine.update(printed, changed_cards=changed, route_connectors=routed)
        return engine

    def _on_paper(
        self, printed: JourneyMap, layout: JourneyLayout, appendix: Appendix | None = None
    ) -> PdfPlan:
        """The laid out map on its poster: fitted to the best page, or at its scale and
        split over sheets when it needs them."""
        options, fonts = self.options, self.fonts
        legend = poster_legend(printed, layout)
        if self.fitting:
            best = best_fitted(
                [
                    Fitted(printed, layout, plan_fitted(layout, self.info, legend, page, fonts))
                    for page in fitted_pages(options)
                ]
            )
            return PdfPlan(printed, layout, best.poster, None, self.palette, appendix)
        plan = plan_poster(layout, self.info, legend, options, fonts)
        planned = PdfPlan(printed, layout, plan, None, self.palette, appendix)
        return _on_sheets(planned, options, fonts)

    def _largest_text(self, printed: JourneyMap, layout: JourneyLayout) -> float | None:
        """The largest the smallest card text of `printed`, laid out without routing, can
        print (pt; None without cards): on whichever page takes the map largest, before
        any tiling (which never enlarges it). Routed, the legend also lists the labels
        that found no room, and the map prints no larger."""
        sizes = [card.face.text.font_size_pt for card in layout.cards.values()]
        if not sizes:
            return None
        legend = poster_legend(printed, layout)
        pages = fitted_pages(self.options)
        return min(sizes) * max(
            plan_fitted(layout, self.info, legend, page, self.fonts).scale for page in pages
        )

    def _readable(self, text_pt: float | None) -> bool:
        """Whether card text of `text_pt` may be legible on what the options print."""
        needed = POSTER_MIN_PT if self.fitting else TRUE_SIZE_MIN_PT  # tiled: sheets
        return text_pt is None or text_pt >= needed - 1e-6

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel():
            raise ExportCancelled("export cancelled")


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
