"""Loading and saving .journey files: round trips, stable output, golden files per version."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from strategies import journey_maps

import journeycanvas
from journeycanvas.io.jsonfile import dumps_map, load_map, loads_map, save_map
from journeycanvas.model import Card, JourneyMap, Lane, Stage
from journeycanvas.model.limits import check_data

FIXTURES = Path(__file__).parent / "fixtures"


@settings(max_examples=150, deadline=None)
@given(journey_maps())
def test_save_then_load_gives_the_same_map_and_the_same_bytes(journey: JourneyMap) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.journey"
        save_map(journey, path)
        first = path.read_bytes()
        loaded = load_map(path)
        # Control characters and lone surrogates are cleaned on the way, nothing else.
        expected = JourneyMap.model_validate(check_data(journey.model_dump())[0])
        assert loaded == expected
        assert loaded.model_dump() == expected.model_dump()
        save_map(loaded, path)
        assert path.read_bytes() == first


def test_the_public_api_is_importable_from_the_package() -> None:
    assert journeycanvas.load_map is load_map
    assert journeycanvas.save_map is save_map
    assert issubclass(journeycanvas.JourneyFileError, Exception)


def test_output_is_utf8_json_with_2_space_indent_and_a_final_newline() -> None:
    journey = JourneyMap(id="m1", title="Zażółć 顾客 🥐", stages=[Stage(id="s1")])
    text = dumps_map(journey)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert '\n  "title": "Zażółć 顾客 🥐",\n' in text
    assert '\n    {\n      "id": "s1",\n' in text
    assert list(json.loads(text))[:3] == ["format", "version", "id"]
    assert dumps_map(journey) == text


def test_key_order_follows_the_model_not_the_input() -> None:
    shuffled = '{"id": "m1", "title": "T", "version": "1.0", "format": "journeycanvas"}'
    assert list(json.loads(dumps_map(loads_map(shuffled))))[:5] == [
        "format",
        "version",
        "id",
        "title",
        "scenario",
    ]


def test_a_lone_surrogate_becomes_the_replacement_character_on_save_and_load() -> None:
    # Half an emoji cannot be written as UTF-8, nor exported: U+FFFD marks where it was.
    journey = JourneyMap(id="m1", title="broken \ud83d pair")
    text = dumps_map(journey)
    text.encode("utf-8")
    assert loads_map(text).title == "broken \ufffd pair"
    escaped = json.dumps(
        {"format": "journeycanvas", "version": "1.0", "id": "m1", "title": "a\ud800"}
    )
    assert loads_map(escaped).title == "a\ufffd"


def test_control_characters_are_removed_on_load_but_tabs_and_line_breaks_stay() -> None:
    text = json.dumps(
        {
            "format": "journeycanvas",
            "version": "1.0",
            "id": "m1",
            "title": "a\x1b[31mb\x00",
            "scenario": "one\ttwo\r\nthree",
            "x_future": {"note": "bell\x07"},
        }
    )
    journey = loads_map(text)
    assert journey.title == "a[31mb"
    assert journey.scenario == "one\ttwo\r\nthree"
    assert journey.model_extra == {"x_future": {"note": "bell"}}


def test_golden_v1_0_example_is_written_back_byte_for_byte() -> None:
    path = FIXTURES / "v1.0" / "example.journey"
    journey = load_map(path)
    assert journey.title == "Hourglass for a bakery"
    assert [stage.name for stage in journey.stages] == ["Know", "Like"]
    assert journey.cards[0].metric is not None and journey.cards[0].metric.value == 1200
    assert dumps_map(journey) == path.read_text(encoding="utf-8")


def test_v1_0_minimal_file_takes_the_defaults() -> None:
    journey = load_map(FIXTURES / "v1.0" / "minimal.journey")
    card = journey.cards[0]
    assert (card.order, card.span, card.kind, card.text, card.personas) == (0, 1, "note", "", [])
    assert journey.personas == [] and journey.connectors == [] and journey.assets == {}
    assert journey.stages[0].width_mm == 90 and journey.stages[0].color == "#4f81bd"


def test_v0_9_file_is_upgraded_to_the_same_map_as_v1_0() -> None:
    old = load_map(FIXTURES / "v0.9" / "example.journey")
    assert old.version == "1.0"
    assert old == load_map(FIXTURES / "v1.0" / "example.journey")


def test_newer_minor_version_keeps_its_unknown_fields_and_version_on_save(
    tmp_path: Path,
) -> None:
    source = FIXTURES / "v1.1" / "newer-minor.journey"
    journey = load_map(source)
    assert journey.version == "1.1"
    assert journey.cards[0].model_extra == {"due": "2027-01-31"}
    target = tmp_path / "copy.journey"
    save_map(journey, target)
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(
        source.read_text(encoding="utf-8")
    )


def test_a_newer_minor_map_keeps_unknown_fields_after_an_edit(tmp_path: Path) -> None:
    journey = load_map(FIXTURES / "v1.1" / "newer-minor.journey")
    journey.title = "Edited"
    save_map(journey, tmp_path / "edited.journey")
    saved = json.loads((tmp_path / "edited.journey").read_text(encoding="utf-8"))
    assert saved["title"] == "Edited"
    assert saved["sticky_notes"] == [{"text": "Remember the Friday meeting", "x": 10}]
    assert saved["stages"][1]["icon"] == {"name": "heart", "fill": True}
    assert saved["version"] == "1.1"


def test_orders_are_made_unique_per_cell_on_load_ties_by_file_order() -> None:
    journey = JourneyMap(
        id="m1",
        stages=[Stage(id="s1")],
        lanes=[Lane(id="l1")],
        cards=[
            Card(id="a", stage="s1", lane="l1", order=4),
            Card(id="b", stage="s1", lane="l1", order=4),
            Card(id="c", stage="s1", lane="l1", order=1),
        ],
    )
    loaded = loads_map(dumps_map(journey))
    assert [(card.id, card.order) for card in loaded.cards] == [("a", 1), ("b", 2), ("c", 0)]


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    text = (FIXTURES / "v1.0" / "minimal.journey").read_bytes()
    assert loads_map(b"\xef\xbb\xbf" + text).id == "m1"


def test_a_map_that_could_not_be_opened_again_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "map.journey"
    path.write_bytes(b"previous")
    journey = JourneyMap(id="m1", cards=[Card(id="c1", stage="nowhere", lane="l1")])
    with pytest.raises(ValueError, match=r"cards\[0\]\.stage"):
        save_map(journey, path)
    assert path.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.journey"]


def test_a_value_json_cannot_hold_in_an_unknown_field_is_refused_on_save(tmp_path: Path) -> None:
    path = tmp_path / "map.journey"
    path.write_bytes(b"previous")
    journey = JourneyMap(id="m1", x_future=float("inf"))
    with pytest.raises(ValueError, match="x_future: the number is too large"):
        save_map(journey, path)
    assert path.read_bytes() == b"previous"
