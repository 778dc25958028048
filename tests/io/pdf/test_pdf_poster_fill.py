"""A poster fitted to its paper fills the sheet: no empty band at its foot or sides.

Measured on the rendered page: no run of blank rows taller than `MAX_BAND` of the page
(the band a wide map used to leave under its legend), and across the middle of the page
(where the map is) the ink spans at least `MIN_SPAN` of the page's width (the bands a
tall map used to leave at its sides).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_helpers import all_maps, grid_map, render_pages
from PIL import Image

from journeycanvas.io.pdf import ExportOptions, export_pdf, plan_pdf

MAX_BAND = 0.10
MIN_SPAN = 0.88
WHITE = 245


SHORT = "Reads the reviews before the first visit to the shop"
MAPS = {
    **all_maps(),
    "tall": grid_map("Tall", 2, 9, 2, SHORT),
    "wide": grid_map("Wide", 7, 2, 1, SHORT),
}


def blank_band(page: Image.Image) -> float:
    """The tallest run of blank rows, as a share of the page's height."""
    width, height = page.size
    pixels = page.load()
    assert pixels is not None
    longest = run = 0
    for y in range(height):
        blank = all(int(pixels[x, y]) >= WHITE for x in range(width))  # type: ignore[arg-type]
        run = run + 1 if blank else 0
        longest = max(longest, run)
    return longest / height


def middle_span(page: Image.Image) -> float:
    """How much of the page's width the ink spans in its middle half (rows), as a share."""
    width, height = page.size
    pixels = page.load()
    assert pixels is not None
    inked = [
        x
        for x in range(width)
        for y in range(height // 4, 3 * height // 4, 2)
        if int(pixels[x, y]) < WHITE  # type: ignore[arg-type]
    ]
    return (max(inked) - min(inked) + 1) / width


@pytest.mark.parametrize(
    ("paper", "orientation"),
    [("A1", None), ("A0", None), ("A3", "portrait"), ("A3", "landscape")],
)
@pytest.mark.parametrize("name", sorted(MAPS))
def test_the_fitted_poster_fills_its_sheet(
    name: str, paper: str, orientation: str | None, tmp_path: Path
) -> None:
    if name == "wide" and orientation == "portrait":
        pytest.skip("a wide map pinned to portrait paper needs its stages wrapped in bands")
    out = tmp_path / f"{name}.pdf"
    export_pdf(MAPS[name], out, ExportOptions(paper=paper, orientation=orientation))
    (page,) = render_pages(out, tmp_path, dpi=10)
    assert blank_band(page) <= MAX_BAND
    assert middle_span(page) >= MIN_SPAN


def test_a_wide_map_is_printed_larger_than_as_on_screen_with_narrower_stages() -> None:
    journey = all_maps()["content-ideation"]
    plan = plan_pdf(journey, ExportOptions(paper="A1"))
    widths = {stage.id: stage.width_mm for stage in plan.journey.stages}
    assert all(widths[stage.id] < stage.width_mm for stage in journey.stages)
    sizes = [card.face.text.font_size_pt * plan.poster.scale for card in plan.layout.cards.values()]
    assert min(sizes) >= 14.0  # read from two metres: it was 10.6 pt as laid out on screen


def test_a_fixed_scale_prints_the_map_as_on_screen() -> None:
    journey = all_maps()["content-ideation"]
    plan = plan_pdf(journey, ExportOptions(paper="A1", scale=1.0))
    assert plan.journey.stages == journey.stages
