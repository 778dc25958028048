"""Changes and conflicts in words, one line each: "card 'Slow checkout' moved from Try to Buy".

The sentences come from `journeycanvas.merge.wording` in the language of the `Wording`
given (the interface language when none is); this module fills them in with the names
people know objects by (a card's text, a stage's name) rather than ids.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from journeycanvas.io.errors import printable
from journeycanvas.merge.diff import Change, ChangeKind, diff_tables
from journeycanvas.merge.tables import MAP, MISSING, MapTables, tables_of
from journeycanvas.merge.wording import Wording
from journeycanvas.model.entities import JourneyMap

if TYPE_CHECKING:
    from journeycanvas.merge.three_way import Conflict

QUOTE_LIMIT = 60
"""The most characters of a text quoted in a line; longer ones end with "…"."""

NAME_FIELDS = {"personas": "name", "stages": "name", "lanes": "title", "cards": "text"}
"""The field each collection's objects are known by."""

Table = Mapping[str, Mapping[str, Any]]


def quote(value: Any, words: Wording, limit: int = QUOTE_LIMIT) -> str:
    """`value` as a line quotes it: a text in quotes on one line, shortened; others as JSON."""
    if value is None:
        return words.nothing()
    if isinstance(value, str):
        text = " ".join(value.split())
        if len(text) > limit:
            text = text[: limit - 1] + "…"
        return printable(f"'{text}'")
    return printable(_shorten(full_value(value), limit))


def full_value(value: Any) -> str:
    """`value` whole, for a conflict marker that must lose nothing: texts as they are."""
    if isinstance(value, str):
        return value
    if isinstance(value, tuple):
        value = list(value)
    return json.dumps(value, ensure_ascii=False, default=str)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def cell_name(cell: tuple[str, str], stages: Table, lanes: Table, words: Wording) -> str:
    """A cell as "Stage / Lane", by the names in `stages` and `lanes` (ids if unknown)."""
    stage, lane = cell
    return words.cell(_plain_name("stages", stage, stages), _plain_name("lanes", lane, lanes))


def _plain_name(collection: str, key: str, table: Table) -> str:
    item = table.get(key)
    name = item.get(NAME_FIELDS[collection]) if item else None
    return printable(" ".join(str(name).split())) if name else key


def object_name(collection: str, item: Mapping[str, Any], cards: Table, words: Wording) -> str:
    """How an object is named in a line: its quoted name, or for a connector its two cards."""
    if collection in NAME_FIELDS:
        return quote(item.get(NAME_FIELDS[collection], ""), words)
    if collection == "connectors":
        return words.connector_name(
            _card_text(item.get("source", ""), cards, words),
            _card_text(item.get("target", ""), cards, words),
        )
    return printable(str(item.get("id", "")))


def _card_text(key: str, cards: Table, words: Wording) -> str:
    card = cards.get(key)
    return quote(card.get("text", ""), words) if card else printable(key)


class Describer:
    """Words for the changes from map A to map B, with both maps' names at hand."""

    def __init__(self, a: MapTables, b: MapTables, words: Wording) -> None:
        self.a = a
        self.b = b
        self.words = words

    def quote(self, value: Any) -> str:
        """`value` quoted in this describer's language."""
        return quote(value, self.words)

    def line(self, change: Change) -> str:
        """`change` as one line of words."""
        words = self.words
        if change.collection == MAP:
            return words.map_field(
                words.field(change.field), self.quote(change.old), self.quote(change.new)
            )
        if change.collection == "cards":
            return self._card_line(change)
        if change.kind == ChangeKind.ADDED:
            item, side = change.new, self.b
        elif change.kind == ChangeKind.REMOVED:
            item, side = change.old, self.a
        else:  # named as it was before the change
            item, side = self.a.items[change.collection][change.id], self.a
        thing = words.object(
            change.collection, object_name(change.collection, item, side.items["cards"], words)
        )
        if change.kind == ChangeKind.ADDED:
            return words.added(thing)
        if change.kind == ChangeKind.REMOVED:
            return words.removed(thing)
        if change.kind == ChangeKind.REORDERED:
            return words.reordered(thing, change.old + 1, change.new + 1)
        if change.field == NAME_FIELDS.get(change.collection):
            return words.renamed(
                words.object(change.collection, self.quote(change.old)), self.quote(change.new)
            )
        return self._field_line(thing, change)

    def _field_line(self, thing: str, change: Change) -> str:
        return self.words.field_changed(
            thing, self.words.field(change.field), self.quote(change.old), self.quote(change.new)
        )

    def _card_line(self, change: Change) -> str:
        words = self.words
        side = self.a if change.kind == ChangeKind.REMOVED else self.b
        card = side.items["cards"].get(change.id) or self.a.items["cards"][change.id]
        stages, lanes = side.items["stages"], side.items["lanes"]
        if change.kind in (ChangeKind.ADDED, ChangeKind.REMOVED):
            sentence = words.card_added if change.kind == ChangeKind.ADDED else words.card_removed
            where = _plain_name("stages", card["stage"], stages)
            return sentence(words.kind(card["kind"]), where, self.quote(card["text"]))
        old_card = self.a.items["cards"][change.id]
        name = self.quote(old_card["text"])
        if change.kind == ChangeKind.MOVED:
            old, new = self.cells_named(change.old, change.new)
            return words.card_moved(name, old, new)
        if change.kind == ChangeKind.REORDERED:
            cell = cell_name((card["stage"], card["lane"]), stages, lanes, words)
            return words.card_reordered(name, change.old + 1, change.new + 1, cell)
        if change.field == "text":
            return words.card_text(self.quote(change.old), self.quote(change.new))
        if change.field == "conflict":
            return words.card_flagged(name, bool(change.new))
        return self._field_line(words.object("cards", name), change)

    def cells_named(self, old: tuple[str, str], new: tuple[str, str]) -> tuple[str, str]:
        """Two cells named by what differs: "Try", "Buy" when the lane stays, in full
        otherwise."""
        a_stages, a_lanes = self.a.items["stages"], self.a.items["lanes"]
        b_stages, b_lanes = self.b.items["stages"], self.b.items["lanes"]
        if old[1] == new[1]:
            return _plain_name("stages", old[0], a_stages), _plain_name("stages", new[0], b_stages)
        if old[0] == new[0]:
            return _plain_name("lanes", old[1], a_lanes), _plain_name("lanes", new[1], b_lanes)
        return (
            cell_name(old, a_stages, a_lanes, self.words),
            cell_name(new, b_stages, b_lanes, self.words),
        )


def describe(change: Change, a: JourneyMap, b: JourneyMap, words: Wording | None = None) -> str:
    """One change from `a` to `b` (as `diff_maps` gives it) in words (by default in the
    interface language).

    Each call reads both maps whole; for many changes use `describe_changes`.
    """
    return Describer(tables_of(a), tables_of(b), words or Wording.interface()).line(change)


def describe_changes(a: JourneyMap, b: JourneyMap, words: Wording | None = None) -> list[str]:
    """Every change from `a` to `b` in words, one line each, in `diff_maps` order."""
    old, new = tables_of(a), tables_of(b)
    describer = Describer(old, new, words or Wording.interface())
    return [describer.line(change) for change in diff_tables(old, new)]


def describe_conflict(conflict: Conflict, words: Wording | None = None) -> str:
    """One conflict of a merge in words (by default in the interface language): what
    clashed and what was kept."""
    words = words or Wording.interface()
    thing = words.object(conflict.collection, conflict.name)
    if conflict.kind == "edited_deleted":
        return words.conflict_kept(thing, conflict.deleted_by == "ours")
    if conflict.kind == "same_id":
        other, ours_moved, _, new_id = same_id_parts(conflict, words)
        return words.conflict_same_id(thing, other, ours_moved, new_id)
    return words.conflict_changed(
        thing,
        words.field(conflict.field),
        _conflict_value(conflict.ours, words),
        _conflict_value(conflict.theirs, words),
    )


def same_id_parts(conflict: Conflict, words: Wording) -> tuple[str, bool, str, str]:
    """A SAME_ID conflict's parts: the object that kept the id (named), whether our object
    got the new id, the id both had, and the new id."""
    ours_moved = conflict.ours != conflict.base
    new_id = conflict.ours if ours_moved else conflict.theirs
    other = words.object(conflict.other_collection, conflict.other)
    return other, ours_moved, printable(str(conflict.base)), printable(str(new_id))


def _conflict_value(value: Any, words: Wording) -> str:
    return "" if value is MISSING else quote(value, words)
