"""Merges where one side's object meets the other side's reference to it, or its id.

Nothing a user typed may be lost: a deleted object another side still refers to (a card in
a stage, a tag on a card, a connector to a card) stays and is flagged; two different objects
that got the same id on the two sides are both kept, one under a new id.
"""

from __future__ import annotations

from test_merge_rules import bakery, card

from journeycanvas.merge import ConflictKind, describe_conflict, merge_maps
from journeycanvas.model import Card, Connector, JourneyMap, Lane, Persona, Stage, edits


def with_persona() -> JourneyMap:
    """The bakery with a persona Ann tagged on c1."""
    journey = bakery()
    edits.add_persona(journey, Persona(id="p1", name="Ann"))
    card(journey, "c1").personas = ["p1"]
    return journey


def kinds(result: object) -> set[tuple[str, str, str]]:
    return {(str(c.kind), c.collection, c.id) for c in result.conflicts}  # type: ignore[attr-defined]


# ---------------------------------------------------------------- one id, two objects


def test_a_card_and_a_stage_added_with_the_same_id_are_both_kept() -> None:
    base, ours, theirs = bakery(), bakery(), bakery()
    edits.add_card(ours, Card(id="x1", stage="s1", lane="l2", order=0, text="Queue outside"))
    edits.add_stage(theirs, Stage(id="x1", name="Repeat"))
    edits.add_card(theirs, Card(id="t1", stage="x1", lane="l1", order=0, text="Loyalty card"))
    result = merge_maps(base, ours, theirs)
    merged = result.journey
    assert card(merged, "x1").text == "Queue outside"
    repeat = next(stage for stage in merged.stages if stage.name == "Repeat")
    assert repeat.id != "x1"
    assert card(merged, "t1").stage == repeat.id  # what referred to it moved with it
    assert [stage.name for stage in merged.stages] == ["Try", "Buy", "Refer", "Repeat"]
    assert kinds(result) == {("same_id", "stages", repeat.id)}
    assert "same id" in repeat.goal
    assert describe_conflict(result.conflicts[0]) == (
        f"stage 'Repeat': added on their side with the id of our card 'Queue outside'; "
        f"kept both, theirs now has id {repeat.id}"
    )


def test_a_card_and_a_connector_with_the_same_id_keep_their_connections() -> None:
    base, ours, theirs = bakery(), bakery(), bakery()
    # Ours: a card x1 joined to c2 by k7. Theirs: a connector x1 from c2 to c3.
    edits.add_card(ours, Card(id="x1", stage="s2", lane="l1", order=0, text="Pay at the door"))
    edits.add_connector(ours, Connector(id="k7", source="c2", target="x1"))
    edits.add_connector(theirs, Connector(id="x1", source="c2", target="c3", label="then"))
    result = merge_maps(base, theirs, ours)  # the card is theirs here: the card gets the new id
    merged = result.journey
    moved = next(c for c in merged.cards if c.text == "Pay at the door")
    assert moved.id != "x1" and moved.conflict and "same id" in moved.notes
    joins = {(k.id, k.source, k.target, k.label) for k in merged.connectors}
    assert joins == {("k1", "c1", "c3", ""), ("x1", "c2", "c3", "then"), ("k7", "c2", moved.id, "")}
    assert kinds(result) == {("same_id", "cards", moved.id)}


def test_a_persona_and_a_lane_with_the_same_id_keep_their_tags_and_cards() -> None:
    base, ours, theirs = bakery(), bakery(), bakery()
    edits.add_persona(ours, Persona(id="x1", name="Ann"))
    card(ours, "c2").personas = ["x1"]
    edits.add_lane(theirs, Lane(id="x1", title="Feelings"))
    edits.add_card(theirs, Card(id="t1", stage="s3", lane="x1", order=0, text="Proud"))
    result = merge_maps(base, ours, theirs)
    merged = result.journey
    lane = next(lane for lane in merged.lanes if lane.title == "Feelings")
    assert lane.id != "x1" and card(merged, "t1").lane == lane.id
    assert card(merged, "c2").personas == ["x1"] and merged.personas[0].name == "Ann"
    assert "same id" in merged.scenario  # lanes have no text of their own to hold it


def test_a_card_added_on_both_sides_with_one_id_and_different_texts_is_flagged() -> None:
    base, ours, theirs = bakery(), bakery(), bakery()
    edits.add_card(ours, Card(id="x1", stage="s1", lane="l2", order=0, text="Ours"))
    edits.add_card(theirs, Card(id="x1", stage="s1", lane="l2", order=0, text="Theirs"))
    result = merge_maps(base, ours, theirs)
    merged = card(result.journey, "x1")
    assert merged.text == "Ours" and merged.conflict and "their text: Theirs" in merged.notes
    assert kinds(result) == {("changed_both", "cards", "x1")}


# ---------------------------------------------------------------- delete against a reference


def test_a_persona_deleted_on_one_side_stays_for_the_tags_the_other_side_added() -> None:
    base, ours, theirs = with_persona(), with_persona(), with_persona()
    edits.remove_persona(ours, "p1")
    card(theirs, "c3").personas = ["p1"]
    result = merge_maps(base, ours, theirs)
    merged = result.journey
    assert [p.id for p in merged.personas] == ["p1"]
    assert card(merged, "c3").personas == ["p1"]
    assert card(merged, "c1").personas == []  # the tag ours removed with the persona stays off
    assert kinds(result) == {("edited_deleted", "personas", "p1")}
    assert "deleted on our side" in merged.personas[0].description


def test_a_persona_deleted_on_one_side_and_edited_on_the_other_is_kept() -> None:
    base, ours, theirs = with_persona(), with_persona(), with_persona()
    theirs.personas[0].description = "Comes at seven"
    edits.remove_persona(ours, "p1")
    merged = merge_maps(base, ours, theirs).journey
    assert merged.personas[0].description.startswith("Comes at seven")


def test_a_persona_deleted_and_not_otherwise_used_goes_with_its_old_tags() -> None:
    base, ours, theirs = with_persona(), with_persona(), with_persona()
    edits.remove_persona(theirs, "p1")
    card(ours, "c1").text = "Edited, tag left as it was"
    result = merge_maps(base, ours, theirs)
    assert result.clean and result.journey.personas == []
    assert card(result.journey, "c1").personas == []


def test_a_lane_deleted_on_one_side_stays_for_a_card_added_to_it() -> None:
    base, ours, theirs = bakery(), bakery(), bakery()
    edits.remove_lane(ours, "l2")
    edits.add_card(theirs, Card(id="t1", stage="s3", lane="l2", order=0, text="Rude staff"))
    result = merge_maps(base, ours, theirs)
    assert [lane.id for lane in result.journey.lanes] == ["l1", "l2"]
    assert card(result.journey, "t1").lane == "l2"
    assert ("edited_deleted", "lanes", "l2") in kinds(result)


def test_a_stage_deleted_on_one_side_stays_for_a_card_added_to_it() -> None:
    base, ours, theirs = bakery(), bakery(), bakery()
    edits.remove_stage(theirs, "s3")
    edits.add_card(ours, Card(id="o1", stage="s3", lane="l1", order=0, text="Tell a friend"))
    result = merge_maps(base, ours, theirs)
    assert [stage.id for stage in result.journey.stages] == ["s1", "s2", "s3"]
    assert ("edited_deleted", "stages", "s3") in kinds(result)


def test_a_card_deleted_on_one_side_stays_for_a_connector_the_other_side_added() -> None:
    base, ours, theirs = bakery(), bakery(), bakery()
    edits.remove_cards(ours, ["c2"])
    edits.add_connector(theirs, Connector(id="t9", source="c2", target="c3", label="tastes"))
    result = merge_maps(base, ours, theirs)
    merged = result.journey
    assert card(merged, "c2").conflict
    assert {(k.id, k.label) for k in merged.connectors} == {("k1", ""), ("t9", "tastes")}
    assert ConflictKind.EDITED_DELETED in {c.kind for c in result.conflicts}
