"""Label spots among cards stacked in columns, against the plain one-candidate-at-a-time
version: `_scan` keeps what a box's x range blocks for the next card of the same x and
width (and text), so runs of such cards, broken by others, must choose alike."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import orthogonal_paths
from test_label_places import _Cards, _plain_spots

from journeycanvas.layout import Point
from journeycanvas.layout import label_places as places
from journeycanvas.layout.geometry import Rect, on_grid


@st.composite
def stacked_cards(draw: st.DrawFn, at: Point) -> _Cards:
    """Cards round `at` in a few columns, each a run of cards of one x and width, their
    texts of one box or of a few (ties with a label's edges come from the plain test)."""
    slots: list[tuple[float, Any]] = []
    lane_top = on_grid(at.y - draw(st.floats(0.0, 60.0)))
    for _ in range(draw(st.integers(1, 4))):
        x = at.x + draw(st.floats(-40.0, 10.0))
        width = draw(st.sampled_from([12.0, 30.0, draw(st.floats(4.0, 60.0))]))
        texts = [
            Rect(
                draw(st.sampled_from([1.5, draw(st.floats(0.0, 3.0))])),
                2.0,
                draw(st.floats(0.0, width)),
                3.0,
            )
            for _ in range(draw(st.integers(1, 3)))
        ]
        y = draw(st.floats(0.0, 20.0))
        for _ in range(draw(st.integers(1, 8))):
            height = draw(st.floats(4.0, 30.0))
            # Sometimes a spanning card: the same x, wider.
            face = SimpleNamespace(
                width=width + draw(st.sampled_from([0.0, 0.0, 25.0])),
                height=height,
                text=SimpleNamespace(box=draw(st.sampled_from(texts))),
            )
            slots.append((lane_top, SimpleNamespace(x=x, y=y, face=face)))
            y += height + draw(st.sampled_from([0.0, 1.0, draw(st.floats(0.0, 5.0))]))
    bounds = Rect(at.x - 100.0, at.y - 100.0, 200.0, 200.0)
    return _Cards(slots, bounds)


@settings(max_examples=300, deadline=None)
@given(
    path=orthogonal_paths(12).map(list),
    where=st.floats(0.0, 1.0),
    shared=st.booleans(),
    far=st.booleans(),
    w=st.integers(8, 160).map(lambda n: n / 4),
    h=st.integers(8, 48).map(lambda n: n / 4),
    data=st.data(),
)
def test_label_spots_among_stacked_cards_are_those_of_trying_each_in_turn(
    path: list[Point],
    where: float,
    shared: bool,
    far: bool,
    w: float,
    h: float,
    data: st.DataObject,
) -> None:
    stretch = places.path_stretch(path, places.path_length(path) * where, 0.0)
    cards = data.draw(stacked_cards(stretch.at))
    spots = places.label_spots(stretch, shared, w, h, cards, far)
    assert spots == _plain_spots(stretch, shared, w, h, cards, far)
