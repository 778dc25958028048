"""Connectors that run on top of each other where their labels go, and say the same,
show that label once (as a fork's connectors do), not a numbered marker repeating it."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from journeycanvas.layout import JourneyLayout, LayoutEngine, Point, Rect, layout_journey
from journeycanvas.model import JourneyMap
from journeycanvas.model.edits import card_by_id, move_cards

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate_map


def _shown_along(journey: JourneyMap, layout: JourneyLayout) -> list[list[str]]:
    """The connectors (by id) showing one label, from different cards (not a fork)."""
    sources = {c.id: c.source for c in journey.connectors}
    by_rect: dict[Rect, list[str]] = {}
    for connector in layout.connectors.values():
        if connector.label_rect is not None and connector.marker is None:
            by_rect.setdefault(connector.label_rect, []).append(connector.id)
    return [ids for ids in by_rect.values() if len({sources[i] for i in ids}) > 1]


def _near(points: tuple[Point, ...], rect: Rect) -> set[tuple[float, ...]]:
    """The pieces of a path (horizontal or vertical) within 1 mm of `rect`."""
    x1, y1, x2, y2 = rect.x - 1.0, rect.y - 1.0, rect.right + 1.0, rect.bottom + 1.0
    pieces = set()
    for a, b in itertools.pairwise(points):
        left, right = max(min(a.x, b.x), x1), min(max(a.x, b.x), x2)
        top, bottom = max(min(a.y, b.y), y1), min(max(a.y, b.y), y2)
        if left <= right and top <= bottom:
            pieces.add((left, top, right, bottom))
    return pieces


def test_connectors_running_together_show_their_label_once() -> None:
    journey = generate_map(1000, seed=1)
    layout = layout_journey(journey)
    groups = _shown_along(journey, layout)
    assert len(groups) >= 3
    labels = {c.id: c.label for c in journey.connectors}
    for ids in groups:
        assert len({labels[i] for i in ids}) == 1
        rect = layout.connectors[ids[0]].label_rect
        assert rect is not None
        # The label lies on (or just beside) a run that every one of them takes.
        assert set.intersection(*(_near(layout.connectors[i].points, rect) for i in ids)), ids


def test_moving_the_first_away_and_back_lays_out_as_anew() -> None:
    # The later connector places a label of its own once the first leaves, and shows
    # the first one's again once it is back: each time as a full layout gives.
    journey = generate_map(1000, seed=1)
    engine = LayoutEngine()
    engine.update(journey)
    first, later = _shown_along(journey, engine.layout)[0][:2]
    source = card_by_id(journey, next(c.source for c in journey.connectors if c.id == first))
    home = (source.stage, source.lane, source.order)
    away = next(s.id for s in journey.stages if s.id != source.stage)
    for stage, lane, order in ((away, source.lane, 0), home):
        move_cards(journey, [source.id], stage, lane, order)
        engine.update(journey, changed_cards=[source.id])
        assert engine.layout.connectors == layout_journey(journey).connectors
    shown = engine.layout.connectors
    assert shown[first].label_rect == shown[later].label_rect is not None
