"""`CardObstacles.slots_near` against a plain scan of every card of the lanes and
columns an area overlaps: the bisecting and the early stop must find the same cards, in
the same order, with ties at card edges decided alike."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from journeycanvas.layout import LayoutEngine, Rect
from journeycanvas.layout.label_places import CardObstacles
from journeycanvas.text import FontSet

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate_map


@functools.cache
def _obstacles() -> CardObstacles:
    engine = LayoutEngine(fonts=FontSet())
    engine.update(generate_map(600, seed=11))
    return engine._obstacles(engine._lane_rects())


def _plain(obstacles: CardObstacles, area: Rect) -> list[tuple[float, Any]]:
    """Every card covering each overlapped cell, in turn, each spanning card once."""
    left, top, right, bottom = area.x, area.y, area.x + area.w, area.y + area.h
    result = []
    for row in obstacles.rows(top, bottom):
        lane_top = obstacles.lane_tops[row]
        seen = set()
        for column in obstacles.columns(left, right):
            for slot in obstacles.stacks[row].covering(column):
                if id(slot) in seen:
                    continue
                seen.add(id(slot))
                if slot.bottom <= top - lane_top or lane_top + slot.y >= bottom:
                    continue
                if slot.x >= right or slot.x + slot.face.width <= left:
                    continue
                result.append((lane_top, slot))
    return result


def _edges(obstacles: CardObstacles) -> tuple[list[float], list[float]]:
    """The cards' and cells' edges: areas ending on them test the ties."""
    xs = [*obstacles.column_lefts, *obstacles.column_rights]
    ys = [*obstacles.lane_tops, *obstacles.lane_bottoms]
    for lane_top, stack in zip(obstacles.lane_tops, obstacles.stacks, strict=True):
        for slot in stack.slots.values():
            xs += [slot.x, slot.x + slot.face.width]
            ys += [lane_top + slot.y, lane_top + slot.bottom]
    return sorted(set(xs)), sorted(set(ys))


@st.composite
def _areas(draw: st.DrawFn) -> Rect:
    obstacles = _obstacles()
    xs, ys = _edges(obstacles)
    bounds = obstacles.bounds

    def coordinate(edges: list[float], low: float, high: float) -> float:
        return draw(st.sampled_from(edges) | st.floats(low - 20, high + 20))

    x1 = coordinate(xs, bounds.x, bounds.right)
    x2 = coordinate(xs, bounds.x, bounds.right)
    y1 = coordinate(ys, bounds.y, bounds.bottom)
    y2 = coordinate(ys, bounds.y, bounds.bottom)
    x1, x2 = min(x1, x2), max(x1, x2)
    y1, y2 = min(y1, y2), max(y1, y2)
    return Rect(x1, y1, x2 - x1, y2 - y1)


@settings(max_examples=400, deadline=None)
@given(_areas())
def test_slots_near_finds_the_cards_a_plain_scan_finds(area: Rect) -> None:
    obstacles = _obstacles()
    assert obstacles.slots_near(area) == _plain(obstacles, area)
