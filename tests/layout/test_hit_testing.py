"""Hit tests for dragging: which stage, lane and cell is under the pointer."""

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
