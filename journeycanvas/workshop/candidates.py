"""Which cards a voting round offers: those of a lane, a stage, a kind, or a selection."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from journeycanvas.model.entities import JourneyMap


class Scope(Enum):
    """What a round votes over."""

    LANE = "lane"
    STAGE = "stage"
    KIND = "kind"
    SELECTION = "selection"


MAX_CANDIDATES = 60
"""The most cards one round offers (a phone screen's worth of scrolling)."""


def candidate_cards(
    journey: JourneyMap,
    scope: Scope,
    *,
    stage: str | None = None,
    lane: str | None = None,
    kind: str | None = None,
    selection: Iterable[str] = (),
) -> list[str]:
    """Ids of the cards with text in `scope`, in map order (stage, then lane, then slot)."""
    stage_index = {s.id: i for i, s in enumerate(journey.stages)}
    lane_index = {la.id: i for i, la in enumerate(journey.lanes)}
    chosen = set(selection)
    wanted = {
        Scope.LANE: lambda card: card.lane == lane,
        Scope.STAGE: lambda card: card.stage == stage,
        Scope.KIND: lambda card: card.kind == kind,
        Scope.SELECTION: lambda card: card.id in chosen,
    }[scope]
    cards = [card for card in journey.cards if card.text.strip() and wanted(card)]
    cards.sort(key=lambda c: (stage_index.get(c.stage, 0), lane_index.get(c.lane, 0), c.order))
    return [card.id for card in cards[:MAX_CANDIDATES]]
