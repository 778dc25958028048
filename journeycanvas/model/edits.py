"""Pure edits of a journey map, each returning what undo needs to invert it exactly.

The invariant every edit keeps: inside each cell the cards' ``order`` values are
0, 1, 2 … without gaps, and every span stays inside the stage list. Because of it,
removing what was added (or re-inserting what was removed) gives back the same map.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, NamedTuple, TypeVar

from journeycanvas.model.entities import Card, Connector, JourneyMap, Lane, Persona, Stage
from journeycanvas.model.map_index import MapIndex


class Placement(NamedTuple):
    """Where a card sits: its cell, its slot in the cell and how many stages it spans."""

    stage: str
    lane: str
    order: int
    span: int


@dataclass
class CardsRemoval:
    """Cards taken out of a map, with their connectors and the slots of their cell mates."""

    cards: list[tuple[int, Card]] = field(default_factory=list)
    connectors: list[tuple[int, Connector]] = field(default_factory=list)
    placements: dict[str, Placement] = field(default_factory=dict)


@dataclass
class StageRemoval:
    """A removed stage, where it stood, the cards that went with it, and shortened spans."""

    stage: Stage
    index: int
    cards: CardsRemoval
    spans: dict[str, int]


@dataclass
class LaneRemoval:
    """A removed lane, where it stood and the cards that went with it."""

    lane: Lane
    index: int
    cards: CardsRemoval


@dataclass
class PersonaRemoval:
    """A removed persona, where it stood and the card tags that named it."""

    persona: Persona
    index: int
    card_personas: dict[str, list[str]]


# ---------------------------------------------------------------- lookups


def card_by_id(journey: JourneyMap, card_id: str, index: MapIndex | None = None) -> Card:
    """The card with `card_id`; KeyError when there is none."""
    if index is not None:
        return index.cards[card_id]
    for card in journey.cards:
        if card.id == card_id:
            return card
    raise KeyError(card_id)


def stage_position(journey: JourneyMap, stage_id: str) -> int:
    """The column index of the stage with `stage_id`; KeyError when there is none."""
    for index, stage in enumerate(journey.stages):
        if stage.id == stage_id:
            return index
    raise KeyError(stage_id)


def lane_position(journey: JourneyMap, lane_id: str) -> int:
    """The row index of the lane with `lane_id`; KeyError when there is none."""
    for index, lane in enumerate(journey.lanes):
        if lane.id == lane_id:
            return index
    raise KeyError(lane_id)


def cell_cards(
    journey: JourneyMap, stage_id: str, lane_id: str, index: MapIndex | None = None
) -> list[Card]:
    """The cards in one cell, in their order."""
    if index is not None:
        return index.cell(stage_id, lane_id)
    cards = [c for c in journey.cards if c.stage == stage_id and c.lane == lane_id]
    return sorted(cards, key=lambda c: c.order)


def placement_of(card: Card) -> Placement:
    """The card's current placement."""
    return Placement(card.stage, card.lane, card.order, card.span)


def apply_placements(
    journey: JourneyMap, placements: dict[str, Placement], index: MapIndex | None = None
) -> None:
    """Put each card named in `placements` where it says; ids the map lacks are skipped.

    Every edit of cards takes `index`, the map's `MapIndex`, which it keeps up to date: a
    caller that keeps one spares a look through all the cards (without, one is made).
    """
    if index is None:
        index = MapIndex(journey)
    cards = index.cards
    for card_id, (stage, lane, order, span) in placements.items():
        card = cards.get(card_id)
        if card is None:
            continue
        index.card_moving(card, stage, lane)
        # Most cards of an undone move only change slot; a model attribute write is costly.
        if card.stage != stage:
            card.stage = stage
        if card.lane != lane:
            card.lane = lane
        if card.order != order:
            card.order = order
        if card.span != span:
            card.span = span


def set_fields(obj: Any, changes: dict[str, Any]) -> dict[str, Any]:
    """Set attributes of a model object; returns their previous values, for undo."""
    old = {name: getattr(obj, name) for name in changes}
    for name, value in changes.items():
        setattr(obj, name, value)
    return old


# ---------------------------------------------------------------- cards


def _max_span(journey: JourneyMap, stage_id: str) -> int:
    return len(journey.stages) - stage_position(journey, stage_id)


def add_card(
    journey: JourneyMap, card: Card, position: int | None = None, index: MapIndex | None = None
) -> None:
    """Insert `card` in its cell at slot ``card.order`` (clamped), shifting later cards down.

    `position` is the card's position in the file's card list (default: the end).
    """
    if index is None:
        index = MapIndex(journey)
    mates = index.cell(card.stage, card.lane)
    card.order = min(card.order, len(mates))
    card.span = max(1, min(card.span, _max_span(journey, card.stage)))
    for mate in mates[card.order :]:
        mate.order += 1
    position = len(journey.cards) if position is None else min(position, len(journey.cards))
    journey.cards.insert(position, card)
    index.card_added(card, position)


def remove_cards(
    journey: JourneyMap, card_ids: Iterable[str], index: MapIndex | None = None
) -> CardsRemoval:
    """Take the cards out (with connectors touching them) and close the gaps in their cells."""
    if index is None:
        index = MapIndex(journey)
    doomed = [index.cards[i] for i in dict.fromkeys(card_ids) if i in index.cards]
    connectors = {k.id: k for card in doomed for k in index.touching(card.id)}
    removal = CardsRemoval(
        cards=_take_out(journey.cards, doomed, index.card_position),
        connectors=_take_out(journey.connectors, connectors.values(), index.connector_position),
    )
    for connector in connectors.values():
        index.connector_removed(connector)
    touched = {(card.stage, card.lane) for card in doomed}
    for card in doomed:
        index.card_removed(card)
    for stage_id, lane_id in touched:
        for order, card in enumerate(index.cell(stage_id, lane_id)):
            if card.order != order:
                removal.placements[card.id] = placement_of(card)
                card.order = order
    return removal


_Listed = TypeVar("_Listed", Card, Connector)


def _take_out(
    items: list[_Listed], doomed: Iterable[_Listed], position: Callable[[_Listed], int]
) -> list[tuple[int, _Listed]]:
    """Delete `doomed` from `items`; returns them with their positions, first to last."""
    taken = sorted(((position(item), item) for item in doomed), key=itemgetter(0))
    for at, _ in reversed(taken):
        del items[at]
    return taken


def restore_cards(
    journey: JourneyMap, removal: CardsRemoval, index: MapIndex | None = None
) -> None:
    """Undo `remove_cards`: the map is exactly as it was before."""
    if index is None:
        index = MapIndex(journey)
    apply_placements(journey, removal.placements, index)
    for position, card in removal.cards:
        journey.cards.insert(position, card)
        index.card_added(card, position)
    for position, connector in removal.connectors:
        journey.connectors.insert(position, connector)
        index.connector_added(connector, position)


def move_cards(
    journey: JourneyMap,
    card_ids: list[str],
    stage_id: str,
    lane_id: str,
    order: int,
    index: MapIndex | None = None,
) -> dict[str, Placement]:
    """Move cards, in the given sequence, into a cell starting at slot `order`.

    Returns the previous placement of every card whose placement changed; passing it to
    `apply_placements` undoes the move.
    """
    if index is None:
        index = MapIndex(journey)
    moving = [index.cards[card_id] for card_id in card_ids]
    moving_ids = set(card_ids)
    # Only the cells the cards leave and the one they enter are renumbered.
    touched = {(card.stage, card.lane) for card in moving} | {(stage_id, lane_id)}
    cells = {
        cell: [card for card in index.cell(*cell) if card.id not in moving_ids] for cell in touched
    }
    before = {card.id: placement_of(card) for mates in cells.values() for card in mates}
    before.update((card.id, placement_of(card)) for card in moving)
    target = cells[(stage_id, lane_id)]
    order = max(0, min(order, len(target)))
    target[order:order] = moving
    max_span = _max_span(journey, stage_id)
    for card in moving:
        index.card_moving(card, stage_id, lane_id)
        card.stage, card.lane = stage_id, lane_id
        card.span = min(card.span, max_span)
    changed: dict[str, Placement] = {}
    for mates in cells.values():
        for slot, card in enumerate(mates):
            card.order = slot
            if placement_of(card) != before[card.id]:
                changed[card.id] = before[card.id]
    return changed


def set_card_span(
    journey: JourneyMap, card_id: str, span: int, index: MapIndex | None = None
) -> int:
    """Widen or narrow a card over following stages (clamped); returns the old span."""
    card = card_by_id(journey, card_id, index)
    old = card.span
    card.span = max(1, min(span, _max_span(journey, card.stage)))
    return old


# ---------------------------------------------------------------- connectors


def add_connector(
    journey: JourneyMap,
    connector: Connector,
    position: int | None = None,
    index: MapIndex | None = None,
) -> None:
    """Insert a connector (default: at the end of the list)."""
    count = len(journey.connectors)
    position = count if position is None else min(position, count)
    journey.connectors.insert(position, connector)
    if index is not None:
        index.connector_added(connector, position)


def remove_connector(
    journey: JourneyMap, connector_id: str, index: MapIndex | None = None
) -> tuple[int, Connector]:
    """Take a connector out; returns its position and itself, for `add_connector`."""
    if index is None:
        index = MapIndex(journey)
    connector = index.connectors[connector_id]
    position = index.connector_position(connector)
    del journey.connectors[position]
    index.connector_removed(connector)
    return position, connector


# ---------------------------------------------------------------- stages


def add_stage(journey: JourneyMap, stage: Stage, index: int | None = None) -> None:
    """Insert a stage at column `index` (default: the last column)."""
    journey.stages.insert(len(journey.stages) if index is None else index, stage)


def _clamp_spans(journey: JourneyMap) -> dict[str, int]:
    columns = {stage.id: i for i, stage in enumerate(journey.stages)}
    old: dict[str, int] = {}
    for card in journey.cards:
        room = len(journey.stages) - columns[card.stage]
        if card.span > room:
            old[card.id] = card.span
            card.span = room
    return old


def remove_stage(
    journey: JourneyMap, stage_id: str, map_index: MapIndex | None = None
) -> StageRemoval:
    """Remove a stage with its cards; cards spanning into it from the left get shorter."""
    index = stage_position(journey, stage_id)
    doomed = [c.id for c in journey.cards if c.stage == stage_id]
    cards = remove_cards(journey, doomed, map_index)
    columns = {stage.id: i for i, stage in enumerate(journey.stages)}
    spans: dict[str, int] = {}
    for card in journey.cards:
        if columns[card.stage] < index < columns[card.stage] + card.span:
            spans[card.id] = card.span
            card.span -= 1
    stage = journey.stages.pop(index)
    return StageRemoval(stage, index, cards, spans)


def restore_stage(
    journey: JourneyMap, removal: StageRemoval, index: MapIndex | None = None
) -> None:
    """Undo `remove_stage` exactly."""
    journey.stages.insert(removal.index, removal.stage)
    restore_spans(journey, removal.spans, index)
    restore_cards(journey, removal.cards, index)


def move_stage(journey: JourneyMap, stage_id: str, new_index: int) -> dict[str, int]:
    """Move a stage to column `new_index`; its cards go with it.

    Spans that would run past the last stage are shortened; their old values are
    returned so that undo can restore them after moving the stage back.
    """
    stage = journey.stages.pop(stage_position(journey, stage_id))
    journey.stages.insert(new_index, stage)
    return _clamp_spans(journey)


def restore_spans(
    journey: JourneyMap, spans: dict[str, int], index: MapIndex | None = None
) -> None:
    """Give cards back the spans recorded by `move_stage`."""
    if index is None:
        index = MapIndex(journey)
    for card_id, span in spans.items():
        card = index.cards.get(card_id)
        if card is not None:
            card.span = span


# ---------------------------------------------------------------- lanes


def add_lane(journey: JourneyMap, lane: Lane, index: int | None = None) -> None:
    """Insert a lane at row `index` (default: the last row)."""
    journey.lanes.insert(len(journey.lanes) if index is None else index, lane)


def remove_lane(
    journey: JourneyMap, lane_id: str, map_index: MapIndex | None = None
) -> LaneRemoval:
    """Remove a lane with all of its cards (and their connectors)."""
    index = lane_position(journey, lane_id)
    doomed = [c.id for c in journey.cards if c.lane == lane_id]
    cards = remove_cards(journey, doomed, map_index)
    return LaneRemoval(journey.lanes.pop(index), index, cards)


def restore_lane(journey: JourneyMap, removal: LaneRemoval, index: MapIndex | None = None) -> None:
    """Undo `remove_lane` exactly."""
    journey.lanes.insert(removal.index, removal.lane)
    restore_cards(journey, removal.cards, index)


def move_lane(journey: JourneyMap, lane_id: str, new_index: int) -> None:
    """Move a lane to row `new_index`; its cards go with it."""
    lane = journey.lanes.pop(lane_position(journey, lane_id))
    journey.lanes.insert(new_index, lane)


# ---------------------------------------------------------------- personas


def add_persona(journey: JourneyMap, persona: Persona, index: int | None = None) -> None:
    """Insert a persona (default: at the end)."""
    journey.personas.insert(len(journey.personas) if index is None else index, persona)


def remove_persona(journey: JourneyMap, persona_id: str) -> PersonaRemoval:
    """Remove a persona and untag it from every card."""
    index = next(i for i, p in enumerate(journey.personas) if p.id == persona_id)
    tagged: dict[str, list[str]] = {}
    for card in journey.cards:
        if persona_id in card.personas:
            tagged[card.id] = list(card.personas)
            card.personas = [p for p in card.personas if p != persona_id]
    return PersonaRemoval(journey.personas.pop(index), index, tagged)


def restore_persona(journey: JourneyMap, removal: PersonaRemoval) -> None:
    """Undo `remove_persona` exactly."""
    journey.personas.insert(removal.index, removal.persona)
    for card in journey.cards:
        if card.id in removal.card_personas:
            card.personas = list(removal.card_personas[card.id])
