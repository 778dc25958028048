"""The stated merge rules on small hand-made maps: what combines and how conflicts are kept."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from journeycanvas.merge import ConflictKind, merge_maps
from journeycanvas.model import Card, CardKind, Connector, JourneyMap, Lane, Stage, edits
from journeycanvas.model.entities import Asset

CARD_EDITS = st.lists(st.sampled_from(["text", "votes", "cell", "delete"]), min_size=1, max_size=2)


def bakery() -> JourneyMap:
    """Three stages, two lanes, three cards, one connector."""
    return JourneyMap(
        id="m1",
        title="Bakery",
        stages=[
            Stage(id="s1", name="Try"),
            Stage(id="s2", name="Buy"),
            Stage(id="s3", name="Refer"),
        ],
        lanes=[Lane(id="l1", title="Touchpoints"), Lane(id="l2", title="Pain points")],
        cards=[
            Card(id="c1", stage="s1", lane="l1", order=0, text="Slow checkout", votes=1),
            Card(id="c2", stage="s1", lane="l1", order=1, text="Free sample"),
            Card(id="c3", stage="s2", lane="l2", order=0, text="No parking"),
        ],
        connectors=[Connector(id="k1", source="c1", target="c3")],
    )


def card(journey: JourneyMap, card_id: str) -> Card:
    return edits.card_by_id(journey, card_id)


def test_edits_of_different_fields_and_objects_combine() -> None:
    base, ours, theirs = bakery(), bakery(), bakery()
    card(ours, "c1").text = "Checkout takes five minutes"
    card(theirs, "c1").votes = 4
    edits.move_cards(theirs, ["c2"], "s2", "l1", 0)
    edits.add_stage(theirs, Stage(id="s9", name="Repeat"), 2)
    ours.title = "Bakery, reviewed"
    result = merge_maps(base, ours, theirs)
    assert result.clean
    merged = result.journey
    assert (card(merged, "c1").text, card(merged, "c1").votes) == ("Checkout takes five minutes", 4)
    assert (card(merged, "c2").stage, merged.title) == ("s2", "Bakery, reviewed")
    assert [stage.id for stage in merged.stages] == ["s1", "s2", "s9", "s3"]


def test_the_same_field_changed_two_ways_keeps_ours_and_theirs_in_the_notes() -> None:
    base, ours, theirs = bakery(), bakery(), bakery()
    card(ours, "c1").text = "Ours: checkout too slow"
    card(theirs, "c1").text = "Theirs: card reader broken"
    result = merge_maps(base, ours, theirs)
    merged = card(result.journey, "c1")
    assert merged.text == "Ours: checkout too slow" and merged.conflict
    assert "⚠ Merge conflict — their text: Theirs: card reader broken" in merged.notes
    assert [(c.kind, c.id, c.field) for c in result.conflicts] == [
        (ConflictKind.CHANGED_BOTH, "c1", "text")
    ]


def test_a_card_moved_to_two_cells_stays_in_ours_and_names_theirs() -> None:
    base, ours, theirs = bakery(), bakery(), bakery()
    edits.move_cards(ours, ["c1"], "s2", "l1", 0)
    edits.move_cards(theirs, ["c1"], "s3", "l2", 0)
    result = merge_maps(base, ours, theirs)
    merged = card(result.journey, "c1")
    assert (merged.stage, merged.lane, merged.conflict) == ("s2", "l1", True)
    assert "their place: Refer / Pain points" in merged.notes


def test_an_edited_card_deleted_on_the_other_side_is_kept_and_flagged() -> None:
    base, ours, theirs = bakery(), bakery(), bakery()
    edits.remove_cards(ours, ["c3"])
    card(theirs, "c3").text = "No parking after 9"
    result = merge_maps(base, ours, theirs)
    kept = card(result.journey, "c3")
    assert kept.text == "No parking after 9" and kept.conflict
    assert result.conflicts[0].kind == ConflictKind.EDITED_DELETED
    assert result.conflicts[0].deleted_by == "ours"
    assert result.journey.connectors == []  # ours removed it with the card; theirs left it be


def test_a_stage_deleted_on_one_side_stays_for_a_card_edited_in_it() -> None:
    base, ours, theirs = bakery(), bakery(), bakery()
    edits.remove_stage(theirs, "s2")
    card(ours, "c3").votes = 9
    result = merge_maps(base, ours, theirs)
    assert [stage.id for stage in result.journey.stages] == ["s1", "s2", "s3"]
    assert card(result.journey, "c3").votes == 9
    assert {(c.collection, c.id) for c in result.conflicts} >= {("stages", "s2"), ("cards", "c3")}
    assert "deleted on their side" in result.journey.stages[1].goal


def test_a_connector_changed_on_one_side_keeps_the_card_the_other_side_deleted() -> None:
    base, ours, theirs = bakery(), bakery(), bakery()
    edits.remove_cards(ours, ["c1"])
    theirs.connectors[0].label = "if the queue is long"
    result = merge_maps(base, ours, theirs)
    assert [(k.id, k.label) for k in result.journey.connectors] == [("k1", "if the queue is long")]
    kept = card(result.journey, "c1")
    assert kept.text == "Slow checkout" and kept.conflict
    assert {(c.kind, c.collection, c.id, c.deleted_by) for c in result.conflicts} == {
        (ConflictKind.EDITED_DELETED, "connectors", "k1", "ours"),
        (ConflictKind.EDITED_DELETED, "cards", "c1", "ours"),
    }
    assert "was deleted on our side, kept because their side changed it" in result.journey.scenario


def test_a_stage_renamed_two_ways_keeps_ours_and_theirs_in_the_goal() -> None:
    base, ours, theirs = bakery(), bakery(), bakery()
    ours.stages[0].name, theirs.stages[0].name = "Sample", "Taste"
    result = merge_maps(base, ours, theirs)
    assert result.journey.stages[0].name == "Sample"
    assert "their name: Taste" in result.journey.stages[0].goal


def test_kind_changed_on_one_side_and_emotion_on_the_other_stays_sound() -> None:
    base, ours, theirs = bakery(), bakery(), bakery()
    for journey in (base, ours, theirs):
        card(journey, "c2").kind, card(journey, "c2").emotion = CardKind.EMOTION, 1
    card(ours, "c2").kind, card(ours, "c2").emotion = CardKind.NOTE, None
    card(theirs, "c2").emotion = -2
    result = merge_maps(base, ours, theirs)
    merged = card(result.journey, "c2")
    assert (merged.kind, merged.emotion, merged.conflict) == (CardKind.NOTE, None, True)
    assert "their emotion: -2" in merged.notes


def test_unknown_fields_merge_like_known_ones() -> None:
    base = bakery()
    base.cards[0].x_colour_hint = {"a": 1, "b": 1}  # type: ignore[attr-defined]
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    ours.cards[0].x_colour_hint = {"a": 2, "b": 1}  # type: ignore[attr-defined]
    theirs.cards[0].x_colour_hint = {"a": 1, "b": 3}  # type: ignore[attr-defined]
    result = merge_maps(base, ours, theirs)
    assert result.clean
    assert result.journey.cards[0].model_extra == {"x_colour_hint": {"a": 2, "b": 3}}


def test_cards_added_to_one_cell_on_both_sides_are_all_kept_in_a_fixed_order() -> None:
    base, ours, theirs = bakery(), bakery(), bakery()
    edits.add_card(ours, Card(id="o1", stage="s1", lane="l1", order=1, text="ours"))
    edits.add_card(theirs, Card(id="t1", stage="s1", lane="l1", order=1, text="theirs"))
    one, other = merge_maps(base, ours, theirs), merge_maps(base, theirs, ours)
    cell = edits.cell_cards(one.journey, "s1", "l1")
    assert [c.id for c in sorted(cell, key=lambda c: c.order)] == ["c1", "o1", "t1", "c2"]
    assert one.journey.model_dump()["cards"] != []
    assert sorted((c.id, c.order) for c in cell) == sorted(
        (c.id, c.order) for c in edits.cell_cards(other.journey, "s1", "l1")
    )


@settings(max_examples=60, deadline=None)
@given(CARD_EDITS, CARD_EDITS)
def test_clashing_edits_of_one_card_lose_nothing(
    ours_edits: list[str], theirs_edits: list[str]
) -> None:
    base, ours, theirs = bakery(), bakery(), bakery()
    for journey, chosen, word in ((ours, ours_edits, "ours"), (theirs, theirs_edits, "theirs")):
        for edit in chosen:
            if "c1" not in {c.id for c in journey.cards}:
                break
            if edit == "text":
                card(journey, "c1").text = f"{word} text"
            elif edit == "votes":
                card(journey, "c1").votes = 5 if word == "ours" else 7
            elif edit == "cell":
                edits.move_cards(journey, ["c1"], "s2" if word == "ours" else "s3", "l2", 0)
            else:
                edits.remove_cards(journey, ["c1"])
    result = merge_maps(base, ours, theirs)
    cards = {c.id: c for c in result.journey.cards}
    for journey, word in ((ours, "ours"), (theirs, "theirs")):
        if "c1" in {c.id for c in journey.cards} and card(journey, "c1").text == f"{word} text":
            kept = cards["c1"]
            assert f"{word} text" in kept.text + kept.notes


def test_a_picture_dropped_on_one_side_stays_while_the_other_side_shows_it_on_a_card() -> None:
    picture = Asset(media_type="image/png", data="iVBORw0KGgo=")
    base, ours, theirs = bakery(), bakery(), bakery()
    for journey in (base, ours, theirs):
        journey.assets["a1"] = picture.model_copy()
        card(journey, "c1").image = "a1"
    # Ours removes the picture from c1 (and with it the asset); theirs puts it on c2 too.
    card(ours, "c1").image = None
    del ours.assets["a1"]
    card(theirs, "c2").image = "a1"
    merged = merge_maps(base, ours, theirs).journey
    assert card(merged, "c2").image == "a1" and "a1" in merged.assets
    assert card(merged, "c1").image is None
