"""Every command: what it does to the map, and that undo/redo give back the exact map."""

from __future__ import annotations

import pytest
from document_helpers import PIXEL_PNG, SignalLog, SignalMirror, dump, sample_map
from PySide6.QtGui import QUndoCommand

from journeycanvas.document import Document
from journeycanvas.document.changes import Entity
from journeycanvas.document.clipboard import copied_cards
from journeycanvas.document.commands import (
    AddCardCommand,
    AddConnectorCommand,
    AddLaneCommand,
    AddPersonaCommand,
    AddStageCommand,
    DuplicateCardsCommand,
    EditCommand,
    EditPersonaCommand,
    MoveCardsCommand,
    MoveLaneCommand,
    MoveStageCommand,
    PasteCardsCommand,
    RemoveCardsCommand,
    RemoveLaneCommand,
    RemovePersonaCommand,
    RemoveStageCommand,
    SetCardSpanCommand,
)
from journeycanvas.model import (
    Asset,
    CardKind,
    Connector,
    ConnectorKind,
    Lane,
    LaneKind,
    Persona,
    Stage,
    find_problems,
)
from journeycanvas.model.edits import cell_cards


@pytest.fixture
def document(qapp: object) -> Document:
    return Document(sample_map())


def apply(document: Document, command: QUndoCommand) -> None:
    """Push `command`, then undo and redo it, checking the exact map at each step."""
    mirror = SignalMirror(document)
    before = dump(document.journey)
    document.push(command)
    after = dump(document.journey)
    assert after != before
    assert find_problems(document.journey) == []
    document.undo_stack.undo()
    assert dump(document.journey) == before
    assert mirror.problems() == []
    document.undo_stack.redo()
    assert dump(document.journey) == after
    assert mirror.problems() == []


def cell(document: Document, stage: str, lane: str) -> list[str]:
    return [card.id for card in cell_cards(document.journey, stage, lane)]


# ---------------------------------------------------------------- cards


def test_add_card_goes_into_its_slot_with_the_lane_kind(document: Document) -> None:
    card = document.new_card("s1", "l1", 1, text="Newsletter")
    log = SignalLog(document)
    apply(document, AddCardCommand(document, card))
    assert cell(document, "s1", "l1") == ["c1", card.id, "c2"]
    assert document.card(card.id).kind == CardKind.TOUCHPOINT
    assert ("card_added", card.id) in log.events
    assert ("card_placed", "c2") in log.events
    assert log.named("selection_requested")[-1] == ("selection_requested", [card.id])
    assert AddCardCommand(document, document.new_card("s1", "l2", 0)).text() == "Add card"


def test_new_card_in_an_emotions_lane_is_an_emotion(document: Document) -> None:
    assert document.new_card("s3", "l2", 0).kind == CardKind.EMOTION
    assert document.new_card("s3", "l2", 0, kind=CardKind.NOTE).kind == CardKind.NOTE


def test_add_card_refuses_a_taken_id_or_unknown_cell(document: Document) -> None:
    with pytest.raises(ValueError):
        AddCardCommand(document, document.card("c1").model_copy())
    with pytest.raises(KeyError):
        AddCardCommand(document, document.new_card("s1", "l1", 0).model_copy(update={"stage": "x"}))
    assert document.undo_stack.count() == 0


def test_edit_card_sets_any_field(document: Document) -> None:
    changes = {
        "text": "Reel with price",
        "notes": "ask Anna",
        "color": "#AABBCC",
        "tags": ["video"],
        "personas": ["p2"],
        "votes": 4,
        "metric": {"name": "reach", "value": 1500, "target": 5000, "unit": "views"},
    }
    apply(document, EditCommand(document, Entity.CARD, "c1", changes))
    card = document.card("c1")
    assert (card.text, card.color, card.personas, card.votes) == (
        "Reel with price",
        "#aabbcc",
        ["p2"],
        4,
    )
    assert card.metric is not None and card.metric.value == 1500


def test_edit_card_kind_away_from_emotion_clears_the_score(document: Document) -> None:
    apply(document, EditCommand(document, Entity.CARD, "c4", {"kind": CardKind.THOUGHT}))
    assert document.card("c4").emotion is None


@pytest.mark.parametrize(
    "changes",
    [{"emotion": 5}, {"personas": ["nobody"]}, {"stage": "s2"}, {"color": "red"}, {"emotion": 1}],
)
def test_edit_card_refuses_bad_values_before_touching_the_stack(
    document: Document, changes: dict[str, object]
) -> None:
    card_id = "c4" if changes == {"emotion": 5} else "c1"
    before = dump(document.journey)
    with pytest.raises(ValueError):
        EditCommand(document, Entity.CARD, card_id, changes)
    assert dump(document.journey) == before
    assert document.undo_stack.count() == 0


def test_typing_in_a_card_is_one_undo_step(document: Document) -> None:
    for typed in ["I", "In", "Ins", "Insta"]:
        document.push(EditCommand(document, Entity.CARD, "c2", {"text": typed}, typing=True))
    assert document.undo_stack.count() == 1
    assert document.card("c2").text == "Insta"
    assert document.undo_stack.undoText() == "Edit card text"
    document.undo_stack.undo()
    assert document.card("c2").text == "Flyer"
    document.undo_stack.redo()
    assert document.card("c2").text == "Insta"


def test_typing_merges_only_with_typing_in_the_same_card(document: Document) -> None:
    document.push(EditCommand(document, Entity.CARD, "c2", {"text": "A"}, typing=True))
    document.push(EditCommand(document, Entity.CARD, "c1", {"text": "B"}, typing=True))
    document.push(EditCommand(document, Entity.CARD, "c1", {"text": "BC"}, typing=True))
    document.push(EditCommand(document, Entity.CARD, "c1", {"votes": 2}))
    document.push(EditCommand(document, Entity.CARD, "c1", {"text": "BCD"}, typing=True))
    assert document.undo_stack.count() == 4


def test_typing_in_another_field_of_the_same_card_is_its_own_undo_step(
    document: Document,
) -> None:
    document.push(EditCommand(document, Entity.CARD, "c1", {"text": "Be"}, typing=True))
    document.push(EditCommand(document, Entity.CARD, "c1", {"text": "Bed"}, typing=True))
    document.push(EditCommand(document, Entity.CARD, "c1", {"notes": "N"}, typing=True))
    document.push(EditCommand(document, Entity.CARD, "c1", {"notes": "No"}, typing=True))
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert document.card("c1").notes == ""
    assert document.card("c1").text == "Bed"


def test_typing_does_not_merge_into_the_saved_state(document: Document) -> None:
    document.push(EditCommand(document, Entity.CARD, "c2", {"text": "Fly"}, typing=True))
    document.mark_saved()
    document.push(EditCommand(document, Entity.CARD, "c2", {"text": "Fl"}, typing=True))
    assert document.modified
    document.undo_stack.undo()
    assert not document.modified
    assert document.card("c2").text == "Fly"


def test_typing_back_to_the_old_text_leaves_nothing_to_undo(document: Document) -> None:
    for typed in ["Flye", "Flyer"]:
        document.push(EditCommand(document, Entity.CARD, "c2", {"text": typed}, typing=True))
    assert document.undo_stack.count() == 0
    assert not document.modified


def test_ended_typing_merges_no_more(document: Document) -> None:
    first = EditCommand(document, Entity.CARD, "c2", {"text": "Fly"}, typing=True)
    document.push(first)
    first.end_typing()
    document.push(EditCommand(document, Entity.CARD, "c2", {"text": "Flyers"}, typing=True))
    assert document.undo_stack.count() == 2


def test_a_card_added_for_typing_absorbs_its_text_until_typing_ends(document: Document) -> None:
    before = dump(document.journey)
    card = document.new_card("s1", "l1", 0)
    added = AddCardCommand(document, card, typing=True)
    document.push(added)
    for typed in ["W", "We", "Welcome"]:
        document.push(EditCommand(document, Entity.CARD, card.id, {"text": typed}, typing=True))
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Add card"
    after = dump(document.journey)
    document.undo_stack.undo()
    assert dump(document.journey) == before
    document.undo_stack.redo()
    assert dump(document.journey) == after
    assert document.card(card.id).text == "Welcome"
    added.end_typing()
    document.push(EditCommand(document, Entity.CARD, card.id, {"text": "Welcome!"}, typing=True))
    document.push(EditCommand(document, Entity.CARD, card.id, {"notes": "N"}, typing=True))
    assert document.undo_stack.count() == 3


def test_withdraw_takes_back_the_last_command_without_a_trace(document: Document) -> None:
    before = dump(document.journey)
    document.push(EditCommand(document, Entity.CARD, "c1", {"votes": 2}))
    card = document.new_card("s1", "l1", 0)
    added = AddCardCommand(document, card, typing=True)
    document.push(added)
    document.push(EditCommand(document, Entity.CARD, card.id, {"text": "Gone"}, typing=True))
    assert document.withdraw(added)
    stack = document.undo_stack
    assert (stack.count(), stack.index(), stack.canRedo()) == (1, 1, False)
    assert card.id not in {c.id for c in document.journey.cards}
    stack.undo()
    assert dump(document.journey) == before


def test_withdraw_refuses_a_command_that_is_not_the_last_one_done(document: Document) -> None:
    first = EditCommand(document, Entity.CARD, "c1", {"votes": 2})
    document.push(first)
    document.push(EditCommand(document, Entity.CARD, "c1", {"votes": 3}))
    assert not document.withdraw(first)
    document.undo_stack.undo()
    assert not document.withdraw(first), "a command with redo steps above it stays"
    assert document.undo_stack.count() == 2
    assert document.card("c1").votes == 2


def test_remove_cards_takes_their_connectors_and_closes_the_gap(document: Document) -> None:
    log = SignalLog(document)
    command = RemoveCardsCommand(document, ["c1", "c3"])
    assert command.text() == "Delete 2 cards"
    apply(document, command)
    assert [c.id for c in document.journey.cards] == ["c2", "c4", "c5", "c6"]
    assert document.journey.connectors == []
    assert document.card("c2").order == 0
    removed = {i for event in log.named("card_removed", "connector_removed") for i in event[1:]}
    assert removed == {"c1", "c3", "k1", "k2"}
    document.undo_stack.undo()
    assert log.named("selection_requested")[-1] == ("selection_requested", ["c1", "c3"])


def test_remove_selected_connectors_and_cards_together(document: Document) -> None:
    apply(document, RemoveCardsCommand(document, ["c6"], ["k1"]))
    assert [k.id for k in document.journey.connectors] == ["k2"]
    apply(document, RemoveCardsCommand(document, ["c3"], ["k2"]))
    assert document.journey.connectors == []
    assert RemoveCardsCommand(Document(sample_map()), [], ["k1"]).text() == "Delete connector"


def test_move_several_cards_is_one_command(document: Document) -> None:
    log = SignalLog(document)
    command = MoveCardsCommand(document, ["c1", "c5"], "s4", "l1", 0)
    assert command.text() == "Move 2 cards"
    apply(document, command)
    assert cell(document, "s4", "l1") == ["c1", "c5", "c6"]
    assert cell(document, "s1", "l1") == ["c2"]
    placed = list(log.named("card_placed")[0][1:])
    assert sorted(placed) == ["c1", "c2", "c5", "c6"]
    assert document.undo_stack.count() == 1


def test_a_drop_in_place_is_not_an_undo_step(document: Document) -> None:
    document.push(MoveCardsCommand(document, ["c2"], "s1", "l1", 1))
    assert document.undo_stack.count() == 0
    assert not document.modified


def test_moving_a_wide_card_to_the_last_stage_narrows_it(document: Document) -> None:
    apply(document, MoveCardsCommand(document, ["c3"], "s4", "l2", 5))
    assert (document.card("c3").span, cell(document, "s4", "l2")) == (1, ["c3"])


def test_set_card_span_is_clamped_and_no_change_is_no_step(document: Document) -> None:
    apply(document, SetCardSpanCommand(document, "c1", 9))
    assert document.card("c1").span == 4
    document.push(SetCardSpanCommand(document, "c1", 4))
    assert document.undo_stack.count() == 1


def test_paste_gives_fresh_ids_and_keeps_connectors_between_pasted_cards(
    document: Document,
) -> None:
    payload = copied_cards(document.journey, ["c3", "c1", "c5"])
    command = PasteCardsCommand(document, payload.cards, payload.connectors, "s3", "l2", 0)
    assert command.text() == "Paste 3 cards"
    apply(document, command)
    pasted = [document.card(card_id) for card_id in command.card_ids]
    assert [c.text for c in pasted] == ["Instagram reel", "", "Price unclear"]
    assert not {c.id for c in pasted} & {"c1", "c3", "c5"}
    assert cell(document, "s3", "l2") == command.card_ids
    new = document.journey.connectors[2:]
    assert [(k.source, k.target) for k in new] == [
        (command.card_ids[0], command.card_ids[1]),
        (command.card_ids[1], command.card_ids[2]),
    ]


def test_paste_from_another_map_drops_unknown_personas(qapp: object) -> None:
    source = sample_map()
    target = Document(sample_map())
    target.push(RemovePersonaCommand(target, "p1"))
    payload = copied_cards(source, ["c5"])
    command = PasteCardsCommand(target, payload.cards, [], "s1", "l3", 0)
    apply(target, command)
    assert target.card(command.card_ids[0]).personas == ["p2"]


def test_duplicate_puts_each_copy_right_after_its_original(document: Document) -> None:
    command = DuplicateCardsCommand(document, ["c2", "c1", "c3"])
    assert command.text() == "Duplicate 3 cards"
    apply(document, command)
    c1_copy, c2_copy, c3_copy = command.card_ids
    assert cell(document, "s1", "l1") == ["c1", c1_copy, "c2", c2_copy]
    assert cell(document, "s2", "l1") == ["c3", c3_copy]
    assert document.journey.connectors[-1].source == c1_copy
    assert document.journey.connectors[-1].target == c3_copy


# ---------------------------------------------------------------- stages


def test_add_stage_between_columns_undoes_exactly_with_spans(document: Document) -> None:
    apply(document, AddStageCommand(document, Stage(id="s9", name="Try"), 2))
    assert [s.id for s in document.journey.stages] == ["s1", "s2", "s9", "s3", "s4"]


def test_remove_stage_takes_its_cards_and_says_so(document: Document) -> None:
    assert document.cards_in_stage("s2") == ["c3", "c4"]
    command = RemoveStageCommand(document, "s3")
    assert command.text() == "Delete stage “Trust”"
    log = SignalLog(document)
    apply(document, command)
    assert "c5" not in {c.id for c in document.journey.cards}
    assert document.card("c3").span == 1
    names = [event[0] for event in log.events]
    assert names.index("card_removed") < names.index("stage_removed")
    assert names.index("stage_added") < names.index("card_added")


def test_move_stage_carries_cards_and_restores_spans(document: Document) -> None:
    command = MoveStageCommand(document, "s2", 3)
    assert command.text() == "Move stage “Like”"
    apply(document, command)
    assert [s.id for s in document.journey.stages] == ["s1", "s3", "s4", "s2"]
    assert document.card("c3").span == 1
    document.push(MoveStageCommand(document, "s2", 3))
    assert document.undo_stack.count() == 1


def test_edit_stage(document: Document) -> None:
    command = EditCommand(document, Entity.STAGE, "s1", {"name": "Awareness"})
    assert command.text() == "Rename stage “Know”"
    apply(document, command)
    apply(
        document, EditCommand(document, Entity.STAGE, "s1", {"width_mm": 120, "color": "#112233"})
    )
    assert document.stage("s1").width_mm == 120
    with pytest.raises(ValueError):
        EditCommand(document, Entity.STAGE, "s1", {"width_mm": 5})


# ---------------------------------------------------------------- lanes


def test_lane_commands(document: Document) -> None:
    apply(document, AddLaneCommand(document, Lane(id="l9", kind=LaneKind.METRICS), 0))
    assert document.journey.lanes[0].id == "l9"
    apply(document, MoveLaneCommand(document, "l9", 3))
    assert document.journey.lanes[3].id == "l9"
    apply(
        document,
        EditCommand(document, Entity.LANE, "l9", {"title": "KPIs", "kind": LaneKind.NOTES}),
    )
    assert document.lane("l9").title == "KPIs"
    assert document.cards_in_lane("l1") == ["c1", "c2", "c3", "c6"]
    command = RemoveLaneCommand(document, "l1")
    assert command.text() == "Delete lane “Touchpoints”"
    apply(document, command)
    assert [c.id for c in document.journey.cards] == ["c4", "c5"]


# ---------------------------------------------------------------- connectors


def test_connector_commands(document: Document) -> None:
    connector = Connector(id="k9", source="c2", target="c6", kind=ConnectorKind.BREAKPOINT)
    apply(document, AddConnectorCommand(document, connector))
    apply(document, EditCommand(document, Entity.CONNECTOR, "k9", {"label": "data lost"}))
    assert document.connector("k9").label == "data lost"
    apply(document, RemoveCardsCommand(document, [], ["k9"]))
    with pytest.raises(ValueError):
        AddConnectorCommand(document, Connector(id="k8", source="c2", target="c2"))
    with pytest.raises(KeyError):
        AddConnectorCommand(document, Connector(id="k8", source="c2", target="gone"))


# ---------------------------------------------------------------- personas and map


def test_add_persona_embeds_its_picture(document: Document) -> None:
    picture = Asset(media_type="image/png", data=PIXEL_PNG)
    command = AddPersonaCommand(document, Persona(id="p9", name="Cleo"), picture)
    apply(document, command)
    avatar = document.persona("p9").avatar
    assert avatar is not None and document.journey.assets[avatar] == picture


def test_remove_persona_untags_cards_and_drops_its_picture(document: Document) -> None:
    document.push(
        AddPersonaCommand(document, Persona(id="p9"), Asset(media_type="image/png", data=PIXEL_PNG))
    )
    command = RemovePersonaCommand(document, "p1")
    assert command.text() == "Delete persona “Anna”"
    apply(document, command)
    assert document.card("c5").personas == ["p2"]
    assert "a1" not in document.journey.assets


def test_a_shared_picture_stays_while_someone_shows_it(document: Document) -> None:
    document.push(AddPersonaCommand(document, Persona(id="p9", avatar="a1")))
    apply(document, RemovePersonaCommand(document, "p1"))
    assert "a1" in document.journey.assets


def test_edit_persona_replaces_and_removes_the_picture(document: Document) -> None:
    same = Asset(media_type="image/png", data=PIXEL_PNG)
    document.push(EditPersonaCommand(document, "p1", {"avatar": same}))
    assert document.persona("p1").avatar == "a1", "the same bytes reuse the asset"
    picture = Asset(media_type="image/jpeg", data=PIXEL_PNG)
    apply(document, EditPersonaCommand(document, "p1", {"name": "Anna K", "avatar": picture}))
    avatar = document.persona("p1").avatar
    assert avatar != "a1" and list(document.journey.assets) == [avatar]
    apply(document, EditPersonaCommand(document, "p1", {"avatar": None}))
    assert document.journey.assets == {}


def test_edit_map_header_and_export_settings(document: Document) -> None:
    log = SignalLog(document)
    apply(
        document,
        EditCommand(document, Entity.MAP, document.journey.id, {"title": "Bakery", "owner": "Eva"}),
    )
    apply(
        document,
        EditCommand(
            document, Entity.MAP, document.journey.id, {"export_settings": {"paper": "A1"}}
        ),
    )
    assert document.journey.title == "Bakery"
    assert log.named("map_changed")
    with pytest.raises(ValueError):
        EditCommand(document, Entity.MAP, document.journey.id, {"id": "other"})


def test_typing_a_stage_name_merges_too(document: Document) -> None:
    for typed in ["A", "Aw", "Awa"]:
        document.push(EditCommand(document, Entity.STAGE, "s1", {"name": typed}, typing=True))
    assert document.undo_stack.count() == 1
