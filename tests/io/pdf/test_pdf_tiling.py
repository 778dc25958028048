"""How large a fitted poster prints when tiled: the fewest sheets that keep it readable."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

import pytest
from pdf_helpers import all_maps, grid_map

from journeycanvas.io.pdf import ExportOptions, parse_paper, plan_pdf, tile_grid
from journeycanvas.io.pdf.chrome import TitleInfo
from journeycanvas.io.pdf.poster import plan_poster, poster_legend, trimmed
from journeycanvas.io.pdf.tiled import SHEET_MARGIN_MM
from journeycanvas.io.pdf.tiling import (
    ILLEGIBLE_PT,
    MAX_SHRINK,
    READABLE_PT,
    least_scale,
)
from journeycanvas.io.pdf.words import Words
from journeycanvas.layout import layout_journey
from journeycanvas.model import JourneyMap
from journeycanvas.text import default_font_set

TEXT_PT = 9.0


# No cell holds more than six cards, so none moves to an appendix (test_pdf_appendix.py):
# these shapes test the tiling alone.
SHAPES = {
    "tall": grid_map("Tall", 3, 24, 5),
    "strip": grid_map("Strip", 24, 1, 1),
    "square": grid_map("Square", 8, 3, 6),
    "column": grid_map("Column", 1, 40, 5),
    **{name: all_maps()[name] for name in ("hourglass", "decision-journey")},
}


def unshrunk(journey: JourneyMap, options: ExportOptions) -> tuple[float, int, float]:
    """The poster fitted to the paper as the map is laid out on screen (a tiled poster is
    not laid out again to the paper's shape), cut to its content: scale, sheets, area per
    sheet."""
    fonts = default_font_set()
    layout = layout_journey(journey, fonts=fonts)
    info = TitleInfo.of(journey, Words.of(journey))
    legend = poster_legend(journey, layout)
    fitted = plan_poster(layout, info, legend, replace(options, tile=None), fonts)
    page = trimmed(fitted, layout, fonts).page
    sheet = parse_paper(options.tile or "a4")
    grid = tile_grid(page.width, page.height, sheet, options.overlap_mm, SHEET_MARGIN_MM)
    return fitted.scale, grid.count, page.width * page.height / grid.count


@pytest.mark.parametrize(
    ("name", "paper", "sheets", "columns"),
    [
        ("tall", "A1", 3, 1),  # one column: the title block wraps instead of spilling over
        ("column", "A0", 4, 1),
        ("strip", "A0", 4, 4),  # one row
        ("square", "A1", 6, 3),
        ("hourglass", "A1", 6, 3),
        ("decision-journey", "A1", 8, 4),
    ],
)
def test_sheet_count_of_map_shapes(name: str, paper: str, sheets: int, columns: int) -> None:
    plan = plan_pdf(SHAPES[name], ExportOptions(paper=paper, tile="a4"))
    assert plan.grid is not None
    assert (plan.grid.count, plan.grid.cols) == (sheets, columns)
    assert plan.pages == sheets + 1


@pytest.mark.parametrize("name", sorted(SHAPES))
@pytest.mark.parametrize("paper", ["A2", "A1", "A0"])
@pytest.mark.parametrize("sheet", ["a4", "letter"])
def test_fewer_sheets_never_cost_readability_or_paper(name: str, paper: str, sheet: str) -> None:
    options = ExportOptions(paper=paper, tile=sheet)
    plan = plan_pdf(SHAPES[name], options)
    assert plan.grid is not None
    scale, count, per_sheet = unshrunk(SHAPES[name], options)
    assert plan.grid.count <= count
    assert plan.poster.scale >= scale * (1 - MAX_SHRINK) - 1e-9
    if scale * TEXT_PT >= READABLE_PT:
        assert plan.poster.scale * TEXT_PT >= READABLE_PT - 1e-9
    page = plan.poster.page
    assert page.width * page.height / plan.grid.count >= per_sheet - 1e-6
    assert plan.poster.info.title  # the title block is whole, not cut short
    assert not plan.poster.chrome.shortened(plan.poster.info)


def test_a_sliver_of_a_column_is_not_printed_on_sheets_of_its_own() -> None:
    journey = SHAPES["decision-journey"]
    scale, count, _ = unshrunk(journey, ExportOptions(paper="A1", tile="a4"))
    plan = plan_pdf(journey, ExportOptions(paper="A1", tile="a4"))
    assert count == 10 and plan.grid is not None and plan.grid.count == 8
    assert plan.poster.scale < scale


def test_a_fixed_scale_is_kept_whatever_the_sheets() -> None:
    plan = plan_pdf(SHAPES["square"], ExportOptions(scale=1.04, tile="a4"))
    assert plan.poster.scale == pytest.approx(1.04)


def test_readable_text_stays_readable_and_overviews_shrink_a_quarter_at_most() -> None:
    assert least_scale(1.5, TEXT_PT) * TEXT_PT == pytest.approx(1.5 * TEXT_PT * (1 - MAX_SHRINK))
    assert least_scale(0.9, TEXT_PT) * TEXT_PT == pytest.approx(READABLE_PT)
    assert 0.7 * (1 - MAX_SHRINK) < least_scale(0.7, TEXT_PT) < 0.7  # 6.3 pt: a little
    assert least_scale(0.1, TEXT_PT) == pytest.approx(0.1 * (1 - MAX_SHRINK))
    assert least_scale(ILLEGIBLE_PT / TEXT_PT, TEXT_PT) == pytest.approx(
        ILLEGIBLE_PT / TEXT_PT * (1 - MAX_SHRINK)
    )


def test_the_least_scale_grows_smoothly_with_the_scale() -> None:
    scales = [step / 1000 for step in range(10, 2000)]
    least = [least_scale(scale, TEXT_PT) for scale in scales]
    assert all(low <= scale for low, scale in zip(least, scales, strict=True))
    assert all(b >= a for a, b in pairwise(least))
    assert max(b - a for a, b in pairwise(least)) < 0.002
