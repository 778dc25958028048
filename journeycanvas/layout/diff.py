"""What changed between two layouts, for a canvas that only touches those items."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from journeycanvas.layout.journey_layout import JourneyLayout


@dataclass(frozen=True, slots=True)
class LayoutDiff:
    """What an update changed.

    `shifted_lanes` maps each lane whose top moved to how far it moved down (mm; up is
    negative). `cards` holds the ids of the cards whose layout is new or changed other
    than by their lane's move (added ones included): a card of a shifted lane that is not
    in `cards` has its old face, cell, slot, span and offset from the lane's top, so its
    new layout is the old one moved down by the lane's distance (a canvas moves such
    cards, or the lane's group, without looking at them one by one). `connectors` holds
    the connectors whose layout is new or different; `removed_*` the ids that are gone.
    `grid` is True when any header or cell changed; `emotion` when an emotion curve did.
    """

    cards: frozenset[str] = frozenset()
    removed_cards: frozenset[str] = frozenset()
    connectors: frozenset[str] = frozenset()
    removed_connectors: frozenset[str] = frozenset()
    shifted_lanes: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    grid: bool = False
    emotion: bool = False

    @property
    def empty(self) -> bool:
        """Whether nothing changed at all."""
        return not (
            self.cards
            or self.removed_cards
            or self.connectors
            or self.removed_connectors
            or self.shifted_lanes
            or self.grid
            or self.emotion
        )


@dataclass(slots=True)
class DiffCollector:
    """Collects changes while an update assembles the new layout."""

    cards: set[str] = field(default_factory=set)
    removed_cards: set[str] = field(default_factory=set)
    connectors: set[str] = field(default_factory=set)
    removed_connectors: set[str] = field(default_factory=set)
    shifted_lanes: dict[str, float] = field(default_factory=dict)

    def result(self, old: JourneyLayout, new: JourneyLayout) -> LayoutDiff:
        """The diff, completing the grid and the emotion curves from the two layouts."""
        return LayoutDiff(
            cards=frozenset(self.cards),
            removed_cards=frozenset(self.removed_cards),
            connectors=frozenset(self.connectors),
            removed_connectors=frozenset(self.removed_connectors),
            shifted_lanes=MappingProxyType(dict(self.shifted_lanes)),
            grid=not _same_grid(old, new),
            emotion=old.emotion_curves != new.emotion_curves,
        )


def full_diff(old: JourneyLayout | None, new: JourneyLayout) -> LayoutDiff:
    """Compare two layouts box by box (everything is new when there was none before)."""
    if old is None:
        return LayoutDiff(
            cards=frozenset(new.cards),
            connectors=frozenset(new.connectors),
            grid=True,
            emotion=bool(new.emotion_curves),
        )
    old_cards, old_connectors = old.cards, old.connectors
    return LayoutDiff(
        cards=frozenset(i for i, c in new.cards.items() if not same(old_cards.get(i), c)),
        removed_cards=frozenset(old_cards.keys() - new.cards.keys()),
        connectors=frozenset(
            i for i, c in new.connectors.items() if not same(old_connectors.get(i), c)
        ),
        removed_connectors=frozenset(old_connectors.keys() - new.connectors.keys()),
        grid=not _same_grid(old, new),
        emotion=old.emotion_curves != new.emotion_curves,
    )


def same(old: object, new: object) -> bool:
    """Equal boxes; identity first, as dataclass equality compares every field."""
    return old is new or old == new


def _same_grid(old: JourneyLayout, new: JourneyLayout) -> bool:
    return (old.stages is new.stages and old.lanes is new.lanes and old.cells is new.cells) or (
        old.stages == new.stages and old.lanes == new.lanes and old.cells == new.cells
    )
