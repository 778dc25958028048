"""The boxes labels keep off, held relative to the lanes they lie in.

A label takes the first of its spots that touches no break mark, no arrow head and no
label of a connector before it (in the map's order of connectors). `LaneBoard` holds
those boxes relative to the top of each lane they reach into, so that lanes moving down
leave it as it is: only the boxes of connectors laid out anew are taken out and put in.
Above the first lane and below the last count as lanes of their own (the one above
never moves; the one below hangs from the grid's bottom).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from journeycanvas.layout.geometry import Point, Rect

_CELL_MM = 16.0
_CHANGES_CELL_MM = 64.0
"""The cells of `Changes`: a probe spans many spots, and few boxes change."""
_TOUCH_MM = 1e-6
"""How far a spot may reach into a box and still count as clear of it: ties stay ties."""

# Left, top, right, bottom (relative to a lane's top), and the id of the connector
# whose label it is (None for a break mark or an arrow head, kept off by every label).
_Entry = tuple[float, float, float, float, str | None]
# Where an entry was put: each lane it reaches into, the cells it went to, and itself.
Handle = list[tuple[int, list[tuple[int, int]], _Entry]]


@dataclass(slots=True)
class Probe:
    """Every spot a label tried (left, top, right, bottom), and the box round them."""

    spots: list[tuple[float, float, float, float]]
    left: float = math.inf
    top: float = math.inf
    right: float = -math.inf
    bottom: float = -math.inf

    def rect(self) -> Rect | None:
        """The box round the spots, None when none was tried."""
        if self.left > self.right:
            return None
        return Rect(self.left, self.top, self.right - self.left, self.bottom - self.top)

    def add(self, left: float, top: float, right: float, bottom: float) -> None:
        """Note a spot tried."""
        self.spots.append((left, top, right, bottom))
        # As `LaneBoard.first_free` widens the box.
        if left < self.left:
            self.left = left
        if top < self.top:
            self.top = top
        if right > self.right:
            self.right = right
        if bottom > self.bottom:
            self.bottom = bottom

    def moved(self, dy: float) -> Probe:
        """The probe moved down by `dy`."""
        spots = [(x1, y1 + dy, x2, y2 + dy) for x1, y1, x2, y2 in self.spots]
        return Probe(spots, self.left, self.top + dy, self.right, self.bottom + dy)


def same_place(a: Handle, b: Handle) -> bool:
    """Whether two boxes on the board lie alike in the same lanes."""
    return len(a) == len(b) and all(
        x[0] == y[0] and x[2][:4] == y[2][:4] for x, y in zip(a, b, strict=True)
    )


class LaneBoard:
    """Break marks, arrow heads and labels, to keep labels off; see the module."""

    def __init__(self) -> None:
        self._grids: dict[int, dict[tuple[int, int], list[_Entry]]] = {}
        self._edges: Sequence[float] = ()
        self._ranks: Mapping[str, int] = {}
        # The box that last kept a spot taken, and its lane: spots tried one after another
        # lie close, and often the same box keeps them taken too.
        self._blocker: tuple[int, _Entry] | None = None
        # By the spots `first_free` was asked about (the point, centres and size): the
        # rank it was asked for and how many of the first spots it found taken. Until a
        # box is taken out, the board only gains boxes, and a box that keeps a label off
        # keeps every later one off too: those spots stay taken for that rank and after.
        self._taken: dict[tuple[object, ...], tuple[int, int]] = {}

    def set_lanes(self, edges: Sequence[float], ranks: Mapping[str, int]) -> None:
        """The lanes' tops and the grid's bottom now, and each connector's place in
        the map's order."""
        self._edges = edges
        self._ranks = ranks
        self._taken = {}

    def lane_of(self, y: float) -> int:
        """The lane at `y`: -1 above the first, len(lanes) below the last."""
        return bisect_right(self._edges, y) - 1

    def lanes_of(self, top: float, bottom: float) -> tuple[int, int]:
        """The first and the last lane from `top` to `bottom`; the last lane counts
        with the space below it (its bottom gutter's middle hangs from the grid's)."""
        # `lane_of` spelled out: this is asked several times for every connector.
        edges = self._edges
        last = bisect_right(edges, bottom) - 1
        if last == len(edges) - 2:
            last += 1
        return bisect_right(edges, top) - 1, last

    def _top(self, lane: int) -> float:
        return 0.0 if lane < 0 else self._edges[lane]

    def add(self, rect: Rect, owner: str | None) -> Handle:
        """Keep labels after `owner`'s (all, for None) off `rect`; the handle removes it."""
        handle: Handle = []
        # `Rect.right` and `Rect.bottom` spelled out (the same sums): properties cost calls.
        x, y = rect.x, rect.y
        right, bottom = x + rect.w, y + rect.h
        edges, grids = self._edges, self._grids
        # The lanes from `lane_of(y)` to `lane_of(bottom)`.
        for lane in range(bisect_right(edges, y) - 1, bisect_right(edges, bottom)):
            top = 0.0 if lane < 0 else edges[lane]
            entry = (x, y - top, right, bottom - top, owner)
            grid = grids.get(lane)
            if grid is None:
                grid = grids[lane] = {}
            keys = _keys(entry)
            for key in keys:
                cell = grid.get(key)
                if cell is None:
                    grid[key] = [entry]
                else:
                    cell.append(entry)
            handle.append((lane, keys, entry))
        return handle

    def holds(self, handle: Handle, rects: Sequence[Rect]) -> bool:
        """Whether `handle` is what adding `rects` (in order) would put in now: the
        same boxes in the same lanes, as far below their tops."""
        index = 0
        for rect in rects:
            for lane in range(self.lane_of(rect.y), self.lane_of(rect.bottom) + 1):
                if index >= len(handle):
                    return False
                held_lane, _, entry = handle[index]
                top = self._top(lane)
                if (
                    held_lane != lane
                    or entry[0] != rect.x
                    or entry[1] != rect.y - top
                    or entry[2] != rect.right
                    or entry[3] != rect.bottom - top
                ):
                    return False
                index += 1
        return index == len(handle)

    def remove(self, handle: Handle) -> None:
        """Take out what `add` put in."""
        self._blocker = None
        self._taken.clear()
        for lane, keys, entry in handle:
            grid = self._grids[lane]
            for key in keys:
                cell = grid[key]
                for i, other in enumerate(cell):
                    if other is entry:
                        del cell[i]
                        break
                if not cell:
                    del grid[key]

    def first_free(
        self,
        at: Point,
        centres: tuple[tuple[float, float], ...],
        w: float,
        h: float,
        rank: int,
        probe: Probe,
    ) -> tuple[Rect, tuple[float, float]] | None:
        """The first of the w × h spots with these centres (relative to the point `at`)
        that touches nothing kept off labels of rank `rank`, and its centre; None if none.
        Every spot tried widens `probe`."""
        half_w, half_h = w / 2, h / 2
        at_x, at_y = at.x, at.y
        spots = probe.spots
        found: tuple[Rect, tuple[float, float]] | None = None
        free = self._free
        low_x, low_y, high_x, high_y = probe.left, probe.top, probe.right, probe.bottom
        asked = (at_x, at_y, centres, w, h)
        known = self._taken.get(asked)
        taken = 0 if known is None or known[0] > rank else known[1]
        for index, (x, y) in enumerate(centres):
            left, top = at_x + x - half_w, at_y + y - half_h
            right, bottom = left + w, top + h
            spots.append((left, top, right, bottom))
            # min() and max() as comparisons: the same results, without four calls.
            if left < low_x:
                low_x = left
            if top < low_y:
                low_y = top
            if right > high_x:
                high_x = right
            if bottom > high_y:
                high_y = bottom
            if index >= taken and free(left, top, right, bottom, rank):
                found = Rect(left, top, w, h), (x, y)
                break
        else:
            index = len(centres)
        self._taken[asked] = rank, index
        probe.left, probe.top, probe.right, probe.bottom = low_x, low_y, high_x, high_y
        return found

    def last_of(
        self,
        at: Point,
        centres: tuple[tuple[float, float], ...],
        w: float,
        h: float,
        probe: Probe,
    ) -> tuple[Rect, tuple[float, float]]:
        """What `first_free` gives when only the last of the spots is free (known from
        asking `is_free` about each, the board unchanged since), without asking again:
        the last spot and its centre, every spot widening `probe`."""
        half_w, half_h = w / 2, h / 2
        for x, y in centres:
            left, top = at.x + x - half_w, at.y + y - half_h
            probe.add(left, top, left + w, top + h)
        x, y = centres[-1]
        return Rect(at.x + x - half_w, at.y + y - half_h, w, h), (x, y)

    def is_free(
        self, at: Point, centre: tuple[float, float], w: float, h: float, rank: int
    ) -> bool:
        """Whether the w × h spot centred on `centre` (relative to the point `at`)
        touches nothing kept off labels of rank `rank` (as `first_free` tells)."""
        left, top = at.x + centre[0] - w / 2, at.y + centre[1] - h / 2
        return self._free(left, top, left + w, top + h, rank)

    def _free(self, x: float, y: float, x2: float, y2: float, rank: int) -> bool:
        left, right = x + _TOUCH_MM, x2 - _TOUCH_MM
        ranks, edges, grids = self._ranks, self._edges, self._grids
        # The lanes from `lane_of(y)` to `lane_of(y2)`.
        first_lane, end_lane = bisect_right(edges, y) - 1, bisect_right(edges, y2)
        blocker = self._blocker
        if blocker is not None and first_lane <= blocker[0] < end_lane:
            # What the search below finds too (a box touching the spot lies in a cell the
            # spot reaches into), so the answer is the same.
            lane, box = blocker
            lane_top = 0.0 if lane < 0 else edges[lane]
            top, bottom = y - lane_top + _TOUCH_MM, y2 - lane_top - _TOUCH_MM
            if _blocking((box,), left, top, right, bottom, rank, ranks) is not None:
                return False
        floor = math.floor
        first_i, end_i = floor(left / _CELL_MM), floor(right / _CELL_MM) + 1
        if end_lane - first_lane == 1 and end_i - first_i == 1:
            # Most spots lie in one lane and one column of cells: the search below
            # without its loops (the same cells, boxes and order).
            grid = grids.get(first_lane)
            if not grid:
                return True
            lane_top = 0.0 if first_lane < 0 else edges[first_lane]
            top, bottom = y - lane_top + _TOUCH_MM, y2 - lane_top - _TOUCH_MM
            for j in range(floor(top / _CELL_MM), floor(bottom / _CELL_MM) + 1):
                boxes = grid.get((first_i, j))
                if boxes:
                    hit = _blocking(boxes, left, top, right, bottom, rank, ranks)
                    if hit is not None:
                        self._blocker = first_lane, hit
                        return False
            return True
        for lane in range(first_lane, end_lane):
            grid = grids.get(lane)
            if not grid:
                continue
            lane_top = 0.0 if lane < 0 else edges[lane]
            top, bottom = y - lane_top + _TOUCH_MM, y2 - lane_top - _TOUCH_MM
            first_j, end_j = floor(top / _CELL_MM), floor(bottom / _CELL_MM) + 1
            for i in range(first_i, end_i):
                for j in range(first_j, end_j):
                    boxes = grid.get((i, j))
                    if boxes:
                        hit = _blocking(boxes, left, top, right, bottom, rank, ranks)
                        if hit is not None:
                            self._blocker = lane, hit
                            return False
        return True


def _blocking(
    boxes: Sequence[_Entry],
    left: float,
    top: float,
    right: float,
    bottom: float,
    rank: int,
    ranks: Mapping[str, int],
) -> _Entry | None:
    """The first of `boxes` (relative to one lane's top, as the spot's edges are) that
    keeps a label of rank `rank` off the spot, or None."""
    for box in boxes:
        if (
            left < box[2]
            and box[0] < right
            and top < box[3]
            and box[1] < bottom
            and (box[4] is None or ranks[box[4]] < rank)
        ):
            return box
    return None


def _keys(entry: _Entry, size: float = _CELL_MM) -> list[tuple[int, int]]:
    """The cells (`size` square) a box reaches into, column by column."""
    x1, y1 = math.floor(entry[0] / size), math.floor(entry[1] / size)
    x2, y2 = math.floor(entry[2] / size), math.floor(entry[3] / size)
    # Most boxes lie in one cell, two or four: those without loops.
    if x1 == x2:
        if y1 == y2:
            return [(x1, y1)]
        if y2 == y1 + 1:
            return [(x1, y1), (x1, y2)]
    elif x2 == x1 + 1:
        if y1 == y2:
            return [(x1, y1), (x2, y1)]
        if y2 == y1 + 1:
            return [(x1, y1), (x1, y2), (x2, y1), (x2, y2)]
    return [(i, j) for i in range(x1, x2 + 1) for j in range(y1, y2 + 1)]


class Changes:
    """Boxes taken out or put in during one update, each with its connector's rank
    (-1 for marks and arrow heads): what may change where a kept label goes."""

    def __init__(self, noted: bool = True) -> None:
        self._noted = noted
        self._cells: dict[tuple[int, int], list[tuple[float, float, float, float, int]]] = {}
        self._boxes: list[tuple[float, float, float, float, int]] = []

    def add(self, rect: Rect, rank: int) -> None:
        """Note a box that came or went (unless nothing is to be noted)."""
        if not self._noted:
            return
        box = (rect.x, rect.y, rect.right, rect.bottom, rank)
        self._boxes.append(box)
        for key in _keys((box[0], box[1], box[2], box[3], None), _CHANGES_CELL_MM):
            self._cells.setdefault(key, []).append(box)

    def touch(self, probe: Probe, rank: int, dy: float = 0.0) -> bool:
        """Whether a box noted for a connector before rank `rank` (or a mark or an
        arrow head) overlaps a spot the probe tried (moved down by `dy`), edges
        included."""
        if not self._boxes:
            return False
        p_top, p_bottom = probe.top + dy, probe.bottom + dy
        size = _CHANGES_CELL_MM
        x1, y1 = math.floor(probe.left / size), math.floor(p_top / size)
        x2, y2 = math.floor(probe.right / size), math.floor(p_bottom / size)
        if (x2 - x1 + 1) * (y2 - y1 + 1) > len(self._boxes):
            candidates = self._boxes
        else:
            cells = self._cells
            candidates = [
                box for i in range(x1, x2 + 1) for j in range(y1, y2 + 1)
                for box in cells.get((i, j), ())
            ]  # fmt: skip
        for left, top, right, bottom, owner in candidates:
            if (
                owner < rank
                and left <= probe.right
                and probe.left <= right
                and top <= p_bottom
                and p_top <= bottom
            ):
                for x1_, y1_, x2_, y2_ in probe.spots:
                    if left <= x2_ and x1_ <= right and top <= y2_ + dy and y1_ + dy <= bottom:
                        return True
        return False
