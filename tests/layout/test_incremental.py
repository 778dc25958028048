"""The incremental engine gives exactly the layout a full layout gives, after any edits."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from maps import bakery_map
from strategies import journey_maps

from journeycanvas.layout import LayoutEngine, layout_journey
from journeycanvas.model import Card, JourneyMap
from journeycanvas.model.edits import (
    add_card,
    card_by_id,
    move_cards,
    move_stage,
    remove_cards,
    set_card_span,
    set_fields,
)


def test_moving_one_card_reports_it_and_its_neighbours_only() -> None:
    journey = bakery_map()
    engine = LayoutEngine()
    engine.update(journey)
    move_cards(journey, ["b"], "s2", "l1", 0)
    diff = engine.update(journey, changed_cards=["b"])
    assert "b" in diff.cards
    assert "c" in diff.cards
    assert "e1" not in diff.cards or diff.grid
    assert engine.layout == layout_journey(journey)


def test_an_update_with_nothing_changed_is_empty() -> None:
    journey = bakery_map()
    engine = LayoutEngine()
    engine.update(journey)
    assert engine.update(journey).empty


@pytest.mark.parametrize(("old_text", "new_text"), [("\t", ""), ("Kort ", "Kort"), ("", " ")])
def test_an_edit_that_looks_the_same_reports_no_card(old_text: str, new_text: str) -> None:
    # Regression: a text wrapping to the same lines made an equal but new face, and the
    # card was reported although nothing about it had to be redrawn.
    journey = bakery_map()
    card_by_id(journey, "d").text = old_text
    engine = LayoutEngine()
    engine.update(journey)
    face = engine.layout.cards["d"].face
    set_fields(card_by_id(journey, "d"), {"text": new_text})
    diff = engine.update(journey, changed_cards=["d"])
    assert diff.empty
    assert engine.layout.cards["d"].face is face
    assert engine.layout == layout_journey(journey)


def test_removed_and_added_cards_are_reported() -> None:
    journey = bakery_map()
    engine = LayoutEngine()
    engine.update(journey)
    remove_cards(journey, ["d"])
    add_card(journey, Card(id="z", stage="s3", lane="l3", text="New"))
    diff = engine.update(journey, changed_cards=["d", "z"])
    assert diff.removed_cards == {"d"}
    assert "z" in diff.cards
    assert engine.layout == layout_journey(journey)


def test_structure_changes_lay_out_again() -> None:
    journey = bakery_map()
    engine = LayoutEngine()
    engine.update(journey)
    move_stage(journey, "s3", 0)
    diff = engine.update(journey, structure_changed=True)
    assert diff.grid
    assert "a" in diff.cards
    assert engine.layout == layout_journey(journey)


@st.composite
def edits(draw: st.DrawFn, journey: JourneyMap) -> list[tuple[str, ...]]:
    """A few card edits that can be applied to `journey` in sequence."""
    stage_ids = [s.id for s in journey.stages]
    lane_ids = [lane.id for lane in journey.lanes]
    steps = []
    for _ in range(draw(st.integers(1, 6))):
        action = draw(st.sampled_from(["move", "text", "span", "remove", "add"]))
        steps.append(
            (
                action,
                draw(st.sampled_from(stage_ids)),
                draw(st.sampled_from(lane_ids)),
                str(draw(st.integers(0, 4))),
                draw(
                    st.sampled_from(
                        [
                            "",
                            " ",
                            "Kort",
                            "Kort ",
                            "顾客在社交媒体上看到面包店的视频" * 3,
                            "x " * 80,
                        ]
                    )
                ),
            )
        )
    return steps


def _apply(journey: JourneyMap, step: tuple[str, ...], serial: int) -> list[str]:
    action, stage_id, lane_id, number, text = step
    cards = journey.cards
    if action == "add" or not cards:
        card = Card(id=f"new{serial}", stage=stage_id, lane=lane_id, order=int(number), text=text)
        add_card(journey, card)
        return [card.id]
    card = cards[int(number) % len(cards)]
    if action == "move":
        move_cards(journey, [card.id], stage_id, lane_id, int(number))
    elif action == "text":
        set_fields(card, {"text": text})
    elif action == "span":
        set_card_span(journey, card.id, int(number) + 1)
    else:
        remove_cards(journey, [card.id])
    return [card.id]


@settings(max_examples=60, deadline=None)
@given(data=st.data(), journey=journey_maps(max_cards=30, unknown=False, max_connectors=8))
def test_incremental_updates_equal_a_full_layout(data: st.DataObject, journey: JourneyMap) -> None:
    if not journey.stages or not journey.lanes:
        return
    engine = LayoutEngine()
    engine.update(journey)
    before = layout_journey(journey)
    for serial, step in enumerate(data.draw(edits(journey))):
        changed = _apply(journey, step, serial)
        diff = engine.update(journey, changed_cards=changed)
        full = layout_journey(journey)
        assert engine.layout == full
        moved = {i for i, card in full.cards.items() if before.cards.get(i) != card}
        assert diff.cards == moved
        assert diff.removed_cards == set(before.cards) - set(full.cards)
        before = full
