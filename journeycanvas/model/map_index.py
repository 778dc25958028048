"""Tables that find a map's cards and connectors without looking through all of them.

A `MapIndex` answers "the card with this id", "the cards of this cell", "the connectors
touching this card" and "where in the file's list is this card" in time independent of
the map's size, so that an edit of one card on a 20,000-card map stays quick. The edits
of `journeycanvas.model.edits` keep it up to date when they are given one; whoever
changes the map any other way builds a new one.

Positions in the card and connector lists are remembered, not maintained: inserting or
removing shifts the items after it, so a remembered position is checked, looked for
nearby (where a few inserts or removals leave it), and only then found by a full scan.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from journeycanvas.model.entities import Card, Connector, JourneyMap

Cell = tuple[str, str]
"""(stage id, lane id)."""

# How far from its remembered position an item is looked for before a full scan.
_NEARBY = 64


class _Identified(Protocol):
    id: str


_Item = TypeVar("_Item", bound=_Identified)


class MapIndex:
    """Cards and connectors of one map by id, cards by cell, connectors by card end."""

    def __init__(self, journey: JourneyMap) -> None:
        self.journey = journey
        self.cards: dict[str, Card] = {}
        """Every card by id (read-only for callers)."""
        self.connectors: dict[str, Connector] = {}
        """Every connector by id (read-only for callers)."""
        self._cells: dict[Cell, dict[str, Card]] = {}
        self._ends: dict[str, dict[str, Connector]] = {}
        self._card_at: dict[str, int] = {}
        self._connector_at: dict[str, int] = {}
        for position, card in enumerate(journey.cards):
            self.cards[card.id] = card
            self._card_at[card.id] = position
            self._cells.setdefault((card.stage, card.lane), {})[card.id] = card
        for position, connector in enumerate(journey.connectors):
            self._connector_added(connector, position)

    # ------------------------------------------------------------ reading

    def cell(self, stage_id: str, lane_id: str) -> list[Card]:
        """The cards in one cell, in their order."""
        mates = self._cells.get((stage_id, lane_id))
        return sorted(mates.values(), key=_order) if mates else []

    def touching(self, card_id: str) -> list[Connector]:
        """The connectors that start or end at the card."""
        return list(self._ends.get(card_id, {}).values())

    def card_position(self, card: Card) -> int:
        """Where `card` (one of the map's) is in the map's card list."""
        return _position(self.journey.cards, card, self._card_at)

    def connector_position(self, connector: Connector) -> int:
        """Where `connector` (one of the map's) is in the map's connector list."""
        return _position(self.journey.connectors, connector, self._connector_at)

    # ------------------------------------------------------------ keeping up to date

    def card_added(self, card: Card, position: int) -> None:
        """Note that `card` was inserted at `position` of the card list."""
        self.cards[card.id] = card
        self._card_at[card.id] = position
        self._cells.setdefault((card.stage, card.lane), {})[card.id] = card

    def card_removed(self, card: Card) -> None:
        """Note that `card` left the card list."""
        del self.cards[card.id]
        self._card_at.pop(card.id, None)
        self._cells[(card.stage, card.lane)].pop(card.id, None)

    def card_moving(self, card: Card, stage_id: str, lane_id: str) -> None:
        """Note that `card` is about to be put into another cell (call before changing it)."""
        if (card.stage, card.lane) != (stage_id, lane_id):
            self._cells[(card.stage, card.lane)].pop(card.id, None)
            self._cells.setdefault((stage_id, lane_id), {})[card.id] = card

    def connector_added(self, connector: Connector, position: int) -> None:
        """Note that `connector` was inserted at `position` of the connector list."""
        self._connector_added(connector, position)

    def connector_removed(self, connector: Connector) -> None:
        """Note that `connector` left the connector list."""
        del self.connectors[connector.id]
        self._connector_at.pop(connector.id, None)
        for end in (connector.source, connector.target):
            touching = self._ends.get(end)
            if touching is not None:
                touching.pop(connector.id, None)

    def _connector_added(self, connector: Connector, position: int) -> None:
        self.connectors[connector.id] = connector
        self._connector_at[connector.id] = position
        for end in (connector.source, connector.target):
            self._ends.setdefault(end, {})[connector.id] = connector


def _order(card: Card) -> int:
    return card.order


def _position(items: list[_Item], item: _Item, remembered: dict[str, int]) -> int:
    """Where `item` is in `items`: at its remembered position, near it, or anywhere."""
    guess = remembered.get(item.id, 0)
    count = len(items)
    for distance in range(_NEARBY):
        for candidate in (guess - distance, guess + distance):
            if 0 <= candidate < count and items[candidate] is item:
                remembered[item.id] = candidate
                return candidate
    for candidate, other in enumerate(items):
        remembered[other.id] = candidate
    found = remembered.get(item.id)
    if found is None or items[found] is not item:
        raise KeyError(item.id)
    return found
