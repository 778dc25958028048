"""The incremental engine gives exactly the layout a full layout gives, after any edits."""

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from maps import bakery_map
from strategies import journey_maps

from journeycanvas.layout import JourneyLayout, LayoutEngine, layout_journey
from journeycanvas.model import (
    Card,
    CardKind,
    Connector,
    ConnectorKind,
    JourneyMap,
    Lane,
    LaneKind,
    Metric,
    Stage,
)
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
        assert diff.cards == changed_apart_from_lane_moves(before, full)
        assert diff.shifted_lanes == lane_moves(before, full)
        assert diff.removed_cards == set(before.cards) - set(full.cards)
        before = full


def lane_moves(before: JourneyLayout, after: JourneyLayout) -> dict[str, float]:
    """How far each lane whose top moved went down."""
    tops = {lane.id: lane.rect.y for lane in before.lanes}
    return {
        lane.id: lane.rect.y - tops[lane.id]
        for lane in after.lanes
        if lane.id in tops and lane.rect.y != tops[lane.id]
    }


def changed_apart_from_lane_moves(before: JourneyLayout, after: JourneyLayout) -> set[str]:
    """The cards whose layout is new or changed other than by moving with their lane."""
    moves = lane_moves(before, after)
    changed = set()
    for card_id, card in after.cards.items():
        was = before.cards.get(card_id)
        if was is not None and card.lane_id == was.lane_id and card.lane_id in moves:
            # Moved with its lane: the same offset from the lane's top, up to rounding.
            dy = card.rect.y - was.rect.y
            if abs(dy - moves[card.lane_id]) > 1e-9:
                changed.add(card_id)
            was = replace(was, rect=replace(was.rect, y=card.rect.y))
        if was != card:
            changed.add(card_id)
    return changed


@st.composite
def crowded_lanes(draw: st.DrawFn) -> JourneyMap:
    """Few cells with many cards, a third of them spanning: the couplings between columns
    that incremental re-stacking must follow; connector labels that must make room."""
    stages = [Stage(id=f"s{i}", name="", width_mm=70) for i in range(draw(st.integers(2, 4)))]
    lanes = [
        Lane(id=f"l{i}", kind=kind, title="")
        for i, kind in enumerate(draw(st.lists(st.sampled_from(LaneKind), min_size=1, max_size=2)))
    ]
    journey = JourneyMap(id="m", title="Crowded", stages=stages, lanes=lanes)
    for i in range(draw(st.integers(0, 40))):
        card = Card(
            id=f"c{i}",
            stage=draw(st.sampled_from(stages)).id,
            lane=draw(st.sampled_from(lanes)).id,
            order=draw(st.integers(0, 12)),
            span=draw(st.sampled_from([1, 1, 2, 3, 4])),
            text=draw(st.sampled_from(["", "Kort", "x " * 30])),
            kind=CardKind.EMOTION,
            emotion=draw(st.integers(-3, 3)),
        )
        add_card(journey, card)
    for i in range(draw(st.integers(0, 6)) if journey.cards else 0):
        source, target = draw(st.sampled_from(journey.cards)), draw(st.sampled_from(journey.cards))
        journey.connectors.append(
            Connector(
                id=f"k{i}",
                source=source.id,
                target=target.id,
                kind=draw(st.sampled_from(ConnectorKind)),
                label=draw(st.sampled_from(["", "Yes", "If the customer pays by card"])),
            )
        )
    return journey


@settings(max_examples=60, deadline=None)
@given(data=st.data(), journey=crowded_lanes())
def test_incremental_updates_of_crowded_lanes_equal_a_full_layout(
    data: st.DataObject, journey: JourneyMap
) -> None:
    engine = LayoutEngine()
    engine.update(journey)
    before = layout_journey(journey)
    stage_ids = st.sampled_from([s.id for s in journey.stages])
    lane_ids = st.sampled_from([lane.id for lane in journey.lanes])
    for serial in range(data.draw(st.integers(1, 5))):
        cards = journey.cards
        action = data.draw(st.sampled_from(["move", "span", "emotion", "remove", "add"]))
        if action == "add" or not cards:
            card = Card(id=f"new{serial}", stage=data.draw(stage_ids), lane=data.draw(lane_ids))
            add_card(journey, card)
            changed = [card.id]
        else:
            changed = sorted(
                {c.id for c in data.draw(st.lists(st.sampled_from(cards), min_size=1, max_size=3))}
            )
            if action == "move":
                slot = data.draw(st.integers(0, 12))
                move_cards(journey, changed, data.draw(stage_ids), data.draw(lane_ids), slot)
            elif action == "span":
                set_card_span(journey, changed[0], data.draw(st.integers(1, 4)))
            elif action == "emotion":
                set_fields(
                    card_by_id(journey, changed[0]), {"emotion": data.draw(st.integers(-3, 3))}
                )
            else:
                remove_cards(journey, changed)
        diff = engine.update(journey, changed_cards=changed)
        full = layout_journey(journey)
        assert engine.layout == full
        assert diff.cards == changed_apart_from_lane_moves(before, full)
        assert diff.shifted_lanes == lane_moves(before, full)
        assert diff.removed_cards == set(before.cards) - set(full.cards)
        assert diff.connectors == {
            i for i, c in full.connectors.items() if before.connectors.get(i) != c
        }
        assert diff.removed_connectors == set(before.connectors) - set(full.connectors)
        assert diff.emotion == (before.emotion_curves != full.emotion_curves)
        before = full


def test_a_kept_label_spot_is_dropped_when_the_lane_under_it_gets_shorter() -> None:
    # Self-loops on a wide card with long labels: a label placed far below its short
    # path, near the grid's bottom; a card moved out of another column shortens the
    # lane, and the spot would leave the grid.
    text = "Kunden hittar inte öppettiderna på webbplatsen"
    journey = JourneyMap(
        id="m",
        title="",
        stages=[Stage(id=f"s{i}", name=text, width_mm=w) for i, w in enumerate((20, 20, 20, 22))],
        lanes=[Lane(id="l", kind=LaneKind.ACTIONS, title=text)],
        cards=[
            Card(
                id="c",
                stage="s1",
                lane="l",
                order=0,
                span=3,
                text=text,
                votes=1,
                metric=Metric(name=text, unit=text),
            )
        ],
        connectors=[
            Connector(id=f"k{i}", source="c", target="c", kind=ConnectorKind.FLOW, label=label)
            for i, label in enumerate((text, text, text, text, "7", text))
        ],
    )
    engine = LayoutEngine()
    engine.update(journey)
    add_card(journey, Card(id="new", stage="s1", lane="l", order=1, text=""))
    engine.update(journey, changed_cards=["new"])
    assert engine.layout == layout_journey(journey)
    move_cards(journey, ["new"], "s0", "l", 1)
    engine.update(journey, changed_cards=["new"])
    assert engine.layout == layout_journey(journey)
