"""LaneBoard over a run of changes: it keeps the box that last took a spot, to try it
first; every answer must stay the plain check's while boxes come and go and ranks
change between questions."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from test_label_board import _EDGES, _box, _coord, _plain_free

from journeycanvas.layout import Point
from journeycanvas.layout.geometry import Rect
from journeycanvas.layout.label_board import Handle, LaneBoard

_question = st.tuples(_coord, _coord, st.floats(0.5, 40.0), st.floats(0.5, 20.0), st.integers(0, 3))
_step = st.one_of(
    st.tuples(st.just("add"), _box),
    st.tuples(st.just("remove"), st.integers(0, 30)),
    st.tuples(st.just("ranks"), st.permutations([0, 1, 2])),
    st.tuples(st.just("ask"), _question),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_step, max_size=40))
def test_answers_stay_the_plain_checks(steps: list[tuple[str, Any]]) -> None:
    ranks = {"a": 0, "b": 1, "c": 2}
    board = LaneBoard()
    board.set_lanes(_EDGES, ranks)
    added: list[tuple[Rect, str | None, Handle]] = []
    for kind, value in steps:
        if kind == "add":
            x, y, w, h, owner = value
            rect = Rect(x, y, w, h)
            added.append((rect, owner, board.add(rect, owner)))
        elif kind == "remove":
            if added:
                _, _, handle = added.pop(value % len(added))
                board.remove(handle)
        elif kind == "ranks":
            ranks = dict(zip("abc", value, strict=True))
            board.set_lanes(_EDGES, ranks)
        else:
            x, y, w, h, rank = value
            boxes = [(rect, owner) for rect, owner, _ in added]
            spot = (x - w / 2, y - h / 2, x - w / 2 + w, y - h / 2 + h)
            expected = _plain_free(boxes, ranks, spot, rank)
            assert board.is_free(Point(x, y), (0.0, 0.0), w, h, rank) == expected


def test_a_box_taken_out_takes_no_spot() -> None:
    board = LaneBoard()
    board.set_lanes(_EDGES, {"a": 0})
    handle = board.add(Rect(20.0, 20.0, 10.0, 10.0), "a")
    assert not board.is_free(Point(25.0, 25.0), (0.0, 0.0), 4.0, 4.0, 1)
    board.remove(handle)
    assert board.is_free(Point(25.0, 25.0), (0.0, 0.0), 4.0, 4.0, 1)


def test_a_box_kept_off_later_ranks_only() -> None:
    board = LaneBoard()
    board.set_lanes(_EDGES, {"a": 0, "b": 1})
    board.add(Rect(20.0, 20.0, 10.0, 10.0), "b")
    assert not board.is_free(Point(25.0, 25.0), (0.0, 0.0), 4.0, 4.0, 2)
    assert board.is_free(Point(25.0, 25.0), (0.0, 0.0), 4.0, 4.0, 1)
    board.set_lanes(_EDGES, {"a": 1, "b": 0})
    assert not board.is_free(Point(25.0, 25.0), (0.0, 0.0), 4.0, 4.0, 1)
