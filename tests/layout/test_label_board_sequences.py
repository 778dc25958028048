"""LaneBoard over a run of changes: it keeps the box that last took a spot, to try it
first, and how many of the spots of a question asked before were taken, to skip them;
every answer must stay the plain check's while boxes come and go, ranks change between
questions and the same spots are asked about again."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from test_label_board import _EDGES, _box, _coord, _plain_free

from journeycanvas.layout import Point
from journeycanvas.layout.geometry import Rect
from journeycanvas.layout.label_board import Handle, LaneBoard, Probe

_question = st.tuples(_coord, _coord, st.floats(0.5, 40.0), st.floats(0.5, 20.0), st.integers(0, 3))
_step = st.one_of(
    st.tuples(st.just("add"), _box),
    st.tuples(st.just("remove"), st.integers(0, 30)),
    st.tuples(st.just("ranks"), st.permutations([0, 1, 2])),
    st.tuples(st.just("ask"), _question),
    st.tuples(st.just("first"), st.tuples(st.integers(0, 2), st.integers(0, 3))),
    # A box on one of those spots, so that they are often taken.
    st.tuples(
        st.just("add on spot"),
        st.tuples(st.integers(0, 2), st.integers(0, 4), st.sampled_from([None, "a", "b", "c"])),
    ),
)
# The spots `first_free` is asked about (a few, so that the same ones come again).
_SPOTS = [
    (Point(30.0, 58.0), ((0.0, 0.0), (4.0, 0.0), (-4.0, 3.0), (0.0, 6.0), (9.0, -9.0)), 6.0, 3.0),
    (Point(100.0, 20.0), ((0.0, 0.0), (0.0, 2.0), (2.0, 2.0)), 12.0, 5.0),
    (Point(30.0, 58.0), ((0.0, 0.0), (4.0, 0.0)), 6.0, 3.0),
]


@settings(max_examples=400, deadline=None)
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
        elif kind == "add on spot":
            index, which, owner = value
            at, centres, _, _ = _SPOTS[index]
            x, y = centres[which % len(centres)]
            rect = Rect(at.x + x - 1.0, at.y + y - 1.0, 2.0, 2.0)
            added.append((rect, owner, board.add(rect, owner)))
        elif kind == "remove":
            if added:
                _, _, handle = added.pop(value % len(added))
                board.remove(handle)
        elif kind == "ranks":
            ranks = dict(zip("abc", value, strict=True))
            board.set_lanes(_EDGES, ranks)
        elif kind == "first":
            index, rank = value
            at, centres, w, h = _SPOTS[index]
            boxes = [(rect, owner) for rect, owner, _ in added]
            spots = [
                (at.x + x - w / 2, at.y + y - h / 2, at.x + x - w / 2 + w, at.y + y - h / 2 + h)
                for x, y in centres
            ]
            free = [k for k, spot in enumerate(spots) if _plain_free(boxes, ranks, spot, rank)]
            probe = Probe([])
            found = board.first_free(at, centres, w, h, rank, probe)
            if free:
                assert found is not None and found[1] == centres[free[0]]
                assert probe.spots == spots[: free[0] + 1]
            else:
                assert found is None and probe.spots == spots
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


def test_spots_freed_by_a_box_taken_out_are_found_again() -> None:
    board = LaneBoard()
    board.set_lanes(_EDGES, {"a": 0})
    at, centres, w, h = _SPOTS[0]
    handle = board.add(Rect(at.x - 2.0, at.y - 2.0, 4.0, 4.0), "a")
    found = board.first_free(at, centres, w, h, 1, Probe([]))
    assert found is not None and found[1] != centres[0]
    board.remove(handle)
    found = board.first_free(at, centres, w, h, 2, Probe([]))
    assert found is not None and found[1] == centres[0]


def test_spots_taken_under_other_ranks_are_asked_again() -> None:
    board = LaneBoard()
    board.set_lanes(_EDGES, {"a": 0, "b": 1})
    at, centres, w, h = _SPOTS[0]
    board.add(Rect(at.x - 2.0, at.y - 2.0, 4.0, 4.0), "b")
    found = board.first_free(at, centres, w, h, 2, Probe([]))
    assert found is not None and found[1] != centres[0]
    board.set_lanes(_EDGES, {"a": 2, "b": 3})
    found = board.first_free(at, centres, w, h, 3, Probe([]))
    assert found is not None and found[1] == centres[0]
