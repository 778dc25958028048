"""The walks along a path (its own middle, where it crosses a gutter's middle, its length
and stretches), some of them sharing one walk of the path, against the plain walks
they replace: the same results, to the last bit, in any order of asking."""

from __future__ import annotations

import itertools
import math
from bisect import bisect_left, bisect_right

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import orthogonal_paths

from journeycanvas.layout import Point
from journeycanvas.layout import label_places as places
from journeycanvas.layout.geometry import on_grid
from journeycanvas.layout.path_shapes import (
    ARROW_MM,
    band_crossing,
    middle_and_extent,
    own_middle,
)


def _plain_middle(points: tuple[Point, ...], trunk: float) -> tuple[Point, Point, int, float]:
    """Every segment in turn (as own_middle did before)."""
    best_length, best = 0.0, None
    fallback_length, fallback = -1.0, None
    start = 0.0
    last = len(points) - 2
    for index, (a, b) in enumerate(itertools.pairwise(points)):
        length = abs(b.x - a.x) + abs(b.y - a.y)
        end = start + length
        low = start if start > trunk else trunk
        high = end - ARROW_MM if index == last else end
        if high - low > best_length:
            best_length, best = high - low, (index, low, high, start)
        if length > fallback_length:
            fallback_length, fallback = length, (index, start, end, start)
        start = end
    chosen = best or fallback
    if chosen is None:
        return points[0], Point(1.0, 0.0), 0, 0.0
    index, low, high, run_start = chosen
    distance = on_grid((low + high) / 2)
    a, b = points[index], points[index + 1]
    length = math.hypot(b.x - a.x, b.y - a.y)
    if length == 0:
        return a, Point(1.0, 0.0), index, distance
    ux, uy = (b.x - a.x) / length, (b.y - a.y) / length
    along = distance - run_start
    return Point(a.x + ux * along, on_grid(a.y + uy * along)), Point(ux, uy), index, distance


def _plain_crossing(
    points: tuple[Point, ...], low: float, high: float, middles: list[float]
) -> float | None:
    """Every segment in turn (as band_crossing did before)."""
    target = (low + high) / 2
    best = None
    start = 0.0
    for a, b in itertools.pairwise(points):
        ay, by = a.y, b.y
        if a.x != b.x or ay == by:
            start += abs(b.x - a.x) + abs(by - ay)
            continue
        top, bottom = (ay, by) if ay < by else (by, ay)
        for k in range(bisect_right(middles, top), bisect_left(middles, bottom)):
            distance = start + abs(middles[k] - ay)
            if low <= distance <= high and (
                best is None or abs(distance - target) < abs(best - target)
            ):
                best = distance
        start += bottom - top
    return best


def _plain_length(points: tuple[Point, ...]) -> float:
    return sum(abs(b.x - a.x) + abs(b.y - a.y) for a, b in itertools.pairwise(points))


@settings(max_examples=400, deadline=None)
@given(path=orthogonal_paths(14), trunk=st.one_of(st.just(0.0), st.floats(-10.0, 200.0)))
def test_own_middle_is_that_of_walking_every_segment(path: tuple[Point, ...], trunk: float) -> None:
    assert repr(own_middle(path, trunk)) == repr(_plain_middle(path, trunk))
    ys = [p.y for p in path]
    assert repr(middle_and_extent(path, trunk)) == repr(
        (_plain_middle(path, trunk), min(ys), max(ys))
    )


@settings(max_examples=400, deadline=None)
@given(
    path=orthogonal_paths(14),
    trunk=st.floats(0.0, 200.0),
    shared=st.booleans(),
    middles=st.lists(st.floats(-20.0, 620.0), max_size=8).map(sorted),
    on_corner=st.booleans(),
    data=st.data(),
)
def test_the_questions_about_one_path_are_answered_as_walking_it_each_time(
    path: tuple[Point, ...],
    trunk: float,
    shared: bool,
    middles: list[float],
    on_corner: bool,
    data: st.DataObject,
) -> None:
    # The connectors' order: where the label crosses a gutter, the length, the stretch
    # round the label's anchor and round the middle of the whole path.
    if on_corner and len(path) > 2:
        # A gutter's middle where a run ends: no crossing there.
        middles = sorted([*middles, path[data.draw(st.integers(1, len(path) - 2))].y])
    low, high = (0.0, trunk) if shared else (trunk, math.inf)
    crossing = band_crossing(path, low, high, middles)
    assert repr(crossing) == repr(_plain_crossing(path, low, high, middles))
    length = places.path_length(path)
    assert repr(length) == repr(_plain_length(path))
    label = crossing if crossing is not None else data.draw(st.floats(-10.0, length + 10))
    for anchor, trunk_ in ((label, trunk), (length / 2, 0.0)):
        stretch = places.path_stretch(path, anchor, trunk_)
        # Asked afresh, of an equal path (another tuple) and of a list.
        again = places.path_stretch(tuple(list(path)), anchor, trunk_)
        assert repr(stretch) == repr(again) == repr(places.path_stretch(list(path), anchor, trunk_))


def test_a_path_walked_last_is_held_and_no_other_taken_for_it() -> None:
    path = (Point(0.0, 0.0), Point(10.0, 0.0), Point(10.0, 5.0))
    assert places.path_walk(path) == ([10.0, 5.0], [0.0, 10.0, 15.0])
    assert places.path_walk(path) is places.path_walk(path)
    other = (Point(0.0, 0.0), Point(10.0, 0.0), Point(10.0, 7.0))
    assert places.path_length(other) == 17.0
    # A list can change: it is walked afresh each time.
    points = list(path)
    assert places.path_length(points) == 15.0
    points.append(Point(12.0, 5.0))
    assert places.path_length(points) == 17.0
