"""The gutters of a laid-out grid, where connectors run: free of cards by construction.

Cards sit in their cells inset by the cell padding, so between two stage columns runs a
vertical gutter twice the padding wide (`v`: one per column edge, the outer two one
padding wide), and between two lanes a horizontal one at least twice the padding high
(`h`: one per lane edge). A horizontal gutter is always free; a vertical one is crossed
only by cards spanning several stages, its *blockers*, which `Gutters` knows per lane.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from journeycanvas.layout.geometry import Point, Rect
from journeycanvas.layout.label_places import CardObstacles
from journeycanvas.layout.stacking import LaneStack

# A question asked about the cards crossing one column edge in one lane, relative to
# the lane's top, and its answer: ("v", top, bottom, blocked) for part of a `v_free`
# run, ("b", y, up, span) for `first_blocker`.
Question = tuple[object, ...]

# A question with the (lane, column edge) it was asked about; () with (lane, edge, 0)
# for "are there any".
Asked = tuple[tuple[int, ...], Question]

# A way out of a lane from a point in a gutter, round the blockers above or below it:
# its points, whether they are clean (`routing._clean`), the `Gutters.first_blocker`
# questions asked on it (with their lane and edge), and how many of them.
WayOut = tuple[tuple[Point, ...], bool, list[Asked], int]

# A card crossing a column edge: its top and bottom (relative to its lane's top), and
# the first and last column it covers.
Span = tuple[float, float, int, int]

# The cards crossing each column edge of one lane, by edge index: top to bottom, with
# their tops and their bottoms apart (to bisect).
LaneBlockers = dict[int, tuple[list[Span], list[float], list[float]]]


def lane_blockers(stack: LaneStack) -> LaneBlockers:
    """The cards of a lane that cross column edges (those spanning several stages)."""
    spans_by_edge: dict[int, list[Span]] = {}
    for slot in stack.slots.values():
        if slot.last != slot.column:
            for edge in range(slot.column + 1, slot.last + 1):
                spans_by_edge.setdefault(edge, []).append(
                    (slot.y, slot.bottom, slot.column, slot.last)
                )
    result: LaneBlockers = {}
    for edge, spans in spans_by_edge.items():
        spans.sort()
        result[edge] = (spans, [span[0] for span in spans], [span[1] for span in spans])
    return result


def _bands(starts: Sequence[float], ends: Sequence[float], pad: float) -> list[tuple[float, float]]:
    """The free bands between consecutive cells (columns or lanes) whose cards are inset
    by `pad`, and the outer two (one `pad` wide)."""
    count = len(starts)
    if not count:
        return []
    return [
        (
            starts[0] if k == 0 else ends[k - 1] - pad,
            ends[-1] if k == count else starts[k] + pad,
        )
        for k in range(count + 1)
    ]


def _nearest(
    blockers: tuple[list[Span], list[float], list[float]] | None, y: float, up: bool
) -> Span | None:
    """The span nearest above `y` (with `up`) or below it, all relative to a lane."""
    if not blockers:
        return None
    spans, tops, bottoms = blockers
    # The cards crossing one edge cover the same column: they never overlap, so
    # sorted by top they are sorted by bottom too.
    index = bisect_right(bottoms, y) - 1 if up else bisect_left(tops, y)
    return spans[index] if 0 <= index < len(spans) else None


def _overlapped(
    blockers: tuple[list[Span], list[float], list[float]],
    top: float,
    bottom: float,
    lane_top: float = 0.0,
) -> bool:
    """Whether a span, moved down by `lane_top`, lies partly between `top` and `bottom`."""
    spans, _, bottoms = blockers
    # Sorted by top, the spans are sorted by bottom too (see `_nearest`): only the first
    # one ending below `top` can start above `bottom`. The bisect finds it relative to
    # the lane; the steps after it make sure by the sums themselves, as rounded.
    index = bisect_right(bottoms, top - lane_top)
    while index and top < bottoms[index - 1] + lane_top:
        index -= 1
    while index < len(spans) and not top < bottoms[index] + lane_top:
        index += 1
    return index < len(spans) and spans[index][0] + lane_top < bottom


class Gutters:
    """Where the gutters of a laid-out grid are, and which parts of them are free."""

    def __init__(
        self,
        obstacles: CardObstacles,
        pad: float,
        gap: float,
        blockers: Sequence[LaneBlockers],
    ) -> None:
        self.obstacles = obstacles
        self.pad = pad
        self.gap = gap
        self.looked_at: list[Asked] | None = None
        """When a list, every question asked about the blockers of a (lane, column edge)
        and its answer, in order, with the pair (to ask them again: `answers_hold`); or
        (lane, edge, 0) with no question when only whether there are any mattered. Kept
        flat: replaying what a kept way out asked is then one `extend`."""
        self.ways_out: dict[tuple[int, int, float, bool], WayOut] = {}
        """Ways out of lanes round blockers that `routing` found, by where they start."""
        # `free_nearest` answers by (x, top, bottom), with the questions asked for each.
        self._free_nearest: dict[tuple[float, float, float], tuple[int, list[Asked]]] = {}
        self.tops = obstacles.lane_tops
        self.bottoms = obstacles.lane_bottoms
        # Where each lane's padding ends, below its top and above its bottom (`v_free`).
        self._inner_tops = [top + pad for top in self.tops]
        self._inner_bottoms = [bottom - pad for bottom in self.bottoms]
        lefts, rights = obstacles.column_lefts, obstacles.column_rights
        self.lefts, self.rights = lefts, rights
        self._outer = len(lefts)
        # `v_nearest` by x (ways out end in gutter middles: few of them).
        self._nearest: dict[float, list[int]] = {}
        self._blockers = blockers
        # By the id of an earlier list of lane tops (kept alive by whoever asks).
        self._moves: dict[int, list[float]] = {}
        # Each gutter's free band: from the card edge before it to the one after it.
        self.v_bands = _bands(lefts, rights, pad)
        self.h_bands = _bands(self.tops, self.bottoms, pad)
        self.v_centers = [(left + right) / 2 for left, right in self.v_bands]
        """The x of the middle of each vertical gutter."""

    def moves_since(self, old_tops: Sequence[float]) -> list[float]:
        """How far each lane moved down since its top was at `old_tops` (as many)."""
        moves = self._moves.get(id(old_tops))
        if moves is None:
            moves = [new - old for new, old in zip(self.tops, old_tops, strict=True)]
            self._moves[id(old_tops)] = moves
        return moves

    def place(self, rect: Rect) -> tuple[int, int, int]:
        """A card's lane, and the first and last stage columns it covers."""
        # `min` and `max` spelled out: this is asked twice for every connector.
        x = rect.x
        row = bisect_right(self.tops, rect.y + rect.h / 2) - 1
        first = bisect_right(self.lefts, x) - 1
        if first < 0:
            first = 0
        last = bisect_left(self.rights, x + rect.w)
        if last < first:
            last = first
        if last >= self._outer:
            last = self._outer - 1
        return row if row > 0 else 0, first, last

    def v_free(self, edge: int, top: float, bottom: float) -> bool:
        """Whether vertical gutter `edge` is free of cards from `top` to `bottom`."""
        if edge == 0 or edge == self._outer:
            return True
        tops, bottoms, blockers = self.tops, self.bottoms, self._blockers
        looked_at = self.looked_at
        # Only the lanes the run reaches past their padding: cards sit at least `pad`
        # below their lane's top and above its bottom (stacking starts at `pad`, a lane
        # is at least as high as its lowest card's bottom and `pad`), all on the 1/1024
        # mm grid so these sums are exact; a run only within a lane's top or bottom
        # padding band is never blocked there (`_overlapped` could not say it is), so
        # nothing is asked about that lane.
        # (tests/layout/test_lane_padding.py checks that cards keep out of the bands.)
        for row in range(
            bisect_right(self._inner_bottoms, top), bisect_left(self._inner_tops, bottom)
        ):
            crossing = blockers[row].get(edge)
            lane_top, lane_bottom = tops[row], bottoms[row]
            if top <= lane_top and lane_bottom <= bottom:
                # A lane the run crosses whole is blocked by any card there: the answer
                # depends only on whether there is one, not on where it sits.
                blocked = crossing is not None
                if looked_at is not None:
                    looked_at.append(((row, edge, 0), ()))
            else:
                blocked = crossing is not None and _overlapped(crossing, top, bottom, lane_top)
                if looked_at is not None:
                    # Relative to the lane's top; an end beyond the lane is as good as
                    # endless.
                    low = top - lane_top if top > lane_top else -math.inf
                    high = bottom - lane_top if bottom < lane_bottom else math.inf
                    looked_at.append(((row, edge), ("v", low, high, blocked)))
            if blocked:
                return False
        return True

    def v_nearest(self, x: float) -> list[int]:
        """The vertical gutters by how far their middle is from `x`, the nearest first
        (of two as far, the one left)."""
        edges = self._nearest.get(x)
        if edges is None:
            centers = self.v_centers
            edges = sorted(range(len(centers)), key=lambda k: abs(centers[k] - x))
            self._nearest[x] = edges
        return edges

    def free_nearest(self, x: float, top: float, bottom: float) -> int:
        """The vertical gutter nearest `x` (`v_nearest`) free from `top` to `bottom`, or
        the farthest one if none is (asking `v_free` about each in turn)."""
        found = self._free_nearest.get((x, top, bottom))
        if found is None:
            # Asked once per layout; later the questions are noted again as if asked.
            looked_at = self.looked_at
            asking: list[Asked] = []
            self.looked_at = asking
            for edge in self.v_nearest(x):
                if self.v_free(edge, top, bottom):
                    break
            self.looked_at = looked_at
            found = (edge, asking)
            self._free_nearest[(x, top, bottom)] = found
        else:
            edge, asking = found
            looked_at = self.looked_at
        if looked_at is not None:
            looked_at += asking
        return edge

    def first_blocker(
        self, edge: int, row: int, y: float, up: bool
    ) -> tuple[Span | None, Question]:
        """The nearest card crossing column edge `edge` in lane `row`, above `y` (with
        `up`) or below it: its top and bottom (absolute), first and last column; and
        the question asked (for `note`)."""
        lane_top = self.tops[row]
        relative = y - lane_top
        span = _nearest(self._blockers[row].get(edge), relative, up)
        question = ("b", relative, up, span)
        if span is None:
            return None, question
        top, bottom, first, last = span
        return (top + lane_top, bottom + lane_top, first, last), question

    def note(self, asked: Iterable[Asked]) -> None:
        """Note `first_blocker` questions about (lane, column edge) pairs and their
        answers, in order, as if asked now (also to replay what an earlier walk asked)."""
        looked_at = self.looked_at
        if looked_at is not None:
            looked_at += asked

    def answers_hold(self, row: int, edge: int, questions: Iterable[Question]) -> bool:
        """Whether the questions asked about the cards crossing column edge `edge` in
        lane `row` (relative to the lane's top) get the same answers now."""
        crossing = self._blockers[row].get(edge)
        for question in questions:
            if question[0] == "v":
                _, low, high, blocked = question
                hit = crossing is not None and _overlapped(crossing, low, high)  # type: ignore[arg-type]
                if hit != blocked:
                    return False
            elif _nearest(crossing, question[1], question[2]) != question[3]:  # type: ignore[arg-type]
                return False
        return True

    def v_center(self, edge: int) -> float:
        """The x of the middle of vertical gutter `edge`."""
        return self.v_centers[edge]

    def h_center(self, edge: int) -> float:
        """The y of the middle of horizontal gutter `edge`."""
        top, bottom = self.h_bands[edge]
        return (top + bottom) / 2
