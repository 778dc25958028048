"""A plan's record of the blockers it looked at is one flat list, in the order asked;
an update asks again the questions about a (lane, column edge) whose blockers changed,
picked from it: all of those, and only those."""

from __future__ import annotations

from journeycanvas.layout.connectors import asked_about
from journeycanvas.layout.gutters import Asked


def test_the_questions_about_a_pair_are_picked_in_order() -> None:
    record: list[Asked] = [
        ((0, 1), ("v", 0.0, 5.0, False)),
        ((0, 2), ("b", 3.0, True, None)),
        ((0, 1, 0), ()),
        ((0, 1), ("b", 4.0, False, (6.0, 9.0, 0, 2))),
        ((1, 1), ("v", -1.0, 2.0, True)),
    ]
    assert asked_about(record, (0, 1)) == [
        ("v", 0.0, 5.0, False),
        ("b", 4.0, False, (6.0, 9.0, 0, 2)),
    ]
    assert asked_about(record, (0, 2)) == [("b", 3.0, True, None)]
    assert asked_about(record, (1, 2)) == []
