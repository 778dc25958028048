"""A poster fitted to its paper that fills the sheet.

A map rarely has its page's shape: fitted as drawn on screen, a wide map leaves a band
of empty paper at the foot of an A1 sheet, a tall one bands at the sides. As a designer
would, the poster instead lays the map out again with every stage narrower (its cards
wrap into more lines, so the map grows taller and is printed larger) or wider (fewer
lines, a shorter map), until the map has the shape of the room the page leaves for it.
The stages keep their proportions, and a card may show more lines where it is narrower,
so that no card prints fewer of its words than on screen.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from journeycanvas.io.pdf.paper import Paper
from journeycanvas.io.pdf.poster import PosterPlan
from journeycanvas.layout import DEFAULT_STYLE, MM_PER_PT, JourneyLayout, LayoutStyle
from journeycanvas.model.entities import JourneyMap

NARROWEST = 0.5
"""Stages are made at most this much narrower than on screen…"""
WIDEST = 4.0
"""…or at most this much wider."""
LARGEST_TYPE = 2.0
"""The map's type is made at most this much larger than on screen, when the narrowest
stages still leave the page's height over."""
TALLEST_ROWS = 6.0
"""Rows are made at most this much taller, as a last resort."""
WELL_FILLED = 0.9
"""The share of the room for the map, along its shorter side, that needs no taller rows."""
TEXT_TOLERANCE = 0.03
"""Text this much smaller counts as large: a fuller page is then preferred."""
STEPS = 6
"""How many layouts the search tries (the last is within 1.2 % of the best width)."""
STAGE_WIDTH_MM = (20.0, 2000.0)
"""The widths a stage may have (as in the model)."""
MIN_LINE_CHARS = 16.0
"""Card lines are not made shorter than about this many characters (words would break)."""
CHAR_EM = 0.55
"""The width of an average character, in ems."""
_FUZZ = 1e-6


@dataclass(frozen=True, slots=True)
class Fitted:
    """One way to print the map on a page: the map as laid out (`journey`, with its
    stages' widths as printed), its `layout` and the `poster` that fits it to the page."""

    journey: JourneyMap
    layout: JourneyLayout
    poster: PosterPlan

    @property
    def text_pt(self) -> float:
        """The smallest card text on paper (pt); the map's scale when it has no cards."""
        sizes = [card.face.text.font_size_pt for card in self.layout.cards.values()]
        return (min(sizes) if sizes else 1.0) * self.poster.scale

    @property
    def width_bound(self) -> bool:
        """Whether the page's width limits the map (height is left over), not its height."""
        room_w, _ = self.poster.map_room
        return self.layout.width * self.poster.scale >= room_w - 1e-3

    @property
    def fill(self) -> float:
        """The share of the room for the map that it fills, along its less filled side."""
        room_w, room_h = self.poster.map_room
        scale = self.poster.scale
        return min(self.layout.width * scale / room_w, self.layout.height * scale / room_h)

    @property
    def line_chars(self) -> float:
        """About how many characters the narrowest card's line holds."""
        widths = [
            card.face.text.box.w / (card.face.text.font_size_pt * MM_PER_PT * CHAR_EM)
            for card in self.layout.cards.values()
            if card.face.text.font_size_pt > 0
        ]
        return min(widths, default=math.inf)

    @property
    def cut_cards(self) -> int:
        """How many cards do not show all their words."""
        return sum(card.face.text.truncated for card in self.layout.cards.values())


FitOnPage = Callable[[JourneyMap, LayoutStyle, Paper], Fitted]
"""Lays a map out in a style and fits it, with its frame, to a page."""


def filling(journey: JourneyMap, pages: list[Paper], fit: FitOnPage) -> Fitted:
    """The map on whichever of `pages` prints its card text largest (filling its page
    best among those within `TEXT_TOLERANCE`), laid out to fill that page."""
    return best_fitted([_filling_page(journey, page, fit) for page in pages])


def best_fitted(fits: list[Fitted]) -> Fitted:
    """Of ways to print the map, the one whose card text prints largest; among those within
    `TEXT_TOLERANCE` of it, the one that fills its page best."""
    largest = max(fitted.text_pt for fitted in fits)
    return max(
        (fitted for fitted in fits if fitted.text_pt >= largest * (1 - TEXT_TOLERANCE)),
        key=lambda fitted: fitted.fill,
    )


def _filling_page(journey: JourneyMap, page: Paper, fit: FitOnPage) -> Fitted:
    """The map on `page`, its stages' widths scaled so that its text prints as large as
    it can and, at that size, it fills the page; then, when the page's height is still
    left over at the narrowest stages, with larger type; and when even that leaves it
    over (a map of few lanes and many stages), with taller rows: room on the wall for
    the notes a workshop adds."""
    base = fit(journey, DEFAULT_STYLE, page)
    if not journey.stages or not journey.lanes:
        return base
    cut = base.cut_cards
    least_chars = min(MIN_LINE_CHARS, base.line_chars)

    def acceptable(fitted: Fitted) -> Fitted | None:
        """None for a layout that cuts words the screen shows or wraps its lines so short
        that words break."""
        return fitted if fitted.cut_cards <= cut and fitted.line_chars >= least_chars else None

    def stages_at(factor: float) -> Fitted | None:
        return acceptable(fit(reflowed(journey, factor), style_for(factor), page))

    bounds = (NARROWEST, 1.0) if base.width_bound else (1.0, WIDEST)
    best = _search(base, stages_at, bounds, width_bound_means_larger=False)
    if not best.width_bound or best.fill >= WELL_FILLED:
        return best
    narrowest, style = best.journey, best.layout.style

    def type_at(factor: float) -> Fitted | None:
        return acceptable(fit(narrowest, larger_type(style, factor), page))

    best = _search(best, type_at, (1.0, LARGEST_TYPE), width_bound_means_larger=True)
    if not best.width_bound or best.fill >= WELL_FILLED:
        return best
    style = best.layout.style

    def rows_at(factor: float) -> Fitted | None:
        return fit(narrowest, taller_rows(style, factor), page)

    return _search(best, rows_at, (1.0, TALLEST_ROWS), width_bound_means_larger=True)


def _search(
    best: Fitted,
    variant: Callable[[float], Fitted | None],
    bounds: tuple[float, float],
    width_bound_means_larger: bool,
) -> Fitted:
    """The best of `best` and the `variant`s tried by bisecting `bounds` (geometrically)
    towards where the map stops being bound by the page's width: the largest text, and
    among texts as large, the fullest page. A variant that is None went too far from
    the map as on screen (factor 1): the search moves back towards it."""
    low, high = bounds
    for _step in range(STEPS):
        factor = math.sqrt(low * high)
        fitted = variant(factor)
        if fitted is None:
            low, high = (factor, high) if factor < 1.0 else (low, factor)
            continue
        if _better(fitted, best):
            best = fitted
        if fitted.width_bound == width_bound_means_larger:
            low = factor
        else:
            high = factor
    return best


def _better(fitted: Fitted, than: Fitted) -> bool:
    """Larger text, or text as large on a fuller page."""
    if fitted.text_pt > than.text_pt * (1 + TEXT_TOLERANCE):
        return True
    return fitted.text_pt >= than.text_pt * (1 - TEXT_TOLERANCE) and fitted.fill > than.fill


def reflowed(journey: JourneyMap, factor: float) -> JourneyMap:
    """`journey` with every stage `factor` times as wide (within the model's bounds)."""
    low, high = STAGE_WIDTH_MM
    stages = [
        stage.model_copy(update={"width_mm": min(high, max(low, stage.width_mm * factor))})
        for stage in journey.stages
    ]
    return journey.model_copy(update={"stages": stages})


def style_for(factor: float) -> LayoutStyle:
    """The poster's style for stages `factor` times as wide: narrower cards may show
    proportionally more lines."""
    if factor >= 1.0:
        return DEFAULT_STYLE
    lines = math.ceil(DEFAULT_STYLE.card_max_lines / factor - _FUZZ)
    return replace(DEFAULT_STYLE, card_max_lines=lines)


def larger_type(style: LayoutStyle, factor: float) -> LayoutStyle:
    """`style` with every text, icon and dot of the map `factor` times as large (the
    stages and the lane headers keep their widths: the cards' lines wrap sooner)."""
    sizes = {
        name: getattr(style, name) * factor
        for name in (
            "stage_name_pt",
            "stage_goal_pt",
            "lane_title_pt",
            "lane_title_min_pt",
            "lane_icon_mm",
            "card_text_pt",
            "card_icon_mm",
            "card_padding_mm",
            "metric_text_pt",
            "metric_bar_mm",
            "dot_mm",
            "dot_gap_mm",
            "votes_pt",
            "connector_label_pt",
        )
    }
    return replace(style, **sizes)


def taller_rows(style: LayoutStyle, factor: float) -> LayoutStyle:
    """`style` with rows and the emotion curve's band `factor` times as tall."""
    return replace(
        style,
        row_min_height_mm=style.row_min_height_mm * factor,
        emotion_band_mm=style.emotion_band_mm * factor,
    )
