"""Connector paths: routed through the gutters on their own tracks, with their labels.

Every update routes all connectors again from what each depends on, so an incremental
layout is the full one; what is slow to find is kept while its inputs stay: a
connector's plan (`layout.routing`) while its cards and the lanes it was planned
across stay, a label's spots (`layout.label_places`) while its path and the cells
around it stay. Tracks, ports, and which spot each label takes are settled anew each
time: they depend on the other connectors.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_right
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass

from journeycanvas.layout.boxes import CardLayout, ConnectorLayout, TextBlock
from journeycanvas.layout.geometry import MM_PER_PT, Point, Rect, up_to_grid
from journeycanvas.layout.gutters import Gutters, LaneBlockers, Question, lane_blockers
from journeycanvas.layout.label_places import (
    CardNear,
    CardObstacles,
    Centre,
    LabelBoard,
    Stretch,
    label_spots,
    marker_spots,
    path_length,
    path_stretch,
)
from journeycanvas.layout.path_shapes import (
    Middle,
    Ports,
    arrow_box,
    band_crossing,
    in_net,
    mark_box,
    out_net,
    own_middle,
    plan_points,
    shared_length,
)
from journeycanvas.layout.routing import Plan, plan_route
from journeycanvas.layout.style import LayoutStyle
from journeycanvas.layout.text_blocks import block_height, text_block
from journeycanvas.layout.tracks import TrackPlanner
from journeycanvas.model.entities import Connector
from journeycanvas.model.kinds import ConnectorKind
from journeycanvas.text import FontSet

_LABEL_SLACK_MM = 0.05
_LABEL_CACHE_LIMIT = 10_000
_SHORT_PATH_MM = 30.0
_FEW_MARKER_SPOTS = 24
MARKER_MM = 3.6
"""The diameter of the numbered disc that stands in for a label with no room."""


class ConnectorRouter:
    """The label boxes of one style and font set, cached by text."""

    def __init__(self, style: LayoutStyle, fonts: FontSet) -> None:
        self.style = style
        self.fonts = fonts
        self._labels: dict[str, tuple[TextBlock, float, float]] = {}

    def label_box(self, text: str) -> tuple[TextBlock, float, float]:
        """A label's text block (relative to its box), and the box's width and height."""
        cached = self._labels.get(text)
        if cached is not None:
            return cached
        style, fonts = self.style, self.fonts
        pad = style.connector_label_padding_mm
        size = style.connector_label_pt
        max_w = style.connector_label_max_width_mm
        wrapped = fonts.wrap(text, max_w / MM_PER_PT, size, style.connector_label_max_lines)
        # Re-wrapping at the widest line's width gives the same lines, centred in a snug box.
        widest = max((fonts.width(line, size) for line in wrapped.lines), default=0.0)
        inner_w = min(widest * MM_PER_PT + _LABEL_SLACK_MM, max_w)
        block = text_block(
            fonts,
            text,
            Rect(pad, pad, inner_w, 0.0),
            size,
            style.line_spacing,
            style.connector_label_max_lines,
            centered=True,
        )
        cached = (block, inner_w + 2 * pad, block_height(block) + 2 * pad)
        if len(self._labels) >= _LABEL_CACHE_LIMIT:
            self._labels.clear()
        self._labels[text] = cached
        return cached


# Lanes and columns, each as a range's start and stop.
_Cells = tuple[int, int, int, int]
_NONE: frozenset[int] = frozenset()
_ANY: tuple[int, ...] = (-1, -1, -1)
"""Stands for any change of any blockers (what a searched path depends on)."""


class LaneChanges:
    """What an update changed in the lanes: how far each moved down (by index), the
    columns whose cards changed in each (by lane index), and the cards placed again."""

    def __init__(self, shifts: list[float], cells: dict[int, set[int]], replaced: set[str]) -> None:
        self.shifts = shifts
        self.cells = cells
        self.replaced = replaced


@dataclass(slots=True)
class _Routed:
    """A connector being laid out."""

    connector: Connector
    source: CardLayout
    target: CardLayout
    plan: Plan
    points: tuple[Point, ...] = ()
    trunk: float = 0.0


class ConnectorPaths:
    """The connectors of a map laid out, and kept up to date as its cards move."""

    def __init__(self, router: ConnectorRouter) -> None:
        self._router = router
        self._blockers: list[LaneBlockers] = []
        # By connector id: its plan and what it depends on (see `_Kept`).
        self._plans: dict[str, _Kept] = {}
        # How often the blockers of each (lane, column edge) changed, and (lane, edge, 0):
        # how often they came or went.
        self._edge_versions: dict[tuple[int, ...], int] = {}
        # By (connector id, what): a label's spots and what they depend on.
        self._spots: dict[tuple[str, str], _Spots] = {}
        # The spots among cells that changed since they were chosen.
        self._dirty: set[tuple[str, str]] = set()
        # By connector id: its path and trunk, and the middle of its own part; its path,
        # anchor and trunk, and the stretch of path around the anchor.
        self._shapes: dict[str, tuple[tuple[Point, ...], float, Middle]] = {}
        self._stretches: dict[str, tuple[tuple[Point, ...], tuple[float, float], Stretch]] = {}

    def lay_out(
        self,
        connectors: list[Connector],
        cards: Mapping[str, CardLayout],
        obstacles: CardObstacles,
    ) -> dict[str, ConnectorLayout]:
        """Every connector whose two cards are laid out."""
        self._blockers = [lane_blockers(stack) for stack in obstacles.stacks]
        self._edge_versions = {}
        self._plans.clear()
        self._spots.clear()
        self._dirty.clear()
        self._shapes.clear()
        self._stretches.clear()
        return self._route(connectors, cards, obstacles, {})

    def update(
        self,
        connectors: list[Connector],
        cards: Mapping[str, CardLayout],
        old_cards: Mapping[str, CardLayout],
        previous: Mapping[str, ConnectorLayout],
        moved_cards: Set[str],
        obstacles: CardObstacles,
        changes: LaneChanges,
    ) -> tuple[dict[str, ConnectorLayout], set[str], set[str]]:
        """The connectors after cards moved: all of them, the ids changed and those gone.

        `changes` says how the lanes changed (`old_cards` and `moved_cards` are implied
        by it and the cards' rectangles).
        """
        stacks = obstacles.stacks
        # Lanes that only moved down keep their version: plans and spots are relative.
        versions = self._edge_versions
        for row in changes.cells:
            old, new = self._blockers[row], lane_blockers(stacks[row])
            self._blockers[row] = new
            for edge in old.keys() | new.keys():
                before, after = old.get(edge), new.get(edge)
                if before != after:
                    versions[(row, edge)] = versions.get((row, edge), 0) + 1
                    if not before or not after:
                        versions[(row, edge, 0)] = versions.get((row, edge, 0), 0) + 1
        versions[_ANY] = versions.get(_ANY, 0) + 1
        self._forget_spots(changes)
        result = self._route(connectors, cards, obstacles, previous)
        changed = {i for i, path in result.items() if previous.get(i) is not path}
        removed = set(previous.keys() - result.keys())
        return result, changed, removed

    def _forget_spots(self, changes: LaneChanges) -> None:
        """Mark the label spots chosen among cells that changed, or among lanes that
        moved by different distances, to be looked at again when next asked."""
        cells, shifts = changes.cells, changes.shifts
        for key, kept in self._spots.items():
            top, bottom, left, right = kept.cells
            rows = range(top, bottom)
            if len({shifts[row] for row in rows}) > 1 or any(
                not cells.get(row, _NONE).isdisjoint(range(left, right)) for row in rows
            ):
                self._dirty.add(key)

    def _plan(self, connector_id: str, s: CardLayout, t: CardLayout, gutters: Gutters) -> Plan:
        """The connector's plan, kept while its cards and the blockers it looked at stay.

        A plan only says which gutters to take, which lanes moving down does not change;
        a way found round blockers moves with the lanes it runs in while they move alike.
        """
        versions = self._edge_versions
        s_place, t_place = gutters.place(s.rect), gutters.place(t.rect)
        key = (_in_lane(s, s_place, gutters), _in_lane(t, t_place, gutters), s_place, t_place)
        kept = self._plans.get(connector_id)
        if kept is not None and kept[0] == key:
            _, seen, questions, old_plan, old_relative = kept
            moved = _moved_with_lanes(old_plan, old_relative, gutters)
            if moved is not None:
                plan, relative = moved
                if plan is not old_plan:
                    self._plans[connector_id] = (key, seen, questions, plan, relative)
                changed = [pair for pair, v in seen.items() if versions.get(pair, 0) != v]
                if not changed:
                    return plan
                # The same questions (relative to their lanes) answered alike give the
                # same plan; asking them is cheaper than planning.
                if all(
                    len(pair) == 2 and gutters.answers_hold(*pair, questions[pair])
                    for pair in changed
                ):
                    for pair in changed:
                        seen[pair] = versions.get(pair, 0)
                    return plan
        gutters.looked_at = {}
        plan, searched = plan_route(s.rect, t.rect, s_place, t_place, gutters)
        looked_at, gutters.looked_at = gutters.looked_at, None
        if searched:
            looked_at[_ANY] = []
        relative = _lane_edges(plan, gutters)
        seen = {pair: versions.get(pair, 0) for pair in looked_at}
        self._plans[connector_id] = (key, seen, looked_at, plan, relative)
        return plan

    def _route(
        self,
        connectors: list[Connector],
        cards: Mapping[str, CardLayout],
        obstacles: CardObstacles,
        previous: Mapping[str, ConnectorLayout],
    ) -> dict[str, ConnectorLayout]:
        style = self._router.style
        pad, gap = up_to_grid(style.cell_padding_mm), up_to_grid(style.card_gap_mm)
        gutters = Gutters(obstacles, pad, gap, self._blockers)
        routed: list[_Routed] = []
        for connector in connectors:
            s, t = cards.get(connector.source), cards.get(connector.target)
            if s is not None and t is not None:
                routed.append(_Routed(connector, s, t, self._plan(connector.id, s, t, gutters)))
        if len(self._plans) > 2 * len(routed) + 64:
            alive = {r.connector.id for r in routed}
            self._plans = {k: v for k, v in self._plans.items() if k in alive}
            self._spots = {k: v for k, v in self._spots.items() if k[0] in alive}
            self._dirty &= self._spots.keys()
            self._shapes = {k: v for k, v in self._shapes.items() if k in alive}
            self._stretches = {k: v for k, v in self._stretches.items() if k in alive}
        _lay_paths(routed, gutters)
        return self._finish(routed, obstacles, gutters.h_bands, previous)

    def _finish(
        self,
        routed: list[_Routed],
        obstacles: CardObstacles,
        h_bands: list[tuple[float, float]],
        previous: Mapping[str, ConnectorLayout],
    ) -> dict[str, ConnectorLayout]:
        """Break marks, labels and the layouts, keeping unchanged layouts' objects."""
        board = LabelBoard()
        band_middles = [(top + bottom) / 2 for top, bottom in h_bands]
        middles = []
        shapes = self._shapes
        for item in routed:
            # Measuring long paths adds up: kept while the path stays.
            shape = shapes.get(item.connector.id)
            if shape is None or shape[0] != item.points or shape[1] != item.trunk:
                shape = (item.points, item.trunk, own_middle(item.points, item.trunk))
                shapes[item.connector.id] = shape
            middle = shape[2]
            middles.append(middle)
            board.add(arrow_box(item.points))
            if item.connector.kind == ConnectorKind.BREAKPOINT:
                board.add(mark_box(middle[0]))
        # A fork whose connectors all say the same shows the label once, on its trunk.
        forks: dict[tuple[object, ...], list[_Routed]] = {}
        for item in routed:
            if item.plan.fixed is None and item.connector.label.strip():
                key = (item.source.id, item.plan.s_side, item.connector.label)
                forks.setdefault(key, []).append(item)
        shared_labels: dict[tuple[object, ...], tuple[Rect, int | None]] = {}
        markers = itertools.count(1)
        result: dict[str, ConnectorLayout] = {}
        for item, (mid, direction, segment, distance) in zip(routed, middles, strict=True):
            connector = item.connector
            label_rect: Rect | None = None
            label: TextBlock | None = None
            marker: int | None = None
            if connector.label.strip():
                label, w, h = self._router.label_box(connector.label)
                key = (item.source.id, item.plan.s_side, connector.label)
                group = forks.get(key, [])
                shared = len(group) > 1 and item.trunk > 0
                if shared and key in shared_labels:
                    label_rect, marker = shared_labels[key]
                else:
                    low, high = (0.0, item.trunk) if shared else (item.trunk, math.inf)
                    crossing = band_crossing(item.points, low, high, band_middles)
                    anchor = (
                        crossing
                        if crossing is not None
                        else (item.trunk / 2 if shared else distance)
                    )
                    label_rect, marker = self._place(
                        item, anchor, shared, w, h, obstacles, board, markers
                    )
                    if shared:
                        shared_labels[key] = (label_rect, marker)
            break_mark = mid if connector.kind == ConnectorKind.BREAKPOINT else None
            path = ConnectorLayout(
                connector.id,
                connector.kind,
                connector.source,
                connector.target,
                item.points,
                mid,
                direction,
                segment,
                label_rect,
                label,
                break_mark,
                marker,
            )
            was = previous.get(connector.id)
            result[connector.id] = was if was is not None and was == path else path
        return result

    def _place(
        self,
        item: _Routed,
        anchor: float,
        shared: bool,
        w: float,
        h: float,
        obstacles: CardObstacles,
        board: LabelBoard,
        markers: itertools.count[int],
    ) -> tuple[Rect, int | None]:
        """The label's spot, or a numbered marker's when no spot is free."""
        # Spots further off the path only for a short one (between cards side by side).
        length = path_length(item.points)
        stretch = self._stretch(item, anchor)
        for what in ("label", "far label") if length < _SHORT_PATH_MM else ("label",):
            centres = self._spots_for(item, what, stretch, shared, w, h, obstacles)
            spot = board.first_free(stretch.at, centres, w, h)
            if spot is not None:
                board.add(spot)
                return spot, None
        size = MARKER_MM
        centres = self._spots_for(item, "marker", stretch, shared, size, size, obstacles)
        chosen = board.first_free(stretch.at, centres, size, size)
        if chosen is None:
            # The nearest few spots first: finding them all is slow, and rarely needed.
            whole = path_stretch(item.points, length / 2, 0.0)
            for what in ("last marker", "all last marker"):
                centres = self._spots_for(item, what, whole, False, size, size, obstacles)
                chosen = board.first_free(whole.at, centres, size, size)
                if chosen is not None or self._spots[(item.connector.id, what)].complete:
                    break
        if chosen is None:
            mid = own_middle(item.points, item.trunk)[0]
            half = size / 2
            chosen = Rect(mid.x - half, mid.y - half, size, size)
        board.add(chosen)
        return chosen, next(markers)

    def _stretch(self, item: _Routed, anchor: float) -> Stretch:
        """The stretch of the item's path around `anchor`, kept while the path stays."""
        kept = self._stretches.get(item.connector.id)
        if kept is not None and kept[0] == item.points and kept[1] == (anchor, item.trunk):
            return kept[2]
        stretch = path_stretch(item.points, anchor, item.trunk)
        self._stretches[item.connector.id] = (item.points, (anchor, item.trunk), stretch)
        return stretch

    def _spots_for(
        self,
        item: _Routed,
        what: str,
        stretch: Stretch,
        shared: bool,
        w: float,
        h: float,
        obstacles: CardObstacles,
    ) -> tuple[Centre, ...]:
        """The centres (from the stretch's anchor point) of the label's spots along
        `stretch` of its path ("far …" ones: further off it,
        "last marker": anywhere near the whole path), kept while the stretch stays as it
        was, relative to its anchor point, and the cards around it sit alike, moved with
        that point."""
        at = stretch.at
        inputs = (stretch.runs, stretch.trunk, shared, w, h)
        cache_key = (item.connector.id, what)
        tops = obstacles.lane_tops
        kept = self._spots.get(cache_key)
        if kept is not None and kept.inputs == inputs and at.x == kept.at.x:
            dy = at.y - kept.at.y
            row = kept.cells[0]
            moved = kept.area.translated(0.0, dy)
            # The grid's edges: as they were where the area reaches them, and still
            # clear of it where it did not (cells elsewhere can make a lane shorter).
            bounds = obstacles.bounds
            if _bounds_alike(kept, bounds, dy) and _reaches(moved, bounds) == (
                kept.reaches_top,
                kept.reaches_bottom,
            ):
                top = tops[row] if row < len(tops) else 0.0
                if cache_key not in self._dirty and top - kept.top == dy:
                    return kept.centres
                # Cards near changed, or moved unlike the path: the same cards around
                # the anchor point give the same spots.
                if obstacles.cards_near(moved, at.y) == kept.found:
                    self._dirty.discard(cache_key)
                    kept.cells, kept.top = _cells(moved, obstacles)
                    kept.at, kept.area, kept.bounds = at, moved, bounds
                    return kept.centres
        self._dirty.discard(cache_key)
        area: Rect | None
        complete = True
        if what.endswith("last marker"):
            limit = None if what.startswith("all") else _FEW_MARKER_SPOTS
            centres, area, found = marker_spots(stretch, w, obstacles, limit)
            complete = len(centres) != limit
        else:
            far = what.startswith("far")
            centres, area, found = label_spots(stretch, shared, w, h, obstacles, far)
        if area is None:
            area = Rect(at.x, at.y, 0.0, 0.0)
        cells, top = _cells(area, obstacles)
        reaches_top, reaches_bottom = _reaches(area, obstacles.bounds)
        self._spots[cache_key] = _Spots(
            inputs,
            cells,
            centres,
            at,
            top,
            area,
            found,
            reaches_top,
            reaches_bottom,
            obstacles.bounds,
            complete,
        )
        return centres


@dataclass(slots=True)
class _Spots:
    """A label's spots and what they depend on: the stretch of path (relative to its
    anchor point), the cells looked at (lanes and columns, as ranges' starts and stops),
    the spots' centres (relative to the point), the point, the top of the first lane
    looked at, the area looked at and the cards found there, whether that area reaches
    the grid's top or bottom, the grid's bounds, and whether these are all the spots
    there are (or only the first few)."""

    inputs: tuple[object, ...]
    cells: _Cells
    centres: tuple[Centre, ...]
    at: Point
    top: float
    area: Rect
    found: list[CardNear]
    reaches_top: bool
    reaches_bottom: bool
    bounds: Rect
    complete: bool


def _cells(area: Rect, obstacles: CardObstacles) -> tuple[_Cells, float]:
    """The lanes and columns `area` covers, and the top of the first of those lanes."""
    rows = obstacles.rows(area.y, area.bottom)
    columns = obstacles.columns(area.x, area.right)
    tops = obstacles.lane_tops
    top = tops[rows.start] if rows.start < len(tops) else 0.0
    return (rows.start, rows.stop, columns.start, columns.stop), top


def _reaches(area: Rect, bounds: Rect) -> tuple[bool, bool]:
    """Whether `area` reaches the grid's top, and its bottom."""
    return area.y <= bounds.y, area.bottom >= bounds.bottom


def _bounds_alike(kept: _Spots, bounds: Rect, dy: float) -> bool:
    """Whether the grid's bounds are, for kept spots moved down by `dy`, as they were:
    the same sides, and the top or bottom where the area reaches it moved as far."""
    old = kept.bounds
    return (
        bounds.x == old.x
        and bounds.right == old.right
        and (not kept.reaches_top or (bounds.y == old.y and dy == 0))
        and (not kept.reaches_bottom or bounds.bottom - old.bottom == dy)
    )


# A kept plan: its cards' rects (from their lanes' tops) and places, the versions of the
# (lane, column edge) blockers looked at, the questions asked about each, the plan, and
# the lanes' edges when its path round blockers was worked out.
_Kept = tuple[
    tuple[object, ...],
    dict[tuple[int, ...], int],
    dict[tuple[int, ...], list[Question]],
    Plan,
    "_Relative",
]

# The tops and bottoms of the lanes when a plan's path round blockers was worked out,
# and the lane of each of its points (None for a plan without such a path).
_Relative = tuple[Sequence[float], Sequence[float], tuple[int, ...]] | None


def _in_lane(card: CardLayout, place: tuple[int, int, int], gutters: Gutters) -> tuple[float, ...]:
    """The card's rectangle relative to its lane's top, exactly as stacked."""
    rect = card.rect
    slot = gutters.obstacles.stacks[place[0]].slots.get(card.id)
    y = rect.y - gutters.tops[place[0]] if slot is None else slot.y
    return (rect.x, y, rect.w, rect.h)


def _lane_edges(plan: Plan, gutters: Gutters) -> _Relative:
    """The lanes' tops and bottoms now, and the lanes of the points of a plan's path."""
    if plan.fixed is None:
        return None
    tops = gutters.tops
    rows = tuple(max(0, bisect_right(tops, p.y) - 1) for p in plan.fixed)
    return tops, gutters.bottoms, rows


def _moved_with_lanes(
    plan: Plan, relative: _Relative, gutters: Gutters
) -> tuple[Plan, _Relative] | None:
    """The plan with its path moved along with the lanes, and the lanes' edges now.

    Each point of a path round blockers lies on a lane's top (a gutter's middle) or
    inside a lane, placed relative to its top: it moves as far as that top. On the grid
    the path worked out anew is exactly this. None when that cannot be told: the
    number of lanes changed, or a point lies in the last lane, whose bottom gutter's
    middle hangs from its bottom, and that lane's height changed."""
    if relative is None or plan.fixed is None:
        return plan, relative
    old_tops, old_bottoms, rows = relative
    tops, bottoms = gutters.tops, gutters.bottoms
    if old_tops is tops:
        return plan, relative
    if len(old_tops) != len(tops):
        return None
    moves = gutters.moves_since(old_tops)
    last = len(tops) - 1
    if (
        last in rows
        and bottoms[last] - tops[last] != old_bottoms[last] - old_tops[last]
        and any(
            row == last and p.y != old_tops[last] for p, row in zip(plan.fixed, rows, strict=True)
        )
    ):
        return None
    fixed = tuple(Point(p.x, p.y + moves[row]) for p, row in zip(plan.fixed, rows, strict=True))
    moved = Plan(plan.s_side, plan.t_side, plan.first, plan.across, plan.last, plan.loop, fixed)
    return moved, (tops, bottoms, rows)


def _lay_paths(routed: list[_Routed], gutters: Gutters) -> None:
    """Ports, tracks and the points of every planned connector, and each fork's trunk."""
    ports = Ports()
    rects: dict[str, Rect] = {}
    for item in routed:
        plan = item.plan
        if plan.fixed is not None:
            continue
        s, t = item.source, item.target
        rects[s.id], rects[t.id] = s.rect, t.rect
        out = out_net(s.id, plan)
        if plan.loop:
            ports.want(s.id, plan.s_side, out, s.rect.y - 1.0)
            ports.want(t.id, plan.t_side, in_net(item.connector.id), t.rect.bottom + 1.0)
        else:
            ports.want(s.id, plan.s_side, out, t.rect.y + t.rect.h / 2)
            ports.want(t.id, plan.t_side, in_net(item.connector.id), s.rect.y + s.rect.h / 2)
    ports.settle(rects)
    planner = TrackPlanner()
    v_bands, h_bands = gutters.v_bands, gutters.h_bands
    for item in routed:
        plan = item.plan
        if plan.fixed is not None:
            continue
        s_rect, t_rect = item.source.rect, item.target.rect
        out = out_net(item.source.id, plan)
        if plan.across < 0:
            low, high = min(s_rect.y, t_rect.y), max(s_rect.bottom, t_rect.bottom)
            planner.add(("v", plan.first), out, low, high)
            continue
        top, bottom = h_bands[plan.across]
        planner.add(("v", plan.first), out, min(s_rect.y, top), max(s_rect.bottom, bottom))
        first, last = v_bands[plan.first], v_bands[plan.last]
        planner.add(("h", plan.across), out, min(first[0], last[0]), max(first[1], last[1]))
        into = in_net(item.connector.id)
        planner.add(("v", plan.last), into, min(t_rect.y, top), max(t_rect.bottom, bottom))
    tracks = planner.assign({"v": v_bands, "h": h_bands})
    forks: dict[tuple[str, int], list[_Routed]] = {}
    for item in routed:
        plan = item.plan
        if plan.fixed is not None:
            item.points = plan.fixed
            continue
        s, t = item.source, item.target
        out, into = out_net(s.id, plan), in_net(item.connector.id)
        item.points = plan_points(
            plan,
            s.rect,
            t.rect,
            ports.y(s.id, plan.s_side, out),
            ports.y(t.id, plan.t_side, into),
            tracks,
            out,
            into,
        )
        forks.setdefault((s.id, plan.s_side), []).append(item)
    for members in forks.values():
        if len(members) > 1:
            for item in members:
                item.trunk = max(
                    shared_length(item.points, other.points)
                    for other in members
                    if other is not item
                )
