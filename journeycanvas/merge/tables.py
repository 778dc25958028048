"""A map as plain tables keyed by id: what diff and merge compare, field by field.

Working on the dumped fields rather than the models treats fields this version does not
know (kept from newer files) exactly like known ones.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from journeycanvas.model.entities import JourneyMap

LISTS = ("personas", "stages", "lanes", "cards", "connectors")
"""The map's lists of objects with an ``id``, in the order the file writes them."""

COLLECTIONS = (*LISTS, "assets")
"""Every table of objects by id; ``assets`` is a JSON object keyed by id in the file."""


class _Missing:
    """A field an object does not have (distinct from a field set to null)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()

MAP = "map"
"""The collection name of the map's own fields (title, scenario …) in changes and conflicts."""


@dataclass
class MapTables:
    """The map's own fields, and each collection's objects by id in file order."""

    fields: dict[str, Any]
    items: dict[str, dict[str, dict[str, Any]]]

    @property
    def map_id(self) -> str:
        """The id of the map itself."""
        return str(self.fields.get("id", ""))


def tables_of(journey: JourneyMap) -> MapTables:
    """`journey` split into tables; the dicts are fresh copies, free to change."""
    data = journey.model_dump()
    items = {name: {item["id"]: item for item in data.pop(name)} for name in LISTS}
    items["assets"] = data.pop("assets")
    return MapTables(data, items)


def cell_of(card: dict[str, Any]) -> tuple[str, str]:
    """The cell (stage id, lane id) of a dumped card."""
    return (card["stage"], card["lane"])


def cell_sequences(cards: dict[str, dict[str, Any]]) -> dict[tuple[str, str], list[str]]:
    """The card ids of each cell, top to bottom."""
    members: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for key, card in cards.items():
        members[cell_of(card)].append((card["order"], key))
    return {cell: [key for _, key in sorted(pairs)] for cell, pairs in members.items()}
