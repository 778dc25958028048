"""Integrity checks: each problem names the JSON path of what is wrong."""

from hypothesis import given
from strategies import journey_maps

from journeycanvas.model import (
    Asset,
    Card,
    CardKind,
    Connector,
    JourneyMap,
    Lane,
    Persona,
    Stage,
    find_problems,
    normalise_orders,
)


def small_map(**changes: object) -> JourneyMap:
    journey = JourneyMap(
        id="m",
        personas=[Persona(id="p1")],
        stages=[Stage(id="s1"), Stage(id="s2")],
        lanes=[Lane(id="l1")],
        cards=[
            Card(id="c1", stage="s1", lane="l1", personas=["p1"]),
            Card(id="c2", stage="s2", lane="l1"),
        ],
        connectors=[Connector(id="k1", source="c1", target="c2")],
    )
    for name, value in changes.items():
        setattr(journey, name, value)
    return journey


def paths(journey: JourneyMap) -> list[str]:
    return [problem.path for problem in find_problems(journey)]


def test_a_sound_map_has_no_problems() -> None:
    assert find_problems(small_map()) == []


@given(journey_maps())
def test_generated_maps_are_sound(journey: JourneyMap) -> None:
    assert find_problems(journey) == []


def test_duplicate_ids_across_kinds_are_found() -> None:
    journey = small_map(lanes=[Lane(id="l1"), Lane(id="s1")])
    [problem] = find_problems(journey)
    assert problem.path == "lanes[1].id"
    assert "s1" in problem.message and "stages[0].id" in problem.message


def test_dangling_references_name_their_path() -> None:
    journey = small_map()
    journey.cards[1].stage = "gone"
    journey.cards[1].lane = "nowhere"
    journey.cards[0].personas = ["p1", "ghost"]
    journey.connectors[0].target = "c9"
    journey.personas[0].avatar = "a1"
    assert paths(journey) == [
        "personas[0].avatar",
        "cards[0].personas[1]",
        "cards[1].stage",
        "cards[1].lane",
        "connectors[0].target",
    ]


def test_span_past_the_last_stage_is_a_problem() -> None:
    journey = small_map()
    journey.cards[1].span = 2
    [problem] = find_problems(journey)
    assert problem.path == "cards[1].span" and "past the last stage" in problem.message


def test_emotion_only_on_emotion_cards() -> None:
    journey = small_map()
    journey.cards[0].emotion = 2
    assert paths(journey) == ["cards[0].emotion"]
    journey.cards[0].kind = CardKind.EMOTION
    assert paths(journey) == []


def test_asset_ids_count_as_ids() -> None:
    journey = small_map(assets={"p1": Asset(media_type="image/png", data="")})
    assert paths(journey) == ["assets.p1"]


def test_normalise_orders_renumbers_each_cell_keeping_ties_in_file_order() -> None:
    journey = small_map()
    journey.cards = [
        Card(id="a", stage="s1", lane="l1", order=5),
        Card(id="b", stage="s1", lane="l1", order=2),
        Card(id="c", stage="s1", lane="l1", order=5),
        Card(id="d", stage="s2", lane="l1", order=7),
    ]
    normalise_orders(journey)
    assert [(card.id, card.order) for card in journey.cards] == [
        ("a", 1),
        ("b", 0),
        ("c", 2),
        ("d", 0),
    ]
