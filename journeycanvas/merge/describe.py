"""Changes and conflicts in words, one line each: "card 'Slow checkout' moved from Try to Buy".

The sentences come from `journeycanvas.merge.wording`; this module fills them in with the
names people know objects by (a card's text, a stage's name) rather than ids.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from journeycanvas.io.errors import printable
from journeycanvas.merge.diff import Change, ChangeKind, diff_tables
from journeycanvas.merge.tables import MAP, MISSING, MapTables, tables_of
from journeycanvas.merge.wording import FIELD_NAMES, WHAT, WORDS
from journeycanvas.model.entities import JourneyMap

if TYPE_CHECKING:
    from journeycanvas.merge.three_way import Conflict

QUOTE_LIMIT = 60
"""The most characters of a text quoted in a line; longer ones end with "…"."""

NAME_FIELDS = {"personas": "name", "stages": "name", "lanes": "title", "cards": "text"}
"""The field each collection's objects are known by."""

Table = Mapping[str, Mapping[str, Any]]


def quote(value: Any, limit: int = QUOTE_LIMIT) -> str:
    """`value` as a line quotes it: a text in quotes on one line, shortened; others as JSON."""
    if value is None:
        return WORDS["nothing"]
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


def field_name(field: str) -> str:
    """A field (or dotted path such as ``metric.value``) named for people."""
    return ".".join(FIELD_NAMES.get(part, part).replace("_", " ") for part in field.split("."))


def kind_name(kind: Any) -> str:
    """A card kind as words: ``pain_point`` → "pain point"."""
    return str(kind).replace("_", " ")


def cell_name(cell: tuple[str, str], stages: Table, lanes: Table) -> str:
    """A cell as "Stage / Lane", by the names in `stages` and `lanes` (ids if unknown)."""
    stage, lane = cell
    return WORDS["cell"].format(
        stage=_plain_name("stages", stage, stages), lane=_plain_name("lanes", lane, lanes)
    )


def _plain_name(collection: str, key: str, table: Table) -> str:
    item = table.get(key)
    name = item.get(NAME_FIELDS[collection]) if item else None
    return printable(" ".join(str(name).split())) if name else key


def object_name(collection: str, item: Mapping[str, Any], cards: Table) -> str:
    """How an object is named in a line: its quoted name, or for a connector its two cards."""
    if collection in NAME_FIELDS:
        return quote(item.get(NAME_FIELDS[collection], ""))
    if collection == "connectors":
        return WORDS["connector_name"].format(
            source=_card_text(item.get("source", ""), cards),
            target=_card_text(item.get("target", ""), cards),
        )
    return WORDS["picture_name"].format(id=printable(str(item.get("id", ""))))


def _card_text(key: str, cards: Table) -> str:
    card = cards.get(key)
    return quote(card.get("text", "")) if card else printable(key)


class Describer:
    """Words for the changes from map A to map B, with both maps' names at hand."""

    def __init__(self, a: MapTables, b: MapTables) -> None:
        self.a = a
        self.b = b

    def line(self, change: Change) -> str:
        """`change` as one line of words."""
        if change.collection == MAP:
            return WORDS["map_field"].format(
                field=field_name(change.field), old=quote(change.old), new=quote(change.new)
            )
        if change.collection == "cards":
            return self._card_line(change)
        if change.kind == ChangeKind.ADDED:
            item, side = change.new, self.b
        elif change.kind == ChangeKind.REMOVED:
            item, side = change.old, self.a
        else:  # named as it was before the change
            item, side = self.a.items[change.collection][change.id], self.a
        what = WHAT[change.collection]
        name = object_name(change.collection, item, side.items["cards"])
        if change.kind in (ChangeKind.ADDED, ChangeKind.REMOVED):
            return WORDS[str(change.kind)].format(what=what, name=name)
        if change.kind == ChangeKind.REORDERED:
            return WORDS["reordered"].format(
                what=what, name=name, old=change.old + 1, new=change.new + 1
            )
        if change.field == NAME_FIELDS.get(change.collection):
            return WORDS["renamed"].format(what=what, old=quote(change.old), new=quote(change.new))
        return self._field_line(what, name, change)

    def _field_line(self, what: str, name: str, change: Change) -> str:
        return WORDS["field"].format(
            what=what,
            name=name,
            field=field_name(change.field),
            old=quote(change.old),
            new=quote(change.new),
        )

    def _card_line(self, change: Change) -> str:
        side = self.a if change.kind == ChangeKind.REMOVED else self.b
        card = side.items["cards"].get(change.id) or self.a.items["cards"][change.id]
        stages, lanes = side.items["stages"], side.items["lanes"]
        if change.kind in (ChangeKind.ADDED, ChangeKind.REMOVED):
            where = _plain_name("stages", card["stage"], stages)
            return WORDS[f"card_{change.kind}"].format(
                kind=kind_name(card["kind"]), cell=where, text=quote(card["text"])
            )
        old_card = self.a.items["cards"][change.id]
        name = quote(old_card["text"])
        if change.kind == ChangeKind.MOVED:
            old, new = self.cells_named(change.old, change.new)
            return WORDS["card_moved"].format(name=name, old=old, new=new)
        if change.kind == ChangeKind.REORDERED:
            return WORDS["card_reordered"].format(
                name=name,
                old=change.old + 1,
                new=change.new + 1,
                cell=cell_name((card["stage"], card["lane"]), stages, lanes),
            )
        if change.field == "text":
            return WORDS["card_text"].format(old=quote(change.old), new=quote(change.new))
        if change.field == "conflict":
            return WORDS["card_flagged" if change.new else "card_unflagged"].format(name=name)
        return self._field_line(WHAT["cards"], name, change)

    def cells_named(self, old: tuple[str, str], new: tuple[str, str]) -> tuple[str, str]:
        # Name only what differs: "from Try to Buy" when the lane stays, in full otherwise.
        a_stages, a_lanes = self.a.items["stages"], self.a.items["lanes"]
        b_stages, b_lanes = self.b.items["stages"], self.b.items["lanes"]
        if old[1] == new[1]:
            return _plain_name("stages", old[0], a_stages), _plain_name("stages", new[0], b_stages)
        if old[0] == new[0]:
            return _plain_name("lanes", old[1], a_lanes), _plain_name("lanes", new[1], b_lanes)
        return cell_name(old, a_stages, a_lanes), cell_name(new, b_stages, b_lanes)


def describe(change: Change, a: JourneyMap, b: JourneyMap) -> str:
    """One change from `a` to `b` (as `diff_maps` gives it) in words.

    Each call reads both maps whole; for many changes use `describe_changes`.
    """
    return Describer(tables_of(a), tables_of(b)).line(change)


def describe_changes(a: JourneyMap, b: JourneyMap) -> list[str]:
    """Every change from `a` to `b` in words, one line each, in `diff_maps` order."""
    old, new = tables_of(a), tables_of(b)
    describer = Describer(old, new)
    return [describer.line(change) for change in diff_tables(old, new)]


def describe_conflict(conflict: Conflict) -> str:
    """One conflict of a merge in words: what clashed and what was kept."""
    words = {
        "what": WHAT[conflict.collection],
        "name": conflict.name,
        "deleter": WORDS["our" if conflict.deleted_by == "ours" else "their"],
        "editor": WORDS["their" if conflict.deleted_by == "ours" else "our"],
    }
    if conflict.kind == "edited_deleted":
        return WORDS["conflict_kept"].format(**words)
    if conflict.kind == "same_id":
        return WORDS["conflict_same_id"].format(**words, **same_id_words(conflict))
    return WORDS["conflict_changed"].format(
        **words,
        field=field_name(conflict.field),
        ours=_conflict_value(conflict.ours),
        theirs=_conflict_value(conflict.theirs),
    )


def same_id_words(conflict: Conflict) -> dict[str, str]:
    """The words of a SAME_ID conflict: whose object got which new id, and the other one."""
    moved_ours = conflict.ours != conflict.base
    return {
        "mover": WORDS["our" if moved_ours else "their"],
        "keeper": WORDS["their" if moved_ours else "our"],
        "mover_own": WORDS["ours" if moved_ours else "theirs"],
        "other": conflict.other,
        "old": printable(str(conflict.base)),
        "id": printable(str(conflict.ours if moved_ours else conflict.theirs)),
    }


def _conflict_value(value: Any) -> str:
    return "" if value is MISSING else quote(value)
