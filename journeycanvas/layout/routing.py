"""Which gutters a connector runs through: its plan, before tracks give it coordinates.

A connector leaves its source card by the left or right edge into the vertical gutter
beside it, runs along that gutter to a horizontal gutter between lanes, along that one
to the vertical gutter beside its target, and into the target's edge; when both ends
face the same vertical gutter it stays in that one. Sides and gutters are tried from
the most direct down, skipping any vertical run a spanning card blocks. A card walled
in by spanning cards is left through the gaps between stacked cards, by a search over
the lines between cards (`search_path`).
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from journeycanvas.layout.fast_init import fast_init
from journeycanvas.layout.geometry import Point, Rect
from journeycanvas.layout.gutters import Asked, Gutters, WayOut

_BEND_MM = 8.0
"""What a bend costs in a searched path, as extra length: fewer bends read better."""


@fast_init
@dataclass(frozen=True, slots=True)
class Plan:
    """A connector's route in gutters. Sides are +1 (right edge) or -1 (left edge).

    `first` and `last` are the vertical gutters (by column edge) beside the source and
    the target, `across` the horizontal gutter (by lane edge) between them, or -1 when
    the path stays in `first`. `loop` marks a connector from a card to itself; `fixed`
    holds a searched path (from card edge to card edge), used as it is.
    """

    s_side: int
    t_side: int
    first: int
    across: int
    last: int
    loop: bool
    fixed: tuple[Point, ...] | None


# A card's place: lane, first and last column covered.
Place = tuple[int, int, int]

# A point as (x, y), cheaper to make and compare than a `Point`.
XY = tuple[float, float]


def _side_orders(s: Place, t: Place) -> tuple[tuple[int, int], ...]:
    if t[1] > s[2]:
        return ((1, -1), (1, 1), (-1, -1), (-1, 1))
    if t[2] < s[1]:
        return ((-1, 1), (-1, -1), (1, 1), (1, -1))
    return ((1, 1), (-1, -1), (1, -1), (-1, 1))


def _across_order(s_rect: Rect, t_rect: Rect, s: Place, t: Place, lanes: int) -> list[int]:
    """Lane edges to cross over, the most direct first."""
    rs, rt = s[0], t[0]
    if rt > rs:
        preferred, low, high = rs + 1, rs + 1, rt
    elif rt < rs:
        preferred, low, high = rs, rt + 1, rs
    else:
        mean = (s_rect.y + s_rect.h / 2 + t_rect.y + t_rect.h / 2) / 2
        below = abs(mean - s_rect.bottom) <= abs(mean - s_rect.y)
        preferred, low, high = (rs + 1 if below else rs), rs, rs + 1
    return sorted(range(lanes + 1), key=lambda h: (not low <= h <= high, abs(h - preferred), h))


def plan_route(
    s_rect: Rect, t_rect: Rect, s: Place, t: Place, gutters: Gutters
) -> tuple[Plan, bool]:
    """The plan of a connector from the card at `s_rect` (placed at `s`) to `t_rect`,
    and whether its path was searched (then it depends on every card near it, not only
    on the blockers `gutters` was asked about)."""
    # Places first: cheaper to compare than rectangles, and seldom equal.
    if s == t and s_rect == t_rect:
        edge = s[2] + 1
        return Plan(1, 1, edge, -1, edge, True, None), False
    v_free = gutters.v_free
    orders = _side_orders(s, t)
    # `min` and `max` spelled out, here and below: builtin calls cost more than the
    # comparisons, on a path every connector takes.
    s_top, t_top = s_rect.y, t_rect.y
    s_bottom, t_bottom = s_top + s_rect.h, t_top + t_rect.h
    top = t_top if t_top < s_top else s_top
    bottom = t_bottom if t_bottom > s_bottom else s_bottom
    for s_side, t_side in orders:
        first = s[2] + 1 if s_side > 0 else s[1]
        last = t[2] + 1 if t_side > 0 else t[1]
        if first == last and v_free(first, top, bottom):
            return Plan(s_side, t_side, first, -1, last, False, None), False
    acrosses: list[int] | None = None
    bands = gutters.h_bands
    # The exits (`_exits`) by gutter, each side's asked once.
    s_exits: dict[int, tuple[bool, bool]] = {}
    t_exits: dict[int, tuple[bool, bool]] = {}
    for s_side, t_side in orders:
        first = s[2] + 1 if s_side > 0 else s[1]
        last = t[2] + 1 if t_side > 0 else t[1]
        if first == last:
            continue
        s_up, s_down = s_exits.get(first) or s_exits.setdefault(
            first, _exits(s_rect, s[0], first, gutters)
        )
        if not (s_up or s_down):
            continue
        t_up, t_down = t_exits.get(last) or t_exits.setdefault(
            last, _exits(t_rect, t[0], last, gutters)
        )
        if not (t_up or t_down):
            continue
        if acrosses is None:
            # The lane edges between the ends and one beyond each; further ones make
            # long detours.
            acrosses = _across_order(s_rect, t_rect, s, t, len(gutters.tops))
            del acrosses[abs(s[0] - t[0]) + 3 :]
        for across in acrosses:
            if not (s_up if across <= s[0] else s_down) or not (t_up if across <= t[0] else t_down):
                continue
            band_top, band_bottom = bands[across]
            if v_free(first, min(s_rect.y, band_top), max(s_rect.bottom, band_bottom)) and v_free(
                last, min(t_rect.y, band_top), max(t_rect.bottom, band_bottom)
            ):
                return Plan(s_side, t_side, first, across, last, False, None), False
    fixed = escape_path(s_rect, t_rect, s, t, gutters)
    if fixed is not None:
        return Plan(1, -1, s[2] + 1, -1, t[1], False, fixed), False
    fixed = search_path(s_rect, t_rect, s, t, gutters)
    return Plan(1, -1, s[2] + 1, -1, t[1], False, fixed), True


def _exits(rect: Rect, row: int, edge: int, gutters: Gutters) -> tuple[bool, bool]:
    """Whether a card's ways out of its lane `row`, up and down vertical gutter `edge`,
    are free: the part of that run which every route across a lane edge above (or
    below) it takes, so a blocked one rules all of those out."""
    v_free = gutters.v_free
    top, bottom = rect.y, rect.y + rect.h
    above, below = gutters.h_bands[row][0], gutters.h_bands[row + 1][1]
    return (
        v_free(edge, above if above < top else top, bottom),
        v_free(edge, top, below if below > bottom else bottom),
    )


def _escape(
    rect: Rect, place: Place, side: int, up: bool, gutters: Gutters, gap: float
) -> tuple[Point, WayOut] | None:
    """A path from a side of a card out of its lane (to the middle of the gutter above
    it, or below), round the spanning cards that block the gutter beside it: along the
    gap under (or over) each such card to the gutter at its end, which is free there.
    Its first point (on the card's side) and the way on from the gutter."""
    edge = place[2] + 1 if side > 0 else place[1]
    y = rect.y + rect.h / 2
    way = _way_out(place[0], edge, y, up, gutters, gap)
    return None if way is None else (Point(rect.right if side > 0 else rect.x, y), way)


def _way_out(
    row: int, edge: int, y: float, up: bool, gutters: Gutters, gap: float
) -> WayOut | None:
    """`_escape`'s way from (gutter `edge`, `y`) in lane `row` out of it.

    Ways round the same blockers meet at the gap beside the first one they share and go
    on alike from there: each way on from a gap is kept, with the questions asked on it,
    for the other connectors of this layout to take (asking those again)."""
    centers, first_blocker = gutters.v_centers, gutters.first_blocker
    kept = gutters.ways_out
    points: list[Point] = []
    asked: list[Asked] = []
    # Each gap reached: its key, and how many points, questions and steps came before.
    gaps: list[tuple[tuple[int, int, float, bool], int, int, int]] = []
    rest: WayOut | None = None
    limit = 4 * len(gutters.lefts) + 4
    step = 0
    while step < limit:
        if step:
            key = (row, edge, y, up)
            way = kept.get(key)
            if way is not None and way[3] <= limit - step:
                rest = way
                asked += way[2]
                step += way[3]
                break
            gaps.append((key, len(points), len(asked), step))
        x = centers[edge]
        blocker, question = first_blocker(edge, row, y, up)
        asked.append(((row, edge), question))
        step += 1
        if blocker is None:
            points += [Point(x, y), Point(x, gutters.h_center(row if up else row + 1))]
            break
        top, bottom, first, last = blocker
        strip = bottom + gap / 2 if up else top - gap / 2
        points += [Point(x, y), Point(x, strip)]
        # Round the card by its nearer end.
        left_x, right_x = centers[first], centers[last + 1]
        edge = first if abs(left_x - x) <= abs(right_x - x) else last + 1
        y = strip
    else:
        gutters.note(asked)
        return None
    gutters.note(asked)
    if rest is None:
        whole = tuple(points)
        clean = _clean(whole)
    else:
        whole = (*points, *rest[0])
        clean = rest[1] and _clean(whole[: len(points) + 2])
    result = (whole, clean, asked, step)
    for key, at_point, at_question, at_step in gaps:
        tail = whole[at_point:]
        kept[key] = (tail, clean or _clean(tail), asked[at_question:], step - at_step)
    return result


def _clean(points: Sequence[Point]) -> bool:
    """Whether no point of a path repeats the one before it and no three in a row lie on
    one horizontal or vertical line: `simplified_xy` leaves such a path as it is, and
    after any path it keeps all but maybe the first two points of it (see `_joined`)."""
    for k in range(1, len(points)):
        a, b = points[k - 1], points[k]
        if a.x == b.x and a.y == b.y:
            return False
        if k >= 2:
            c = points[k - 2]
            if c.x == a.x == b.x or c.y == a.y == b.y:
                return False
    return True


def _joined(parts: Iterable[tuple[Sequence[Point], bool]]) -> tuple[Point, ...]:
    """The parts' points one after another, without repeated points or points in the
    middle of a straight run (going on the same way); a part marked clean (`_clean`) is
    simplified only where it meets the one before.

    After two points of a clean part the last two points kept are two of its own (the
    second may have replaced the last one kept before it, but then the third cannot
    replace it too: the part would have three points in a line), so the rest of it is
    kept as it is."""
    result: list[Point] = []
    append = result.append
    for points, clean in parts:
        for point in points[:2] if clean else points:
            x, y = point.x, point.y
            if result:
                b = result[-1]
                bx, by = b.x, b.y
                if x == bx and y == by:
                    continue
                if len(result) >= 2:
                    a = result[-2]
                    ax, ay = a.x, a.y
                    if (ax == bx == x and (by - ay) * (y - by) > 0) or (
                        ay == by == y and (bx - ax) * (x - bx) > 0
                    ):
                        result[-1] = point
                        continue
            append(point)
        if clean:
            result += points[2:]
    return tuple(result)


def escape_path(
    s_rect: Rect, t_rect: Rect, s: Place, t: Place, gutters: Gutters
) -> tuple[Point, ...] | None:
    """A path made of a way out of the source's lane, one out of the target's
    (reversed), and gutters between them (the outermost vertical ones are never
    blocked): out of the facing sides, towards each other; None if a card cannot be
    left that way."""
    gap = gutters.gap
    s_up = t[0] < s[0] or (t[0] == s[0] and t_rect.y <= s_rect.y)
    # Out of one lane, both ends take the same lane edge.
    t_up = s_up if s[0] == t[0] else s[0] < t[0]
    s_side = 1 if t_rect.x + t_rect.w / 2 >= s_rect.x + s_rect.w / 2 else -1
    for out_side, out_up, in_side, in_up in (
        (s_side, s_up, -s_side, t_up),
        (s_side, not s_up, -s_side, not t_up),
        (-s_side, s_up, s_side, t_up),
        (-s_side, not s_up, s_side, not t_up),
    ):
        out = _escape(s_rect, s, out_side, out_up, gutters, gap)
        if out is None:
            continue
        into = _escape(t_rect, t, in_side, in_up, gutters, gap)
        if into is None:
            continue
        (s_start, (s_way, s_clean, _, _)), (t_start, (t_way, t_clean, _, _)) = out, into
        s_edge = s[0] if out_up else s[0] + 1
        t_edge = t[0] if in_up else t[0] + 1
        between: tuple[Point, ...] = ()
        if s_edge != t_edge:
            a_x, a_y, b_y = s_way[-1].x, s_way[-1].y, t_way[-1].y
            low = b_y if b_y < a_y else a_y
            high = b_y if b_y > a_y else a_y
            x = gutters.v_centers[gutters.free_nearest(a_x, low, high)]
            between = (Point(x, a_y), Point(x, b_y))
        return _joined(
            (
                ((s_start,), False),
                (s_way, s_clean),
                (between, False),
                (t_way[::-1], t_clean),
                ((t_start,), False),
            )
        )
    return None


def _free(
    x1: float, y1: float, x2: float, y2: float, boxes: Sequence[tuple[float, float, float, float]]
) -> bool:
    left, right = min(x1, x2), max(x1, x2)
    top, bottom = min(y1, y2), max(y1, y2)
    for bx1, by1, bx2, by2 in boxes:
        if left < bx2 and bx1 < right and top < by2 and by1 < bottom:
            return False
    return True


def search_path(
    s_rect: Rect, t_rect: Rect, s: Place, t: Place, gutters: Gutters
) -> tuple[Point, ...]:
    """A path from a side of the source to a side of the target along the lines between
    cards (gutter middles, the gaps between stacked cards, column middles), with as
    few bends as it can; a straight line when there is none."""
    rows = range(min(s[0], t[0]), max(s[0], t[0]) + 1)
    columns = range(max(0, min(s[1], t[1]) - 1), min(len(gutters.lefts), max(s[2], t[2]) + 2))
    obstacles = gutters.obstacles
    area = Rect(
        gutters.lefts[columns.start],
        gutters.tops[rows.start],
        gutters.rights[columns.stop - 1] - gutters.lefts[columns.start],
        gutters.bottoms[rows.stop - 1] - gutters.tops[rows.start],
    )
    boxes, _ = obstacles.near(area)
    pad = gutters.pad
    xs = {gutters.v_center(k) for k in range(columns.start, columns.stop + 1)}
    xs.update((gutters.lefts[c] + gutters.rights[c]) / 2 for c in columns)
    ys = {gutters.h_center(h) for h in range(rows.start, rows.stop + 1)}
    half_gap = min(pad, 1.25)
    for row in {s[0], t[0]}:
        lane_top = gutters.tops[row]
        for slot in obstacles.stacks[row].slots.values():
            if slot.last >= columns.start and slot.column < columns.stop:
                ys.add(lane_top + slot.y - half_gap)
                ys.add(lane_top + slot.bottom + half_gap)
    s_y, t_y = s_rect.y + s_rect.h / 2, t_rect.y + t_rect.h / 2
    ys.update((s_y, t_y))
    starts = {
        (gutters.v_center(s[2] + 1), s_y): Point(s_rect.right, s_y),
        (gutters.v_center(s[1]), s_y): Point(s_rect.x, s_y),
    }
    ends = {
        (gutters.v_center(t[2] + 1), t_y): Point(t_rect.right, t_y),
        (gutters.v_center(t[1]), t_y): Point(t_rect.x, t_y),
    }
    xs.update(x for x, _ in itertools.chain(starts, ends))
    x_lines, y_lines = sorted(xs), sorted(ys)
    found = _dijkstra(x_lines, y_lines, starts, ends, boxes)
    if found is None:
        return (s_rect.center, t_rect.center)
    first, *middle, last = found
    return simplified([starts[first], first_point(first), *map(first_point, middle),
                        first_point(last), ends[last]])  # fmt: skip


def first_point(node: tuple[float, float]) -> Point:
    """A search node as a point."""
    return Point(node[0], node[1])


def _dijkstra(
    x_lines: list[float],
    y_lines: list[float],
    starts: dict[tuple[float, float], Point],
    ends: dict[tuple[float, float], Point],
    boxes: Sequence[tuple[float, float, float, float]],
) -> list[tuple[float, float]] | None:
    """The cheapest path over the grid of lines from a start node to an end node."""
    x_index = {x: i for i, x in enumerate(x_lines)}
    y_index = {y: i for i, y in enumerate(y_lines)}
    counter = itertools.count()
    heap: list[tuple[float, int, tuple[int, int], int]] = []
    best: dict[tuple[tuple[int, int], int], float] = {}
    came: dict[tuple[tuple[int, int], int], tuple[tuple[int, int], int] | None] = {}
    for x, y in starts:
        node = (x_index[x], y_index[y])
        state = (node, 0)
        best[state] = 0.0
        came[state] = None
        heapq.heappush(heap, (0.0, next(counter), node, 0))
    goals = {(x_index[x], y_index[y]) for x, y in ends}
    while heap:
        cost, _, node, direction = heapq.heappop(heap)
        state = (node, direction)
        if cost > best.get(state, float("inf")):
            continue
        if node in goals:
            path = []
            current: tuple[tuple[int, int], int] | None = state
            while current is not None:
                path.append((x_lines[current[0][0]], y_lines[current[0][1]]))
                current = came[current]
            return list(dict.fromkeys(reversed(path)))
        i, j = node
        x, y = x_lines[i], y_lines[j]
        for di, dj, new_direction in ((1, 0, 0), (-1, 0, 0), (0, 1, 1), (0, -1, 1)):
            ni, nj = i + di, j + dj
            if not (0 <= ni < len(x_lines) and 0 <= nj < len(y_lines)):
                continue
            nx, ny = x_lines[ni], y_lines[nj]
            if not _free(x, y, nx, ny, boxes):
                continue
            step = abs(nx - x) + abs(ny - y)
            bend = _BEND_MM if came[state] is not None and new_direction != direction else 0.0
            new_cost = cost + step + bend
            new_state = ((ni, nj), new_direction)
            if new_cost < best.get(new_state, float("inf")):
                best[new_state] = new_cost
                came[new_state] = state
                heapq.heappush(heap, (new_cost, next(counter), (ni, nj), new_direction))
    return None


def simplified(points: Sequence[Point]) -> tuple[Point, ...]:
    """The path without repeated points or points in the middle of a straight run."""
    return _joined(((points, False),))


def simplified_xy(points: list[XY]) -> tuple[Point, ...]:
    """`simplified` for points given as (x, y)."""
    return simplified([Point(x, y) for x, y in points])
