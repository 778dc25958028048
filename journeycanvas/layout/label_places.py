"""Where a connector's label goes: near the middle of its path, where no card is.

A label is tried at offsets from the path's middle, nearest first (measured from the
label's edge, so "just beside the path" comes before "further along it"). The first spot
inside the grid's cells that touches no card wins; failing that, the first that touches
no card's text. A breakpoint's label never covers its break mark.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

from journeycanvas.layout.geometry import Point, Rect
from journeycanvas.layout.stacking import LaneStack

SEARCH_X_MM = 15.0
"""How far left and right of the path's middle a label may go."""
SEARCH_Y_MM = 12.0
"""How far above and below the path's middle a label may go."""
_STEP_X_MM = 2.0
_STEP_Y_MM = 1.0
_CLEARANCE_MM = 0.6
_BREAK_MARK_MM = 2.5
_DETOUR_MM = 10.0
"""How much further than the nearest spot clear of card text a spot clear of cards may be."""


class CardObstacles:
    """The cards of a laid-out map by lane and stage column, to ask what a spot touches."""

    def __init__(
        self,
        lane_tops: Sequence[float],
        lane_bottoms: Sequence[float],
        stacks: Sequence[LaneStack],
        column_lefts: Sequence[float],
        column_rights: Sequence[float],
        bounds: Rect,
    ) -> None:
        self._tops = lane_tops
        self._bottoms = lane_bottoms
        self._stacks = stacks
        self._lefts = column_lefts
        self._rights = column_rights
        self.bounds = bounds

    def rows(self, top: float, bottom: float) -> range:
        """The indexes of the lanes between `top` and `bottom`."""
        first = max(bisect_right(self._bottoms, top), 0)
        last = bisect_left(self._tops, bottom)
        return range(first, last)

    def _columns(self, left: float, right: float) -> range:
        first = max(bisect_right(self._rights, left), 0)
        last = bisect_left(self._lefts, right)
        return range(first, last)

    def touches(self, rect: Rect, text_only: bool) -> bool:
        """Whether `rect` (grown by a small clearance) touches a card, or only its text."""
        c = _CLEARANCE_MM
        left, top, right, bottom = rect.x - c, rect.y - c, rect.right + c, rect.bottom + c
        columns = self._columns(left, right)
        for row in self.rows(top, bottom):
            lane_top = self._tops[row]
            stack = self._stacks[row]
            for column in columns:
                for slot in stack.covering(column):
                    y = lane_top + slot.y
                    if y >= bottom:
                        break
                    x = slot.x
                    face = slot.face
                    if text_only:
                        box = face.text.box
                        x, y, w, h = x + box.x, y + box.y, box.w, box.h
                    else:
                        w, h = face.width, face.height
                    if x < right and left < x + w and y < bottom and top < y + h:
                        return True
        return False


@lru_cache(maxsize=512)
def _offsets(w: float, h: float) -> tuple[tuple[float, float, float], ...]:
    """Offsets of a w × h label's centre from the path's middle, and how far its edge is
    from the middle, nearest first."""
    xs = _steps(SEARCH_X_MM, _STEP_X_MM)
    ys = _steps(SEARCH_Y_MM, _STEP_Y_MM)
    # Offsets that put the label just beside the middle, or beside a break mark there.
    for margin in (_CLEARANCE_MM, _BREAK_MARK_MM + _CLEARANCE_MM):
        xs += [w / 2 + margin, -w / 2 - margin]
        ys += [h / 2 + margin, -h / 2 - margin]

    def gap(x: float, y: float) -> float:
        return math.hypot(max(abs(x) - w / 2, 0.0), max(abs(y) - h / 2, 0.0))

    offsets = [(gap(x, y), abs(y), abs(x), x, y) for x in xs for y in ys]
    offsets.sort()
    return tuple((x, y, distance) for distance, _, _, x, y in offsets)


def _steps(reach: float, step: float) -> list[float]:
    count = int(reach / step)
    return [0.0] + [sign * i * step for i in range(1, count + 1) for sign in (1, -1)]


def place_label(mid: Point, w: float, h: float, breakpoint: bool, obstacles: CardObstacles) -> Rect:
    """The label's rect near `mid`: clear of every card if possible, else of card text.

    A breakpoint's label keeps clear of its break mark at `mid`. With no room at all,
    the label goes as near the middle as the other rules allow.
    """
    bounds = obstacles.bounds
    touches = obstacles.touches
    nearest: Rect | None = None
    clear_of_text: Rect | None = None
    detour_limit = 0.0
    for dx, dy, distance in _offsets(round(w, 2), round(h, 2)):
        if clear_of_text is not None and distance > detour_limit:
            break
        x, y = mid.x + dx - w / 2, mid.y + dy - h / 2
        if breakpoint and _covers_mark(x, y, w, h, mid):
            continue
        rect = Rect(x, y, w, h)
        if nearest is None:
            nearest = rect
        if not bounds.contains_rect(rect):
            continue
        if not touches(rect, False):
            return rect
        if clear_of_text is None and not touches(rect, True):
            clear_of_text = rect
            detour_limit = distance + _DETOUR_MM
    return clear_of_text or nearest or Rect(mid.x + _BREAK_MARK_MM, mid.y - h / 2, w, h)


def _covers_mark(x: float, y: float, w: float, h: float, mid: Point) -> bool:
    m = _BREAK_MARK_MM
    return x < mid.x + m and mid.x - m < x + w and y < mid.y + m and mid.y - m < y + h


def search_area(mid: Point, w: float, h: float) -> Rect:
    """Everything `place_label` may look at for a label of w × h at `mid`."""
    reach_x = SEARCH_X_MM + w + _CLEARANCE_MM
    reach_y = SEARCH_Y_MM + h + _CLEARANCE_MM
    return Rect(mid.x - reach_x, mid.y - reach_y, 2 * reach_x, 2 * reach_y)
