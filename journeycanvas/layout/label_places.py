"""Where a connector's label goes: along its own path, clear of card text.

Spots are tried along the path, nearest to the label's anchor first (the middle of the
connector's own part, or of a fork's trunk for a label the fork shares): beside a
vertical run, on a horizontal one. A spot must stay inside the grid and clear of card
text; spots clear of whole cards come first. `label_spots` gives each label a short list
of such spots (depending only on its path and the cards near it, so it can be kept while
those stay); `label_board.LaneBoard` then picks, label by label, the first spot clear of
break marks, arrow heads and the labels already placed, or a numbered marker when none
is.

Only the cards near the path are looked at: those in the lane and stage cells the
search area overlaps (spanning cards included), found by bisecting the lanes' and
columns' edges and, within a cell, the cards' bottoms.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter

from journeycanvas.layout.fast_init import fast_init
from journeycanvas.layout.geometry import Point, Rect, on_grid
from journeycanvas.layout.stacking import LaneStack, Slot

WINDOW_MM = 45.0
"""How far along the path from its anchor a label may go."""
_STEP_MM = 2.0
_CLEARANCE_MM = 0.6
_BESIDE_MM = 0.5
"""The gap between a vertical run and a label beside it."""
_TRUNK_PENALTY_MM = 30.0
_CENTRED_PENALTY_MM = 4.0
_OFF_LINE_PENALTY_MM = 1.5
_SPOTS = 4
"""How many spots clear of cards a label keeps (and as many clear only of text)."""
_FAR_MM = 16.0
"""How far off a short path its label may go when the path itself has no room."""
_FAR_PENALTY_MM = 20.0
_FAR_MARKER_MM = 24.0
_FIRST_MARKER_SPOTS = 8
"""How many spots on the path a marker tries first, among the cards round them alone."""
_TOUCH_MM = 1e-6
"""How far a spot may reach into a box and still count as clear of it: ties stay ties."""
_CELL_MM = 16.0

_bottom = attrgetter("bottom")

# A box to keep clear of: left, top, right, bottom.
_Box = tuple[float, float, float, float]


# A card near a spot: its x, its y below some origin, and its face.
CardNear = tuple[float, float, object]


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

    @property
    def lane_tops(self) -> Sequence[float]:
        """The y of each lane's top edge."""
        return self._tops

    @property
    def lane_bottoms(self) -> Sequence[float]:
        """The y of each lane's bottom edge."""
        return self._bottoms

    @property
    def stacks(self) -> Sequence[LaneStack]:
        """Each lane's stacked cards."""
        return self._stacks

    @property
    def column_lefts(self) -> Sequence[float]:
        """The x of each stage column's left edge."""
        return self._lefts

    @property
    def column_rights(self) -> Sequence[float]:
        """The x of each stage column's right edge."""
        return self._rights

    def rows(self, top: float, bottom: float) -> range:
        """The indexes of the lanes between `top` and `bottom`."""
        return range(bisect_right(self._bottoms, top), bisect_left(self._tops, bottom))

    def columns(self, left: float, right: float) -> range:
        """The indexes of the stage columns between `left` and `right`."""
        return range(bisect_right(self._rights, left), bisect_left(self._lefts, right))

    def slots_near(self, area: Rect) -> list[tuple[float, Slot]]:
        """The cards touching `area`: each with its lane's top (a list: a generator
        costs more than the few cards most areas hold)."""
        left, top, w, h = area.x, area.y, area.w, area.h
        right, bottom = left + w, top + h
        # As `columns` and `rows` give them, without the calls.
        first = bisect_right(self._rights, left)
        columns = range(first, bisect_left(self._lefts, right))
        result: list[tuple[float, Slot]] = []
        tops, stacks = self._tops, self._stacks
        for row in range(bisect_right(self._bottoms, top), bisect_left(tops, bottom)):
            lane_top = tops[row]
            stack = stacks[row]
            relative = top - lane_top
            for column in columns:
                covering = stack.covering(column)
                # Cards stack downwards: bottoms grow along the list.
                for index in range(bisect_right(covering, relative, key=_bottom), len(covering)):
                    slot = covering[index]
                    if lane_top + slot.y >= bottom:
                        break
                    # A spanning card is listed in every column it covers: take it once.
                    if slot.column != column and column != first:
                        continue
                    x = slot.x
                    if x >= right or x + slot.face.width <= left:
                        continue
                    result.append((lane_top, slot))
        return result

    def near(
        self, area: Rect, found: list[CardNear] | None = None, origin: float = 0.0
    ) -> tuple[list[_Box], list[_Box]]:
        """The cards and the cards' text boxes touching `area`, grown by the clearance;
        the cards also go to `found`, as `cards_near` gives them."""
        c = _CLEARANCE_MM - _TOUCH_MM
        cards: list[_Box] = []
        texts: list[_Box] = []
        for lane_top, slot in self.slots_near(area):
            x, y, face = slot.x, lane_top + slot.y, slot.face
            if found is not None:
                found.append((x, y - origin, face))
            cards.append((x - c, y - c, x + face.width + c, y + face.height + c))
            box = face.text.box
            tx, ty = x + box.x, y + box.y
            texts.append((tx - c, ty - c, tx + box.w + c, ty + box.h + c))
        return cards, texts

    def cards_near(self, area: Rect, origin: float) -> list[CardNear]:
        """The cards touching `area`, each as its x, its y below `origin` and its face:
        equal for two areas whose cards sit alike around their origins."""
        return [
            (slot.x, lane_top + slot.y - origin, slot.face)
            for lane_top, slot in self.slots_near(area)
        ]


# A straight run of a path within a label's window, relative to the point at the
# label's anchor: where it enters the window (x, y), its direction (ux, uy: one of them
# ±1, the other 0), and the distances from the anchor where it enters and leaves.
Run = tuple[float, float, float, float, float, float]


@fast_init
@dataclass(frozen=True, slots=True)
class Stretch:
    """The part of a path a label may sit along: the point at its anchor, the runs
    within the window around it relative to that point, and where the fork's trunk ends
    (from the anchor). Two paths with equal runs and trunk get the same spots, moved."""

    at: Point
    runs: tuple[Run, ...]
    trunk: float


def path_stretch(points: Sequence[Point], anchor: float, trunk: float) -> Stretch:
    """The stretch of the path `points` around the distance `anchor` along it; the first
    `trunk` millimetres are a fork's shared trunk."""
    at_x, at_y = points[0].x, points[0].y
    runs: list[tuple[float, float, float, float, float, float, float]] = []
    first, last = anchor - WINDOW_MM, anchor + WINDOW_MM
    lengths, starts = path_walk(points)
    # Only the segments from the first ending in the window (those ending before it are
    # before the anchor too) to the last starting in it (those after are past it).
    begin = bisect_left(starts, first, 1) - 1
    for index in range(begin, bisect_right(starts, last, 0, len(lengths))):
        length = lengths[index]
        if length <= 0:
            continue
        a, b = points[index], points[index + 1]
        ax, ay, bx, by = a.x, a.y, b.x, b.y
        start, end = starts[index], starts[index + 1]
        ux, uy = (bx - ax) / length, (by - ay) / length
        if start <= anchor <= end:
            at_x, at_y = ax + ux * (anchor - start), ay + uy * (anchor - start)
        # max(start, first) and min(end, last) as comparisons, to the bit, without calls.
        low = first if first > start else start
        high = last if last < end else end
        if low <= high:
            runs.append((ax, ay, ux, uy, low - start, low, high))
    # On the grid, as lane tops are, and the runs measured from it corner first: a path
    # moved down with its lanes then gives the same stretch, its anchor moved, to the bit
    # (as a kept label's anchor and spots are worked out).
    at = Point(at_x, on_grid(at_y))
    relative = tuple(
        [
            (
                (ax - at.x) + ux * along,
                (ay - at.y) + uy * along,
                ux,
                uy,
                low - anchor,
                high - anchor,
            )
            for ax, ay, ux, uy, along, low, high in runs
        ]
    )
    # Where the trunk ends matters only within the window: beyond it, any end is alike.
    reach = WINDOW_MM + _STEP_MM
    end = trunk - anchor
    return Stretch(at, relative, -reach if end < -reach else reach if end > reach else end)


def _positions(
    runs: tuple[Run, ...], trunk: float, shared: bool
) -> list[tuple[float, float, float, bool]]:
    """Points along a stretch's runs (relative to its anchor point), each as its cost
    (its distance from the anchor, plus a penalty off the part the label belongs to), x,
    y and whether its run is vertical."""
    result: list[tuple[float, float, float, bool]] = []
    append = result.append
    for x, y, ux, uy, low, high in runs:
        vertical = ux == 0
        # Steps from the anchor itself, so that the anchor is one of the spots.
        first = math.ceil(low / _STEP_MM - 1e-9)
        last = math.floor(high / _STEP_MM + 1e-9)
        for i in range(first, last + 1):
            d = i * _STEP_MM
            cost = abs(d)
            if (d > trunk) if shared else (d < trunk):
                cost += _TRUNK_PENALTY_MM
            append((cost, x + ux * (d - low), y + uy * (d - low), vertical))
    return result


# A label's centre to try, relative to its stretch's anchor point: its cost, the side of
# the path (to break ties alike), x and y.
Candidate = tuple[float, int, float, float]

# A label spot's centre relative to its stretch's anchor point.
Centre = tuple[float, float]


@dataclass(frozen=True, slots=True)
class _Candidates:
    """Label centres to try (relative to a stretch's anchor point), best first; their
    least and greatest x and y; and, to tell at once which of them a box blocks, their
    distinct xs and ys, ascending, and for each rank k of those the centres (a bit each,
    by their place among them) whose x (y) is below the k-th (`x_below[-1]`: all)."""

    centres: tuple[Centre, ...]
    extremes: tuple[float, float, float, float]
    xs: tuple[float, ...]
    ys: tuple[float, ...]
    x_below: tuple[int, ...]
    y_below: tuple[int, ...]


@functools.lru_cache(maxsize=4096)
def _candidates(
    runs: tuple[Run, ...], trunk: float, shared: bool, w: float, h: float, reach: float
) -> _Candidates | None:
    """Label centres along a stretch's runs (relative to its anchor point), best first:
    beside a vertical run or on a horizontal one; with `reach`, also up to that far off
    the path, further sideways; None when there are none.

    Relative to the anchor, many labels have the same runs and size: kept by them."""
    candidates: list[Candidate] = []
    beside_x = w / 2 + _BESIDE_MM
    beside_y = h / 2 + _BESIDE_MM
    offsets = [_STEP_MM * (i + 1) for i in range(int(reach / _STEP_MM))]
    append = candidates.append
    for cost, x, y, vertical in _positions(runs, trunk, shared):
        if reach:
            for extra in offsets:
                far = cost + _FAR_PENALTY_MM + extra
                if vertical:
                    append((far, 0, x - beside_x - extra, y))
                    append((far, 1, x + beside_x + extra, y))
                else:
                    append((far, 1, x, y - beside_y - extra))
                    append((far, 2, x, y + beside_y + extra))
        elif vertical:
            append((cost, 0, x - beside_x, y))
            append((cost, 1, x + beside_x, y))
            append((cost + _CENTRED_PENALTY_MM, 2, x, y))
        else:
            append((cost, 0, x, y))
            append((cost + _OFF_LINE_PENALTY_MM, 1, x, y - beside_y))
            append((cost + _OFF_LINE_PENALTY_MM, 2, x, y + beside_y))
    if not candidates:
        return None
    candidates.sort()
    xs, ys = [c[2] for c in candidates], [c[3] for c in candidates]
    distinct_xs, distinct_ys = sorted(set(xs)), sorted(set(ys))
    return _Candidates(
        tuple(zip(xs, ys, strict=True)),
        (min(xs), min(ys), max(xs), max(ys)),
        tuple(distinct_xs),
        tuple(distinct_ys),
        _below(distinct_xs, xs),
        _below(distinct_ys, ys),
    )


def _below(distinct: list[float], values: list[float]) -> tuple[int, ...]:
    """For each rank k of the `distinct` values (ascending) and past the last, the bits
    of the `values` below the k-th."""
    rank = {value: k for k, value in enumerate(distinct)}
    at_rank = [0] * len(distinct)
    for bit, value in enumerate(values):
        at_rank[rank[value]] |= 1 << bit
    return (0, *itertools.accumulate(at_rank, operator.or_))


def label_spots(
    stretch: Stretch,
    shared: bool,
    w: float,
    h: float,
    obstacles: CardObstacles,
    far: bool = False,
) -> tuple[tuple[Centre, ...], Rect | None, list[CardNear]]:
    """Spots for a w × h label along `stretch`, best first: those clear of cards, then
    those clear only of card text, as centres (relative to the stretch's anchor point);
    the area whose cards were looked at, and those cards (as `CardObstacles.cards_near`
    gives them, below the anchor point).

    The stretch's first `trunk` millimetres are a fork's shared trunk, kept for the
    label with `shared` and avoided by the others. With `far`, the spots lie further off
    the path (for a short path between two cards side by side, which has no room along
    it).
    """
    candidates = _candidates(stretch.runs, stretch.trunk, shared, w, h, _FAR_MM if far else 0.0)
    if candidates is None:
        return (), None, []
    at = stretch.at
    area = _area(at, candidates.extremes, w, h)
    found: list[CardNear] = []
    centres = candidates.centres
    chosen = tuple([centres[i] for i in _scan(candidates, at, w, h, obstacles, area, found)])
    return chosen, area, found


def _scan(
    candidates: _Candidates,
    at: Point,
    w: float,
    h: float,
    obstacles: CardObstacles,
    area: Rect,
    found: list[CardNear],
) -> list[int]:
    """The indexes of the best candidates (centred on `at` + their x, y) inside the
    grid and clear of the text of the cards touching `area`: up to `_SPOTS` clear of
    those cards too, then up to `_SPOTS` of those before the last of them that are not.
    The cards go to `found`, as `CardObstacles.near` gives them.

    A box blocks the candidates whose x lies in one range of ranks and y in another: a
    label's edges grow with its centre, so the ranges' ends are found by bisecting the
    edges each rank gives (the same sums as `LaneBoard.first_free` makes), and the
    candidates in both ranges are two masks anded."""
    half_w, half_h = w / 2, h / 2
    at_x, at_y = at.x, at.y
    lefts = [at_x + x - half_w for x in candidates.xs]
    rights = [left + w for left in lefts]
    tops = [at_y + y - half_h for y in candidates.ys]
    bottoms = [top + h for top in tops]
    x_below, y_below = candidates.x_below, candidates.y_below
    bounds = obstacles.bounds
    # Inside the bounds: left >= bounds.x - touch, right <= bounds.right + touch, alike
    # in y (for an empty range of ranks, the mask below its start holds the one below
    # its end).
    inside = (
        x_below[bisect_right(rights, bounds.right + _TOUCH_MM)]
        & ~x_below[bisect_left(lefts, bounds.x - _TOUCH_MM)]
        & y_below[bisect_right(bottoms, bounds.bottom + _TOUCH_MM)]
        & ~y_below[bisect_left(tops, bounds.y - _TOUCH_MM)]
    )
    # The boxes `near` gives, each blocking a label when left < its right, its left <
    # right, alike in y.
    c = _CLEARANCE_MM - _TOUCH_MM
    on_text = on_card = 0
    add_found = found.append
    # Cards come column by column, and those of a column mostly share their x and width
    # (and their text's): the candidates a box's x range blocks are kept for the next
    # box alike (nan: none yet). A mask is 0 for an empty range of ranks.
    card_x = card_w = text_x = text_w = math.nan
    card_columns = text_columns = 0
    for lane_top, slot in obstacles.slots_near(area):
        x, y, face = slot.x, lane_top + slot.y, slot.face
        add_found((x, y - at_y, face))
        width = face.width
        if x != card_x or width != card_w:
            card_x, card_w = x, width
            card_columns = (
                x_below[bisect_left(lefts, x + width + c)] ^ x_below[bisect_right(rights, x - c)]
            )
        if card_columns:
            top, bottom = bisect_right(bottoms, y - c), bisect_left(tops, y + face.height + c)
            if top < bottom:
                on_card |= card_columns & (y_below[bottom] ^ y_below[top])
        box = face.text.box
        tx, tw = x + box.x, box.w
        if tx != text_x or tw != text_w:
            text_x, text_w = tx, tw
            text_columns = (
                x_below[bisect_left(lefts, tx + tw + c)] ^ x_below[bisect_right(rights, tx - c)]
            )
        if text_columns:
            ty = y + box.y
            top, bottom = bisect_right(bottoms, ty - c), bisect_left(tops, ty + box.h + c)
            if top < bottom:
                on_text |= text_columns & (y_below[bottom] ^ y_below[top])
    open_ = inside & ~on_text
    chosen = _lowest(open_ & ~on_card, _SPOTS)
    rest = open_ & on_card
    if len(chosen) == _SPOTS:
        # The candidates are tried best first until enough are clear of cards: none
        # after the last of those counts.
        rest &= (1 << chosen[-1]) - 1
    return chosen + _lowest(rest, _SPOTS)


def _lowest(mask: int, count: int) -> list[int]:
    """The places of the lowest `count` bits set in `mask`, lowest first."""
    result: list[int] = []
    while mask and len(result) < count:
        bit = mask & -mask
        result.append(bit.bit_length() - 1)
        mask ^= bit
    return result


def _free(left: float, top: float, right: float, bottom: float, boxes: list[_Box]) -> bool:
    # A plain loop: any() over a generator is several times slower here.
    for box in boxes:
        if left < box[2] and box[0] < right and top < box[3] and box[1] < bottom:
            return False
    return True


def marker_spots(
    stretch: Stretch,
    size: float,
    obstacles: CardObstacles,
    limit: int | None = None,
    take: Callable[[Centre], bool] | None = None,
) -> tuple[tuple[Centre, ...], Rect, list[CardNear], bool]:
    """The last resort for a label's numbered marker (`size` wide): spots near the
    stretch (of a whole path, anchored at its middle), up to `_FAR_MARKER_MM` off it
    (inside the grid or not) and clear of card text, nearest the path first (the first
    `limit` of them, and with `take` none after the first it takes), as centres
    (relative to the stretch's anchor point); the area whose cards were looked at, those
    cards, and whether these are all the spots there are."""
    positions, extremes, first_extremes = _marker_positions(stretch.runs, stretch.trunk)
    if take is not None:
        # Most markers take one of the first few spots on the path: those are tried
        # first among the cards round them alone (a card whose text reaches a spot
        # touches the area round it), and only if none is taken, all of them.
        first = positions[:_FIRST_MARKER_SPOTS]
        centres, area, found, stopped = _free_spots(
            stretch.at, first, first_extremes, 0, 0.0, size, obstacles, [], limit, take
        )
        if stopped:
            return tuple(centres), area, found, False
    centres = []
    far = int(_FAR_MARKER_MM / _STEP_MM)
    # The spots on the path first, among the cards round it only (most markers go there),
    # then the others among all.
    for steps, furthest in ((0, 0.0), (far, _FAR_MARKER_MM)):
        centres, area, found, stopped = _free_spots(
            stretch.at, positions, extremes, steps, furthest, size, obstacles, centres, limit, take
        )
        if stopped:
            return tuple(centres), area, found, False
    return tuple(centres), area, found, True


def _area(
    at: Point, extremes: tuple[float, float, float, float], reach: float, reach_y: float
) -> Rect:
    """The box round `extremes` (least and greatest x and y, relative to `at`), `reach`
    wider on its left and right and `reach_y` on its top and bottom."""
    # Adding a number keeps the order of floats: the least moved is the least of those moved.
    x1, y1 = at.x + extremes[0], at.y + extremes[1]
    x2, y2 = at.x + extremes[2], at.y + extremes[3]
    return Rect(x1 - reach, y1 - reach_y, x2 - x1 + 2 * reach, y2 - y1 + 2 * reach_y)


def _free_spots(
    at: Point,
    positions: Sequence[Centre],
    extremes: tuple[float, float, float, float],
    steps: int,
    furthest: float,
    size: float,
    obstacles: CardObstacles,
    centres: list[Centre],
    limit: int | None,
    take: Callable[[Centre], bool] | None,
) -> tuple[list[Centre], Rect, list[CardNear], bool]:
    """`centres` and after them the spots clear of card text round `positions` (relative
    to `at`): on them (no `steps`), or 1 to `steps` `_STEP_MM` steps off them, among the
    cards touching the area within `furthest` + `size` of them; that area, those cards,
    and whether the spots stopped early (`limit` reached, or `take` took one)."""
    area = _area(at, extremes, furthest + size, furthest + size)
    found: list[CardNear] = []
    texts = _texts_near(obstacles, area, found, at.y)
    half = size / 2
    at_x, at_y = at.x, at.y
    for step in range(1, steps + 1) if steps else (0,):
        r = step * _STEP_MM
        offsets = [(0.0, 0.0)] if r == 0 else [(r, 0.0), (-r, 0.0), (0.0, r), (0.0, -r)]
        for x, y in positions:
            for dx, dy in offsets:
                # The same edges as `LaneBoard.first_free` gives.
                left, top = at_x + (x + dx) - half, at_y + (y + dy) - half
                if _free(left, top, left + size, top + size, texts):
                    centre = (x + dx, y + dy)
                    centres.append(centre)
                    if len(centres) == limit or (take is not None and take(centre)):
                        return centres, area, found, True
    return centres, area, found, False


def _texts_near(
    obstacles: CardObstacles, area: Rect, found: list[CardNear], origin: float
) -> list[_Box]:
    """The cards' text boxes `CardObstacles.near` gives for `area` (without the cards'
    boxes, not needed here); the cards go to `found` alike."""
    c = _CLEARANCE_MM - _TOUCH_MM
    texts: list[_Box] = []
    for lane_top, slot in obstacles.slots_near(area):
        x, y, face = slot.x, lane_top + slot.y, slot.face
        found.append((x, y - origin, face))
        box = face.text.box
        tx, ty = x + box.x, y + box.y
        texts.append((tx - c, ty - c, tx + box.w + c, ty + box.h + c))
    return texts


@functools.lru_cache(maxsize=4096)
def _marker_positions(
    runs: tuple[Run, ...], trunk: float
) -> tuple[
    tuple[Centre, ...], tuple[float, float, float, float], tuple[float, float, float, float]
]:
    """The points along a stretch's runs (relative to its anchor point; the point itself
    when there are none), their least and greatest x and y, and those of the first
    `_FIRST_MARKER_SPOTS`."""
    positions = tuple((x, y) for _, x, y, _ in _positions(runs, trunk, False)) or ((0.0, 0.0),)
    return positions, _extremes(positions), _extremes(positions[:_FIRST_MARKER_SPOTS])


def _extremes(positions: Sequence[Centre]) -> tuple[float, float, float, float]:
    xs, ys = [x for x, _ in positions], [y for _, y in positions]
    return min(xs), min(ys), max(xs), max(ys)


def path_length(points: Sequence[Point]) -> float:
    """The length of an orthogonal path."""
    return sum(path_walk(points)[0])


# A path's walk: the lengths of its segments, and the distances along it where each
# starts, then where the path ends.
Walk = tuple[list[float], list[float]]

# The path last walked (a tuple: it cannot change) and its walk. Connectors ask about
# one path several times in a row (where a label crosses a gutter, the path's length,
# stretches round two anchors): they walk it once. The tuple held stays alive, so no
# other path can be it (`is`); holding only the last keeps what is held small.
_walked: list[tuple[Sequence[Point], Walk]] = [((), ([], [0.0]))]


def path_walk(points: Sequence[Point]) -> Walk:
    """The walk of an orthogonal path (lists not to be changed: for a tuple of points,
    the same ones as the last time, if it was the last path walked)."""
    walked = _walked[0]
    if walked[0] is points:
        return walked[1]
    lengths = [abs(b.x - a.x) + abs(b.y - a.y) for a, b in itertools.pairwise(points)]
    # Added one by one, in order, as a walk along the path adds them.
    starts = [0.0]
    start = 0.0
    for length in lengths:
        start += length
        starts.append(start)
    walk = lengths, starts
    remember_walk(points, walk)
    return walk


def remember_walk(points: Sequence[Point], walk: Walk) -> None:
    """Keep `walk`, worked out elsewhere (to the bit as `path_walk` would), as the walk
    of `points` if they are a tuple."""
    if type(points) is tuple:
        _walked[0] = (points, walk)
