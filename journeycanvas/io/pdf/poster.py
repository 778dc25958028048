"""The poster: one vector page with the title block, the map, the legend and a footer.

`plan_poster` decides the page and the map's scale (fitted to the paper, or fixed);
`draw_poster` draws it; tiling reuses both, drawing the poster once as a form.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeycanvas.i18n import _
from journeycanvas.io.pdf.chrome import (
    Chrome,
    LegendEntry,
    TitleInfo,
    chrome_factor,
    kind_legend,
    marker_legend,
    persona_legend,
)
from journeycanvas.io.pdf.colors import INK
from journeycanvas.io.pdf.drawing import Tick, draw_grid, draw_map
from journeycanvas.io.pdf.options import DEFAULT_PAPER, ExportError, ExportOptions
from journeycanvas.io.pdf.paper import Orientation, Paper, fit_scale, parse_paper
from journeycanvas.io.pdf.pen import Pen
from journeycanvas.io.pdf.words import Words
from journeycanvas.layout import JourneyLayout
from journeycanvas.model.entities import JourneyMap
from journeycanvas.text import FontSet

LegendGroups = list[tuple[str, list[LegendEntry]]]
MIN_CUSTOM_WIDTH_MM = 180.0


@dataclass(frozen=True, slots=True)
class PosterPlan:
    """Where everything goes on a poster page (mm, y down): the title block from `top`,
    the map's top-left corner at (`map_x`, `map_y`), the legend right under the map.

    `page` is the poster itself; `paper` the sheet it prints on: the same size when the
    poster fits, the paper it must be tiled onto when a fixed scale makes it larger.
    """

    page: Paper
    paper: Paper
    chrome: Chrome
    info: TitleInfo
    legend: LegendGroups
    header_height: float
    legend_height: float
    scale: float
    map_x: float
    map_y: float
    top: float

    @property
    def fits(self) -> bool:
        """Whether the poster fits one sheet of its paper."""
        return (
            self.page.width <= self.paper.width + 1e-6
            and self.page.height <= self.paper.height + 1e-6
        )

    @property
    def map_room(self) -> tuple[float, float]:
        """The width and height the page leaves for the map (mm)."""
        return _room(self.chrome, self.header_height, self.legend_height, self.page)


def poster_legend(journey: JourneyMap, layout: JourneyLayout | None = None) -> LegendGroups:
    """The legend of a poster: the card kinds used, the personas, and with the map's
    `layout` the texts of the connector labels shown as numbered markers; headed in the
    map's language."""
    words = Words.of(journey)
    groups = [
        (words.gettext("Card kinds"), kind_legend({card.kind for card in journey.cards}, words)),
        (words.gettext("Personas"), persona_legend(journey, words)),
    ]
    if layout is not None:
        groups.append((words.gettext("Labels"), marker_legend(journey, layout)))
    return groups


def plan_poster(
    layout: JourneyLayout,
    info: TitleInfo,
    legend: LegendGroups,
    options: ExportOptions,
    fonts: FontSet,
    factor: float | None = None,
) -> PosterPlan:
    """The poster's page and scale: fitted to the paper (A1 unless told), or at
    `options.scale` on the paper (which then may need tiling) or on a page of its own size.

    The frame's type and margins grow with the page, or are `factor` times A4's.
    """
    planner = _Planner(layout, info, legend, fonts, factor)
    orientation = _orientation(options)
    if options.scale is None:
        plans = [planner.fitted(page) for page in fitted_pages(options)]
        return max(plans, key=lambda plan: plan.scale)
    scale = options.scale
    if options.paper is None:
        page = planner.content_page(scale)
        return planner.at_scale(page, page, scale)
    paper = parse_paper(options.paper)
    for turn in _turns(paper, orientation):
        plan = planner.at_scale(paper.oriented(turn), paper.oriented(turn), scale)
        if planner.map_fits(plan):
            return plan
    sheet = paper.oriented(orientation) if orientation else paper
    return planner.at_scale(planner.content_page(scale), sheet, scale)


def fitted_pages(options: ExportOptions) -> list[Paper]:
    """The pages a poster fitted to its paper may take: the paper (A1 unless told) in
    the orientation asked for, else turned both ways."""
    paper = parse_paper(options.paper or DEFAULT_PAPER)
    return [paper.oriented(turn) for turn in _turns(paper, _orientation(options))]


def plan_fitted(
    layout: JourneyLayout, info: TitleInfo, legend: LegendGroups, page: Paper, fonts: FontSet
) -> PosterPlan:
    """The map as large as fits `page`, with its frame."""
    return _Planner(layout, info, legend, fonts, None).fitted(page)


def rescaled(
    plan: PosterPlan,
    layout: JourneyLayout,
    scale: float,
    fonts: FontSet,
    max_width: float | None = None,
) -> PosterPlan:
    """The poster with the map at `scale`, its type sizes kept, on a page cut to its content.

    With `max_width`, the page of a narrow map is at most that wide, as long as the title
    block is not cut shorter there than on the usual page.
    """
    planner = _Planner(layout, plan.info, plan.legend, fonts, plan.chrome.factor)
    return planner.at_scale(planner.content_page(scale, max_width), plan.paper, scale)


def trimmed(plan: PosterPlan, layout: JourneyLayout, fonts: FontSet) -> PosterPlan:
    """The same poster (scale, type sizes) on a page cut down to its content: what to tile,
    so that no sheet is left blank."""
    return rescaled(plan, layout, plan.scale, fonts)


def _orientation(options: ExportOptions) -> Orientation | None:
    if options.orientation == "landscape":
        return "landscape"
    if options.orientation == "portrait":
        return "portrait"
    return None


def _turns(paper: Paper, orientation: Orientation | None) -> list[Orientation | None]:
    if orientation is not None:
        return [orientation]
    if paper.width == paper.height or not paper.name:
        return [None]  # a custom paper is used as given unless an orientation is asked for
    return ["landscape", "portrait"]


class _Planner:
    """Places one map and its frame on candidate pages."""

    def __init__(
        self,
        layout: JourneyLayout,
        info: TitleInfo,
        legend: LegendGroups,
        fonts: FontSet,
        factor: float | None,
    ) -> None:
        self.layout = layout
        self.info = info
        self.legend = legend
        self.fonts = fonts
        self.factor = factor

    def _chrome(self, width: float, factor: float) -> tuple[Chrome, float, float]:
        chrome = Chrome(self.fonts, width, factor)
        return chrome, chrome.header_height(self.info), chrome.legend_height(self.legend)

    def _factor(self, width: float, height: float) -> float:
        return self.factor if self.factor is not None else chrome_factor(width, height)

    def fitted(self, page: Paper) -> PosterPlan:
        """The map as large as fits `page`."""
        chrome, header_h, legend_h = self._chrome(page.width, self._factor(page.width, page.height))
        room_w, room_h = _room(chrome, header_h, legend_h, page)
        if room_w <= 0 or room_h <= 0:
            raise ExportError(_("{paper} is too small for a poster").format(paper=page.label))
        scale = fit_scale(self.layout.width, self.layout.height, room_w, room_h)
        return self._placed(page, page, chrome, header_h, legend_h, scale)

    def at_scale(self, page: Paper, paper: Paper, scale: float) -> PosterPlan:
        """The map at `scale` on `page`, printed on `paper`."""
        factor = self._factor(page.width, page.height)
        chrome, header_h, legend_h = self._chrome(page.width, factor)
        return self._placed(page, paper, chrome, header_h, legend_h, scale)

    def content_page(self, scale: float, max_width: float | None = None) -> Paper:
        """A page exactly as large as the map at `scale` and its frame need; with
        `max_width`, narrower than the frame's usual least width if its title block
        fits as well."""
        map_w, map_h = self.layout.width * scale, self.layout.height * scale
        factor = self._factor(map_w, map_h)
        margin = Chrome(self.fonts, 0.0, factor).margin
        width = max(map_w + 2 * margin, MIN_CUSTOM_WIDTH_MM * factor)
        if max_width is not None and width > max_width:
            narrow = max(map_w + 2 * margin, max_width)
            cut = Chrome(self.fonts, narrow, factor).shortened(self.info)
            if cut <= Chrome(self.fonts, width, factor).shortened(self.info):
                width = narrow
        chrome, header_h, legend_h = self._chrome(width, factor)
        used = 2 * chrome.margin + header_h + legend_h + chrome.footer_height + 2 * chrome.gap
        return Paper("", width, map_h + used)

    def map_fits(self, plan: PosterPlan) -> bool:
        """Whether the map at the plan's scale fits the room its page leaves."""
        room_w, room_h = _room(plan.chrome, plan.header_height, plan.legend_height, plan.page)
        scale = plan.scale
        return (
            self.layout.width * scale <= room_w + 1e-6
            and self.layout.height * scale <= room_h + 1e-6
        )

    def _placed(
        self,
        page: Paper,
        paper: Paper,
        chrome: Chrome,
        header_h: float,
        legend_h: float,
        scale: float,
    ) -> PosterPlan:
        """The map centred across the page, right under the title block at the top
        margin, the legend under it: height the map leaves to spare stays at the foot,
        never as a band above the title."""
        room_w, _room_h = _room(chrome, header_h, legend_h, page)
        map_x = chrome.margin + max(0.0, room_w - self.layout.width * scale) / 2
        top = chrome.margin
        map_y = top + header_h + chrome.gap
        return PosterPlan(
            page,
            paper,
            chrome,
            self.info,
            self.legend,
            header_h,
            legend_h,
            scale,
            map_x,
            map_y,
            top,
        )


def _room(chrome: Chrome, header_h: float, legend_h: float, page: Paper) -> tuple[float, float]:
    """The width and height left for the map on `page`."""
    used = 2 * chrome.margin + header_h + legend_h + chrome.footer_height + 2 * chrome.gap
    return page.width - 2 * chrome.margin, page.height - used


def inked_boxes(plan: PosterPlan, layout: JourneyLayout) -> list[tuple[float, float, float, float]]:
    """The parts of the poster page anything prints on (x, y, w, h, mm): the title block,
    the map, the legend and the footer, each across the page between the margins."""
    chrome = plan.chrome
    width = plan.page.width - 2 * chrome.margin
    map_h = layout.height * plan.scale
    boxes = [
        (chrome.margin, plan.top, width, plan.header_height),
        (plan.map_x, plan.map_y, layout.width * plan.scale, map_h),
        (chrome.margin, plan.map_y + map_h, width, plan.legend_height),
        (chrome.margin, plan.page.height - chrome.margin - chrome.footer_height - 1.0,
         width, chrome.footer_height + 1.0),
    ]  # fmt: skip
    return [box for box in boxes if box[2] > 0 and box[3] > 0]


def draw_poster(
    pen: Pen,
    plan: PosterPlan,
    layout: JourneyLayout,
    footer_left: str,
    footer_right: str,
    tick: Tick | None = None,
    blank: bool = False,
) -> None:
    """The poster's content in page mm (the caller has begun the page or form); a `blank`
    poster has the grid and headers only."""
    chrome = plan.chrome
    margin = chrome.margin
    accent = layout.stages[0].color if layout.stages else INK
    chrome.draw_header(pen, plan.info, margin, plan.top, accent)
    pen.save()
    pen.transform(plan.scale, plan.map_x, plan.map_y)
    if blank:
        draw_grid(pen, layout, blank=True)
    else:
        draw_map(pen, layout, tick)
    pen.restore()
    chrome.draw_legend(pen, plan.legend, margin, plan.map_y + layout.height * plan.scale)
    footer_y = plan.page.height - margin - chrome.footer_height
    chrome.draw_footer(pen, footer_left, footer_right, margin, footer_y)
