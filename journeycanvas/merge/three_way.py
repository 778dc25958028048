"""The three-way merge of maps by object id: both sides' edits combined, conflicts marked.

See the package docstring for the rules; `merge_maps` is the entry point.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property
from typing import Any

from pydantic import ValidationError

from journeycanvas.merge.describe import cell_name, full_value, object_name, quote, same_id_parts
from journeycanvas.merge.same_ids import separate_same_ids
from journeycanvas.merge.sequences import merge_orders
from journeycanvas.merge.tables import (
    COLLECTIONS,
    LISTS,
    MAP,
    MISSING,
    MapTables,
    cell_of,
    cell_sequences,
    tables_of,
)
from journeycanvas.merge.wording import Wording
from journeycanvas.model.entities import JourneyMap
from journeycanvas.model.ids import new_id
from journeycanvas.model.integrity import find_problems
from journeycanvas.model.kinds import kind_uses_emotion

OURS = "ours"
THEIRS = "theirs"


SET_FIELDS = frozenset({"tags", "personas"})
"""Card fields merged as sets: what each side added is added, what it removed is removed."""

NOTE_FIELDS = {"stages": "goal", "personas": "description"}
"""Where the other side's value of a conflict goes on objects other than cards (whose
``notes`` take it). Conflicts of the map, lanes, connectors and pictures go to the map's
``scenario``."""


class ConflictKind(StrEnum):
    """How two sides' edits failed to combine."""

    CHANGED_BOTH = "changed_both"
    """The same field got two different values (a card moved to two cells: field "cell")."""
    EDITED_DELETED = "edited_deleted"
    """One side deleted the object, the other changed it, or something in it, or added or
    changed something that names it (a card in a stage, a tag, a connector to a card): kept."""
    SAME_ID = "same_id"
    """The two sides have different kinds of object under one id: both kept, one under a
    new id."""


@dataclass(frozen=True)
class Conflict:
    """One conflict of a merge, and how it was resolved.

    `name` is how the object is named in messages (a card's quoted text …). For
    CHANGED_BOTH, `field` is the dotted field path (``text``, ``metric.value``, ``cell``)
    and `base`, `ours`, `theirs` its three values (`MISSING` where a side has no such
    field); ours was kept. For EDITED_DELETED, `deleted_by` says which side deleted
    (``"ours"`` or ``"theirs"``). For SAME_ID, `collection`, `id` and `name` are the object
    that got a new id, `field` is ``"id"``, `base` the id both had, `ours` and `theirs` the
    ids each side's object has now, and `other` (quoted) and `other_collection` name the
    object that kept the id.
    """

    kind: ConflictKind
    collection: str
    id: str
    name: str
    field: str = ""
    base: Any = None
    ours: Any = None
    theirs: Any = None
    deleted_by: str = ""
    other: str = ""
    other_collection: str = ""


@dataclass
class MergeResult:
    """The merged map and the conflicts marked in it (empty for a clean merge)."""

    journey: JourneyMap
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """Whether both sides' edits combined without a conflict."""
        return not self.conflicts


class MergeError(Exception):
    """A merge whose result would not pass the integrity checks (a bug, never a user error)."""


def merge_maps(base: JourneyMap, ours: JourneyMap, theirs: JourneyMap) -> MergeResult:
    """Merge the edits that turned `base` into `ours` and into `theirs`; see the package doc.

    None of the three maps is changed.
    """
    merger = _Merger(tables_of(base), tables_of(ours), tables_of(theirs))
    try:
        journey = JourneyMap.model_validate(merger.merged_data())
    except ValidationError as exc:
        raise MergeError(" ".join(str(exc).split())) from exc
    problems = find_problems(journey)
    if problems:
        raise MergeError("; ".join(str(problem) for problem in problems[:3]))
    return MergeResult(journey, merger.conflicts)


def merge_sets(base: list[Any], ours: list[Any], theirs: list[Any]) -> list[Any]:
    """Ours, minus what theirs removed from base, plus what theirs added (in theirs' order)."""
    removed = set(base) - set(theirs)
    kept = [item for item in ours if item not in removed]
    added = [item for item in theirs if item not in base and item not in kept]
    return [*dict.fromkeys(kept), *dict.fromkeys(added)]


def _keys(*tables: dict[str, Any]) -> list[str]:
    first = tables[0]
    if all(table.keys() == first.keys() for table in tables):  # the usual case, made quick
        return list(first)
    return list(dict.fromkeys(key for table in tables for key in table))


def _same_but_order(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a.keys() == b.keys() and all(a[key] == b[key] for key in a if key != "order")


@dataclass
class _Where:
    """An object a conflict may be about: named only when one is recorded."""

    collection: str
    id: str
    item: dict[str, Any]


class _Merger:
    """One merge: the three maps as tables, and the conflicts found so far."""

    def __init__(self, base: MapTables, ours: MapTables, theirs: MapTables) -> None:
        self.base, self.ours, self.theirs = base, ours, theirs
        self.conflicts: list[Conflict] = []
        self.items: dict[str, dict[str, dict[str, Any]]] = {}
        # Names are quoted user text; only an empty one is worded ("nothing").
        self.naming = Wording.for_locale("")

    # ------------------------------------------------------------ values and objects

    def value(self, base: Any, ours: Any, theirs: Any, where: _Where, path: str) -> Any:
        """The merged value of one field: the side that changed it wins; both → ours."""
        if ours == theirs:
            return ours
        if ours == base:
            return theirs
        if theirs == base:
            return ours
        if isinstance(ours, dict) and isinstance(theirs, dict):
            old = base if isinstance(base, dict) else {}
            merged = {}
            for key in _keys(ours, theirs, old):
                value = self.value(
                    old.get(key, MISSING),
                    ours.get(key, MISSING),
                    theirs.get(key, MISSING),
                    where,
                    f"{path}.{key}",
                )
                if value is not MISSING:
                    merged[key] = value
            return merged
        if path == "modified":  # both saved: the later time, never a conflict
            return max(ours, theirs)
        self.conflict(ConflictKind.CHANGED_BOTH, where, path, base, ours, theirs)
        return ours

    def fields(
        self, where: _Where, base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]
    ) -> dict[str, Any]:
        """One object merged field by field (a card's place and set fields by their rules)."""
        merged: dict[str, Any] = {}
        card = where.collection == "cards"
        for key in _keys(ours, theirs, base):
            old, mine, other = (
                base.get(key, MISSING),
                ours.get(key, MISSING),
                theirs.get(key, MISSING),
            )
            if (
                card
                and key in SET_FIELDS
                and all(isinstance(v, list) for v in (old, mine, other))
                and old not in (mine, other)
            ):
                value = merge_sets(old, mine, other)
            elif card and key in ("stage", "lane", "order"):
                continue
            else:
                value = self.value(old, mine, other, where, key)
            if value is not MISSING:
                merged[key] = value
        if card:
            cell = self.value(
                cell_of(base) if base else MISSING, cell_of(ours), cell_of(theirs), where, "cell"
            )
            merged["stage"], merged["lane"] = cell
        return merged

    def conflict(
        self,
        kind: ConflictKind,
        where: _Where,
        path: str = "",
        base: Any = None,
        ours: Any = None,
        theirs: Any = None,
        deleted_by: str = "",
        other: tuple[str, str] = ("", ""),
    ) -> None:
        """Record a conflict (`other`: the collection and name of a SAME_ID's other object)."""
        name = (
            quote(where.item.get("title", ""), self.naming)
            if where.collection == MAP
            else object_name(where.collection, where.item, self.known_cards, self.naming)
        )
        other_collection, other_name = other
        self.conflicts.append(
            Conflict(
                kind,
                where.collection,
                where.id,
                name,
                path,
                base,
                ours,
                theirs,
                deleted_by,
                other_name,
                other_collection,
            )
        )

    def where(self, collection: str, key: str, *versions: dict[str, Any] | None) -> _Where:
        """The object `key` of `collection`, named from the first of `versions` it has."""
        item = next(version for version in versions if version is not None)
        return _Where(collection, key, item)

    @cached_property
    def known_cards(self) -> dict[str, dict[str, Any]]:
        """Every card of either side, to name connectors by."""
        return {**self.theirs.items["cards"], **self.ours.items["cards"]}

    # ------------------------------------------------------------ collections

    def collection(self, name: str) -> dict[str, dict[str, Any]]:
        """Every object of one collection merged: kept, added, deleted or in conflict."""
        base, ours, theirs = (side.items[name] for side in (self.base, self.ours, self.theirs))
        merged: dict[str, dict[str, Any]] = {}
        for key in _keys(ours, theirs):
            old, mine, other = base.get(key), ours.get(key), theirs.get(key)
            if mine is not None and other is not None:
                if mine == other or (name == "cards" and _same_but_order(mine, other)):
                    merged[key] = mine  # a card's order is worked out afterwards, per cell
                elif old is not None and mine == old:
                    merged[key] = other
                elif old is not None and other == old:
                    merged[key] = mine
                else:
                    merged[key] = self.fields(self.where(name, key, mine), old or {}, mine, other)
            elif old is None:
                merged[key] = mine if mine is not None else other  # type: ignore[assignment]
            else:
                kept, side, deleter = (
                    (mine, self.ours, THEIRS) if mine is not None else (other, self.theirs, OURS)
                )
                assert kept is not None
                if self.changed(name, old, kept, side):
                    merged[key] = kept
                    where = self.where(name, key, kept)
                    self.conflict(ConflictKind.EDITED_DELETED, where, deleted_by=deleter)
        return merged

    def changed(self, name: str, old: dict[str, Any], new: dict[str, Any], side: MapTables) -> bool:
        """Whether `side` changed an object itself, not only by renumbering or by deleting a
        persona the object named."""
        if name == "cards":
            personas = side.items["personas"]
            old = {**old, "order": 0, "personas": [p for p in old["personas"] if p in personas]}
            new = {**new, "order": 0}
        return old != new

    # ------------------------------------------------------------ the whole map

    def merged_data(self) -> dict[str, Any]:
        """The merged map as data for `JourneyMap.model_validate`."""
        self.separate_same_ids()
        map_where = _Where(MAP, self.ours.map_id, self.ours.fields)
        data = self.fields(map_where, self.base.fields, self.ours.fields, self.theirs.fields)
        self.items = {name: self.collection(name) for name in COLLECTIONS}
        self.keep_references()
        self.keep_theirs_pictures()
        self.put_in_order()
        self.write_markers(data)
        for name in LISTS:
            data[name] = list(self.items[name].values())
        data["assets"] = self.items["assets"]
        return data

    def separate_same_ids(self) -> None:
        """Keep both of two different kinds of object that the sides gave one id."""
        for clash in separate_same_ids(self.base, self.ours, self.theirs):
            moved_side, stayed_side = (
                (self.ours, self.theirs) if clash.moved_side == OURS else (self.theirs, self.ours)
            )
            moved = moved_side.items[clash.moved][clash.new]
            stayed = stayed_side.items[clash.stayed][clash.old]
            ours_id, theirs_id = (
                (clash.new, clash.old) if clash.moved_side == OURS else (clash.old, clash.new)
            )
            other = (
                clash.stayed,
                object_name(clash.stayed, stayed, self.known_cards, self.naming),
            )
            self.conflict(
                ConflictKind.SAME_ID,
                _Where(clash.moved, clash.new, moved),
                "id",
                clash.old,
                ours_id,
                theirs_id,
                other=other,
            )

    def keep_references(self) -> None:
        """Restore what kept objects name (edit beats delete); drop what the delete meant."""
        cards = self.items["cards"]
        for connector in self.items["connectors"].values():
            # A connector is only left to a deleted card when the other side added or
            # changed it (a delete takes the card's connectors along): the card stays.
            self.restore("cards", connector["source"])
            self.restore("cards", connector["target"])
        for card in cards.values():
            self.restore("stages", card["stage"])
            self.restore("lanes", card["lane"])
            card["personas"] = [
                key
                for key in card.get("personas", [])
                if key in self.items["personas"]
                or (self.tag_added(card["id"], key) and self.restore("personas", key))
            ]
            image = card.get("image")
            if image is not None and not self.restore("assets", image, record=False):
                card["image"] = None
            if not kind_uses_emotion(str(card.get("kind"))) and card.get("emotion") is not None:
                self.kind_against_emotion(card)
        for persona in self.items["personas"].values():
            avatar = persona.get("avatar")
            if avatar is not None and not self.restore("assets", avatar, record=False):
                persona["avatar"] = None

    def tag_added(self, card_id: str, persona: str) -> bool:
        """Whether a side tagged the card with `persona` (not there in the base): a tag
        the base had goes with a persona deleted on the other side, an added one keeps it."""
        old = self.base.items["cards"].get(card_id)
        return old is None or persona not in old.get("personas", [])

    def restore(self, name: str, key: str, *, record: bool = True) -> bool:
        """Bring back object `key` deleted on one side because something kept needs it."""
        table = self.items[name]
        if key in table:
            return True
        mine, other = self.ours.items[name].get(key), self.theirs.items[name].get(key)
        version = mine if mine is not None else other
        if version is None:
            return False
        table[key] = version
        if record:
            deleter = THEIRS if mine is not None else OURS
            self.conflict(
                ConflictKind.EDITED_DELETED, self.where(name, key, version), deleted_by=deleter
            )
        return True

    def kind_against_emotion(self, card: dict[str, Any]) -> None:
        # One side changed the kind, the other the emotion score; only emotion cards score.
        key = card["id"]
        mine, other = self.ours.items["cards"].get(key), self.theirs.items["cards"].get(key)
        winner = mine if mine is not None else other
        assert winner is not None
        loser = other if winner is mine else mine
        card["kind"], card["emotion"] = winner["kind"], winner.get("emotion")
        if loser is not None:
            self.conflict(
                ConflictKind.CHANGED_BOTH,
                self.where("cards", key, card),
                "emotion",
                self.base.items["cards"].get(key, {}).get("emotion"),
                winner.get("emotion"),
                loser.get("emotion"),
            )

    def keep_theirs_pictures(self) -> None:
        """A picture both sides replaced differently: theirs stays too, under a new id."""
        assets = self.items["assets"]
        for index, conflict in enumerate(self.conflicts):
            if conflict.collection == "assets" and conflict.field == "data":
                taken = {key for table in self.items.values() for key in table}
                copy_id = new_id("a", taken)
                assets[copy_id] = self.theirs.items["assets"][conflict.id]
                self.conflicts[index] = replace(conflict, theirs=copy_id)

    def put_in_order(self) -> None:
        """Order every list and every cell so that both sides' moves apply."""
        for name in COLLECTIONS:
            table = self.items[name]
            order = merge_orders(
                list(self.base.items[name]),
                list(self.ours.items[name]),
                list(self.theirs.items[name]),
                table,
            )
            self.items[name] = {key: table[key] for key in order}
        final: dict[tuple[str, str], set[str]] = defaultdict(set)
        for key, card in self.items["cards"].items():
            final[cell_of(card)].add(key)
        cells = [
            cell_sequences(side.items["cards"]) for side in (self.base, self.ours, self.theirs)
        ]
        cards = self.items["cards"]
        for cell, members in final.items():
            base, ours, theirs = (side.get(cell, []) for side in cells)
            for place, key in enumerate(merge_orders(base, ours, theirs, members)):
                if cards[key].get("order") != place:
                    cards[key] = {**cards[key], "order": place}
        position = {key: index for index, key in enumerate(self.items["stages"])}
        for key, card in cards.items():
            room = len(position) - position[card["stage"]]
            if card.get("span", 1) > room:
                cards[key] = {**card, "span": room}

    # ------------------------------------------------------------ markers

    def write_markers(self, data: dict[str, Any]) -> None:
        """Write the other side's value of each conflict where the user sees it, in the
        merged map's language."""
        words = Wording.for_locale(str(data.get("locale", "")))
        lines: dict[tuple[str, str], list[str]] = defaultdict(list)
        for conflict in self.conflicts:
            target = (conflict.collection, conflict.id)
            if (
                conflict.collection not in ("cards", *NOTE_FIELDS)
                or conflict.id not in self.items[conflict.collection]
            ):
                target = (MAP, "")
            lines[target].append(self.marker(conflict, words, of=target[0] != conflict.collection))
        for (name, key), added in lines.items():
            if name == MAP:
                data["scenario"] = _with_lines(data.get("scenario", ""), added)
                continue
            item = dict(self.items[name][key])
            note = NOTE_FIELDS.get(name, "notes")
            item[note] = _with_lines(item.get(note, ""), added)
            if name == "cards":
                item["conflict"] = True
            self.items[name][key] = item

    def marker(self, conflict: Conflict, words: Wording, *, of: bool) -> str:
        """The line that keeps the other side's value of `conflict` in the map; `of`: it
        goes elsewhere than on the object, so it names the object."""
        thing = words.object(conflict.collection, conflict.name) if of else None
        if conflict.kind == ConflictKind.SAME_ID:
            other, ours_moved, old_id, new_id = same_id_parts(conflict, words)
            return words.marker_same_id(thing, other, ours_moved, old_id, new_id)
        if conflict.kind == ConflictKind.EDITED_DELETED:
            return words.marker_kept(thing, conflict.deleted_by == OURS)
        value = conflict.theirs
        if conflict.field == "cell" and value is not MISSING:
            stages, lanes = self.theirs.items["stages"], self.theirs.items["lanes"]
            value = cell_name(value, stages, lanes, words)
        text = "" if value is MISSING else full_value(value)
        if conflict.collection == MAP:
            thing = None
        return words.marker_field(words.field(conflict.field), text, thing)


def _with_lines(text: str, lines: Iterable[str]) -> str:
    added = "\n".join(lines)
    return f"{text}\n\n{added}" if text else added
