"""Where a connector's label goes: near the middle of its path, where no card is.

A label is tried at offsets from the path's middle, nearest first (measured from the
label's edge, so "just beside the path" comes before "further along it"). The first spot
inside the grid's cells that touches no card wins; failing that, the first that touches
no card's text. A breakpoint's label never covers its break mark.

Only the cards near the middle are looked at: those in the lane and stage cells the
search area overlaps (spanning cards included), found by bisecting the lanes' and
columns' edges and, within a cell, the cards' bottoms. The spots are then tried row by
row against that short list.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter

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

_TOUCH_MM = 1e-6
"""How far a spot may reach into a box and still count as clear of it: ties stay ties."""

_bottom = attrgetter("bottom")

# A box to keep clear of, grown by the clearance: left, top, right, bottom.
_Box = tuple[float, float, float, float]
# A spot's place in the search order: edge distance, |dy|, |dx|, dx, dy.
_Key = tuple[float, float, float, float, float]
# A row of spots: dy, the nearest edge distance in it, the least and greatest dx, and
# each dx with its key.
_Row = tuple[float, float, float, float, tuple[tuple[float, _Key], ...]]


class CardObstacles:
    """The cards of a laid-out map by lane and stage column, to ask what is near a spot."""

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
        return range(bisect_right(self._bottoms, top), bisect_left(self._tops, bottom))

    def columns(self, left: float, right: float) -> range:
        """The indexes of the stage columns between `left` and `right`."""
        return range(bisect_right(self._rights, left), bisect_left(self._lefts, right))

    def near(self, area: Rect) -> tuple[list[_Box], list[_Box]]:
        """The cards and the cards' text boxes touching `area`, grown by the clearance."""
        c = _CLEARANCE_MM - _TOUCH_MM
        left, top, right, bottom = area.x, area.y, area.right, area.bottom
        columns = self.columns(left, right)
        cards: list[_Box] = []
        texts: list[_Box] = []
        for row in self.rows(top, bottom):
            lane_top = self._tops[row]
            stack = self._stacks[row]
            for column in columns:
                covering = stack.covering(column)
                # Cards stack downwards: bottoms grow along the list.
                start = bisect_right(covering, top - lane_top, key=_bottom)
                for slot in covering[start:]:
                    y = lane_top + slot.y
                    if y >= bottom:
                        break
                    # A spanning card is listed in every column it covers: take it once.
                    if slot.column != column and column != columns.start:
                        continue
                    x, face = slot.x, slot.face
                    if x >= right or x + face.width <= left:
                        continue
                    cards.append((x - c, y - c, x + face.width + c, y + face.height + c))
                    box = face.text.box
                    tx, ty = x + box.x, y + box.y
                    texts.append((tx - c, ty - c, tx + box.w + c, ty + box.h + c))
        return cards, texts


@lru_cache(maxsize=512)
def _spots(w: float, h: float, breakpoint: bool) -> tuple[tuple[_Row, ...], _Key | None]:
    """The rows of spots for a w × h label's centre around the path's middle, by the
    nearest edge distance any spot in a row can have; and the nearest spot of all.

    A breakpoint's spots over its break mark are left out."""
    xs = _steps(SEARCH_X_MM, _STEP_X_MM)
    ys = _steps(SEARCH_Y_MM, _STEP_Y_MM)
    # Offsets that put the label just beside the middle, or beside a break mark there.
    for margin in (_CLEARANCE_MM, _BREAK_MARK_MM + _CLEARANCE_MM):
        xs += [w / 2 + margin, -w / 2 - margin]
        ys += [h / 2 + margin, -h / 2 - margin]
    row_xs = sorted(set(xs), key=lambda x: (abs(x), x))
    m = _BREAK_MARK_MM
    rows = []
    for y in set(ys):
        edge_y = max(abs(y) - h / 2, 0.0)
        over_mark = breakpoint and y - h / 2 < m and -m < y + h / 2
        spots = tuple(
            (x, (math.hypot(max(abs(x) - w / 2, 0.0), edge_y), abs(y), abs(x), x, y))
            for x in row_xs
            if not (over_mark and x - w / 2 < m and -m < x + w / 2)
        )
        if spots:
            rows.append((edge_y, abs(y), y, spots))
    rows.sort()
    nearest = min((spots[0][1] for *_, spots in rows), default=None)
    return tuple(
        (y, reach, min(x for x, _ in spots), max(x for x, _ in spots), spots)
        for reach, _, y, spots in rows
    ), nearest


def _steps(reach: float, step: float) -> list[float]:
    count = int(reach / step)
    return [0.0] + [sign * i * step for i in range(1, count + 1) for sign in (1, -1)]


def _blocked(lowest: float, highest: float, w: float, boxes: list[_Box]) -> bool:
    """Whether every spot of width `w` whose left edge lies from `lowest` to `highest`
    touches one of `boxes` (all of the row)."""
    reached = lowest
    for left, _, right, _ in sorted(boxes):
        if left - w >= reached:
            return False
        reached = max(reached, right)
        if reached > highest:
            return True
    return False


def _free(left: float, right: float, boxes: list[_Box]) -> bool:
    # A plain loop: any() over a generator is several times slower here.
    for box in boxes:  # noqa: SIM110
        if left < box[2] and box[0] < right:
            return False
    return True


def label_rect(mid: Point, w: float, h: float, offset: tuple[float, float]) -> Rect:
    """The w × h label's rect with its centre at `offset` from `mid`."""
    return Rect(mid.x + offset[0] - w / 2, mid.y + offset[1] - h / 2, w, h)


def place_label(
    mid: Point, w: float, h: float, breakpoint: bool, obstacles: CardObstacles
) -> tuple[float, float]:
    """Where the label's centre goes from `mid` (see `label_rect`): clear of every card
    if possible, else of card text.

    A breakpoint's label keeps clear of its break mark at `mid`. With no room at all,
    the label goes as near the middle as the other rules allow. Spots touching a box
    only at its edge count as clear, so a map that moved as a whole keeps its spots.
    """
    cards, texts = obstacles.near(search_area(mid, w, h))
    bounds = obstacles.bounds
    min_x, max_x = bounds.x - _TOUCH_MM, bounds.right + _TOUCH_MM
    min_y, max_y = bounds.y - _TOUCH_MM, bounds.bottom + _TOUCH_MM
    half_w, half_h = w / 2, h / 2
    m = _BREAK_MARK_MM
    clear: _Key | None = None
    clear_of_text: _Key | None = None
    rows, nearest = _spots(round(w, 2), round(h, 2), breakpoint)
    for dy, reach, low, high, spots in rows:
        if (clear is not None and reach > clear[0]) or (
            clear_of_text is not None and reach > clear_of_text[0] + _DETOUR_MM
        ):
            break
        y = mid.y + dy - half_h
        bottom = y + h
        if y < min_y or bottom > max_y:
            continue
        row_cards = [b for b in cards if y < b[3] and b[1] < bottom]
        row_texts = [b for b in texts if y < b[3] and b[1] < bottom]
        lowest, highest = mid.x + low - half_w, mid.x + high - half_w
        cards_blocked = _blocked(lowest, highest, w, row_cards)
        # A row cannot hold a spot clear of text nearer than one already found.
        found_text = (clear_of_text is not None and reach > clear_of_text[0]) or _blocked(
            lowest, highest, w, row_texts
        )
        if cards_blocked and found_text:
            continue
        for dx, key in spots:
            x = mid.x + dx - half_w
            right = x + w
            if x < min_x or right > max_x:
                continue
            if not found_text and _free(x, right, row_texts):
                found_text = True
                if clear_of_text is None or key < clear_of_text:
                    clear_of_text = key
            if not cards_blocked and _free(x, right, row_cards):
                if clear is None or key < clear:
                    clear = key
                break
    chosen = nearest
    if clear is not None and (clear_of_text is None or clear[0] <= clear_of_text[0] + _DETOUR_MM):
        chosen = clear
    elif clear_of_text is not None:
        chosen = clear_of_text
    if chosen is None:
        return (m + half_w, 0.0)
    return (chosen[3], chosen[4])


def search_area(mid: Point, w: float, h: float) -> Rect:
    """Everything `place_label` may look at for a label of w × h at `mid`."""
    reach_x = SEARCH_X_MM + w + _CLEARANCE_MM
    reach_y = SEARCH_Y_MM + h + _CLEARANCE_MM
    return Rect(mid.x - reach_x, mid.y - reach_y, 2 * reach_x, 2 * reach_y)
