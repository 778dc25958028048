"""`marker_spots` against a plain search over the text of every card of a map: looking
only at the cards round the first few spots, and then round the whole path, must give
the same spots, in the same order; and the cards it says it looked at must be those
touching the area it says it looked at (what a kept marker's spots are checked against)."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from journeycanvas.layout import LayoutEngine, Point
from journeycanvas.layout import label_places as places
from journeycanvas.layout.connectors import MARKER_MM
from journeycanvas.text import FontSet

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate_map

_Box = tuple[float, float, float, float]


@functools.cache
def _laid_out() -> tuple[places.CardObstacles, list[tuple[Point, ...]], list[_Box]]:
    """A crowded map's cards, its connectors' paths and every card's text box (with the
    clearance a spot keeps from it)."""
    engine = LayoutEngine(fonts=FontSet())
    engine.update(generate_map(600, seed=11))
    obstacles = engine._obstacles(engine._lane_rects())
    paths = [c.points for c in engine.layout.connectors.values() if len(c.points) > 1]
    c = places._CLEARANCE_MM - places._TOUCH_MM
    texts = []
    for lane_top, stack in zip(obstacles.lane_tops, obstacles.stacks, strict=True):
        for slot in stack.slots.values():
            box = slot.face.text.box
            tx, ty = slot.x + box.x, lane_top + slot.y + box.y
            texts.append((tx - c, ty - c, tx + box.w + c, ty + box.h + c))
    return obstacles, paths, texts


def _plain_spots(
    stretch: places.Stretch,
    texts: list[_Box],
    limit: int | None,
    take: Callable[[places.Centre], bool] | None,
) -> tuple[tuple[places.Centre, ...], bool]:
    """Every spot in turn, on the path and then further off it, against every text box,
    up to the first `take` takes; whether these are all."""
    positions = places._marker_positions(stretch.runs, stretch.trunk)[0]
    at, half = stretch.at, MARKER_MM / 2
    centres: list[places.Centre] = []
    for step in range(int(places._FAR_MARKER_MM / places._STEP_MM) + 1):
        r = step * places._STEP_MM
        offsets = [(0.0, 0.0)] if r == 0 else [(r, 0.0), (-r, 0.0), (0.0, r), (0.0, -r)]
        for x, y in positions:
            for dx, dy in offsets:
                left, top = at.x + (x + dx) - half, at.y + (y + dy) - half
                if places._free(left, top, left + MARKER_MM, top + MARKER_MM, texts):
                    centres.append((x + dx, y + dy))
                    if len(centres) == limit or (take is not None and take(centres[-1])):
                        return tuple(centres), False
    return tuple(centres), True


@st.composite
def _paths(draw: st.DrawFn) -> list[Point]:
    """A connector's path moved a little, or a straight one just beside a card's text
    (where a spot is blocked only by a card the area round it must find)."""
    _, paths, texts = _laid_out()
    if draw(st.booleans()):
        dx, dy = draw(st.floats(-30.0, 30.0)), draw(st.floats(-30.0, 30.0))
        return [Point(p.x + dx, p.y + dy) for p in draw(st.sampled_from(paths))]
    left, top, right, bottom = draw(st.sampled_from(texts))
    off = draw(st.floats(0.0, MARKER_MM))
    if draw(st.booleans()):
        x = right + off if draw(st.booleans()) else left - off
        return [Point(x, top - 20.0), Point(x, bottom + 20.0)]
    y = bottom + off if draw(st.booleans()) else top - off
    return [Point(left - 20.0, y), Point(right + 20.0, y)]


@settings(max_examples=400, deadline=None)
@given(
    points=_paths(),
    where=st.floats(0.0, 1.0),
    every=st.integers(1, 12),
    limit=st.sampled_from([None, 1, 5, 24]),
    asks=st.booleans(),
)
def test_marker_spots_are_those_of_a_search_over_every_card(
    points: list[Point],
    where: float,
    every: int,
    limit: int | None,
    asks: bool,
) -> None:
    obstacles, _, texts = _laid_out()
    stretch = places.path_stretch(points, places.path_length(points) * where, 0.0)

    def take(centre: places.Centre) -> bool:
        # As a board would: the same answer for the same spot, taking some of them.
        return round(centre[0] * 3 + centre[1] * 5) % every == 0

    asked = take if asks else None
    centres, area, found, complete = places.marker_spots(
        stretch, MARKER_MM, obstacles, limit, asked
    )
    assert (centres, complete) == _plain_spots(stretch, texts, limit, asked)
    assert found == obstacles.cards_near(area, stretch.at.y)
