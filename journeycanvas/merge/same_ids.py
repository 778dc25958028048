"""Two different objects with one id: a card on one side, a stage (or connector …) on the other.

Generated ids never meet, but hand-edited or imported files can. Before merging, one of the
two objects gets a new id on its own side, and so does everything on that side that refers
to it, so that both objects are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from journeycanvas.merge.tables import COLLECTIONS, MapTables
from journeycanvas.model.ids import new_id

REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "stages": (("cards", "stage"),),
    "lanes": (("cards", "lane"),),
    "cards": (("connectors", "source"), ("connectors", "target")),
    "personas": (("cards", "personas"),),
    "assets": (("cards", "image"), ("personas", "avatar")),
    "connectors": (),
}
"""For each collection, the (collection, field) of the objects that name one of its ids."""

PREFIXES = {
    "stages": "s",
    "lanes": "l",
    "cards": "c",
    "personas": "p",
    "assets": "a",
    "connectors": "k",
}
"""How a new id of each collection starts, as the editor makes them."""


@dataclass(frozen=True)
class Clash:
    """One id used by two different kinds of object: which side's object moved to `new`."""

    old: str
    new: str
    moved_side: str
    """``"ours"`` or ``"theirs"``: whose object got the new id."""
    moved: str
    """The collection of the object that got the new id."""
    stayed: str
    """The collection of the other side's object, which kept the id."""


def separate_same_ids(base: MapTables, ours: MapTables, theirs: MapTables) -> list[Clash]:
    """Give a new id to one of each two objects of different kinds that share an id.

    The object that is new in its collection moves (theirs when both are): the one that
    was already there keeps the id that other files and links may know it by. `ours` and
    `theirs` are changed in place.
    """
    ours_owner = {key: name for name in COLLECTIONS for key in ours.items[name]}
    taken = {
        key for side in (base, ours, theirs) for name in COLLECTIONS for key in side.items[name]
    }
    clashes: list[Clash] = []
    for theirs_name in COLLECTIONS:
        for key in list(theirs.items[theirs_name]):
            ours_name = ours_owner.get(key)
            if ours_name is None or ours_name == theirs_name:
                continue
            theirs_is_older = key in base.items[theirs_name] and key not in base.items[ours_name]
            side, moved, stayed, moved_side = (
                (ours, ours_name, theirs_name, "ours")
                if theirs_is_older
                else (theirs, theirs_name, ours_name, "theirs")
            )
            fresh = new_id(PREFIXES[moved], taken)
            taken.add(fresh)
            give_new_id(side, moved, key, fresh)
            clashes.append(Clash(key, fresh, moved_side, moved, stayed))
    return clashes


def give_new_id(side: MapTables, name: str, old: str, new: str) -> None:
    """Object `old` of collection `name` becomes `new` in `side`, in its place, and every
    reference to it on that side follows."""
    side.items[name] = {
        (new if key == old else key): (_with_id(item, new) if key == old else item)
        for key, item in side.items[name].items()
    }
    for collection, field in REFERENCES[name]:
        for item in side.items[collection].values():
            value = item.get(field)
            if value == old:
                item[field] = new
            elif isinstance(value, list) and old in value:
                item[field] = [new if entry == old else entry for entry in value]
    if name == "cards":  # a voting round's results name the cards they counted
        for round_ in side.fields.get("workshop_rounds") or []:
            for result in round_.get("results", []):
                if result.get("card") == old:
                    result["card"] = new


def _with_id(item: dict[str, Any], new: str) -> dict[str, Any]:
    # Pictures (assets) are keyed by id and hold none of their own.
    return {**item, "id": new} if "id" in item else item
