"""Label spots and path stretches against plain, one-candidate-at-a-time versions of
them: the quick ways must choose the same spots, in the same order, to the last bit."""

from __future__ import annotations

import itertools
from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import orthogonal_paths

from journeycanvas.layout import Point
from journeycanvas.layout import label_places as places
from journeycanvas.layout.geometry import Rect, on_grid


class _Cards(places.CardObstacles):
    """Obstacles whose cards are given, all of them near any area."""

    def __init__(self, slots: list[tuple[float, Any]], bounds: Rect) -> None:
        super().__init__([], [], [], [], [], bounds)
        self._slots = slots

    def slots_near(self, area: Rect) -> list[tuple[float, Any]]:
        return list(self._slots)


def _plain_spots(
    stretch: places.Stretch, shared: bool, w: float, h: float, cards: _Cards, far: bool
) -> tuple[tuple[places.Centre, ...], Rect | None, list[places.CardNear]]:
    """Every candidate in turn, against every box (as label_spots did before masks)."""
    candidates = places._candidates(
        stretch.runs, stretch.trunk, shared, w, h, places._FAR_MM if far else 0.0
    )
    if candidates is None:
        return (), None, []
    at, (ex1, ey1, ex2, ey2) = stretch.at, candidates.extremes
    x1, y1, x2, y2 = at.x + ex1, at.y + ey1, at.x + ex2, at.y + ey2
    area = Rect(x1 - w, y1 - h, x2 - x1 + 2 * w, y2 - y1 + 2 * h)
    found: list[places.CardNear] = []
    boxes, texts = cards.near(area, found, at.y)
    bounds, touch = cards.bounds, places._TOUCH_MM
    clear: list[places.Centre] = []
    clear_of_text: list[places.Centre] = []
    for x, y in candidates.centres:
        left, top = at.x + x - w / 2, at.y + y - h / 2
        right, bottom = left + w, top + h
        if (
            left < bounds.x - touch
            or right > bounds.right + touch
            or top < bounds.y - touch
            or bottom > bounds.bottom + touch
            or not places._free(left, top, right, bottom, texts)
        ):
            continue
        if places._free(left, top, right, bottom, boxes):
            clear.append((x, y))
            if len(clear) == places._SPOTS:
                break
        elif len(clear_of_text) < places._SPOTS:
            clear_of_text.append((x, y))
    return tuple(clear + clear_of_text), area, found


def _plain_stretch(points: list[Point], anchor: float, trunk: float) -> places.Stretch:
    """Every segment in turn (as path_stretch did before skipping those before)."""
    at = points[0]
    runs = []
    start = 0.0
    first, last = anchor - places.WINDOW_MM, anchor + places.WINDOW_MM
    for a, b in itertools.pairwise(points):
        length = abs(b.x - a.x) + abs(b.y - a.y)
        if length <= 0:
            continue
        end = start + length
        if start > last:
            break
        if end < first:
            start = end
            continue
        ux, uy = (b.x - a.x) / length, (b.y - a.y) / length
        if start <= anchor <= end:
            at = Point(a.x + ux * (anchor - start), a.y + uy * (anchor - start))
        low, high = max(start, first), min(end, last)
        if low <= high:
            runs.append((a.x, a.y, ux, uy, low - start, low, high))
        start = end
    at = Point(at.x, on_grid(at.y))
    relative = tuple(
        ((ax - at.x) + ux * along, (ay - at.y) + uy * along, ux, uy, low - anchor, high - anchor)
        for ax, ay, ux, uy, along, low, high in runs
    )
    reach = places.WINDOW_MM + places._STEP_MM
    return places.Stretch(at, relative, min(max(trunk - anchor, -reach), reach))


@st.composite
def cards_round(draw: st.DrawFn, at: Point, edges: list[tuple[float, ...]]) -> _Cards:
    """Cards round `at`, some of them (and the grid's edges) just touching a label at
    one of `edges` (left, top, right, bottom): ties must go alike too."""
    c = places._CLEARANCE_MM - places._TOUCH_MM
    slots = []
    for _ in range(draw(st.integers(0, 14))):
        width = draw(st.floats(4.0, 60.0))
        height = draw(st.floats(4.0, 40.0))
        text = draw(
            st.sampled_from([Rect(0.0, 0.0, width, height), Rect(1.5, 2.0, width, height)])
            | st.builds(
                Rect, st.just(1.5), st.just(2.0), st.floats(0.0, width), st.floats(0.0, height)
            )
        )
        face = SimpleNamespace(width=width, height=height, text=SimpleNamespace(box=text))
        x = at.x + draw(st.floats(-80.0, 80.0))
        lane_top, y = on_grid(at.y + draw(st.floats(-80.0, 80.0))), draw(st.floats(0.0, 20.0))
        if edges and draw(st.booleans()):
            left, top, right, bottom = draw(st.sampled_from(edges))
            x = draw(st.sampled_from([right + c, left - width - c, right + c - text.x]))
            y = draw(st.sampled_from([bottom + c, top - height - c])) - lane_top
        slot = SimpleNamespace(x=x, y=y, face=face)
        slots.append((lane_top, slot))
    touch = places._TOUCH_MM
    left, top = at.x - draw(st.floats(0.0, 90.0)), at.y - draw(st.floats(0.0, 90.0))
    right, bottom = left + draw(st.floats(0.0, 200.0)), top + draw(st.floats(0.0, 200.0))
    if edges and draw(st.booleans()):
        left = draw(st.sampled_from(edges))[0] + touch
        right = draw(st.sampled_from(edges))[2] - touch
        top = draw(st.sampled_from(edges))[1] + touch
        bottom = draw(st.sampled_from(edges))[3] - touch
    return _Cards(slots, Rect(left, top, right - left, bottom - top))


def _edges(
    stretch: places.Stretch, shared: bool, w: float, h: float, far: bool
) -> list[tuple[float, ...]]:
    """The edges of a label at each candidate spot, as label_spots works them out."""
    candidates = places._candidates(
        stretch.runs, stretch.trunk, shared, w, h, places._FAR_MM if far else 0.0
    )
    at = stretch.at
    edges = []
    for x, y in candidates.centres if candidates else ():
        left, top = at.x + x - w / 2, at.y + y - h / 2
        edges.append((left, top, left + w, top + h))
    return edges


@settings(max_examples=500, deadline=None)
@given(
    path=orthogonal_paths(12).map(list),
    where=st.floats(0.0, 1.0),
    trunk=st.floats(-10.0, 200.0),
    shared=st.booleans(),
    far=st.booleans(),
    w=st.one_of(st.floats(2.0, 40.0), st.integers(8, 160).map(lambda n: n / 4)),
    h=st.one_of(st.floats(2.0, 12.0), st.integers(8, 48).map(lambda n: n / 4)),
    data=st.data(),
)
def test_label_spots_are_those_of_trying_each_in_turn(
    path: list[Point],
    where: float,
    trunk: float,
    shared: bool,
    far: bool,
    w: float,
    h: float,
    data: st.DataObject,
) -> None:
    stretch = places.path_stretch(path, places.path_length(path) * where, trunk)
    cards = data.draw(cards_round(stretch.at, _edges(stretch, shared, w, h, far)))
    spots = places.label_spots(stretch, shared, w, h, cards, far)
    assert spots == _plain_spots(stretch, shared, w, h, cards, far)


@settings(max_examples=500, deadline=None)
@given(
    path=orthogonal_paths(12).map(list),
    where=st.floats(-0.2, 1.2),
    trunk=st.floats(-10.0, 200.0),
    edge=st.integers(0, 12),
    side=st.sampled_from([None, -1.0, 1.0]),
)
def test_path_stretch_is_that_of_walking_every_segment(
    path: list[Point], where: float, trunk: float, edge: int, side: float | None
) -> None:
    anchor = places.path_length(path) * where
    if side is not None and len(path) > 1:
        # The window's edge just at a corner: where a segment ends or the next starts.
        corners = list(
            itertools.accumulate(
                abs(b.x - a.x) + abs(b.y - a.y) for a, b in itertools.pairwise(path)
            )
        )
        anchor = corners[edge % len(corners)] - side * places.WINDOW_MM
    stretch = places.path_stretch(path, anchor, trunk)
    assert repr(stretch) == repr(_plain_stretch(path, anchor, trunk))
