"""Changes between two maps in words, and one map as lines of text."""

from __future__ import annotations

from test_merge_rules import bakery

from journeycanvas.merge import (
    describe,
    describe_changes,
    describe_conflict,
    diff_maps,
    merge_maps,
    render_text,
)
from journeycanvas.model import Card, CardKind, Lane, Stage, edits


def test_a_card_put_in_another_stage_is_moved_from_one_to_the_other() -> None:
    before, after = bakery(), bakery()
    edits.move_cards(after, ["c1"], "s2", "l1", 0)
    assert describe_changes(before, after) == ["card 'Slow checkout' moved from Try to Buy"]


def test_a_card_put_in_another_lane_and_stage_names_both() -> None:
    before, after = bakery(), bakery()
    edits.move_cards(after, ["c1"], "s2", "l2", 1)
    assert describe_changes(before, after) == [
        "card 'Slow checkout' moved from Try / Touchpoints to Buy / Pain points"
    ]


def test_an_added_card_names_its_kind_stage_and_text() -> None:
    before, after = bakery(), bakery()
    card = Card(id="n1", stage="s2", lane="l2", kind=CardKind.PAIN_POINT, text="No parking")
    edits.add_card(after, card, None)
    [change] = diff_maps(before, after)
    assert describe(change, before, after) == "pain point added in Buy: 'No parking'"


def test_removed_renamed_and_changed_objects() -> None:
    before, after = bakery(), bakery()
    after.stages[0].name = "Awareness"
    after.lanes[1].title = "Frustrations"
    edits.remove_cards(after, ["c3"])
    after.cards[0].votes = 3
    after.title = "Bakery 2027"
    assert describe_changes(before, after) == [
        "map title changed from 'Bakery' to 'Bakery 2027'",
        "stage 'Try' renamed to 'Awareness'",
        "lane 'Pain points' renamed to 'Frustrations'",
        "note removed from Buy: 'No parking'",
        "card 'Slow checkout': votes changed from 1 to 3",
        "connector from 'Slow checkout' to 'No parking' removed",
    ]


def test_text_changes_and_reorders() -> None:
    before, after = bakery(), bakery()
    edits.card_by_id(after, "c1").text = "Checkout is slow at lunch"
    edits.move_stage(after, "s3", 0)
    edits.move_cards(after, ["c2"], "s1", "l1", 0)
    assert describe_changes(before, after) == [
        "stage 'Refer' moved from position 3 to 1",
        "card 'Slow checkout' now reads 'Checkout is slow at lunch'",
        "card 'Free sample' moved from place 2 to 1 in Try / Touchpoints",
    ]


def test_new_stages_lanes_and_long_texts_on_one_line() -> None:
    before, after = bakery(), bakery()
    edits.add_stage(after, Stage(id="s9", name="Repeat"))
    edits.add_lane(after, Lane(id="l9", title="Emotions\nand feelings"))
    edits.card_by_id(after, "c2").notes = "x" * 200
    lines = describe_changes(before, after)
    assert lines[:2] == ["stage 'Repeat' added", "lane 'Emotions and feelings' added"]
    assert lines[2].startswith("card 'Free sample': notes changed from nothing") is False
    assert lines[2].endswith("…'") and len(lines[2]) < 120


def test_identical_maps_have_no_changes() -> None:
    assert describe_changes(bakery(), bakery()) == []


def test_conflicts_in_words() -> None:
    base, ours, theirs = bakery(), bakery(), bakery()
    edits.card_by_id(ours, "c1").text = "ours"
    edits.card_by_id(theirs, "c1").text = "theirs"
    edits.remove_cards(ours, ["c3"])
    edits.card_by_id(theirs, "c3").votes = 2
    lines = [describe_conflict(c) for c in merge_maps(base, ours, theirs).conflicts]
    assert lines == [
        "card 'ours': text changed on both sides; kept ours ('ours'), theirs was 'theirs'",
        "card 'No parking': deleted on our side but changed on their side; kept",
    ]


def test_the_text_rendering_is_stable_and_one_line_per_field() -> None:
    journey = bakery()
    edits.card_by_id(journey, "c1").notes = "two\nlines"
    text = render_text(journey)
    assert text == render_text(journey.model_copy(deep=True))
    headline = "card in Try / Touchpoints, place 1 [c1]: note 'Slow checkout'\n"
    assert headline in text and "\n  notes: two\\x0alines\n" in text
    assert text.index("[c2]") < text.index("[c3]")
