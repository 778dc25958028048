"""Hit tests for dragging: which stage, lane, cell and slot is under the pointer."""

from maps import bakery_map

from journeycanvas.layout import layout_journey


def test_stage_and_lane_under_a_point() -> None:
    layout = layout_journey(bakery_map())
    s2 = layout.stages[1].rect
    l3 = layout.lanes[2].rect
    assert layout.stage_at_x(s2.x + 1) == "s2"
    assert layout.stage_at_x(s2.right - 0.5) == "s2"
    assert layout.lane_at_y(l3.y + 1) == "l3"
    assert layout.cell_at(s2.center.x, l3.center.y) == ("s2", "l3")


def test_headers_and_outside_are_no_cell() -> None:
    layout = layout_journey(bakery_map())
    assert layout.stage_at_x(5) is None
    assert layout.stage_at_x(layout.width + 1) is None
    assert layout.lane_at_y(1) is None
    assert layout.lane_at_y(layout.height + 1) is None
    assert layout.cell_at(5, layout.lanes[0].rect.center.y) is None
    assert layout.slot_at(layout.stages[0].rect.center.x, 1) is None


def test_slot_under_the_pointer_is_before_the_first_card_below_its_middle() -> None:
    layout = layout_journey(bakery_map())
    a, b = layout.cards["a"].rect, layout.cards["b"].rect
    x = a.center.x
    assert layout.slot_at(x, a.y + 0.5) == ("s1", "l1", 0)
    assert layout.slot_at(x, a.bottom - 0.5) == ("s1", "l1", 1)
    assert layout.slot_at(x, b.bottom + 1) == ("s1", "l1", 2)
    empty = layout.cell("s2", "l2").rect
    assert layout.slot_at(empty.center.x, empty.center.y) == ("s2", "l2", 0)


def test_slot_marker_sits_between_the_cards() -> None:
    layout = layout_journey(bakery_map())
    a, b = layout.cards["a"].rect, layout.cards["b"].rect
    between = layout.slot_marker("s1", "l1", 1)
    assert a.bottom < between.y < b.y
    assert between.h == 0
    assert layout.slot_marker("s1", "l1", 0).y < a.y
    assert layout.slot_marker("s1", "l1", 2).y > b.bottom
    cell = layout.cell("s2", "l2").rect
    assert cell.contains(layout.slot_marker("s2", "l2", 0).x, layout.slot_marker("s2", "l2", 0).y)
