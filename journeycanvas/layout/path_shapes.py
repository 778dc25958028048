"""Turning a connector's plan and tracks into points, and measuring paths.

A port is where a path meets its card: the connectors leaving one side of a card share
one port (their trunk), each connector arriving there gets its own, spread evenly down
the card's edge in the order of where they come from, so arrow heads never sit on one
another.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Sequence

from journeycanvas.layout.geometry import Point, Rect, on_grid
from journeycanvas.layout.label_places import path_walk, remember_walk
from journeycanvas.layout.routing import Plan, simplified_xy
from journeycanvas.layout.tracks import Channel, Net, in_order

ARROW_MM = 2.6
"""The length of an arrow head, kept clear of labels."""
MARK_MM = 2.8
"""Half the side of the square a break mark needs, kept clear of labels."""


def out_net(source: str, plan: Plan) -> Net:
    """The net of the trunk leaving one side of a card."""
    return ("out", source, plan.s_side)


def in_net(connector_id: str) -> Net:
    """The net of one connector's run to its target."""
    return ("in", connector_id)


def _order_of(item: tuple[Hashable, float]) -> float:
    return item[1]


class Ports:
    """The ports of every card side, handed out in order of where the other end lies."""

    def __init__(self) -> None:
        self._sides: dict[tuple[str, int], dict[Hashable, float]] = {}
        self._ys: dict[tuple[str, int, Hashable], float] = {}

    def want(self, card: str, side: int, entry: Hashable, order: float) -> None:
        """Ask for a port on `side` of `card` for `entry`, ordered by `order` (a y)."""
        entries = self._sides.setdefault((card, side), {})
        if entry not in entries:
            entries[entry] = order

    def settle(self, rects: dict[str, Rect]) -> None:
        """Spread the ports of each card side evenly down its edge."""
        for (card, side), entries in self._sides.items():
            rect = rects[card]
            ordered = in_order(entries.items(), _order_of)
            step = rect.h / (len(ordered) + 1)
            for index, (entry, _) in enumerate(ordered):
                # On the grid, so that the port moves exactly with its card.
                self._ys[(card, side, entry)] = rect.y + on_grid(step * (index + 1))

    def y(self, card: str, side: int, entry: Hashable) -> float:
        """The y of a settled port."""
        return self._ys[(card, side, entry)]


def plan_points(
    plan: Plan,
    s_rect: Rect,
    t_rect: Rect,
    s_y: float,
    t_y: float,
    tracks: dict[Channel, dict[Net, float]],
    out: Net,
    into: Net,
) -> tuple[Point, ...]:
    """The path of a planned connector, from its source port to its target port."""
    if plan.fixed is not None:
        return plan.fixed
    s_x = s_rect.right if plan.s_side > 0 else s_rect.x
    t_x = t_rect.right if plan.t_side > 0 else t_rect.x
    x_first = tracks[("v", plan.first)][out]
    if plan.across < 0:
        return simplified_xy([(s_x, s_y), (x_first, s_y), (x_first, t_y), (t_x, t_y)])
    y_across = tracks[("h", plan.across)][out]
    x_last = tracks[("v", plan.last)][into]
    return simplified_xy(
        [
            (s_x, s_y),
            (x_first, s_y),
            (x_first, y_across),
            (x_last, y_across),
            (x_last, t_y),
            (t_x, t_y),
        ]
    )


def _length(a: Point, b: Point) -> float:
    return abs(b.x - a.x) + abs(b.y - a.y)


def shared_length(a: Sequence[Point], b: Sequence[Point]) -> float:
    """How far two paths from one port run on top of each other."""
    total = 0.0
    for i in range(min(len(a), len(b)) - 1):
        a0, a1, b0, b1 = a[i], a[i + 1], b[i], b[i + 1]
        if a0 != b0:
            break
        same_line = (a0.x == a1.x == b1.x) or (a0.y == a1.y == b1.y)
        same_way = (a1.x - a0.x) * (b1.x - b0.x) + (a1.y - a0.y) * (b1.y - b0.y) > 0
        if not (same_line and same_way):
            break
        if a1 == b1:
            total += _length(a0, a1)
            continue
        total += min(_length(a0, a1), _length(b0, b1))
        break
    return total


# The middle of a path's own part: the point, a unit vector along the path there, the
# segment's index and the distance from the path's start.
Middle = tuple[Point, Point, int, float]


def own_middle(points: Sequence[Point], trunk: float) -> Middle:
    """The middle of the longest straight run of the path's own part (after `trunk`,
    before the arrow head): the point, a unit vector along the run, the segment's index
    and the distance from the path's start."""
    return middle_and_extent(points, trunk)[0]


def middle_and_extent(points: Sequence[Point], trunk: float) -> tuple[Middle, float, float]:
    """`own_middle`, and the least and the greatest y of the path's points (one walk
    along it for both: a connector needs both)."""
    # The longest own run so far: its length; its index, own part's start and end, and
    # its start. Every segment's own part starts where it starts or the trunk ends,
    # whichever is later, and ends where it ends (the last one: the arrow head starts).
    best_length = 0.0
    best: tuple[int, float, float, float] | None = None
    start = 0.0
    a = points[0]
    ax, ay = a.x, a.y
    least = most = ay
    # Each segment's index and end, but the last's.
    segments = enumerate(points[1:-1])
    if not trunk < 0.0:
        # The segments starting within the trunk.
        for index, b in segments:
            bx, by = b.x, b.y
            if by < least:
                least = by
            elif by > most:
                most = by
            end = start + (abs(bx - ax) + abs(by - ay))
            if end - trunk > best_length:
                best_length = end - trunk
                best = (index, trunk, end, start)
            start = end
            ax, ay = bx, by
            if start > trunk:
                break
    for index, b in segments:
        bx, by = b.x, b.y
        if by < least:
            least = by
        elif by > most:
            most = by
        end = start + (abs(bx - ax) + abs(by - ay))
        if end - start > best_length:
            best_length = end - start
            best = (index, start, end, start)
        start = end
        ax, ay = bx, by
    last = len(points) - 2
    if last >= 0:
        b = points[-1]
        if b.y < least:
            least = b.y
        elif b.y > most:
            most = b.y
        end = start + (abs(b.x - ax) + abs(b.y - ay))
        low = start if start > trunk else trunk
        if (end - ARROW_MM) - low > best_length:
            best = (last, low, end - ARROW_MM, start)
    if best is None:
        # No own part: the longest run of all (the first of them).
        lengths, starts = path_walk(points)
        if not lengths:
            return (points[0], Point(1.0, 0.0), 0, 0.0), least, most
        index = lengths.index(max(lengths))
        best = (index, starts[index], starts[index + 1], starts[index])
    index, low, high, run_start = best
    # On the grid, so that the middle moves exactly with its path.
    distance = on_grid((low + high) / 2)
    a, b = points[index], points[index + 1]
    length = math.hypot(b.x - a.x, b.y - a.y)
    if length == 0:
        return (a, Point(1.0, 0.0), index, distance), least, most
    ux, uy = (b.x - a.x) / length, (b.y - a.y) / length
    along = distance - run_start
    # The point's height on the grid too (a run's start is a sum of lengths across, which
    # are not): a path moved down with its lanes then has its middle moved, to the bit.
    point = Point(a.x + ux * along, on_grid(a.y + uy * along))
    return (point, Point(ux, uy), index, distance), least, most


def arrow_box(points: Sequence[Point]) -> Rect:
    """The square around the arrow head at the path's end."""
    tip = points[-1]
    base = points[-2] if len(points) > 1 else tip
    length = math.hypot(tip.x - base.x, tip.y - base.y) or 1.0
    ux, uy = (tip.x - base.x) / length, (tip.y - base.y) / length
    cx, cy = tip.x - ux * ARROW_MM / 2, tip.y - uy * ARROW_MM / 2
    half = ARROW_MM / 2
    return Rect(cx - half, cy - half, ARROW_MM, ARROW_MM)


def mark_box(mark: Point) -> Rect:
    """The square a break mark at `mark` takes."""
    return Rect(mark.x - MARK_MM, mark.y - MARK_MM, 2 * MARK_MM, 2 * MARK_MM)


def band_crossing(
    points: Sequence[Point], low: float, high: float, middles: Sequence[float]
) -> float | None:
    """The distance along the path, between `low` and `high`, where a vertical run
    crosses one of the `middles` (of the free gutters between lanes, where a label reads
    best; ascending), nearest to the middle of `low` and `high`; None if none."""
    target = (low + high) / 2
    best: float | None = None
    count = len(middles)
    # The walk's lengths and starts too, for the questions about the path that follow.
    lengths: list[float] = []
    starts = [0.0]
    start = 0.0
    for a, b in itertools.pairwise(points):
        ay, by = a.y, b.y
        if a.x != b.x or ay == by:
            length = abs(b.x - a.x) + abs(by - ay)
        else:
            top, bottom = (ay, by) if ay < by else (by, ay)
            # Any middle crossed (rarely one) first, found by one bisection.
            above_top = bisect_right(middles, top)
            if above_top < count and middles[above_top] < bottom:
                for k in range(above_top, bisect_left(middles, bottom)):
                    distance = start + abs(middles[k] - ay)
                    if low <= distance <= high and (
                        best is None or abs(distance - target) < abs(best - target)
                    ):
                        best = distance
            # As `abs(b.x - a.x) + abs(by - ay)`, to the bit.
            length = bottom - top
        start += length
        lengths.append(length)
        starts.append(start)
    remember_walk(points, (lengths, starts))
    return best
