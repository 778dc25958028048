"""Papers, orientation, scaling, and how many sheets a tiled poster needs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeycanvas.io.pdf import ExportError, parse_paper, tile_grid
from journeycanvas.io.pdf.paper import (
    TileGrid,
    fit_scale,
    sheets_along,
)


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("A0", (841, 1189)),
        ("a1", (594, 841)),
        ("A2", (420, 594)),
        ("A3", (297, 420)),
        (" A4 ", (210, 297)),
        ("Letter", (215.9, 279.4)),
        ("TABLOID", (279.4, 431.8)),
        ("500x700mm", (500, 700)),
        ("500 × 700 mm", (500, 700)),
        ("1000X420,5", (1000, 420.5)),
    ],
)
def test_papers_by_name_and_custom_sizes(text: str, size: tuple[float, float]) -> None:
    paper = parse_paper(text)
    assert (paper.width, paper.height) == pytest.approx(size)


@pytest.mark.parametrize("text", ["B5", "", "A4 landscape", "10x700mm", "700x9000mm", "axbmm"])
def test_unknown_or_impossible_papers_are_refused_with_the_choices(text: str) -> None:
    with pytest.raises(ExportError, match="paper"):
        parse_paper(text)


def test_orientation_turns_the_paper_and_names_it() -> None:
    a1 = parse_paper("A1")
    assert a1.orientation == "portrait"
    landscape = a1.oriented("landscape")
    assert (landscape.width, landscape.height) == (841, 594)
    assert landscape.label == "A1 landscape"
    assert landscape.oriented(None) == landscape
    assert parse_paper("500x700mm").label == "500 × 700 mm"
    assert landscape.size_pt == pytest.approx((841 * 72 / 25.4, 594 * 72 / 25.4))


def test_fit_scale_keeps_the_aspect_and_fills_one_side() -> None:
    assert fit_scale(200, 100, 100, 100) == pytest.approx(0.5)
    assert fit_scale(100, 200, 400, 400) == pytest.approx(2.0)


@given(
    length=st.floats(1, 5000),
    usable=st.floats(50, 400),
    overlap=st.floats(0, 40),
)
def test_sheets_along_is_the_fewest_that_cover(
    length: float, usable: float, overlap: float
) -> None:
    count = sheets_along(length, usable, overlap)
    assert count * (usable - overlap) + overlap >= length - 1e-6
    if count > 1:
        assert (count - 1) * (usable - overlap) + overlap < length


def test_tile_grid_picks_the_orientation_with_fewer_sheets() -> None:
    a4 = parse_paper("A4")
    grid = tile_grid(841, 594, a4, overlap=10, margin=9)
    other = tile_grid(841, 594, a4, overlap=10, margin=9, orientation="landscape")
    portrait = tile_grid(841, 594, a4, overlap=10, margin=9, orientation="portrait")
    assert grid.count == min(other.count, portrait.count)
    assert grid.cols * grid.step_x + grid.overlap >= 841
    assert grid.rows * grid.step_y + grid.overlap >= 594
    assert grid.origin(1, 2) == (2 * grid.step_x, grid.step_y)
    assert grid.label(1, 2) == "R2·C3"


def test_an_overlap_as_large_as_a_sheet_is_refused() -> None:
    with pytest.raises(ExportError, match="overlap"):
        tile_grid(1000, 1000, parse_paper("A4"), overlap=250, margin=9)


def test_sheet_names_cannot_be_taken_for_paper_sizes() -> None:
    assert [TileGrid.label(0, 0), TileGrid.label(1, 2), TileGrid.label(26, 9)] == [
        "R1·C1",
        "R2·C3",
        "R27·C10",
    ]
