"""Card pictures in the document: stored once, dropped with their last card (whatever
removes it), put back by undo; the clipboard carries them and refuses broken ones."""

from __future__ import annotations

import base64

import pytest
from document_helpers import PIXEL_PNG, dump, sample_map

from journeycanvas.document import Document
from journeycanvas.document.clipboard import copied_cards, payload_from_json, payload_to_json
from journeycanvas.document.commands import (
    PasteCardsCommand,
    RemoveLaneCommand,
    RemoveStageCommand,
    SetCardPictureCommand,
)
from journeycanvas.model import Asset
from journeycanvas.model.integrity import find_problems

OTHER_PNG = base64.b64encode(base64.b64decode(PIXEL_PNG)[:-1] + b"\x83").decode()


@pytest.fixture
def document() -> Document:
    return Document(sample_map())


def undo_all_redo_all(document: Document, before: dict, after: dict) -> None:
    stack = document.undo_stack
    while stack.canUndo():
        stack.undo()
    assert dump(document.journey) == before
    while stack.canRedo():
        stack.redo()
    assert dump(document.journey) == after


@pytest.mark.parametrize(
    ("remove", "cards"),
    [
        (lambda d: RemoveStageCommand(d, "s4"), ["c6"]),
        (lambda d: RemoveLaneCommand(d, "l3"), ["c5"]),
    ],
    ids=["stage", "lane"],
)
def test_removing_a_stage_or_lane_drops_the_pictures_only_its_cards_showed(
    document: Document, remove: object, cards: list[str]
) -> None:
    before = dump(document.journey)
    own = Asset(media_type="image/png", data=OTHER_PNG)
    shared = Asset(media_type="image/png", data=PIXEL_PNG)
    document.push(SetCardPictureCommand(document, cards[0], own))
    document.push(SetCardPictureCommand(document, "c1", shared))
    own_id = document.card(cards[0]).image
    assert own_id is not None and document.card("c1").image == "a1", "same bytes, same asset"
    document.push(remove(document))  # type: ignore[operator]
    assert own_id not in document.journey.assets and "a1" in document.journey.assets
    assert find_problems(document.journey) == []
    after = dump(document.journey)
    document.undo_stack.undo()
    assert document.card(cards[0]).image == own_id and own_id in document.journey.assets
    document.undo_stack.redo()
    undo_all_redo_all(document, before, after)


def test_an_asset_the_file_holds_unused_is_kept_as_it_was() -> None:
    journey = sample_map()
    journey.assets["a9"] = Asset(media_type="image/png", data=OTHER_PNG)
    document = Document(journey)
    assert not document.asset_in_use("a9")
    document.push(RemoveStageCommand(document, "s4"))
    assert "a9" in document.journey.assets


def test_the_clipboard_carries_pictures_and_leaves_out_broken_ones(document: Document) -> None:
    document.push(
        SetCardPictureCommand(document, "c2", Asset(media_type="image/png", data=OTHER_PNG))
    )
    payload = payload_from_json(payload_to_json(copied_cards(document.journey, ["c2"])))
    assert payload is not None and next(iter(payload.assets.values())).data == OTHER_PNG
    broken = copied_cards(document.journey, ["c2"])
    image = broken.cards[0].image or ""
    broken.assets[image] = Asset(media_type="image/png", data=base64.b64encode(b"GIF89a").decode())
    payload = payload_from_json(payload_to_json(broken))
    assert payload is not None and payload.assets == {}

    # Its picture refused and not in the map pasted into: the card pastes without one.
    target = Document(sample_map())
    command = PasteCardsCommand(target, payload.cards, [], "s1", "l1", 0, assets=payload.assets)
    target.push(command)
    assert target.card(command.card_ids[0]).image is None
    assert find_problems(target.journey) == []
