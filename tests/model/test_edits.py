"""Edits of a map, and that undoing any sequence of them gives back the same map."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import journey_maps, texts

from journeycanvas.model import (
    Card,
    CardKind,
    Connector,
    ConnectorKind,
    JourneyMap,
    Lane,
    LaneKind,
    Persona,
    Stage,
    edits,
    find_problems,
    new_id,
)
from journeycanvas.model.ids import all_ids

Undo = Callable[[], object]


def grid() -> JourneyMap:
    """Three stages, two lanes; cell (s1, l1) holds a, b, c; d spans s2..s3."""
    return JourneyMap(
        id="m",
        stages=[Stage(id="s1"), Stage(id="s2"), Stage(id="s3")],
        lanes=[Lane(id="l1"), Lane(id="l2")],
        personas=[Persona(id="p1")],
        cards=[
            Card(id="a", stage="s1", lane="l1", order=0, personas=["p1"]),
            Card(id="b", stage="s1", lane="l1", order=1),
            Card(id="c", stage="s1", lane="l1", order=2),
            Card(id="d", stage="s2", lane="l2", order=0, span=2),
        ],
        connectors=[Connector(id="k1", source="a", target="d")],
    )


def orders(journey: JourneyMap, stage: str, lane: str) -> list[str]:
    return [card.id for card in edits.cell_cards(journey, stage, lane)]


def test_add_card_takes_its_slot_and_pushes_the_rest_down() -> None:
    journey = grid()
    edits.add_card(journey, Card(id="n", stage="s1", lane="l1", order=1))
    assert orders(journey, "s1", "l1") == ["a", "n", "b", "c"]


def test_add_card_clamps_slot_and_span() -> None:
    journey = grid()
    card = Card(id="n", stage="s3", lane="l1", order=9, span=5)
    edits.add_card(journey, card)
    assert (card.order, card.span) == (0, 1)


def test_remove_cards_closes_the_gap_and_takes_connectors() -> None:
    journey = grid()
    removal = edits.remove_cards(journey, ["a"])
    assert orders(journey, "s1", "l1") == ["b", "c"]
    assert [c.order for c in edits.cell_cards(journey, "s1", "l1")] == [0, 1]
    assert journey.connectors == []
    assert [connector.id for _, connector in removal.connectors] == ["k1"]


def test_move_cards_into_another_cell_and_back() -> None:
    journey = grid()
    before = journey.model_dump()
    old = edits.move_cards(journey, ["c", "a"], "s3", "l2", 0)
    assert orders(journey, "s3", "l2") == ["c", "a"]
    assert orders(journey, "s1", "l1") == ["b"]
    edits.apply_placements(journey, old)
    assert journey.model_dump() == before


def test_moving_a_stage_shortens_spans_that_no_longer_fit() -> None:
    journey = grid()
    assert edits.move_stage(journey, "s1", 2) == {}
    assert [s.id for s in journey.stages] == ["s2", "s3", "s1"]
    assert edits.move_stage(journey, "s2", 2) == {"d": 2}
    assert [s.id for s in journey.stages] == ["s3", "s1", "s2"]
    assert edits.card_by_id(journey, "d").span == 1


def test_removing_a_stage_says_what_it_takes_and_shortens_spans_over_it() -> None:
    journey = grid()
    removal = edits.remove_stage(journey, "s3")
    assert removal.cards.cards == []
    assert removal.spans == {"d": 2}
    assert edits.card_by_id(journey, "d").span == 1
    removal = edits.remove_stage(journey, "s1")
    assert sorted(card.id for _, card in removal.cards.cards) == ["a", "b", "c"]


def test_removing_a_lane_takes_its_cards_and_their_connectors() -> None:
    journey = grid()
    removal = edits.remove_lane(journey, "l2")
    assert [card.id for _, card in removal.cards.cards] == ["d"]
    assert journey.connectors == []


def test_removing_a_persona_untags_cards() -> None:
    journey = grid()
    removal = edits.remove_persona(journey, "p1")
    assert edits.card_by_id(journey, "a").personas == []
    assert removal.card_personas == {"a": ["p1"]}


# ---------------------------------------------------------------- random edits


def _fresh(journey: JourneyMap, prefix: str) -> str:
    return new_id(prefix, all_ids(journey))


def _add_card(journey: JourneyMap, data: st.DataObject) -> Undo | None:
    if not journey.stages or not journey.lanes:
        return None
    card = Card(
        id=_fresh(journey, "c"),
        stage=data.draw(st.sampled_from(journey.stages)).id,
        lane=data.draw(st.sampled_from(journey.lanes)).id,
        order=data.draw(st.integers(0, 6)),
        span=data.draw(st.integers(1, 4)),
        kind=data.draw(st.sampled_from(CardKind)),
        text=data.draw(texts),
    )
    edits.add_card(journey, card, data.draw(st.integers(0, len(journey.cards))))
    return lambda: edits.remove_cards(journey, [card.id])


def _remove_cards(journey: JourneyMap, data: st.DataObject) -> Undo | None:
    if not journey.cards:
        return None
    doomed = data.draw(st.lists(st.sampled_from([c.id for c in journey.cards]), unique=True))
    removal = edits.remove_cards(journey, doomed)
    return lambda: edits.restore_cards(journey, removal)


def _move_cards(journey: JourneyMap, data: st.DataObject) -> Undo | None:
    if not journey.cards:
        return None
    moving = data.draw(
        st.lists(st.sampled_from([c.id for c in journey.cards]), min_size=1, unique=True)
    )
    stage = data.draw(st.sampled_from(journey.stages)).id
    lane = data.draw(st.sampled_from(journey.lanes)).id
    old = edits.move_cards(journey, moving, stage, lane, data.draw(st.integers(0, 6)))
    return lambda: edits.apply_placements(journey, old)


def _set_span(journey: JourneyMap, data: st.DataObject) -> Undo | None:
    if not journey.cards:
        return None
    card_id = data.draw(st.sampled_from(journey.cards)).id
    old = edits.set_card_span(journey, card_id, data.draw(st.integers(1, 8)))
    return lambda: edits.set_card_span(journey, card_id, old)


def _edit_card(journey: JourneyMap, data: st.DataObject) -> Undo | None:
    if not journey.cards:
        return None
    card = data.draw(st.sampled_from(journey.cards))
    old = edits.set_fields(card, {"text": data.draw(texts), "votes": data.draw(st.integers(0, 9))})
    return lambda: edits.set_fields(card, old)


def _add_stage(journey: JourneyMap, data: st.DataObject) -> Undo | None:
    stage = Stage(id=_fresh(journey, "s"), name=data.draw(texts))
    edits.add_stage(journey, stage, data.draw(st.integers(0, len(journey.stages))))

    def undo() -> None:
        # A new stage inside a spanning card shifts what it covers, not its span:
        # removing the stage again must not shorten the card.
        removal = edits.remove_stage(journey, stage.id)
        edits.restore_spans(journey, removal.spans)

    return undo


def _remove_stage(journey: JourneyMap, data: st.DataObject) -> Undo | None:
    if not journey.stages:
        return None
    removal = edits.remove_stage(journey, data.draw(st.sampled_from(journey.stages)).id)
    return lambda: edits.restore_stage(journey, removal)


def _move_stage(journey: JourneyMap, data: st.DataObject) -> Undo | None:
    if not journey.stages:
        return None
    stage_id = data.draw(st.sampled_from(journey.stages)).id
    old_index = edits.stage_position(journey, stage_id)
    spans = edits.move_stage(journey, stage_id, data.draw(st.integers(0, len(journey.stages))))

    def undo() -> None:
        edits.move_stage(journey, stage_id, old_index)
        edits.restore_spans(journey, spans)

    return undo


def _add_lane(journey: JourneyMap, data: st.DataObject) -> Undo | None:
    lane = Lane(id=_fresh(journey, "l"), kind=data.draw(st.sampled_from(LaneKind)))
    edits.add_lane(journey, lane, data.draw(st.integers(0, len(journey.lanes))))
    return lambda: edits.remove_lane(journey, lane.id)


def _remove_lane(journey: JourneyMap, data: st.DataObject) -> Undo | None:
    if not journey.lanes:
        return None
    removal = edits.remove_lane(journey, data.draw(st.sampled_from(journey.lanes)).id)
    return lambda: edits.restore_lane(journey, removal)


def _move_lane(journey: JourneyMap, data: st.DataObject) -> Undo | None:
    if not journey.lanes:
        return None
    lane_id = data.draw(st.sampled_from(journey.lanes)).id
    old_index = edits.lane_position(journey, lane_id)
    edits.move_lane(journey, lane_id, data.draw(st.integers(0, len(journey.lanes) - 1)))
    return lambda: edits.move_lane(journey, lane_id, old_index)


def _add_persona(journey: JourneyMap, data: st.DataObject) -> Undo | None:
    persona = Persona(id=_fresh(journey, "p"), name=data.draw(texts))
    edits.add_persona(journey, persona, data.draw(st.integers(0, len(journey.personas))))
    return lambda: edits.remove_persona(journey, persona.id)


def _remove_persona(journey: JourneyMap, data: st.DataObject) -> Undo | None:
    if not journey.personas:
        return None
    removal = edits.remove_persona(journey, data.draw(st.sampled_from(journey.personas)).id)
    return lambda: edits.restore_persona(journey, removal)


def _add_connector(journey: JourneyMap, data: st.DataObject) -> Undo | None:
    if not journey.cards:
        return None
    connector = Connector(
        id=_fresh(journey, "k"),
        source=data.draw(st.sampled_from(journey.cards)).id,
        target=data.draw(st.sampled_from(journey.cards)).id,
        kind=data.draw(st.sampled_from(ConnectorKind)),
    )
    edits.add_connector(journey, connector, data.draw(st.integers(0, len(journey.connectors))))
    return lambda: edits.remove_connector(journey, connector.id)


def _remove_connector(journey: JourneyMap, data: st.DataObject) -> Undo | None:
    if not journey.connectors:
        return None
    index, connector = edits.remove_connector(
        journey, data.draw(st.sampled_from(journey.connectors)).id
    )
    return lambda: edits.add_connector(journey, connector, index)


EDITS = [
    _add_card,
    _remove_cards,
    _move_cards,
    _set_span,
    _edit_card,
    _add_stage,
    _remove_stage,
    _move_stage,
    _add_lane,
    _remove_lane,
    _move_lane,
    _add_persona,
    _remove_persona,
    _add_connector,
    _remove_connector,
]


def assert_cells_numbered_without_gaps(journey: JourneyMap) -> None:
    cells: dict[tuple[str, str], list[int]] = defaultdict(list)
    for card in journey.cards:
        cells[(card.stage, card.lane)].append(card.order)
    for cell, numbers in cells.items():
        assert sorted(numbers) == list(range(len(numbers))), cell


@settings(max_examples=200)
@given(journey_maps(unknown=False), st.data())
def test_any_edit_sequence_undone_in_reverse_restores_the_map_exactly(
    journey: JourneyMap, data: st.DataObject
) -> None:
    original = journey.model_dump()
    undos: list[Undo] = []
    for edit in data.draw(st.lists(st.sampled_from(EDITS), min_size=1, max_size=10)):
        undo = edit(journey, data)
        if undo is not None:
            undos.append(undo)
        assert find_problems(journey) == []
        assert_cells_numbered_without_gaps(journey)
    for undo in reversed(undos):
        undo()
    assert journey.model_dump() == original
