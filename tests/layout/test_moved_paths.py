"""A path that moves down with its lanes (by a multiple of the layout grid, as every lane
shift is) measures exactly as before, moved: what an incremental layout keeps and moves
is then, to the last bit, what a full layout works out afresh."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeycanvas.layout import Point
from journeycanvas.layout.label_places import path_stretch
from journeycanvas.layout.path_shapes import own_middle

# A breakpoint's path as a full layout routed it (x from stage widths, off the grid;
# y on the 1/1024 mm grid of lane tops and card heights).
PATH = (
    Point(291.65933547015993, 223.31640625),
    Point(294.65933547015993, 223.31640625),
    Point(294.65933547015993, 264.81640625),
    Point(354.5637850571324, 264.81640625),
    Point(354.5637850571324, 223.31640625),
    Point(357.5637850571324, 223.31640625),
)

shifts = st.integers(-200_000, 200_000).map(lambda n: n / 1024)


def _moved(points: tuple[Point, ...], dy: float) -> tuple[Point, ...]:
    return tuple(Point(p.x, p.y + dy) for p in points)


@given(dy=shifts)
def test_the_middle_of_a_moved_path_is_the_middle_moved(dy: float) -> None:
    point, direction, segment, distance = own_middle(PATH, 0.0)
    moved = own_middle(_moved(PATH, dy), 0.0)
    assert moved == (Point(point.x, point.y + dy), direction, segment, distance)


@pytest.mark.parametrize("anchor", [10.0, 54.71, 61.20000000000002])
@given(dy=shifts)
def test_the_stretch_of_a_moved_path_is_the_stretch_moved(anchor: float, dy: float) -> None:
    stretch = path_stretch(PATH, anchor, 0.0)
    moved = path_stretch(_moved(PATH, dy), anchor, 0.0)
    assert moved.at == Point(stretch.at.x, stretch.at.y + dy)
    assert moved.runs == stretch.runs
    assert moved.trunk == stretch.trunk
