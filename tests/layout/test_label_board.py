"""LaneBoard against a plain check of every box: its cells only sort boxes, so the
first free spot (and `is_free`) must be what comparing each spot with each box gives."""

from __future__ import annotations

import math
from bisect import bisect_right

from hypothesis import given, settings
from hypothesis import strategies as st

from journeycanvas.layout import Point
from journeycanvas.layout.geometry import Rect
from journeycanvas.layout.label_board import _CELL_MM, _TOUCH_MM, LaneBoard, Probe, _keys

_EDGES = [10.0, 60.0, 61.5, 130.0]
_coord = st.floats(-40.0, 200.0, allow_nan=False)
_size = st.floats(0.0, 60.0, allow_nan=False)
_box = st.tuples(_coord, _coord, _size, _size, st.sampled_from([None, "a", "b", "c"]))


def _plain_free(
    boxes: list[tuple[Rect, str | None]], ranks: dict[str, int], spot: tuple[float, ...], rank: int
) -> bool:
    """Every box in every lane the spot reaches, with `_free`'s sums and comparisons."""
    x, y, x2, y2 = spot
    left, right = x + _TOUCH_MM, x2 - _TOUCH_MM
    for lane in range(bisect_right(_EDGES, y) - 1, bisect_right(_EDGES, y2)):
        lane_top = 0.0 if lane < 0 else _EDGES[lane]
        top, bottom = y - lane_top + _TOUCH_MM, y2 - lane_top - _TOUCH_MM
        for rect, owner in boxes:
            first = bisect_right(_EDGES, rect.y) - 1
            if not first <= lane < bisect_right(_EDGES, rect.bottom):
                continue
            if (
                left < rect.right
                and rect.x < right
                and top < rect.bottom - lane_top
                and rect.y - lane_top < bottom
                and (owner is None or ranks[owner] < rank)
            ):
                return False
    return True


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_box, max_size=25),
    st.lists(st.integers(0, 24), max_size=5),
    st.lists(st.tuples(_coord, _coord), min_size=1, max_size=8),
    _coord,
    _coord,
    st.floats(0.5, 40.0),
    st.floats(0.5, 20.0),
    st.integers(0, 3),
)
def test_first_free_is_the_plain_check(
    boxes: list[tuple[float, float, float, float, str | None]],
    removed: list[int],
    centres: list[tuple[float, float]],
    at_x: float,
    at_y: float,
    w: float,
    h: float,
    rank: int,
) -> None:
    ranks = {"a": 0, "b": 1, "c": 2}
    board = LaneBoard()
    board.set_lanes(_EDGES, ranks)
    added = [(Rect(x, y, bw, bh), owner) for x, y, bw, bh, owner in boxes]
    handles = [board.add(rect, owner) for rect, owner in added]
    for index in sorted(set(removed), reverse=True):
        if index < len(added):
            board.remove(handles[index])
            del added[index]
    at = Point(at_x, at_y)
    probe = Probe([])
    found = board.first_free(at, tuple(centres), w, h, rank, probe)
    expected = None
    for cx, cy in centres:
        left, top = at_x + cx - w / 2, at_y + cy - h / 2
        free = _plain_free(added, ranks, (left, top, left + w, top + h), rank)
        assert board.is_free(at, (cx, cy), w, h, rank) == free
        if free and expected is None:
            expected = Rect(left, top, w, h), (cx, cy)
    assert found == expected
    tried = len(centres) if found is None else centres.index(found[1]) + 1
    assert len(probe.spots) == tried
    if found is not None:
        # The spots up to the free one, known without asking: the same answer and probe.
        known = Probe([])
        first = tuple(centres[:tried])
        assert board.last_of(at, first, w, h, known) == found
        assert (known.spots, known.rect()) == (probe.spots, probe.rect())


@settings(max_examples=300, deadline=None)
@given(_coord, _coord, st.floats(0.0, 40.0), st.floats(0.0, 40.0))
def test_keys_are_every_cell_column_by_column(x: float, y: float, w: float, h: float) -> None:
    """`_keys`' shortcuts for one, two and four cells give what the loops give."""
    entry = (x, y, x + w, y + h, None)
    x1, y1 = math.floor(x / _CELL_MM), math.floor(y / _CELL_MM)
    x2, y2 = math.floor(entry[2] / _CELL_MM), math.floor(entry[3] / _CELL_MM)
    cells = [(i, j) for i in range(x1, x2 + 1) for j in range(y1, y2 + 1)]
    assert _keys(entry) == cells
