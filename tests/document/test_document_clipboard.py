"""Cards on the clipboard: JSON for JourneyCanvas, plain text for others, garbage ignored."""

from __future__ import annotations

import json

import pytest
from document_helpers import sample_map
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication
from strategies import json_values

from journeycanvas.document.clipboard import (
    MIME_TYPE,
    copied_cards,
    mime_data_for,
    payload_from_json,
    payload_from_mime,
    payload_to_json,
)


def test_copy_takes_cards_in_reading_order_with_connectors_between_them() -> None:
    payload = copied_cards(sample_map(), ["c5", "c3", "c1", "c6"])
    assert [card.id for card in payload.cards] == ["c1", "c3", "c5", "c6"]
    assert [k.id for k in payload.connectors] == ["k1", "k2"]
    assert [k.id for k in copied_cards(sample_map(), ["c1", "c5"]).connectors] == []


def test_mime_data_round_trip_and_plain_text(qapp: object) -> None:
    journey = sample_map()
    journey.cards[0].text = "Instagram\nreel  with price"
    mime = mime_data_for(journey, ["c1", "c5"])
    assert mime.text() == "Instagram reel with price\nPrice unclear"
    payload = payload_from_mime(mime)
    assert payload is not None
    assert [card.model_dump() for card in payload.cards] == [
        journey.cards[0].model_dump(),
        journey.cards[4].model_dump(),
    ]


def test_the_system_clipboard_carries_the_payload(qapp: object) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setMimeData(mime_data_for(sample_map(), ["c1", "c3"]))
    payload = payload_from_mime(clipboard.mimeData())
    assert payload is not None and [card.id for card in payload.cards] == ["c1", "c3"]
    assert clipboard.text() == "Instagram reel\n"


def test_unknown_fields_of_a_newer_version_survive_copying() -> None:
    journey = sample_map()
    journey.cards[0].x_sketch = {"strokes": 3}
    payload = payload_from_json(payload_to_json(copied_cards(journey, ["c1"])))
    assert payload is not None and payload.cards[0].model_dump()["x_sketch"] == {"strokes": 3}


def _payload(**fields: object) -> bytes:
    content = {"format": "journeycanvas-cards", "version": "1.0"}
    content.update(fields)
    return json.dumps(content).encode()


CARD = {"id": "c1", "stage": "s", "lane": "l"}


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff\xfe not utf-8",
        b"{not json",
        b"[]",
        b'"just a string"',
        b"[" * 100_000 + b"]" * 100_000,
        json.dumps({"cards": [CARD]}).encode(),
        _payload(),
        _payload(cards=[]),
        _payload(cards="c1"),
        _payload(cards=[CARD], version="2.0"),
        _payload(cards=[CARD], version=1),
        _payload(cards=[CARD, CARD]),
        _payload(cards=[{"id": "c1"}]),
        _payload(cards=[{**CARD, "emotion": 9}]),
        _payload(cards=[CARD], connectors={"k1": {}}),
        _payload(cards=[CARD], connectors=[{"id": "k1"}]),
    ],
)
def test_garbage_gives_none(data: bytes) -> None:
    assert payload_from_json(data) is None


def test_connectors_to_cards_outside_the_payload_are_dropped() -> None:
    connector = {"id": "k1", "source": "c1", "target": "elsewhere"}
    payload = payload_from_json(_payload(cards=[CARD], connectors=[connector]))
    assert payload is not None and payload.connectors == []


def test_a_minor_version_from_the_future_is_read() -> None:
    assert payload_from_json(_payload(cards=[CARD], version="1.7")) is not None


@given(st.binary(max_size=200))
def test_random_bytes_never_raise(data: bytes) -> None:
    assert payload_from_json(data) is None


@given(cards=json_values, connectors=json_values)
def test_random_json_in_a_payload_never_raises(cards: object, connectors: object) -> None:
    payload_from_json(_payload(cards=cards, connectors=connectors))


def test_mime_data_without_cards_gives_none(qapp: object) -> None:
    mime = QMimeData()
    mime.setText("Just some text")
    assert payload_from_mime(mime) is None
    assert payload_from_mime(None) is None
    mime.setData(MIME_TYPE, b"garbage")
    assert payload_from_mime(mime) is None
