"""What a Document says changed: which kind of object, what happened to it, and which ids.

One `Change` value travels on `Document.edited` for every mutation, so that a follower (the
scene, a panel, a test's mirror) connects once and reads what it needs, instead of one
signal per kind of object and event.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Entity(StrEnum):
    """The kinds of object a map holds; MAP is the map's own header fields."""

    CARD = "card"
    STAGE = "stage"
    LANE = "lane"
    CONNECTOR = "connector"
    PERSONA = "persona"
    MAP = "map"


class Action(StrEnum):
    """What happened to the objects: PLACED is a card's stage, lane, order or span."""

    ADDED = "added"
    CHANGED = "changed"
    REMOVED = "removed"
    MOVED = "moved"
    PLACED = "placed"


@dataclass(frozen=True, slots=True)
class Change:
    """`action` happened to the `entity` objects with `ids` (the map's id for MAP)."""

    entity: Entity
    action: Action
    ids: tuple[str, ...]

    @property
    def name(self) -> str:
        """``card_added``, ``stage_moved`` …: the entity and the action in one word."""
        return f"{self.entity}_{self.action}"
