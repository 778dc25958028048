"""Connector routes read like a designer drew them: through the gutters, never across a
card that is not an end, parallel runs on their own tracks, forks as one trunk, labels
along their path and never on card text, a break mark, an arrow head or another label."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import journey_maps

from journeycanvas.io.templates import load_template, template_names
from journeycanvas.layout import (
    ConnectorLayout,
    JourneyLayout,
    LayoutEngine,
    Point,
    Rect,
    layout_journey,
)
from journeycanvas.model import Card, Connector, ConnectorKind, JourneyMap
from journeycanvas.model.edits import card_by_id, move_cards

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate_map

_EPS = 1e-6


def _overlaps(a: Rect, b: Rect) -> bool:
    return (
        a.x < b.right - _EPS
        and b.x < a.right - _EPS
        and a.y < b.bottom - _EPS
        and b.y < a.bottom - _EPS
    )


def _inside_open(a: Point, b: Point, box: Rect) -> bool:
    if a.x == b.x:
        low, high = min(a.y, b.y), max(a.y, b.y)
        return (
            box.x + _EPS < a.x < box.right - _EPS
            and low < box.bottom - _EPS
            and box.y + _EPS < high
        )
    low, high = min(a.x, b.x), max(a.x, b.x)
    return box.y + _EPS < a.y < box.bottom - _EPS and low < box.right - _EPS and box.x + _EPS < high


def _crossed_cards(layout: JourneyLayout, connector: ConnectorLayout) -> list[str]:
    ends = {connector.source, connector.target}
    crossed = []
    for a, b in zip(connector.points, connector.points[1:], strict=False):
        for card in layout.cards.values():
            if card.id not in ends and _inside_open(a, b, card.rect):
                crossed.append(card.id)
    return crossed


def _text_box(layout: JourneyLayout, card_id: str) -> Rect:
    card = layout.cards[card_id]
    return card.face.text.box.translated(card.rect.x, card.rect.y)


def assert_readable(layout: JourneyLayout) -> None:
    """Every rule of a readable wall map about connectors."""
    labels: dict[Rect, str] = {}
    for connector in layout.connectors.values():
        assert _crossed_cards(layout, connector) == [], connector.id
        rect = connector.label_rect
        if rect is None:
            continue
        for card_id in layout.cards:
            assert not _overlaps(rect, _text_box(layout, card_id)), (connector.id, card_id)
        for other in layout.connectors.values():
            if other.break_mark is not None:
                assert not rect.contains(other.break_mark.x, other.break_mark.y), connector.id
        labels.setdefault(rect, connector.id)
    placed = list(labels.items())
    for i, (rect, owner) in enumerate(placed):
        for other_rect, other in placed[i + 1 :]:
            assert not _overlaps(rect, other_rect), (owner, other)


@pytest.mark.parametrize("name", template_names())
def test_every_template_routes_readably(name: str) -> None:
    assert_readable(layout_journey(load_template(name)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journey_maps(max_cards=24, max_connectors=10))
def test_random_maps_route_readably(journey: JourneyMap) -> None:
    assert_readable(layout_journey(journey))


def crowded_map(connectors: int = 80, seed: int = 3) -> JourneyMap:
    """The content-ideation template with many labelled connectors between random cards."""
    journey = load_template("content-ideation")
    rnd = random.Random(seed)
    ids = [card.id for card in journey.cards]
    journey.connectors = [
        Connector(
            id=f"x{i}",
            source=rnd.choice(ids),
            target=rnd.choice(ids),
            kind=rnd.choice(list(ConnectorKind)),
            label=rnd.choice(["answered by", "if price too high", "jeśli za drogo", ""]),
        )
        for i in range(connectors)
    ]
    return journey


def test_a_crowded_map_routes_readably_and_numbers_the_labels_with_no_room() -> None:
    layout = layout_journey(crowded_map())
    assert_readable(layout)
    # The connectors of a fork with one label share its marker.
    markers = sorted({c.marker for c in layout.connectors.values() if c.marker is not None})
    assert markers
    assert markers == list(range(1, len(markers) + 1))


def test_parallel_connectors_in_one_gutter_run_on_separate_tracks() -> None:
    layout = layout_journey(load_template("content-ideation"))
    journey = load_template("content-ideation")
    first_stage = journey.stages[0].id
    in_first = [
        c for c in layout.connectors.values() if card_by_id(journey, c.source).stage == first_stage
    ]
    sources = {c.source for c in in_first}
    assert len(sources) == 2
    xs = {c.source: c.points[1].x for c in in_first}
    assert len(set(xs.values())) == 2


def test_a_fork_leaves_its_card_as_one_trunk() -> None:
    layout = layout_journey(load_template("channel-breakpoints"))
    by_source: dict[str, list[ConnectorLayout]] = {}
    for connector in layout.connectors.values():
        by_source.setdefault(connector.source, []).append(connector)
    fork = max(by_source.values(), key=len)
    assert len(fork) == 3
    starts = {c.points[:2] for c in fork}
    assert len(starts) == 1
    # The trunk runs on in one line before the branches split.
    assert len({c.points[2].x for c in fork}) == 1


def test_a_breakpoint_mark_sits_on_its_own_path_and_arrow_heads_are_never_covered() -> None:
    layout = layout_journey(crowded_map(40, seed=5))
    for connector in layout.connectors.values():
        a = connector.points[connector.mid_segment]
        b = connector.points[connector.mid_segment + 1]
        mid = connector.mid
        assert min(a.x, b.x) - _EPS <= mid.x <= max(a.x, b.x) + _EPS
        assert min(a.y, b.y) - _EPS <= mid.y <= max(a.y, b.y) + _EPS
        tip = connector.points[-1]
        for other in layout.connectors.values():
            if other.label_rect is not None:
                inner = Rect(
                    other.label_rect.x + 0.01,
                    other.label_rect.y + 0.01,
                    other.label_rect.w - 0.02,
                    other.label_rect.h - 0.02,
                )
                assert not inner.contains(tip.x, tip.y), (connector.id, other.id)


def test_a_card_added_between_the_ends_is_routed_around() -> None:
    journey = load_template("hourglass")
    stages, lanes = journey.stages, journey.lanes
    journey.cards.append(Card(id="zz", stage=stages[1].id, lane=lanes[0].id, order=0, span=3))
    source = next(c for c in journey.cards if c.stage == stages[0].id and c.lane == lanes[0].id)
    target = next(c for c in journey.cards if c.stage == stages[4].id and c.lane == lanes[0].id)
    journey.connectors.append(Connector(id="across", source=source.id, target=target.id))
    assert_readable(layout_journey(journey))


@pytest.mark.parametrize("seed", [1, 2])
def test_moving_cards_in_a_crowded_map_routes_as_a_full_layout_does(seed: int) -> None:
    # Paths that change while their labels' surroundings only move down, labels whose
    # every spot along their stretch stays taken, markers renumbered: all as laid anew.
    journey = crowded_map(seed=seed)
    engine = LayoutEngine()
    engine.update(journey)
    rnd = random.Random(seed)
    stages, lanes = [s.id for s in journey.stages], [lane.id for lane in journey.lanes]
    for _ in range(12):
        card = rnd.choice(journey.cards)
        move_cards(journey, [card.id], rnd.choice(stages), rnd.choice(lanes), rnd.randint(0, 3))
        engine.update(journey, changed_cards=[card.id])
        assert engine.layout.connectors == layout_journey(journey).connectors


def test_moving_cards_in_a_map_of_tall_cells_routes_as_a_full_layout_does() -> None:
    # Tall cells wall cards in with spanning ones (paths go round them), most labels end
    # as markers near their whole path, and moves make lanes taller or shorter: paths
    # through such a lane change while what their labels looked at only moves down.
    journey = generate_map(1000, seed=3)
    engine = LayoutEngine()
    engine.update(journey)
    rnd = random.Random(3)
    for _ in range(10):
        card = rnd.choice(journey.cards)
        stage, lane = rnd.choice(journey.stages).id, rnd.choice(journey.lanes).id
        move_cards(journey, [card.id], stage, lane, rnd.randint(0, 5))
        engine.update(journey, changed_cards=[card.id])
        assert engine.layout.connectors == layout_journey(journey).connectors
