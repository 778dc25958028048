"""Which cards and connectors of a layout lie in a rectangle, without looking at all of them.

Cards sit in cells: the rectangle's lanes are found by bisection, and within a cell
(whose cards are stacked top to bottom in slot order) the cards it meets are found by
bisection on y. A card spanning several columns is listed in its first cell only, so the
columns to the left of the rectangle are looked at too (a bisection each: a map has tens
of columns, and each cell's slice is then checked on x).
Connectors run anywhere: they are kept in square tiles, updated from each layout diff.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator

from journeycanvas.layout import ConnectorLayout, JourneyLayout

Box = tuple[float, float, float, float]
"""A rectangle as (left, top, right, bottom), in millimetres."""

TILE_MM = 120.0
"""The side of a connector tile: a few cards wide."""


def _columns(layout: JourneyLayout, left: float, right: float) -> range:
    """The indexes of the stage columns meeting [left, right]."""
    stages = layout.stages
    if not stages:
        return range(0)
    xs = [stage.rect.x for stage in stages]
    return range(max(0, bisect_right(xs, left) - 1), bisect_right(xs, right))


def _lanes(layout: JourneyLayout, top: float, bottom: float) -> range:
    """The indexes of the lanes meeting [top, bottom]."""
    lanes = layout.lanes
    if not lanes:
        return range(0)
    ys = [lane.rect.y for lane in lanes]
    return range(max(0, bisect_right(ys, top) - 1), bisect_right(ys, bottom))


def cards_in(layout: JourneyLayout, box: Box) -> Iterator[str]:
    """The ids of the cards whose rectangles meet `box`."""
    left, top, right, bottom = box
    cards = layout.cell_cards
    rects = layout.cards
    stages = layout.stages
    lanes = layout.lanes
    columns = range(_columns(layout, left, right).stop)  # spans reach in from the left
    for lane_index in _lanes(layout, top, bottom):
        lane_id = lanes[lane_index].id
        for column in columns:
            ids = cards.get((stages[column].id, lane_id))
            if not ids:
                continue
            start = bisect_left(ids, top, key=lambda i: rects[i].rect.y + rects[i].rect.h)
            end = bisect_right(ids, bottom, key=lambda i: rects[i].rect.y)
            for card_id in ids[start:end]:
                rect = rects[card_id].rect
                if rect.x <= right and rect.x + rect.w >= left:
                    yield card_id


def count_estimate(layout: JourneyLayout, box: Box) -> float:
    """About how many cards meet `box`: each cell's count times the share of its lane's
    height inside the box (cheap: one look per cell, none per card)."""
    left, top, right, bottom = box
    cards = layout.cell_cards
    stages = layout.stages
    total = 0.0
    columns = _columns(layout, left, right)
    for lane_index in _lanes(layout, top, bottom):
        lane = layout.lanes[lane_index]
        rect = lane.rect
        inside = min(bottom, rect.y + rect.h) - max(top, rect.y)
        share = inside / rect.h if rect.h > 0 else 1.0
        for column in columns:
            total += len(cards.get((stages[column].id, lane.id), ())) * max(0.0, share)
    return total


def card_at(layout: JourneyLayout, x: float, y: float) -> str | None:
    """The card under a point, if any."""
    for card_id in cards_in(layout, (x, y, x, y)):
        return card_id
    return None


def meets(a: Box, b: Box) -> bool:
    """Whether two rectangles meet (touching counts)."""
    return a[0] <= b[2] and a[2] >= b[0] and a[1] <= b[3] and a[3] >= b[1]


def connector_box(connector: ConnectorLayout) -> Box:
    """The rectangle around a connector's path and label."""
    xs = [p.x for p in connector.points]
    ys = [p.y for p in connector.points]
    left, top, right, bottom = min(xs), min(ys), max(xs), max(ys)
    label = connector.label_rect
    if label is not None:
        left, top = min(left, label.x), min(top, label.y)
        right, bottom = max(right, label.x + label.w), max(bottom, label.y + label.h)
    return left, top, right, bottom


class ConnectorTiles:
    """Connectors by the square tiles their segments and labels cross."""

    def __init__(self, tile_mm: float = TILE_MM) -> None:
        self._size = tile_mm
        self._tiles: dict[tuple[int, int], set[str]] = {}
        self._of: dict[str, list[tuple[int, int]]] = {}

    def __len__(self) -> int:
        return len(self._of)

    def put(self, connector: ConnectorLayout) -> None:
        """Index a connector (again, after it changed)."""
        self.discard(connector.id)
        keys = self._keys(connector)
        self._of[connector.id] = keys
        tiles = self._tiles
        for key in keys:
            bucket = tiles.get(key)
            if bucket is None:
                bucket = tiles[key] = set()
            bucket.add(connector.id)

    def put_all(self, connectors: Iterable[ConnectorLayout]) -> None:
        """Index many connectors."""
        for connector in connectors:
            self.put(connector)

    def discard(self, connector_id: str) -> None:
        """Forget a connector."""
        for key in self._of.pop(connector_id, ()):
            bucket = self._tiles[key]
            bucket.discard(connector_id)
            if not bucket:
                del self._tiles[key]

    def clear(self) -> None:
        """Forget every connector."""
        self._tiles.clear()
        self._of.clear()

    def query(self, box: Box) -> set[str]:
        """The connectors crossing a tile that meets `box` (a few more than meet it)."""
        size = self._size
        tiles = self._tiles
        found: set[str] = set()
        for tx in range(math.floor(box[0] / size), math.floor(box[2] / size) + 1):
            for ty in range(math.floor(box[1] / size), math.floor(box[3] / size) + 1):
                bucket = tiles.get((tx, ty))
                if bucket:
                    found |= bucket
        return found

    def _keys(self, connector: ConnectorLayout) -> list[tuple[int, int]]:
        size = self._size
        keys: set[tuple[int, int]] = set()
        points = connector.points
        boxes = [
            (min(a.x, b.x), min(a.y, b.y), max(a.x, b.x), max(a.y, b.y))
            for a, b in itertools.pairwise(points)
        ] or [connector_box(connector)]
        label = connector.label_rect
        if label is not None:
            boxes.append((label.x, label.y, label.x + label.w, label.y + label.h))
        for left, top, right, bottom in boxes:
            for tx in range(math.floor(left / size), math.floor(right / size) + 1):
                for ty in range(math.floor(top / size), math.floor(bottom / size) + 1):
                    keys.add((tx, ty))
        return list(keys)
