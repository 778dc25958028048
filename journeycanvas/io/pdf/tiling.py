"""How large a fitted poster prints when it is tiled: on the fewest sheets that keep it
readable and about the size asked for.

A poster fitted to A1 and tiled onto A4 would often need a last row or column of sheets
that holds only a sliver of it. Made a little smaller, or on a narrower page (the title
block wraps), it needs fewer sheets. A facilitator wants that, but not at any price:

- the map shrinks by at most `MAX_SHRINK`, so the poster stays about the size asked for;
- card text that could be read stays readable: at least `READABLE_PT` printed. Text
  under `ILLEGIBLE_PT` is not read anyway (an overview of a huge map), so only the first
  rule holds there; in between, the shrink allowed grows smoothly from none to the most;
- the poster may not waste paper: its area per sheet may not drop. Dropping a column that
  holds a sliver is worth it; shrinking a quarter to save one sheet of twenty is not.
"""

from __future__ import annotations

from collections.abc import Iterator

from journeycanvas.io.pdf.paper import Orientation, Paper, TileGrid, tile_grid
from journeycanvas.io.pdf.poster import PosterPlan, rescaled
from journeycanvas.io.pdf.tiled import SHEET_MARGIN_MM
from journeycanvas.layout import JourneyLayout
from journeycanvas.text import FontSet

MAX_SHRINK = 0.25
"""The most a fitted poster's map may shrink to need fewer sheets."""
READABLE_PT = 7.0
"""Printed card text at least this large is read at arm's length; it is kept so."""
ILLEGIBLE_PT = 4.0
"""Printed card text smaller than this is not read anyway."""
_PRECISION = 1e-3
_FUZZ = 1e-6


def least_scale(scale: float, text_pt: float) -> float:
    """The smallest scale a poster fitted at `scale` may shrink to, for card text set at
    `text_pt` (before scaling)."""
    printed = scale * text_pt
    shrunk = printed * (1 - MAX_SHRINK)
    if printed >= READABLE_PT:
        least = max(READABLE_PT, shrunk)
    elif printed <= ILLEGIBLE_PT:
        least = shrunk
    else:  # from the illegible end's full shrink to none at the readable end
        low = ILLEGIBLE_PT * (1 - MAX_SHRINK)
        least = low + (printed - ILLEGIBLE_PT) * (READABLE_PT - low) / (READABLE_PT - ILLEGIBLE_PT)
    return min(scale, least / text_pt)


def snug_on_sheets(
    plan: PosterPlan, layout: JourneyLayout, sheet: Paper, overlap: float, fonts: FontSet
) -> PosterPlan:
    """The fitted poster `plan` as it should be tiled onto `sheet` paper: on the fewest
    sheets the rules above allow, and on those as large as it can be."""
    fitted = rescaled(plan, layout, plan.scale, fonts)
    count = _grid(fitted, sheet, overlap).count
    paper_per_sheet = _area(fitted) / count
    least = least_scale(plan.scale, layout.style.card_text_pt)
    least_w = layout.width * least + 2 * plan.chrome.margin
    least_h = layout.height * least + 2 * plan.chrome.margin
    boxes = sorted(
        box
        for box in _boxes(sheet, overlap, count - 1)
        if box[1] >= least_w - _FUZZ and box[2] >= least_h - _FUZZ
    )
    for fewer in sorted({box[0] for box in boxes}):
        found = []
        for _, box_w, box_h in (box for box in boxes if box[0] == fewer):
            candidate = _largest_in(plan, layout, fonts, least, box_w, box_h)
            if candidate is not None and _area(candidate) / fewer >= paper_per_sheet - _FUZZ:
                found.append(candidate)
        if found:
            return max(found, key=lambda candidate: candidate.scale)
    return fitted


def _grid(plan: PosterPlan, sheet: Paper, overlap: float) -> TileGrid:
    return tile_grid(plan.page.width, plan.page.height, sheet, overlap, SHEET_MARGIN_MM)


def _area(plan: PosterPlan) -> float:
    return plan.page.width * plan.page.height


def _boxes(sheet: Paper, overlap: float, most: int) -> Iterator[tuple[int, float, float]]:
    """Every grid of at most `most` sheets, either way round: its sheet count, and the
    width and height of poster it holds."""
    turns: tuple[Orientation, ...] = ("portrait", "landscape")
    for turn in turns:
        paper = sheet.oriented(turn)
        step_w = paper.width - 2 * SHEET_MARGIN_MM - overlap
        step_h = paper.height - 2 * SHEET_MARGIN_MM - overlap
        for cols in range(1, most + 1):
            for rows in range(1, most // cols + 1):
                yield cols * rows, cols * step_w + overlap, rows * step_h + overlap


def _largest_in(
    plan: PosterPlan,
    layout: JourneyLayout,
    fonts: FontSet,
    least: float,
    box_w: float,
    box_h: float,
) -> PosterPlan | None:
    """The poster at the largest scale from `least` to the plan's own that fits a
    `box_w` × `box_h` mm box; None when even the least does not."""

    def at(scale: float) -> PosterPlan | None:
        candidate = rescaled(plan, layout, scale, fonts, box_w)
        page = candidate.page
        return candidate if page.width <= box_w + _FUZZ and page.height <= box_h + _FUZZ else None

    found = at(least)
    if found is None:
        return None
    top = at(plan.scale)
    if top is not None:
        return top
    low, high = least, plan.scale
    while high - low > plan.scale * _PRECISION:
        middle = (low + high) / 2
        candidate = at(middle)
        if candidate is None:
            high = middle
        else:
            low, found = middle, candidate
    return found
