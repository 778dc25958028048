"""Which cards and connectors of a layout lie in a rectangle, without looking at all of them.

Cards sit in cells: the rectangle's lanes are found by bisection, and within a cell
(whose cards are stacked top to bottom in slot order) the cards it meets are found by
bisection on y. A card spanning several columns is listed in its first cell only, so the
columns to the left of the rectangle are looked at too (a bisection each: a map has tens
of columns, and each cell's slice is then checked on x).
Connectors run anywhere (a long one crosses the whole map): their rectangles are checked
one by one, remembered as long as the connector's layout object stays the same.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping

from journeycanvas.layout import ConnectorLayout, JourneyLayout

Box = tuple[float, float, float, float]
"""A rectangle as (left, top, right, bottom), in millimetres."""


def _columns(layout: JourneyLayout, left: float, right: float) -> range:
    """The indexes of the stage columns meeting [left, right]."""
    return _meeting([stage.rect.x for stage in layout.stages], left, right)


def _lanes(layout: JourneyLayout, top: float, bottom: float) -> range:
    """The indexes of the lanes meeting [top, bottom]."""
    return _meeting([lane.rect.y for lane in layout.lanes], top, bottom)


def _meeting(starts: list[float], low: float, high: float) -> range:
    """The indexes of the bands starting at `starts` (in order, each up to the next) that
    meet [low, high]."""
    if not starts:
        return range(0)
    return range(max(0, bisect_right(starts, low) - 1), bisect_right(starts, high))


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


def cells_in(layout: JourneyLayout, box: Box) -> Iterator[tuple[tuple[str, str], tuple[str, ...]]]:
    """The cells (with their card ids) whose cards may meet `box`: those of the lanes
    meeting it, in its columns and the columns to their left (spanning cards)."""
    cards = layout.cell_cards
    stages = layout.stages
    columns = range(_columns(layout, box[0], box[2]).stop)
    for lane_index in _lanes(layout, box[1], box[3]):
        lane_id = layout.lanes[lane_index].id
        for column in columns:
            key = (stages[column].id, lane_id)
            ids = cards.get(key)
            if ids:
                yield key, ids


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


class ConnectorBoxes:
    """The rectangles around connectors, remembered per layout object: a query looks at
    every connector's rectangle (a map has a tenth as many connectors as cards), and
    works one out again only for a connector whose layout changed since the last query."""

    def __init__(self) -> None:
        self._boxes: dict[str, tuple[ConnectorLayout, Box]] = {}

    def clear(self) -> None:
        """Forget every connector."""
        self._boxes.clear()

    def box_of(self, connector: ConnectorLayout) -> Box:
        """The rectangle around the connector (worked out once per layout object)."""
        known = self._boxes.get(connector.id)
        if known is None or known[0] is not connector:
            known = self._boxes[connector.id] = (connector, connector_box(connector))
        return known[1]

    def query(self, connectors: Mapping[str, ConnectorLayout], box: Box) -> list[str]:
        """The ids of the connectors of `connectors` whose rectangles meet `box`."""
        boxes = self._boxes
        left, top, right, bottom = box
        found = []
        for connector_id, connector in connectors.items():
            known = boxes.get(connector_id)
            if known is None or known[0] is not connector:
                known = boxes[connector_id] = (connector, connector_box(connector))
            around = known[1]
            if (
                around[0] <= right
                and around[2] >= left
                and around[1] <= bottom
                and around[3] >= top
            ):
                found.append(connector_id)
        if len(boxes) > 2 * len(connectors) + 64:  # forget removed connectors now and then
            self._boxes = {i: b for i, b in boxes.items() if i in connectors}
        return found
