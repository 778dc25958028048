"""Work left for later (lanes laid out in steps, connectors routed in steps) ends in exactly
the layout a full layout gives, whatever edits come while it is pending."""

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from maps import bakery_map
from test_incremental import crowded_lanes

from journeycanvas.layout import LayoutEngine, layout_journey
from journeycanvas.model import Card, Connector, JourneyMap, Lane, Stage
from journeycanvas.model.edits import add_card, card_by_id, move_cards, remove_cards, set_fields


def _work(engine: LayoutEngine) -> Iterator[object]:
    """The lanes left, then the connectors, a small step at a time."""
    yield from engine.lane_steps(2)
    yield from engine.route_steps(1)


def _edit(data: st.DataObject, journey: JourneyMap, serial: int) -> list[str]:
    """One random card edit applied to `journey`; the ids it changed."""
    cards = journey.cards
    stage_ids = st.sampled_from([s.id for s in journey.stages])
    lane_ids = st.sampled_from([lane.id for lane in journey.lanes])
    action = data.draw(st.sampled_from(["move", "text", "remove", "add"]))
    if action == "add" or not cards:
        card = Card(id=f"new{serial}", stage=data.draw(stage_ids), lane=data.draw(lane_ids))
        add_card(journey, card)
        return [card.id]
    card = data.draw(st.sampled_from(cards))
    if action == "move":
        move_cards(journey, [card.id], data.draw(stage_ids), data.draw(lane_ids), 0)
    elif action == "text":
        set_fields(card, {"text": data.draw(st.sampled_from(["", "x " * 40, "Kort"]))})
    else:
        remove_cards(journey, [card.id])
    return [card.id]


@settings(max_examples=80, deadline=None)
@given(data=st.data(), journey=crowded_lanes())
def test_deferred_updates_and_abandoned_steps_end_equal_to_a_full_layout(
    data: st.DataObject, journey: JourneyMap
) -> None:
    engine = LayoutEngine()
    until = data.draw(st.sampled_from([None, 0.0, 30.0, 60.0, 120.0]))
    engine.update(journey, route_connectors=False, lay_out_until=until)
    work: Iterator[object] | None = None
    for serial in range(data.draw(st.integers(1, 8))):
        action = data.draw(st.sampled_from(["deferred", "deferred", "routed", "steps", "steps"]))
        if action == "steps":
            work = work or _work(engine)
            for _ in range(data.draw(st.integers(1, 6))):
                if next(work, None) is None and not (
                    engine.lanes_pending or engine.connectors_pending
                ):
                    work = None
                    break
            continue
        work = None  # an update abandons the steps
        changed = _edit(data, journey, serial)
        engine.update(journey, changed_cards=changed, route_connectors=action == "routed")
        full = layout_journey(journey)
        assert dict(engine.layout.cards) == dict(full.cards)
        if action == "routed":
            assert engine.layout == full
    engine.finish()
    assert not engine.lanes_pending and not engine.connectors_pending
    assert engine.layout == layout_journey(journey)


def test_a_deferred_update_keeps_the_old_connectors_until_routed() -> None:
    journey = bakery_map()
    first, last = journey.cards[0].id, journey.cards[-1].id
    journey.connectors.append(Connector(id="k", source=first, target=last))
    engine = LayoutEngine()
    engine.update(journey)
    before = engine.layout.connectors
    moved = first
    card = card_by_id(journey, moved)
    other = next(s.id for s in journey.stages if s.id != card.stage)
    move_cards(journey, [moved], other, card.lane, 0)
    diff = engine.update(journey, changed_cards=[moved], route_connectors=False)
    assert engine.connectors_pending
    assert not diff.connectors
    assert engine.layout.connectors is before
    assert engine.layout.cards[moved] == layout_journey(journey).cards[moved]
    steps = engine.route_steps()
    with pytest.raises(StopIteration) as done:
        while True:
            next(steps)
    routed = done.value.value
    assert journey.connectors[0].id in routed.connectors
    assert engine.layout == layout_journey(journey)
    assert not engine.connectors_pending


def test_steps_abandoned_by_an_update_refuse_to_go_on() -> None:
    journey = bakery_map()
    engine = LayoutEngine()
    engine.update(journey, route_connectors=False, lay_out_until=0.0)
    assert engine.lanes_pending
    assert len(engine.layout.lanes) == 1
    steps = engine.lane_steps(1)
    next(steps)
    engine.update(journey, changed_cards=[journey.cards[0].id], route_connectors=False)
    with pytest.raises(RuntimeError):
        next(steps)
    # The update laid the whole map out again: only the connectors are left.
    assert not engine.lanes_pending and engine.connectors_pending
    engine.finish()
    assert engine.layout == layout_journey(journey)


def test_lanes_laid_out_in_steps_grow_the_layout_from_the_top() -> None:
    journey = bakery_map()
    engine = LayoutEngine()
    engine.update(journey, lay_out_until=0.0)
    heights = [engine.layout.height]
    for diff in engine.lane_steps(1):
        if diff is not None:
            assert diff.grid and diff.cards <= set(engine.layout.cards)
            heights.append(engine.layout.height)
    assert heights == sorted(heights) and len(heights) == len(journey.lanes)
    assert engine.layout.cards == layout_journey(journey).cards


def _many_cards_in_one_lane() -> JourneyMap:
    """Three stages, two lanes, the first holding 150 cards, some spanning."""
    stages = [Stage(id=f"s{i}", name="", width_mm=70) for i in range(3)]
    lanes = [Lane(id=f"l{i}", title="") for i in range(2)]
    journey = JourneyMap(id="m", title="Tall", stages=stages, lanes=lanes)
    for i in range(160):
        card = Card(
            id=f"c{i}",
            stage=f"s{i % 3}",
            lane="l0" if i < 150 else "l1",
            order=i // 3,
            span=2 if i % 7 == 0 else 1,
            text="x " * (i % 5 * 8),
        )
        add_card(journey, card)
    return journey


def test_a_first_layout_stacks_a_tall_lane_only_down_to_the_line() -> None:
    journey = _many_cards_in_one_lane()
    full = layout_journey(journey)
    engine = LayoutEngine()
    line = full.header_height + 100.0
    engine.update(journey, route_connectors=False, lay_out_until=line)
    first = engine.layout
    assert engine.lanes_pending and len(first.lanes) == 1
    assert 0 < len(first.cards) < 150
    # What is placed is final, and nothing above the line is missing.
    assert all(first.cards[i] == full.cards[i] for i in first.cards)
    assert {i for i, c in full.cards.items() if c.lane_id == "l0" and c.rect.y < line} <= set(
        first.cards
    )
    assert first.height >= line
    # Steps abandoned part-way go on where they stopped.
    steps = engine.lane_steps(5)
    next(steps)
    next(steps)
    assert engine.finish().cards == frozenset(full.cards)
    assert engine.layout == full
