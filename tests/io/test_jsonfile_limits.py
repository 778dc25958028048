"""The limits of model.limits: refused on load with the JSON path, refused alike on save."""

from __future__ import annotations

import base64
import json
import struct
from pathlib import Path
from typing import Any

import pytest

from journeycanvas.io.errors import JourneyFileError, printable
from journeycanvas.io.jsonfile import dumps_map, load_map, loads_map, save_map
from journeycanvas.model import Asset, JourneyMap, Persona, limits


def map_text(**fields: Any) -> str:
    return json.dumps({"format": "journeycanvas", "version": "1.0", "id": "m1", **fields})


def nested(depth: int) -> Any:
    value: Any = "leaf"
    for _ in range(depth):
        value = [value]
    return value


def refusal(text: str) -> JourneyFileError:
    with pytest.raises(JourneyFileError) as caught:
        loads_map(text, "map.journey")
    assert "\n" not in str(caught.value)
    return caught.value


def test_free_form_value_nested_32_deep_opens_saves_and_opens_again() -> None:
    journey = loads_map(map_text(x_future=nested(32), export_settings={"pdf": nested(31)}))
    assert loads_map(dumps_map(journey)) == journey


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"x_future": nested(300)}, "x_future" + "[0]" * 32),
        ({"export_settings": {"pdf": nested(40)}}, "export_settings.pdf" + "[0]" * 31),
        (
            {"cards": [], "stages": [{"id": "s1", "x_deep": {"a": nested(33)}}]},
            "stages[0].x_deep.a",
        ),
    ],
)
def test_free_form_value_nested_deeper_is_refused_with_its_path(
    fields: dict[str, Any], path: str
) -> None:
    error = refusal(map_text(**fields))
    assert error.path.startswith(path)
    assert "32 levels" in error.message


def test_a_number_beyond_float_is_refused_with_its_path() -> None:
    text = map_text(export_settings={"scale": 1}).replace('"scale": 1', '"scale": 1e400')
    error = refusal(text)
    assert error.path == "export_settings.scale"
    assert "too large" in error.message


def test_a_text_over_the_cap_is_refused_with_its_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 100)
    error = refusal(map_text(stages=[{"id": "s1", "name": "x" * 101}]))
    assert error.path == "stages[0].name" and "101 characters" in error.message
    assert loads_map(map_text(stages=[{"id": "s1", "name": "x" * 100}])).stages[0].name


def test_a_free_form_list_over_the_cap_is_refused_but_cards_are_not_capped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(limits, "MAX_FREE_FORM_ITEMS", 3)
    error = refusal(map_text(x_list=[1, 2, 3, 4]))
    assert error.path == "x_list" and "4 entries" in error.message
    stages = [{"id": "s1"}]
    lanes = [{"id": "l1"}]
    cards = [{"id": f"c{i}", "stage": "s1", "lane": "l1", "order": i} for i in range(5)]
    assert len(loads_map(map_text(stages=stages, lanes=lanes, cards=cards)).cards) == 5


def test_a_map_too_deep_for_the_loader_is_refused_on_save_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "map.journey"
    path.write_bytes(b"previous")
    journey = JourneyMap(id="m1", export_settings={"x": nested(40)})
    with pytest.raises(ValueError, match=r"export_settings\.x.*32 levels"):
        save_map(journey, path)
    assert path.read_bytes() == b"previous"


def test_save_refuses_a_map_larger_than_load_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journey = JourneyMap(id="m1", title="x" * 2000)
    path = tmp_path / "map.journey"
    save_map(journey, path)
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    with pytest.raises(JourneyFileError, match="opens maps of up to"):
        load_map(path)
    with pytest.raises(ValueError, match=r"too large to be opened again.*opens maps of up to"):
        save_map(journey, tmp_path / "new.journey")
    assert not (tmp_path / "new.journey").exists()
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 4000)
    assert load_map(path).title == journey.title


def png_header(width: int, height: int) -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR" + struct.pack(">II", width, height) + bytes(20)


def jpeg_header(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof2 = b"\xff\xc2\x00\x11\x08" + struct.pack(">HH", height, width) + b"\x03" + bytes(9)
    return b"\xff\xd8" + app0 + sof2 + b"\xff\xda\x00\x02" + bytes(20)


@pytest.mark.parametrize(
    ("media_type", "header"), [("image/png", png_header), ("image/jpeg", jpeg_header)]
)
def test_a_picture_with_huge_dimensions_is_refused_by_its_header(
    media_type: str, header: Any
) -> None:
    def text(width: int, height: int) -> str:
        data = base64.b64encode(header(width, height)).decode("ascii")
        return map_text(
            personas=[{"id": "p1", "avatar": "a1"}],
            assets={"a1": {"media_type": media_type, "data": data}},
        )

    error = refusal(text(8000, 8000))
    assert error.path == "assets.a1.data"
    assert "8000×8000 pixels" in error.message
    assert loads_map(text(4096, 4096)).assets["a1"].media_type == media_type
    assert "1×20000" in refusal(text(1, 20000)).message


def test_save_refuses_a_huge_picture_a_script_embedded() -> None:
    data = base64.b64encode(png_header(9000, 9000)).decode("ascii")
    journey = JourneyMap(
        id="m1",
        personas=[Persona(id="p1", avatar="a1")],
        assets={"a1": Asset(media_type="image/png", data=data)},
    )
    with pytest.raises(ValueError, match="9000×9000"):
        dumps_map(journey)


def test_error_messages_escape_control_and_bidi_characters_of_user_text() -> None:
    error = JourneyFileError("evil\x1b[2J\u202egpj.journey", "title", "bad \x07 value\nhere")
    shown = str(error)
    assert shown == "evil\\x1b[2J\\u202egpj.journey: title: bad \\x07 value here"
    assert printable("Zażółć 顾客 🥐 שלום\ttab") == "Zażółć 顾客 🥐 שלום\\x09tab"
    assert printable("\ud800\x85\u2066") == "\\ud800\\x85\\u2066"
