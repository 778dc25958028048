"""Escape paths are joined from kept ways without simplifying them again: the same points
as simplifying the whole path point by point."""

from __future__ import annotations

import random

from journeycanvas.layout.geometry import Point
from journeycanvas.layout.routing import _clean, _joined, simplified_xy


def _plain_simplified(points: list[tuple[float, float]]) -> tuple[Point, ...]:
    """Drop each point equal to the last one kept, and replace the last one kept by a
    point going on straight the same way from the one kept before it."""
    kept: list[tuple[float, float]] = []
    for x, y in points:
        if kept and kept[-1] == (x, y):
            continue
        if len(kept) >= 2:
            (ax, ay), (bx, by) = kept[-2], kept[-1]
            if (ax == bx == x and (by - ay) * (y - by) > 0) or (
                ay == by == y and (bx - ax) * (x - bx) > 0
            ):
                kept[-1] = (x, y)
                continue
        kept.append((x, y))
    return tuple(Point(x, y) for x, y in kept)


def _staircase(rng: random.Random, count: int) -> list[Point]:
    """Points on a coarse grid, mostly turning at each point (as ways out do), sometimes
    repeating one or going on straight (as at the joins)."""
    x, y = float(rng.randrange(5)), float(rng.randrange(5))
    points = [Point(x, y)]
    for k in range(count - 1):
        move = rng.random()
        if move < 0.1:
            pass  # the same point again
        elif (k % 2 == 0) != (move < 0.2):
            y = float(rng.randrange(5))
        else:
            x = float(rng.randrange(5))
        points.append(Point(x, y))
    return points


def test_joined_parts_simplify_like_the_whole_path() -> None:
    rng = random.Random(12)
    clean_parts = 0
    for _ in range(20000):
        parts: list[tuple[tuple[Point, ...], bool]] = []
        for _ in range(rng.randrange(1, 6)):
            points = tuple(_staircase(rng, rng.randrange(0, 9)))
            if rng.random() < 0.5:
                points = points[::-1]
            clean = _clean(points)
            clean_parts += clean and len(points) > 2
            parts.append((points, clean))
        whole = [(p.x, p.y) for points, _ in parts for p in points]
        assert _joined(parts) == simplified_xy(whole) == _plain_simplified(whole)
    assert clean_parts > 5000  # the shortcut was taken


def test_clean_means_simplified_keeps_every_point() -> None:
    rng = random.Random(3)
    for _ in range(5000):
        points = tuple(_staircase(rng, rng.randrange(0, 9)))
        if _clean(points):
            assert simplified_xy([(p.x, p.y) for p in points]) == points
            assert _plain_simplified([(p.x, p.y) for p in points]) == points
