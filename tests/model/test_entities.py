"""The map models: defaults, ranges, colours, numbers and fields from newer versions."""

import pytest
from pydantic import ValidationError

from journeycanvas.model import Card, CardKind, JourneyMap, Lane, Metric, Persona, Stage


def test_a_card_needs_only_its_id_and_cell() -> None:
    card = Card(id="c1", stage="s1", lane="l1")
    assert (card.order, card.span, card.kind, card.votes) == (0, 1, CardKind.NOTE, 0)
    assert card.emotion is None and card.metric is None and card.personas == []


def test_colours_are_checked_and_stored_in_lower_case() -> None:
    assert Persona(id="p", color="#AABBCC").color == "#aabbcc"
    with pytest.raises(ValidationError, match="#rrggbb"):
        Stage(id="s", color="red")


@pytest.mark.parametrize(
    ("field", "value"),
    [("emotion", 4), ("emotion", -4), ("votes", -1), ("span", 0), ("order", -1)],
)
def test_card_numbers_outside_their_range_are_refused(field: str, value: int) -> None:
    with pytest.raises(ValidationError, match=field):
        Card(id="c", stage="s", lane="l", **{field: value})


def test_stage_width_is_between_20_and_2000_mm() -> None:
    with pytest.raises(ValidationError):
        Stage(id="s", width_mm=10)
    assert Stage(id="s", width_mm=2000).width_mm == 2000


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf")])
def test_numbers_json_cannot_hold_are_refused(value: float) -> None:
    with pytest.raises(ValidationError, match="finite"):
        Metric(value=value)


def test_whole_numbers_are_written_without_a_decimal_point() -> None:
    metric = Metric(name="reach", value=1200.0, target=0.5)
    assert metric.model_dump(mode="json") == {
        "name": "reach",
        "value": 1200,
        "target": 0.5,
        "unit": "",
    }
    assert Stage(id="s").model_dump(mode="json")["width_mm"] == 90


def test_fields_from_a_newer_version_are_kept_after_the_known_ones() -> None:
    journey = JourneyMap.model_validate(
        {"id": "m", "x_future": {"a": 1}, "cards": [{"id": "c", "stage": "s", "lane": "l"}]}
    )
    dumped = journey.model_dump(mode="json")
    assert dumped["x_future"] == {"a": 1}
    assert list(dumped)[-1] == "x_future"


def test_timestamps_must_be_iso_8601() -> None:
    assert JourneyMap(id="m", created="2026-11-24T10:00:00Z").created == "2026-11-24T10:00:00Z"
    with pytest.raises(ValidationError, match="ISO 8601"):
        JourneyMap(id="m", created="yesterday")


def test_a_lane_height_is_kept_when_set_and_left_out_of_the_file_when_not() -> None:
    assert "height_mm" not in Lane(id="l1").model_dump(mode="json")
    tall = Lane(id="l1", height_mm=55)
    assert tall.model_dump(mode="json")["height_mm"] == 55
    assert Lane.model_validate(tall.model_dump(mode="json")) == tall
