"""Properties of the three-way merge for random maps and random edits on two branches."""

from __future__ import annotations

from typing import Any

from branches import edit_branch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import journey_maps

from journeycanvas.i18n import translator_for
from journeycanvas.io.jsonfile import dumps_map, loads_map
from journeycanvas.merge import ChangeKind, ConflictKind, MergeResult, diff_maps, merge_maps
from journeycanvas.merge.describe import full_value
from journeycanvas.merge.tables import MAP, MISSING, cell_sequences, tables_of
from journeycanvas.model import JourneyMap, find_problems

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
maps = journey_maps(max_stages=4, max_lanes=3, max_cards=10, max_connectors=4)


@st.composite
def three_maps(draw: st.DrawFn) -> tuple[JourneyMap, JourneyMap, JourneyMap]:
    """A base map and two branches edited from it."""
    base = draw(maps)
    return base, edit_branch(draw, base, "A"), edit_branch(draw, base, "B")


@SETTINGS
@given(three_maps())
def test_merging_with_an_unchanged_side_gives_the_other_side(
    maps: tuple[JourneyMap, JourneyMap, JourneyMap],
) -> None:
    base, a, b = maps
    assert merge_maps(base, a, base) == MergeResult(a, [])
    assert merge_maps(base, base, b) == MergeResult(b, [])
    assert merge_maps(base, a, a) == MergeResult(a, [])


@SETTINGS
@given(three_maps())
def test_the_result_is_sound_and_saves_and_opens_again(
    maps: tuple[JourneyMap, JourneyMap, JourneyMap],
) -> None:
    result = merge_maps(*maps).journey
    assert find_problems(result) == []
    text = dumps_map(result)  # saving cleans control characters out of texts, as loading does
    assert dumps_map(loads_map(text)) == text


@SETTINGS
@given(three_maps())
def test_the_result_does_not_depend_on_which_side_is_ours(
    maps: tuple[JourneyMap, JourneyMap, JourneyMap],
) -> None:
    base, a, b = maps
    ours_a, ours_b = merge_maps(base, a, b), merge_maps(base, b, a)
    assert _without_conflicts(ours_a) == _without_conflicts(ours_b, ours_a)


@SETTINGS
@given(three_maps())
def test_every_change_of_both_sides_is_in_the_result_unless_it_conflicts(
    maps: tuple[JourneyMap, JourneyMap, JourneyMap],
) -> None:
    base, a, b = maps
    merged = merge_maps(base, a, b)
    result = tables_of(merged.journey)
    conflicted = {(c.collection, c.id) for c in merged.conflicts}
    for side in (a, b):
        for change in diff_maps(base, side):
            key = (change.collection, change.id)
            if key in conflicted or change.kind == ChangeKind.REORDERED:
                continue
            table = result.fields if change.collection == MAP else result.items[change.collection]
            if change.kind == ChangeKind.ADDED:
                assert change.id in table, change
            elif change.kind == ChangeKind.REMOVED:
                assert change.id not in table, change
            elif change.kind == ChangeKind.MOVED:
                card = table[change.id]
                assert (card["stage"], card["lane"]) == change.new, change
            elif change.collection == MAP:
                assert _holds(change.field, result.fields.get(change.field), change.new), change
            elif change.id in table:  # a card whose stage or lane the other side removed goes
                now = table[change.id].get(change.field)
                assert _holds(change.field, now, change.new), change


def _holds(field: str, now: Any, new: Any) -> bool:
    """Whether a field shows a side's change: its value, or a text with markers appended,
    or a list that kept what the side added (the other side may add more)."""
    if field in ("notes", "goal", "description", "scenario") and isinstance(now, str):
        return now.startswith(new)
    if field in ("personas", "tags"):
        return set(now) <= set(new) | set(now)
    if field == "span":
        return now <= new
    return bool(now == new)


def marker_start(locale: str) -> str:
    """How a conflict note starts in `locale` ("⚠ Merge conflict " in English)."""
    note = translator_for(locale).gettext("⚠ Merge conflict — their {field}: {value}")
    return note.split("—")[0]


@SETTINGS
@given(three_maps())
def test_conflicts_keep_both_values_on_the_card(
    maps: tuple[JourneyMap, JourneyMap, JourneyMap],
) -> None:
    merged = merge_maps(*maps)
    cards = {card.id: card for card in merged.journey.cards}
    for conflict in merged.conflicts:
        if conflict.collection != "cards" or conflict.id not in cards:
            continue
        card = cards[conflict.id]
        assert card.conflict
        # The note is in the map's language: its first words as that language writes them.
        assert marker_start(merged.journey.locale) in card.notes
        if conflict.kind == ConflictKind.CHANGED_BOTH and conflict.field != "cell":
            if conflict.theirs is not MISSING:
                assert full_value(conflict.theirs) in card.notes
            if conflict.field in ("text", "votes"):
                assert getattr(card, conflict.field) == conflict.ours


def _without_conflicts(merged: MergeResult, other: MergeResult | None = None) -> dict[str, Any]:
    """The merged map without the objects and fields any conflict touched (in either
    merge), with each cell's cards and each list as an order: what must not depend on sides."""
    conflicts = [*merged.conflicts, *(other.conflicts if other else [])]
    touched = {(c.collection, c.id) for c in conflicts}
    tables = tables_of(merged.journey)
    fields = {
        key: value
        for key, value in tables.fields.items()
        if not any(c.collection == MAP and c.field.split(".")[0] == key for c in conflicts)
    }
    if any(c.collection not in ("cards", "stages", "personas") for c in conflicts):
        fields.pop("scenario", None)
    items = {
        name: {key: item for key, item in table.items() if (name, key) not in touched}
        for name, table in tables.items.items()
    }
    cells = {
        cell: [key for key in keys if ("cards", key) not in touched]
        for cell, keys in cell_sequences(tables.items["cards"]).items()
    }
    for card in items["cards"].values():
        card.pop("order")
    return {
        "fields": fields,
        "items": {name: sorted(table.items()) for name, table in items.items()},
        "orders": {name: list(items[name]) for name in ("stages", "lanes", "personas")},
        "cells": {cell: keys for cell, keys in cells.items() if keys},
    }
