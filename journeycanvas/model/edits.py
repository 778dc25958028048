"""Pure edits of a journey map, each returning what undo needs to invert it exactly.

The invariant every edit keeps: inside each cell the cards' ``order`` values are
0, 1, 2 … without gaps, and every span stays inside the stage list. Because of it,
removing what was added (or re-inserting what was removed) gives back the same map.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from journeycanvas.model.entities import Card, Connector, JourneyMap, Lane, Persona, Stage


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


def card_by_id(journey: JourneyMap, card_id: str) -> Card:
    """The card with `card_id`; KeyError when there is none."""
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


def cell_cards(journey: JourneyMap, stage_id: str, lane_id: str) -> list[Card]:
    """The cards in one cell, in their order."""
    cards = [c for c in journey.cards if c.stage == stage_id and c.lane == lane_id]
    return sorted(cards, key=lambda c: c.order)


def placement_of(card: Card) -> Placement:
    """The card's current placement."""
    return Placement(card.stage, card.lane, card.order, card.span)


def apply_placements(
    journey: JourneyMap,
    placements: dict[str, Placement],
    index: Mapping[str, Card] | None = None,
) -> None:
    """Put each card named in `placements` where it says.

    `index` maps ids to the map's cards (a caller that keeps one spares a scan of them all);
    ids of cards the map does not hold are skipped either way.
    """
    if index is None:
        index = {card.id: card for card in journey.cards if card.id in placements}
    for card_id, (stage, lane, order, span) in placements.items():
        card = index.get(card_id)
        if card is None:
            continue
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


def add_card(journey: JourneyMap, card: Card, index: int | None = None) -> None:
    """Insert `card` in its cell at slot ``card.order`` (clamped), shifting later cards down.

    `index` is the card's position in the file's card list (default: the end).
    """
    mates = cell_cards(journey, card.stage, card.lane)
    card.order = min(card.order, len(mates))
    card.span = max(1, min(card.span, _max_span(journey, card.stage)))
    for mate in mates[card.order :]:
        mate.order += 1
    journey.cards.insert(len(journey.cards) if index is None else index, card)


def remove_cards(journey: JourneyMap, card_ids: Iterable[str]) -> CardsRemoval:
    """Take the cards out (with connectors touching them) and close the gaps in their cells."""
    doomed = set(card_ids)
    removal = CardsRemoval()
    kept: list[Card] = []
    touched: set[tuple[str, str]] = set()
    for index, card in enumerate(journey.cards):
        if card.id in doomed:
            removal.cards.append((index, card))
            touched.add((card.stage, card.lane))
        else:
            kept.append(card)
    journey.cards[:] = kept
    kept_connectors: list[Connector] = []
    for index, connector in enumerate(journey.connectors):
        if connector.source in doomed or connector.target in doomed:
            removal.connectors.append((index, connector))
        else:
            kept_connectors.append(connector)
    journey.connectors[:] = kept_connectors
    cells: dict[tuple[str, str], list[Card]] = defaultdict(list)
    for card in kept:
        if (card.stage, card.lane) in touched:
            cells[(card.stage, card.lane)].append(card)
    for mates in cells.values():
        mates.sort(key=lambda c: c.order)
        for order, card in enumerate(mates):
            if card.order != order:
                removal.placements[card.id] = placement_of(card)
                card.order = order
    return removal


def restore_cards(journey: JourneyMap, removal: CardsRemoval) -> None:
    """Undo `remove_cards`: the map is exactly as it was before."""
    apply_placements(journey, removal.placements)
    for index, card in removal.cards:
        journey.cards.insert(index, card)
    for index, connector in removal.connectors:
        journey.connectors.insert(index, connector)


def move_cards(
    journey: JourneyMap, card_ids: list[str], stage_id: str, lane_id: str, order: int
) -> dict[str, Placement]:
    """Move cards, in the given sequence, into a cell starting at slot `order`.

    Returns the previous placement of every card whose placement changed; passing it to
    `apply_placements` undoes the move.
    """
    moving_ids = set(card_ids)
    by_id = {card.id: card for card in journey.cards if card.id in moving_ids}
    moving = [by_id[card_id] for card_id in card_ids]
    # Only the cells the cards leave and the one they enter are renumbered.
    touched = {(card.stage, card.lane) for card in moving} | {(stage_id, lane_id)}
    cells: dict[tuple[str, str], list[Card]] = {cell: [] for cell in touched}
    for card in journey.cards:
        cell = (card.stage, card.lane)
        if cell in touched and card.id not in moving_ids:
            cells[cell].append(card)
    before = {card.id: placement_of(card) for mates in cells.values() for card in mates}
    before.update((card.id, placement_of(card)) for card in moving)
    for mates in cells.values():
        mates.sort(key=lambda c: c.order)
    target = cells[(stage_id, lane_id)]
    order = max(0, min(order, len(target)))
    target[order:order] = moving
    max_span = _max_span(journey, stage_id)
    for card in moving:
        card.stage, card.lane = stage_id, lane_id
        card.span = min(card.span, max_span)
    changed: dict[str, Placement] = {}
    for mates in cells.values():
        for slot, card in enumerate(mates):
            card.order = slot
            if placement_of(card) != before[card.id]:
                changed[card.id] = before[card.id]
    return changed


def set_card_span(journey: JourneyMap, card_id: str, span: int) -> int:
    """Widen or narrow a card over following stages (clamped); returns the old span."""
    card = card_by_id(journey, card_id)
    old = card.span
    card.span = max(1, min(span, _max_span(journey, card.stage)))
    return old


# ---------------------------------------------------------------- connectors


def add_connector(journey: JourneyMap, connector: Connector, index: int | None = None) -> None:
    """Insert a connector (default: at the end of the list)."""
    journey.connectors.insert(len(journey.connectors) if index is None else index, connector)


def remove_connector(journey: JourneyMap, connector_id: str) -> tuple[int, Connector]:
    """Take a connector out; returns its index and itself, for `add_connector`."""
    for index, connector in enumerate(journey.connectors):
        if connector.id == connector_id:
            del journey.connectors[index]
            return index, connector
    raise KeyError(connector_id)


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


def remove_stage(journey: JourneyMap, stage_id: str) -> StageRemoval:
    """Remove a stage with its cards; cards spanning into it from the left get shorter."""
    index = stage_position(journey, stage_id)
    cards = remove_cards(journey, [c.id for c in journey.cards if c.stage == stage_id])
    columns = {stage.id: i for i, stage in enumerate(journey.stages)}
    spans: dict[str, int] = {}
    for card in journey.cards:
        if columns[card.stage] < index < columns[card.stage] + card.span:
            spans[card.id] = card.span
            card.span -= 1
    stage = journey.stages.pop(index)
    return StageRemoval(stage, index, cards, spans)


def restore_stage(journey: JourneyMap, removal: StageRemoval) -> None:
    """Undo `remove_stage` exactly."""
    journey.stages.insert(removal.index, removal.stage)
    for card in journey.cards:
        if card.id in removal.spans:
            card.span = removal.spans[card.id]
    restore_cards(journey, removal.cards)


def move_stage(journey: JourneyMap, stage_id: str, new_index: int) -> dict[str, int]:
    """Move a stage to column `new_index`; its cards go with it.

    Spans that would run past the last stage are shortened; their old values are
    returned so that undo can restore them after moving the stage back.
    """
    stage = journey.stages.pop(stage_position(journey, stage_id))
    journey.stages.insert(new_index, stage)
    return _clamp_spans(journey)


def restore_spans(journey: JourneyMap, spans: dict[str, int]) -> None:
    """Give cards back the spans recorded by `move_stage`."""
    for card in journey.cards:
        if card.id in spans:
            card.span = spans[card.id]


# ---------------------------------------------------------------- lanes


def add_lane(journey: JourneyMap, lane: Lane, index: int | None = None) -> None:
    """Insert a lane at row `index` (default: the last row)."""
    journey.lanes.insert(len(journey.lanes) if index is None else index, lane)


def remove_lane(journey: JourneyMap, lane_id: str) -> LaneRemoval:
    """Remove a lane with all of its cards (and their connectors)."""
    index = lane_position(journey, lane_id)
    cards = remove_cards(journey, [c.id for c in journey.cards if c.lane == lane_id])
    return LaneRemoval(journey.lanes.pop(index), index, cards)


def restore_lane(journey: JourneyMap, removal: LaneRemoval) -> None:
    """Undo `remove_lane` exactly."""
    journey.lanes.insert(removal.index, removal.lane)
    restore_cards(journey, removal.cards)


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
