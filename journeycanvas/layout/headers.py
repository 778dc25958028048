"""Stage and lane headers, and the cells of the grid between them."""

from __future__ import annotations

from dataclasses import dataclass

from journeycanvas.layout.boxes import Cell, LaneHeader, StageHeader, TextBlock
from journeycanvas.layout.geometry import MM_PER_PT, Rect
from journeycanvas.layout.style import LayoutStyle
from journeycanvas.layout.text_blocks import block_height, text_block
from journeycanvas.model.entities import Lane, Stage
from journeycanvas.text import FontSet, words


@dataclass(frozen=True, slots=True)
class StageColumn:
    """A stage's column and header texts, before the grid's height is known."""

    id: str
    color: str
    x: float
    width: float
    name: TextBlock
    goal: TextBlock
    height_needed: float


@dataclass(frozen=True, slots=True)
class LaneTitle:
    """A lane's header text, and the row height the header alone needs."""

    id: str
    kind: str  # a LaneKind, or the id of a kind from a newer version, kept as it was
    title: TextBlock
    height_needed: float


def stage_columns(stages: list[Stage], style: LayoutStyle, fonts: FontSet) -> list[StageColumn]:
    """Columns left to right from the lane header column; name and goal wrapped, centred."""
    pad = style.header_padding_mm
    columns = []
    x = style.lane_header_width_mm
    for stage in stages:
        width = style.fixed_stage_width_mm or stage.width_mm
        name = text_block(
            fonts,
            stage.name,
            Rect(pad, pad, width - 2 * pad, 0.0),
            style.stage_name_pt,
            style.line_spacing,
            style.stage_name_max_lines,
            bold=True,
            centered=True,
        )
        goal_top = pad + block_height(name) + style.header_gap_mm
        goal = text_block(
            fonts,
            stage.goal,
            Rect(pad, goal_top, width - 2 * pad, 0.0),
            style.stage_goal_pt,
            style.line_spacing,
            style.stage_goal_max_lines,
            centered=True,
        )
        bottom = goal_top + block_height(goal) if stage.goal.strip() else goal_top
        columns.append(StageColumn(stage.id, stage.color, x, width, name, goal, bottom + pad))
        x += width
    return columns


def lane_titles(lanes: list[Lane], style: LayoutStyle, fonts: FontSet) -> list[LaneTitle]:
    """Each lane's title, wrapped right of the kind icon."""
    pad, icon = style.header_padding_mm, style.lane_icon_mm
    title_x = pad + icon + style.header_gap_mm
    title_w = style.lane_header_width_mm - title_x - pad
    titles = []
    for lane in lanes:
        title = text_block(
            fonts,
            lane.title,
            Rect(title_x, pad, title_w, 0.0),
            _title_size(lane.title, title_w, style, fonts),
            style.line_spacing,
            style.lane_title_max_lines,
            bold=True,
        )
        needed = 2 * pad + max(icon, block_height(title))
        titles.append(LaneTitle(lane.id, lane.kind, title, needed))
    return titles


def _title_size(text: str, width_mm: float, style: LayoutStyle, fonts: FontSet) -> float:
    """The lane title's font size: the style's, or up to 1 pt steps smaller, the first at
    which its widest word fits the header (the smallest when none does)."""
    size = style.lane_title_pt
    # Widths grow in proportion to the size: measure once at 1 pt.
    longest = max((fonts.width(word, 1.0, bold=True) for word in words(text)), default=0.0)
    longest *= MM_PER_PT
    while size > style.lane_title_min_pt and longest * size > width_mm:
        size = max(size - 1.0, style.lane_title_min_pt)
    return size


def grid(
    columns: list[StageColumn],
    titles: list[LaneTitle],
    header_height: float,
    lane_rects: list[Rect],
    style: LayoutStyle,
) -> tuple[tuple[StageHeader, ...], tuple[LaneHeader, ...], tuple[Cell, ...]]:
    """Stage headers, lane headers and cells, lanes at `lane_rects` (header column rects)."""
    grid_right = columns[-1].x + columns[-1].width if columns else style.lane_header_width_mm
    total_h = lane_rects[-1].bottom if lane_rects else header_height
    stages = tuple(
        StageHeader(
            c.id,
            i,
            Rect(c.x, 0.0, c.width, header_height),
            Rect(c.x, 0.0, c.width, total_h),
            c.color,
            c.name,
            c.goal,
        )
        for i, c in enumerate(columns)
    )
    pad, icon = style.header_padding_mm, style.lane_icon_mm
    lanes = tuple(
        LaneHeader(
            t.id,
            i,
            rect,
            Rect(0.0, rect.y, grid_right, rect.h),
            t.kind,
            Rect(pad, pad, icon, icon),
            t.title,
        )
        for i, (t, rect) in enumerate(zip(titles, lane_rects, strict=True))
    )
    cells = tuple(
        Cell(
            stage.id,
            lane.id,
            Rect(stage.rect.x, lane.rect.y, stage.rect.w, lane.rect.h),
            i % 2 == 1,
        )
        for i, lane in enumerate(lanes)
        for stage in stages
    )
    return stages, lanes, cells
