"""Where a dragged or dropped card lands: the slot under the pointer and its marker line."""

from journeycanvas.canvas.slots import drop_slot
from journeycanvas.io.templates import load_template
from journeycanvas.layout import JourneyLayout, layout_journey


def _layout() -> JourneyLayout:
    """The hourglass map with cell (s2, l2) emptied; cell (s1, l1) holds c1 then c2."""
    journey = load_template("hourglass")
    cards = [c for c in journey.cards if (c.stage, c.lane) != ("s2", "l2")]
    return layout_journey(journey.model_copy(update={"cards": cards}))


def test_outside_the_cells_is_no_slot() -> None:
    layout = _layout()
    assert drop_slot(layout, layout.stages[0].rect.center.x, 1) is None
    assert drop_slot(layout, 1, layout.lanes[0].rect.center.y) is None


def test_slot_is_before_the_first_card_below_the_pointer_and_its_marker_between() -> None:
    layout = _layout()
    a, b = layout.cards["c1"].rect, layout.cards["c2"].rect
    x = a.center.x
    slots = [drop_slot(layout, x, y) for y in (a.y + 0.5, a.bottom - 0.5, b.bottom + 1)]
    assert [(s.stage_id, s.lane_id, s.order) for s in slots if s] == [
        ("s1", "l1", 0),
        ("s1", "l1", 1),
        ("s1", "l1", 2),
    ]
    first, between, last = (s.marker for s in slots if s)
    assert first.y1() < a.y
    assert a.bottom < between.y1() < b.y
    assert last.y1() > b.bottom
    assert between.y1() == between.y2()


def test_moving_cards_do_not_count() -> None:
    layout = _layout()
    b = layout.cards["c2"].rect
    slot = drop_slot(layout, b.center.x, b.bottom + 1, moving={"c1"})
    assert slot is not None and slot.order == 1


def test_an_empty_cell_has_slot_zero_inside_it() -> None:
    layout = _layout()
    cell = layout.cell("s2", "l2").rect
    slot = drop_slot(layout, cell.center.x, cell.center.y)
    assert slot is not None and (slot.stage_id, slot.lane_id, slot.order) == ("s2", "l2", 0)
    assert cell.contains(slot.marker.x1(), slot.marker.y1())
