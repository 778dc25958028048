"""The kind registry: every kind has its entry, and unknown kinds get a neutral one."""

from __future__ import annotations

import re

import pytest

from journeycanvas.layout.glyph_shapes import GLYPH_IDS, card_glyph_id, glyph, lane_glyph_id
from journeycanvas.model import Card, JourneyMap, Lane, Stage, find_problems
from journeycanvas.model.kinds import (
    CARD_KINDS,
    CONNECTOR_KINDS,
    LANE_KINDS,
    UNKNOWN_FILL,
    UNKNOWN_GLYPH,
    CardKind,
    ConnectorKind,
    LaneKind,
    card_kind_spec,
    connector_kind_spec,
    default_card_kind,
    kind_uses_emotion,
    lane_accent,
    lane_kind_spec,
)

COLOR = re.compile(r"^#[0-9a-f]{6}$")


@pytest.mark.parametrize("kind", list(CardKind))
def test_every_card_kind_has_a_name_colours_and_a_drawable_glyph(kind: CardKind) -> None:
    spec = CARD_KINDS[kind]
    assert spec.known and spec.name and spec.name != kind.value
    assert COLOR.match(spec.fill) and COLOR.match(spec.accent)
    assert spec.glyph in GLYPH_IDS and glyph(spec.glyph)
    assert card_glyph_id(kind) == spec.glyph


@pytest.mark.parametrize("kind", list(LaneKind))
def test_every_lane_kind_has_a_name_a_card_kind_and_a_glyph(kind: LaneKind) -> None:
    spec = LANE_KINDS[kind]
    assert spec.name and spec.card_kind in CARD_KINDS
    assert lane_glyph_id(kind) in GLYPH_IDS
    assert lane_accent(kind) == CARD_KINDS[spec.card_kind].accent


def test_every_connector_kind_has_a_name_and_a_colour() -> None:
    assert list(CONNECTOR_KINDS) == [kind.value for kind in ConnectorKind]
    assert all(spec.name and COLOR.match(spec.color) for spec in CONNECTOR_KINDS.values())


def test_only_emotion_cards_use_a_score_among_the_known_kinds() -> None:
    assert [kind for kind in CardKind if kind_uses_emotion(kind)] == [CardKind.EMOTION]


def test_an_unknown_kind_is_neutral_and_named_by_its_id() -> None:
    card = card_kind_spec("quote")
    assert (card.known, card.name, card.fill, card.glyph) == (False, "quote", UNKNOWN_FILL,
                                                              UNKNOWN_GLYPH)  # fmt: skip
    assert kind_uses_emotion("quote")  # its rules are unknown: nothing it carries is refused
    assert lane_kind_spec("quotes").name == "quotes"
    assert default_card_kind("quotes") == CardKind.NOTE
    assert connector_kind_spec("echo").color == CONNECTOR_KINDS["flow"].color


def test_the_emotion_face_has_one_glyph_per_score() -> None:
    faces = {card_glyph_id(CardKind.EMOTION, score) for score in range(-3, 4)}
    assert len(faces) == 7 and faces <= set(GLYPH_IDS)
    assert card_glyph_id(CardKind.EMOTION, None) == CARD_KINDS[CardKind.EMOTION].glyph


def test_a_score_on_a_known_kind_without_one_is_a_problem_but_not_on_an_unknown_kind() -> None:
    journey = JourneyMap(
        id="m",
        stages=[Stage(id="s")],
        lanes=[Lane(id="l")],
        cards=[
            Card(id="c1", stage="s", lane="l", kind=CardKind.NOTE, emotion=1),
            Card(id="c2", stage="s", lane="l", kind="quote", emotion=1, order=1),
        ],
    )
    assert [p.path for p in find_problems(journey)] == ["cards[0].emotion"]
    unknown = [p.path for p in find_problems(journey, allow_unknown_kinds=False)]
    assert unknown == ["cards[1].kind", "cards[0].emotion"]
