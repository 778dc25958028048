"""The gutters of a laid-out grid, where connectors run: free of cards by construction.

Cards sit in their cells inset by the cell padding, so between two stage columns runs a
vertical gutter twice the padding wide (`v`: one per column edge, the outer two one
padding wide), and between two lanes a horizontal one at least twice the padding high
(`h`: one per lane edge). A horizontal gutter is always free; a vertical one is crossed
only by cards spanning several stages, its *blockers*, which `Gutters` knows per lane.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from journeycanvas.layout.geometry import Rect
from journeycanvas.layout.label_places import CardObstacles
from journeycanvas.layout.stacking import LaneStack

# A question asked of the gutters and its answer: ("v", edge, top, bottom, free) for
# `v_free`, ("b", edge, lane, y, up, blocker) for `first_blocker`.
Question = tuple[object, ...]

# The cards crossing each column edge of one lane, by edge index: top and bottom
# (relative to the lane's top), first and last column covered; top to bottom.
LaneBlockers = dict[int, list[tuple[float, float, int, int]]]


def lane_blockers(stack: LaneStack) -> LaneBlockers:
    """The cards of a lane that cross column edges (those spanning several stages)."""
    result: LaneBlockers = {}
    for slot in stack.slots.values():
        if slot.last != slot.column:
            for edge in range(slot.column + 1, slot.last + 1):
                result.setdefault(edge, []).append((slot.y, slot.bottom, slot.column, slot.last))
    for spans in result.values():
        spans.sort()
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


def _top_of(span: tuple[float, float, int, int]) -> float:
    return span[0]


def _bottom_of(span: tuple[float, float, int, int]) -> float:
    return span[1]


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
        self.looked_at: dict[tuple[int, ...], list[Question]] | None = None
        """When a dict, every (lane, column edge) whose blockers were asked about (as
        (lane, edge, 0) when only whether there are any mattered), with the questions
        asked about it and their answers, to ask them again (`answers_hold`)."""
        self.tops = obstacles.lane_tops
        self.bottoms = obstacles.lane_bottoms
        lefts, rights = obstacles.column_lefts, obstacles.column_rights
        self.lefts, self.rights = lefts, rights
        self._blockers = blockers
        # Each gutter's free band: from the card edge before it to the one after it.
        self.v_bands = _bands(lefts, rights, pad)
        self.h_bands = _bands(self.tops, self.bottoms, pad)

    def place(self, rect: Rect) -> tuple[int, int, int]:
        """A card's lane, and the first and last stage columns it covers."""
        row = max(0, bisect_right(self.tops, rect.y + rect.h / 2) - 1)
        first = max(0, bisect_right(self.lefts, rect.x) - 1)
        last = min(max(first, bisect_left(self.rights, rect.right)), len(self.lefts) - 1)
        return row, first, last

    def v_free(self, edge: int, top: float, bottom: float) -> bool:
        """Whether vertical gutter `edge` is free of cards from `top` to `bottom`."""
        if edge == 0 or edge == len(self.lefts):
            return True
        tops, blockers = self.tops, self._blockers
        first = max(0, bisect_right(self.bottoms, top))
        last = bisect_left(tops, bottom)
        looked_at = self.looked_at
        free = True
        for row in range(first, last):
            spans = blockers[row].get(edge)
            if not spans:
                continue
            lane_top = tops[row]
            for y, y_bottom, _, _ in spans:
                if y + lane_top < bottom and top < y_bottom + lane_top:
                    free = False
                    break
            if not free:
                last = row + 1
                break
        if looked_at is not None:
            question: Question = ("v", edge, top, bottom, free)
            bottoms = self.bottoms
            for row in range(first, last):
                # A lane the run crosses whole is blocked by any card there: the answer
                # depends only on whether there is one, not on where it sits.
                whole = top <= tops[row] and bottoms[row] <= bottom
                looked_at.setdefault((row, edge, 0) if whole else (row, edge), []).append(question)
        return free

    def first_blocker(
        self, edge: int, row: int, y: float, up: bool
    ) -> tuple[float, float, int, int] | None:
        """The nearest card crossing column edge `edge` in lane `row`, above `y` (with
        `up`) or below it: its top and bottom (absolute), first and last column."""
        if self.looked_at is not None:
            answer = self._first_blocker(edge, row, y, up)
            self.looked_at.setdefault((row, edge), []).append(("b", edge, row, y, up, answer))
            return answer
        return self._first_blocker(edge, row, y, up)

    def _first_blocker(
        self, edge: int, row: int, y: float, up: bool
    ) -> tuple[float, float, int, int] | None:
        spans = self._blockers[row].get(edge)
        if not spans:
            return None
        lane_top = self.tops[row]
        # The cards crossing one edge cover the same column: they never overlap, so
        # sorted by top they are sorted by bottom too.
        relative = y - lane_top
        if up:
            index = bisect_right(spans, relative, key=_bottom_of) - 1
        else:
            index = bisect_left(spans, relative, key=_top_of)
        if not 0 <= index < len(spans):
            return None
        top, bottom, first, last = spans[index]
        return top + lane_top, bottom + lane_top, first, last

    def answers_hold(self, questions: Iterable[Question]) -> bool:
        """Whether the questions (asked of gutters with the same lane and column edges)
        get the same answers here."""
        for question in questions:
            if question[0] == "v":
                _, edge, top, bottom, free = question
                if self.v_free(edge, top, bottom) != free:  # type: ignore[arg-type]
                    return False
            else:
                _, edge, row, y, up, answer = question
                if self._first_blocker(edge, row, y, up) != answer:  # type: ignore[arg-type]
                    return False
        return True

    def v_center(self, edge: int) -> float:
        """The x of the middle of vertical gutter `edge`."""
        left, right = self.v_bands[edge]
        return (left + right) / 2

    def h_center(self, edge: int) -> float:
        """The y of the middle of horizontal gutter `edge`."""
        top, bottom = self.h_bands[edge]
        return (top + bottom) / 2
