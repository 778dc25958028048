"""The blank workshop canvas: the map's grid at true size, cells that hold 76 mm notes.

The paper comes from the grid (the smallest A-series sheet that holds it, or a page of
its own size beyond A0) or the grid from the paper (a map without stages or lanes gets as
many empty columns and rows as the paper holds). The canvas is never scaled: a sticky
note is 76 mm on any paper.
"""

from __future__ import annotations

from dataclasses import replace

from journeycanvas.i18n import _
from journeycanvas.io.export_summaries import number
from journeycanvas.io.pdf.chrome import Chrome, TitleInfo, persona_legend
from journeycanvas.io.pdf.options import ExportError, ExportHint, ExportOptions
from journeycanvas.io.pdf.paper import Paper, parse_paper
from journeycanvas.io.pdf.poster import LegendGroups, PosterPlan, plan_poster
from journeycanvas.io.pdf.words import Words
from journeycanvas.layout import STICKY_NOTE_MM, JourneyLayout, LayoutStyle, layout_journey
from journeycanvas.layout.style import sticky_note_style
from journeycanvas.model.entities import JourneyMap, Lane, Stage
from journeycanvas.model.kinds import LaneKind, stage_color
from journeycanvas.text import FontSet

CANDIDATE_PAPERS = ("A4", "A3", "A2", "A1", "A0")
DEFAULT_FILL_PAPER = "A1"


CHROME_FACTOR = 1.4
"""The frame of a blank canvas stays small: the grid is what the workshop needs."""


def blank_style(note_mm: float = STICKY_NOTE_MM) -> LayoutStyle:
    """The layout style of a blank canvas: every cell holds one `note_mm` sticky note, and
    the headers are set larger, to be read from across the room."""
    return replace(
        sticky_note_style(note_mm),
        stage_header_min_height_mm=22.0,
        stage_name_pt=20.0,
        stage_goal_pt=11.0,
        lane_header_width_mm=62.0,
        lane_title_pt=13.0,
        lane_icon_mm=7.0,
        header_padding_mm=4.0,
    )


def plan_blank(
    journey: JourneyMap, options: ExportOptions, fonts: FontSet
) -> tuple[JourneyLayout, PosterPlan]:
    """The empty grid's layout and its page.

    With a paper, the grid must fit it at true size (ExportError otherwise, unless the
    canvas is tiled); without one, the smallest A-series paper that holds it is chosen.
    """
    style = blank_style()
    skeleton = journey.model_copy(update={"cards": [], "connectors": []})
    words = Words.of(journey)
    notes = words.gettext("{size} mm sticky notes").format(size=words.number(STICKY_NOTE_MM))
    info = TitleInfo.of(journey, words, (words.gettext("Cells"), notes))
    legend: LegendGroups = [(words.gettext("Personas"), persona_legend(journey, words))]
    at_true_size = replace(options, scale=1.0)
    if not skeleton.stages or not skeleton.lanes:
        paper = parse_paper(options.paper or DEFAULT_FILL_PAPER)
        if paper.name:
            paper = paper.oriented("portrait" if options.orientation == "portrait" else "landscape")
        skeleton = _filled(skeleton, paper, style, info, legend, fonts)
        at_true_size = replace(
            at_true_size, paper=options.paper or paper.name, orientation=paper.orientation
        )
    layout = layout_journey(skeleton, style, fonts)
    if at_true_size.paper is not None:
        plan = plan_poster(layout, info, legend, at_true_size, fonts, CHROME_FACTOR)
        if not plan.fits and options.tile is None:
            raise _too_small(layout, info, legend, at_true_size, fonts)
        return layout, plan
    for name in CANDIDATE_PAPERS:
        plan = plan_poster(
            layout, info, legend, replace(at_true_size, paper=name), fonts, CHROME_FACTOR
        )
        if plan.fits:
            return layout, plan
    if options.tile is None:
        raise _too_large(layout)
    return layout, plan_poster(layout, info, legend, at_true_size, fonts, CHROME_FACTOR)


def _too_large(layout: JourneyLayout) -> ExportError:
    """A blank canvas larger than the largest standard paper: tile it, or fewer columns."""
    return ExportError(
        f"the blank canvas is {layout.width / 10:.0f} × {layout.height / 10:.0f} cm at true "
        f"size ({STICKY_NOTE_MM:g} mm cells), larger than A0: print fewer stages or lanes "
        "at a time",
        (ExportHint.TILE,),
    )


def _too_small(
    layout: JourneyLayout,
    info: TitleInfo,
    legend: LegendGroups,
    options: ExportOptions,
    fonts: FontSet,
) -> ExportError:
    paper = options.paper
    for name in CANDIDATE_PAPERS:
        plan = plan_poster(layout, info, legend, replace(options, paper=name), fonts, CHROME_FACTOR)
        if plan.fits:
            return ExportError(
                _(
                    "the blank canvas does not fit {paper} at true size ({cells} mm cells): "
                    "it needs {needed}"
                ).format(paper=paper, cells=number(STICKY_NOTE_MM), needed=plan.page.label),
                (ExportHint.TILE,),
            )
    return _too_large(layout)


def _filled(
    journey: JourneyMap,
    paper: Paper,
    style: LayoutStyle,
    info: TitleInfo,
    legend: LegendGroups,
    fonts: FontSet,
) -> JourneyMap:
    """The map with empty stages and/or lanes added until the paper is full."""
    chrome = Chrome(fonts, paper.width, CHROME_FACTOR)
    cell = style.fixed_stage_width_mm or STICKY_NOTE_MM
    used_h = (
        2 * chrome.margin
        + chrome.header_height(info)
        + chrome.legend_height(legend)
        + chrome.footer_height
        + 2 * chrome.gap
        + style.stage_header_min_height_mm
    )
    stages = list(journey.stages)
    lanes = list(journey.lanes)
    if not stages:
        room = paper.width - 2 * chrome.margin - style.lane_header_width_mm
        count = max(1, int(room // cell))
        stages = [Stage(id=f"blank-s{i}", name="", color=stage_color(i)) for i in range(count)]
    if not lanes:
        count = max(1, int((paper.height - used_h) // style.row_min_height_mm))
        lanes = [Lane(id=f"blank-l{i}", kind=LaneKind.NOTES, title="") for i in range(count)]
    return journey.model_copy(update={"stages": stages, "lanes": lanes})
