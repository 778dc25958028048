"""A layout's cards, kept relative to their lanes so that a lane that moves is one change.

Each lane's cards are stored as places relative to the lane's top (`LaneCards`); the
absolute `CardLayout` of a card is made the first time it is asked for and kept. A lane
that only moves up or down becomes a new `LaneCards` sharing the places, at its new
top: no card is touched until someone looks at it. A lane that nothing changed is the
same object in the next layout, so its cards stay the same objects.
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, Mapping, ValuesView

from journeycanvas.layout.boxes import CardFace, CardLayout
from journeycanvas.layout.geometry import Rect

Place = tuple[str, int, int, float, float, CardFace]
"""Where a card sits in its lane: stage id, slot, span, x, y below the lane's top, face."""


class LaneCards:
    """The cards of one lane: their places relative to the lane's `top`, and the top.

    Treat `places` as read-only: lanes of several layouts share it.
    """

    __slots__ = ("_laid", "lane_id", "places", "top")

    def __init__(
        self,
        lane_id: str,
        top: float,
        places: dict[str, Place],
        laid: dict[str, CardLayout] | None = None,
    ) -> None:
        self.lane_id = lane_id
        self.top = top
        self.places = places
        # The absolute layouts made so far.
        self._laid: dict[str, CardLayout] = {} if laid is None else laid

    def card(self, card_id: str) -> CardLayout:
        """The card's absolute layout; KeyError when the lane does not hold it."""
        laid = self._laid.get(card_id)
        if laid is None:
            stage_id, order, span, x, y, face = self.places[card_id]
            rect = Rect(x, self.top + y, face.width, face.height)
            laid = CardLayout(card_id, stage_id, self.lane_id, order, span, rect, face)
            self._laid[card_id] = laid
        return laid

    def rect(self, card_id: str) -> Rect:
        """The card's absolute rectangle, as `card` gives it, without making its layout;
        KeyError when the lane does not hold it."""
        laid = self._laid.get(card_id)
        if laid is not None:
            return laid.rect
        _, _, _, x, y, face = self.places[card_id]
        return Rect(x, self.top + y, face.width, face.height)

    def moved_to(self, top: float) -> LaneCards:
        """The same cards with the lane's top at `top`."""
        return LaneCards(self.lane_id, top, self.places)

    def edited(self, top: float) -> tuple[dict[str, Place], dict[str, CardLayout]]:
        """Copies of the places and of the layouts still valid at `top`, to change for
        the next layout (give them to a new LaneCards)."""
        laid = dict(self._laid) if top == self.top else {}
        return dict(self.places), laid


class CardMap(Mapping[str, CardLayout]):
    """Every card's absolute layout by id, made on first access from the lanes' places.

    `hint` says in which lane a card was last seen (shared by the layouts of one engine
    and only ever a hint: a card not where it says is looked for in every lane).
    """

    __slots__ = ("_hint", "_lanes")

    def __init__(self, lanes: Mapping[str, LaneCards], hint: Mapping[str, str]) -> None:
        self._lanes = lanes
        self._hint = hint

    @property
    def lanes(self) -> Mapping[str, LaneCards]:
        """Each lane's cards by lane id."""
        return self._lanes

    def lane_of(self, card_id: str) -> LaneCards | None:
        """The cards of the lane holding the card, or None."""
        lane_id = self._hint.get(card_id)
        lane = None if lane_id is None else self._lanes.get(lane_id)
        if lane is not None and card_id in lane.places:
            return lane
        for lane in self._lanes.values():
            if card_id in lane.places:
                return lane
        return None

    def __getitem__(self, card_id: str) -> CardLayout:
        lane = self.lane_of(card_id)
        if lane is None:
            raise KeyError(card_id)
        return lane.card(card_id)

    def __contains__(self, card_id: object) -> bool:
        return isinstance(card_id, str) and self.lane_of(card_id) is not None

    def get(self, card_id: str, default: CardLayout | None = None) -> CardLayout | None:  # type: ignore[override]
        """The card's layout, or `default` (without `Mapping.get`'s round trip through
        `__getitem__` and KeyError: routing asks for both ends of every connector)."""
        lane = self.lane_of(card_id)
        return default if lane is None else lane.card(card_id)

    def rect(self, card_id: str) -> Rect | None:
        """The card's absolute rectangle, or None, without making its layout."""
        lane = self.lane_of(card_id)
        return None if lane is None else lane.rect(card_id)

    def __iter__(self) -> Iterator[str]:
        for lane in self._lanes.values():
            yield from lane.places

    def __len__(self) -> int:
        return sum(len(lane.places) for lane in self._lanes.values())

    def values(self) -> ValuesView[CardLayout]:
        """The layouts, lane by lane (without looking each card's lane up)."""
        return _Values(self)

    def items(self) -> ItemsView[str, CardLayout]:
        """(id, layout) pairs, lane by lane."""
        return _Items(self)

    def by_lane(self) -> Iterator[tuple[str, CardLayout]]:
        """(id, layout) of every card, lane by lane."""
        for lane in self._lanes.values():
            card = lane.card
            for card_id in lane.places:
                yield card_id, card(card_id)


def card_rect(cards: Mapping[str, CardLayout], card_id: str) -> Rect | None:
    """The rectangle of a card in `cards`, or None; of a `CardMap`'s without making its
    layout (routing asks for both ends of every connector, and needs only that)."""
    if type(cards) is CardMap:
        return cards.rect(card_id)
    card = cards.get(card_id)
    return None if card is None else card.rect


class _Values(ValuesView[CardLayout]):
    _mapping: CardMap

    def __iter__(self) -> Iterator[CardLayout]:
        for _, card in self._mapping.by_lane():
            yield card


class _Items(ItemsView[str, CardLayout]):
    _mapping: CardMap

    def __iter__(self) -> Iterator[tuple[str, CardLayout]]:
        return self._mapping.by_lane()
