"""The semantic difference of two maps, object by object (by id), as a list of changes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from journeycanvas.merge.sequences import unmoved
from journeycanvas.merge.tables import (
    COLLECTIONS,
    MAP,
    MapTables,
    cell_of,
    cell_sequences,
    tables_of,
)
from journeycanvas.model.entities import JourneyMap

CARD_PLACE_FIELDS = frozenset({"stage", "lane", "order"})
"""A card's place: reported as a move, not as field changes."""

UNREPORTED_MAP_FIELDS = frozenset({"modified"})
"""Map fields every save changes: not a change anyone made."""

REORDERED_LISTS = ("personas", "stages", "lanes")
"""Lists whose order people see; the order of cards and connectors in the file means nothing
(cards are ordered inside their cells)."""


class ChangeKind(StrEnum):
    """What happened to an object between two maps."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    MOVED = "moved"
    REORDERED = "reordered"


@dataclass(frozen=True)
class Change:
    """One change from map A to map B.

    `collection` is ``"map"``, ``"personas"``, ``"stages"``, ``"lanes"``, ``"cards"``,
    ``"connectors"`` or ``"assets"``; `id` the object's id (the map's id for ``"map"``).
    CHANGED names the `field` with its `old` and `new` value; ADDED holds the new object's
    fields in `new`, REMOVED the old one's in `old`; MOVED (a card to another cell) holds
    the cells as (stage id, lane id); REORDERED holds the old and new 0-based position
    (in its list, or for a card inside its cell).
    """

    kind: ChangeKind
    collection: str
    id: str
    field: str = ""
    old: Any = None
    new: Any = None


def diff_maps(a: JourneyMap, b: JourneyMap) -> list[Change]:
    """Every change that turns `a` into `b`: map fields, then each collection's objects.

    Within a collection: removals (in A's order), additions, then changes, moves and
    reorders (in B's order). The ``modified`` time stamp is not reported.
    """
    return diff_tables(tables_of(a), tables_of(b))


def diff_tables(a: MapTables, b: MapTables) -> list[Change]:
    """`diff_maps` on maps already split into tables."""
    changes = [
        Change(ChangeKind.CHANGED, MAP, b.map_id, field, a.fields.get(field), b.fields.get(field))
        for field in _keys(a.fields, b.fields)
        if field not in UNREPORTED_MAP_FIELDS and a.fields.get(field) != b.fields.get(field)
    ]
    for name in COLLECTIONS:
        old, new = a.items[name], b.items[name]
        changes += [
            Change(ChangeKind.REMOVED, name, key, old=old[key]) for key in old if key not in new
        ]
        changes += [
            Change(ChangeKind.ADDED, name, key, new=new[key]) for key in new if key not in old
        ]
        moved = _reordered(name, old, new)
        for key, after in new.items():
            before = old.get(key)
            if before is None:
                continue
            if name == "cards" and cell_of(before) != cell_of(after):
                changes.append(
                    Change(ChangeKind.MOVED, name, key, "cell", cell_of(before), cell_of(after))
                )
            elif key in moved:
                changes.append(Change(ChangeKind.REORDERED, name, key, "position", *moved[key]))
            changes += [
                Change(ChangeKind.CHANGED, name, key, field, before.get(field), after.get(field))
                for field in _keys(before, after)
                if before.get(field) != after.get(field)
                and not (name == "cards" and field in CARD_PLACE_FIELDS)
            ]
    return changes


def _keys(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    return [*a, *(key for key in b if key not in a)]


def _reordered(
    name: str, old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]
) -> dict[str, tuple[int, int]]:
    """Objects whose place in their list (or, for cards, in their cell) changed by a move of
    their own: key → (old position, new position)."""
    if name == "cards":
        before, after = cell_sequences(old), cell_sequences(new)
        return {
            key: moved
            for cell, sequence in after.items()
            for key, moved in _moved_in(before.get(cell, []), sequence).items()
        }
    if name in REORDERED_LISTS:
        return _moved_in(list(old), list(new))
    return {}


def _moved_in(old: list[str], new: list[str]) -> dict[str, tuple[int, int]]:
    # Positions among the objects both lists hold, so that an addition moves nothing.
    kept = set(old) & set(new)
    old_common = [key for key in old if key in kept]
    new_common = [key for key in new if key in kept]
    old_position = {key: index for index, key in enumerate(old_common)}
    still = unmoved(old_position, new_common)
    return {
        key: (old_position[key], index) for index, key in enumerate(new_common) if key not in still
    }
