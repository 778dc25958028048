"""Connector paths: routed through the gutters on their own tracks, with their labels.

An update lays out again only what its changes reach, so that it costs what they
touch, and gives exactly what a full layout gives: a connector's plan
(`layout.routing`) is kept while its cards and the blockers it looked at stay; a path
that lies in lanes which all moved alike moves with them; its label, too, unless a
card placed again lies where its spots were looked for, or a box came, went or moved
unlike it near the spots it tried (`layout.label_board`): then it is placed again, in
the map's order, on a board holding what every label before it took. Ports and tracks
are settled anew for the connectors that run in the gutters (the others keep a way
found round blockers).

Both can be done in steps (`lay_out_steps`, `update_steps`), for an editor that spreads
routing over several frames. A run given up while it plans leaves every cache checking
its inputs; one given up once it has begun to lay out paths and labels leaves the board
half done, and the next run lays everything out anew.
"""

from __future__ import annotations

import itertools
import math
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass, replace
from operator import itemgetter

from journeycanvas.layout.boxes import CardLayout, ConnectorLayout, TextBlock
from journeycanvas.layout.geometry import MM_PER_PT, Point, Rect, up_to_grid
from journeycanvas.layout.gutters import Asked, Gutters, LaneBlockers, Question, lane_blockers
from journeycanvas.layout.label_board import Changes, Handle, LaneBoard, Probe, same_place
from journeycanvas.layout.label_places import (
    CardNear,
    CardObstacles,
    Centre,
    Stretch,
    label_spots,
    marker_spots,
    path_length,
    path_stretch,
)
from journeycanvas.layout.lane_cards import card_rect
from journeycanvas.layout.path_shapes import (
    Middle,
    Ports,
    arrow_box,
    band_crossing,
    in_net,
    mark_box,
    middle_and_extent,
    out_net,
    own_middle,
    plan_points,
    shared_length,
)
from journeycanvas.layout.routing import Plan, plan_route
from journeycanvas.layout.steps import Steps, pause_every
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


_NO_IDS: frozenset[str] = frozenset()
_REACH_MM = 4.0
"""How far round its path a connector's marks and arrow head may reach."""
_ANY: tuple[int, ...] = (-1, -1, -1)
"""Stands for any change of any blockers (what a searched path depends on)."""
_pair = itemgetter(0)


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
    s_rect: Rect
    t_rect: Rect
    plan: Plan
    points: tuple[Point, ...] = ()
    trunk: float = 0.0


@dataclass(slots=True)
class _Label:
    """Where a connector's label went, and what that depended on: the point its spots
    are relative to, the spot's centre (None for a marker on the path's middle), its
    size, whether it is a marker, the box round every spot tried, the areas whose cards
    were looked at (as they were when it was placed), and its place on the board.

    A label placed from its stretch alone (`near`: not from the whole path) also keeps
    that stretch (`runs`, `trunk`), the text, whether the path was short, and the lanes
    its box, probe and areas lie in (`rows`, as `LaneBoard.lanes_of` counts them). A
    marker placed near the whole path keeps the stretch too, and what its search along
    that stretch, which found nothing, tried and looked at (`first`)."""

    rect: Rect
    at: Point
    centre: Centre | None
    w: float
    h: float
    marker: bool
    probe: Probe | None
    areas: list[Rect]
    handle: Handle
    near: bool = False
    runs: tuple[object, ...] = ()
    trunk: float = 0.0
    text: str = ""
    short: bool = False
    rows: tuple[int, int] = (0, -1)
    first: _Search | None = None


@dataclass(frozen=True, slots=True)
class _Wanted:
    """A label to place: its connector being laid out, whether the connectors of its
    fork share it, its size and its connector's rank (labels go in that order)."""

    item: _Routed
    shared: bool
    w: float
    h: float
    rank: int


@dataclass(slots=True)
class _Search:
    """A search for a label's spot along a stretch, which found nothing: the stretch's
    point, the spots it tried (None: none), the areas whose cards it looked at, and the
    lanes those lie in (as `LaneBoard.lanes_of` counts them)."""

    at: Point
    probe: Probe | None
    areas: list[Rect]
    rows: tuple[int, int] = (0, -1)

    def moved(self, dy: float) -> _Search:
        """The search moved down by `dy` (with its lanes)."""
        probe = None if self.probe is None else self.probe.moved(dy)
        areas = [area.translated(0.0, dy) for area in self.areas]
        return _Search(Point(self.at.x, self.at.y + dy), probe, areas, self.rows)


@dataclass(slots=True)
class _Entry:
    """A connector as laid out last: its fields that matter, plan, path, trunk and
    middle; the lanes (as `LaneBoard.lane_of` counts them) that its path, boxes and
    label lie in or looked at; its boxes on the board; its label; whether it belongs to a
    fork or shows the label of one it runs along (either is placed again every time); its
    layout; the lanes its points lie in (set with `rows`); the least and the
    greatest y of its points."""

    fields: tuple[object, ...]
    plan: Plan
    points: tuple[Point, ...]
    trunk: float
    middle: Middle
    rows: tuple[int, int]
    statics: list[Rect]
    handle: Handle
    label: _Label | None
    fork: bool
    layout: ConnectorLayout
    path_rows: tuple[int, int] = (0, -1)
    extent: tuple[float, float] = (0.0, 0.0)


# A label's spots, the area whose cards were looked at and those cards (`label_spots`).
_LabelSpots = tuple[tuple[Centre, ...], Rect | None, list[CardNear]]


def _along_key(at: Point, runs: tuple[object, ...], trunk: float, text: str) -> tuple[object, ...]:
    """What a label placed along a stretch is kept by for the connectors that run along
    it too: the stretch (its point, runs and trunk) and the text."""
    return (at.x, at.y, runs, trunk, text)


def _fields(connector: Connector) -> tuple[object, ...]:
    return (connector.source, connector.target, connector.kind, connector.label)


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
        # The connectors whose plan looked at each (lane, column edge), or at any card.
        self._lookers: defaultdict[tuple[int, ...], set[str]] = defaultdict(set)
        # By (connector id, what): a label's spots and what they depend on.
        self._spots: dict[tuple[str, str], _Spots] = {}
        # This run's label spots by their inputs (the same cards all run long): many
        # labels have the same stretch at the same point (at 20,000 cards, 1,184 label
        # searches ask 558 different ones).
        self._label_spots: dict[tuple[object, ...], _LabelSpots] = {}
        # By connector id: its path, anchor and trunk, and the stretch around the anchor.
        self._stretches: dict[str, tuple[tuple[Point, ...], tuple[float, float], Stretch]] = {}
        self._entries: dict[str, _Entry] = {}
        self._by_card: defaultdict[str, set[str]] = defaultdict(set)
        self._order: list[str] = []
        self._board = LaneBoard()
        self._bottom = 0.0
        # False while a run that changes the board is under way (or was given up).
        self._complete = True

    def lay_out_steps(
        self,
        connectors: list[Connector],
        cards: Mapping[str, CardLayout],
        obstacles: CardObstacles,
        per_step: int,
    ) -> Steps[dict[str, ConnectorLayout]]:
        """Every connector whose two cards are laid out, in steps pausing every `per_step`
        connectors (0: never)."""
        self._complete = False
        self._blockers = [lane_blockers(stack) for stack in obstacles.stacks]
        self._edge_versions = {}
        self._lookers = defaultdict(set)
        self._plans.clear()
        self._spots.clear()
        self._stretches.clear()
        self._entries.clear()
        self._by_card.clear()
        self._board = LaneBoard()
        return (yield from self._route(connectors, cards, obstacles, None, None, per_step))

    def update_steps(
        self,
        connectors: list[Connector],
        cards: Mapping[str, CardLayout],
        old_cards: Mapping[str, CardLayout],
        previous: Mapping[str, ConnectorLayout],
        moved_cards: Set[str],
        obstacles: CardObstacles,
        changes: LaneChanges,
        per_step: int,
    ) -> Steps[tuple[dict[str, ConnectorLayout], set[str], set[str]]]:
        """The connectors after cards moved: all of them, the ids changed and those gone;
        in steps pausing every `per_step` connectors (0: never).

        `changes` says how the lanes changed (`old_cards` and `moved_cards` are implied by
        it and the cards' rectangles); `old_cards` and `changes` go back to the last run
        that was not given up."""
        stacks = obstacles.stacks
        if (
            not self._complete
            or len(stacks) != len(self._blockers)
            or not self._order_kept(connectors)
        ):
            result = yield from self.lay_out_steps(connectors, cards, obstacles, per_step)
        else:
            # Lanes that only moved down keep their version: plans are relative.
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
            if per_step:
                yield
            moved = _CardsMoved(changes.replaced, old_cards, cards, obstacles)
            result = yield from self._route(connectors, cards, obstacles, changes, moved, per_step)
        changed = {i for i, path in result.items() if previous.get(i) is not path}
        removed = set(previous.keys() - result.keys())
        return result, changed, removed

    def _order_kept(self, connectors: list[Connector]) -> bool:
        """Whether the connectors that stay keep their order (labels go in that order)."""
        ids = [c.id for c in connectors]
        if ids == self._order:
            return True
        now, before = set(ids), set(self._order)
        return [i for i in ids if i in before] == [i for i in self._order if i in now]

    def _plan(self, connector: Connector, s_rect: Rect, t_rect: Rect, gutters: Gutters) -> Plan:
        """The connector's plan, kept while its cards and the blockers it looked at stay.

        A plan only says which gutters to take, which lanes moving down does not change;
        a way found round blockers moves with the lanes it runs in while they move alike.
        """
        versions = self._edge_versions
        connector_id = connector.id
        s_place, t_place = gutters.place(s_rect), gutters.place(t_rect)
        key = (
            _in_lane(connector.source, s_rect, s_place, gutters),
            _in_lane(connector.target, t_rect, t_place, gutters),
            s_place,
            t_place,
        )
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
                    len(pair) == 2 and gutters.answers_hold(*pair, asked_about(questions, pair))
                    for pair in changed
                ):
                    for pair in changed:
                        seen[pair] = versions.get(pair, 0)
                    return plan
        if kept is not None:
            for pair in kept[1]:
                self._lookers.get(pair, set()).discard(connector_id)
        looked_at: list[Asked] = []
        gutters.looked_at = looked_at
        plan, searched = plan_route(s_rect, t_rect, s_place, t_place, gutters)
        gutters.looked_at = None
        if searched:
            looked_at.append((_ANY, ()))
        relative = _lane_edges(plan, gutters)
        pairs = map(_pair, looked_at)
        # A layout anew has no versions yet: every pair is at 0.
        seen = (
            {pair: versions.get(pair, 0) for pair in dict.fromkeys(pairs)}
            if versions
            else dict.fromkeys(pairs, 0)
        )
        lookers = self._lookers
        for pair in seen:
            lookers[pair].add(connector_id)
        self._plans[connector_id] = (key, seen, looked_at, plan, relative)
        return plan

    def _to_plan(self, changes: LaneChanges | None) -> set[str] | None:
        """The connectors whose plan may have changed (None: all): those with a card
        placed again, or that looked at blockers that changed since."""
        if changes is None:
            return None
        versions, lookers = self._edge_versions, self._lookers
        result: set[str] = set()
        for card in changes.replaced:
            result |= self._by_card.get(card, _NO_IDS)
        for pair, ids in lookers.items():
            if ids and (pair[0] in changes.cells or pair == _ANY):
                for i in ids:
                    kept = self._plans.get(i)
                    if kept is None or kept[1].get(pair) != versions.get(pair, 0):
                        result.add(i)
        return result

    def _route(
        self,
        connectors: list[Connector],
        cards: Mapping[str, CardLayout],
        obstacles: CardObstacles,
        changes: LaneChanges | None,
        moved: _CardsMoved | None,
        per_step: int,
    ) -> Steps[dict[str, ConnectorLayout]]:
        style = self._router.style
        pad, gap = up_to_grid(style.cell_padding_mm), up_to_grid(style.card_gap_mm)
        gutters = Gutters(obstacles, pad, gap, self._blockers)
        shifts = _Shifts(changes, obstacles, self._bottom)
        self._label_spots = {}
        board = self._board
        edges = [*obstacles.lane_tops, obstacles.bounds.bottom]
        ranks = {c.id: rank for rank, c in enumerate(connectors)}
        board.set_lanes(edges, ranks)
        to_plan = self._to_plan(changes)
        entries = self._entries
        routed: list[_Routed] = []
        planned: list[_Routed] = []
        for index, connector in enumerate(connectors):
            if pause_every(per_step, index):
                yield  # planning only fills caches that check their inputs
            cid = connector.id
            s, t = card_rect(cards, connector.source), card_rect(cards, connector.target)
            if s is None or t is None:
                continue
            entry = entries.get(cid)
            if (
                to_plan is None
                or entry is None
                or cid in to_plan
                or entry.fields != _fields(connector)
            ):
                plan = self._plan(connector, s, t, gutters)
                self._by_card[connector.source].add(cid)
                self._by_card[connector.target].add(cid)
            else:
                plan = entry.plan
                fixed = plan.fixed
                if fixed is not None:
                    # Its points moving alike move it alike (see `_moved_with_lanes`).
                    dy = shifts.alike(entry.path_rows)
                    if dy is None:
                        plan = self._plan(connector, s, t, gutters)
                    elif dy:
                        plan = replace(plan, fixed=_moved(fixed, dy))
            item = _Routed(connector, s, t, plan)
            routed.append(item)
            if plan.fixed is None:
                planned.append(item)
            else:
                item.points = plan.fixed
        if per_step:
            yield
        _lay_paths(planned, gutters)
        if per_step:
            yield
        # From here on the board changes: a run given up leaves it half done.
        self._complete = False
        # Laying out anew places every label again: what came or went does not matter.
        came = Changes(moved is not None)
        if len(entries) > len(routed):
            alive = {item.connector.id for item in routed}
            for cid in [i for i in entries if i not in alive]:
                self._forget(cid, came)
        if len(self._plans) > 2 * len(routed) + 64:
            self._plans = {k: v for k, v in self._plans.items() if k in ranks}
            self._spots = {k: v for k, v in self._spots.items() if k[0] in ranks}
            self._stretches = {k: v for k, v in self._stretches.items() if k in ranks}
        self._order = list(ranks)
        result = yield from self._finish(
            routed, obstacles, gutters.h_bands, moved, shifts, came, per_step
        )
        self._bottom = obstacles.bounds.bottom
        self._complete = True
        return result

    def _forget(self, connector_id: str, came: Changes) -> None:
        """Take a connector that went (or lost a card) off the board."""
        entry = self._entries.pop(connector_id)
        self._board.remove(entry.handle)
        for rect in entry.statics:
            came.add(rect, -1)
        if entry.label is not None:
            self._board.remove(entry.label.handle)
            came.add(entry.label.rect, -1)

    def _finish(
        self,
        routed: list[_Routed],
        obstacles: CardObstacles,
        h_bands: list[tuple[float, float]],
        moved: _CardsMoved | None,
        shifts: _Shifts,
        came: Changes,
        per_step: int,
    ) -> Steps[dict[str, ConnectorLayout]]:
        """Break marks, labels and the layouts, keeping unchanged layouts' objects.

        A connector whose path, boxes and label (and all it looked at) lie in lanes that
        moved alike keeps them, moved as far, unless a box near where its label looked
        came, went or moved unlike it: then, as for a new path, its label is placed
        again, in order, on a board holding what every label before it took."""
        board, entries = self._board, self._entries
        band_middles = [(top + bottom) / 2 for top, bottom in h_bands]
        # Paths first: every label keeps off every connector's marks and arrow heads.
        alike: list[float | None] = []
        for index, item in enumerate(routed):
            if pause_every(per_step, index):
                yield
            entry = entries.get(item.connector.id)
            dy = _kept_path(entry, item, shifts)
            alike.append(dy)
            if entry is not None and dy is not None:
                entry.plan = item.plan
                if dy:
                    entry.points = item.points
                    entry.middle = _moved_middle(entry.middle, dy)
                    ys = [p.y for p in item.points]
                    entry.extent = (min(ys), max(ys))
                    entry.statics = [rect.translated(0.0, dy) for rect in entry.statics]
                continue
            middle, least, most = middle_and_extent(item.points, item.trunk)
            statics = [arrow_box(item.points)]
            if item.connector.kind == ConnectorKind.BREAKPOINT:
                statics.append(mark_box(middle[0]))
            handle: Handle = []
            if entry is not None and board.holds(entry.handle, statics):
                # In the same place on the board: nothing came or went.
                handle = entry.handle
            else:
                for box in statics:
                    handle += board.add(box, None)
                if entry is not None:
                    board.remove(entry.handle)
                if entry is None or not same_place(entry.handle, handle):
                    for box in statics:
                        came.add(box, -1)
                    for box in [] if entry is None else entry.statics:
                        came.add(box, -1)
            label = None if entry is None else entry.label
            entries[item.connector.id] = _Entry(
                _fields(item.connector), item.plan, item.points, item.trunk, middle, (0, 0),
                statics, handle, label, False, _NO_LAYOUT if entry is None else entry.layout,
                extent=(least, most),
            )  # fmt: skip
        # A fork whose connectors all say the same shows the label once, on its trunk.
        forks: dict[tuple[object, ...], list[_Routed]] = {}
        for item in routed:
            if item.plan.fixed is None and item.connector.label.strip():
                key = (item.connector.source, item.plan.s_side, item.connector.label)
                forks.setdefault(key, []).append(item)
        shared_labels: dict[tuple[object, ...], tuple[Rect, int | None]] = {}
        # Labels placed along their stretch, by the stretch (its point and runs) and the
        # text: a later connector with that stretch runs on top of the first one all
        # along it, and says the same, so it shows that label too (as a fork does). A
        # kept label needs no look here: such a label, come to its stretch since, would
        # lie on a spot it tried (the first free one of the same spots, for fewer
        # labels), and a box that came there places it again.
        along_labels: dict[tuple[object, ...], Rect] = {}
        markers = itertools.count(1)
        result: dict[str, ConnectorLayout] = {}
        for rank, (item, dy) in enumerate(zip(routed, alike, strict=True)):
            if pause_every(per_step, rank):
                yield
            connector = item.connector
            entry = entries[connector.id]
            text = connector.label.strip()
            key = (connector.source, item.plan.s_side, connector.label)
            group = forks.get(key, []) if text else []
            fork = len(group) > 1
            label = entry.label
            rect: Rect | None = None
            marker: int | None = None
            placed = False
            runs_along = False
            if (
                label is not None
                and dy is not None
                and text
                and not fork
                and not entry.fork
                and moved is not None
                and not moved.near(label.areas, dy)
                and _label_kept(label, dy, came, rank)
            ):
                if dy:
                    _move_label(label, entry, dy)
                rect = label.rect
                if label.marker:
                    marker = next(markers)
            elif (
                label is not None
                and label.near
                and dy is None
                and not fork
                and not entry.fork
                and moved is not None
                and label.text == connector.label
                and (
                    along := self._along(
                        item, entry, label, band_middles, moved, shifts, came, rank
                    )
                )
                is not None
            ):
                if along:
                    _move_label(label, entry, along)
                rect = label.rect
                if label.marker:
                    marker = next(markers)
            elif text:
                placed = True
                old = label
                shared = fork and item.trunk > 0
                # Another connector's label shown too: its fork's, or that of one it
                # runs along.
                copied = shared_labels.get(key) if shared else None
                if copied is None:
                    anchor = _anchor(item, entry, shared, band_middles)
                    if not fork:
                        stretch = self._stretch(item, anchor)
                        runs_key = _along_key(
                            stretch.at, stretch.runs, stretch.trunk, connector.label
                        )
                        if runs_key in along_labels:
                            copied, runs_along = (along_labels[runs_key], None), True
                if copied is not None:
                    rect, marker = copied
                    label = _Label(rect, rect.center, None, 0.0, 0.0, marker is not None,
                                   None, [], [])  # fmt: skip
                else:
                    _, w, h = self._router.label_box(connector.label)
                    first = None
                    if (
                        old is not None
                        and old.first is not None
                        and not fork
                        and not entry.fork
                        and moved is not None
                        and old.text == connector.label
                    ):
                        first = self._first_kept(item, anchor, old, old.first, moved, shifts,
                                                 came, rank)  # fmt: skip
                    wanted = _Wanted(item, shared, w, h, rank)
                    label = self._place(wanted, anchor, obstacles, first)
                    rect = label.rect
                    if label.marker:
                        marker = next(markers)
                    if shared:
                        shared_labels[key] = (rect, marker)
                label.handle = board.add(rect, connector.id)
                if old is not None:
                    board.remove(old.handle)
                if old is None or not same_place(old.handle, label.handle):
                    came.add(rect, rank)
                    if old is not None:
                        came.add(old.rect, rank)
                entry.label = label
            elif label is not None:
                placed = True
                board.remove(label.handle)
                came.add(label.rect, rank)
                entry.label = None
            if label is not None and label.near and not fork:
                along_key = _along_key(label.at, label.runs, label.trunk, connector.label)
                along_labels.setdefault(along_key, label.rect)
            # A label shown along with an earlier one is placed again every time, as a
            # fork's is: it goes wherever that one does.
            entry.fork = fork or runs_along
            if dy is None or placed:
                entry.rows = _rows(entry, board)
            result[connector.id] = self._layout(item, entry, rect, marker)
        return result

    def _along(
        self,
        item: _Routed,
        entry: _Entry,
        label: _Label,
        band_middles: list[float],
        moved: _CardsMoved,
        shifts: _Shifts,
        came: Changes,
        rank: int,
    ) -> float | None:
        """How far a label placed from its stretch alone moved along with it, when its
        path changed but that stretch did not (relative to its anchor point, which
        moved only down), the lanes round the label moved as far, no card placed again
        lies near it and no box came, went or moved near the spots it tried: placing it
        again would give the same spot, moved as far. None if not."""
        search = _Search(label.at, label.probe, label.areas, label.rows)
        anchor = _anchor(item, entry, False, band_middles)
        return self._search_moved(item, anchor, label, search, moved, shifts, came, rank)

    def _first_kept(
        self,
        item: _Routed,
        anchor: float,
        label: _Label,
        first: _Search,
        moved: _CardsMoved,
        shifts: _Shifts,
        came: Changes,
        rank: int,
    ) -> _Search | None:
        """The search along the stretch of a marker placed near its whole path, moved
        along with that stretch, when it would find nothing again. None if not."""
        dy = self._search_moved(item, anchor, label, first, moved, shifts, came, rank)
        if dy is None:
            return None
        return first.moved(dy) if dy else first

    def _search_moved(
        self,
        item: _Routed,
        anchor: float,
        label: _Label,
        search: _Search,
        moved: _CardsMoved,
        shifts: _Shifts,
        came: Changes,
        rank: int,
    ) -> float | None:
        """How far a search for the label's spot along its stretch moved with it, when
        searching again would find the same, moved as far: the stretch stayed (relative
        to its point, which moved only down) and, round the search, the lanes moved as
        far, no card was placed again and no box came, went or moved. None if not."""
        stretch = self._stretch(item, anchor)
        at = stretch.at
        if (
            at.x != search.at.x
            or stretch.trunk != label.trunk
            or stretch.runs != label.runs
            or (path_length(item.points) < _SHORT_PATH_MM) != label.short
        ):
            return None
        dy = at.y - search.at.y
        if (
            shifts.alike(search.rows) != dy
            or moved.near(search.areas, dy)
            or not _probe_kept(search.probe, dy, came, rank)
        ):
            return None
        return dy

    def _layout(
        self, item: _Routed, entry: _Entry, rect: Rect | None, marker: int | None
    ) -> ConnectorLayout:
        """The connector's layout; the one it had when nothing in it changed."""
        connector = item.connector
        mid, direction, segment, _ = entry.middle
        label = None if rect is None else self._router.label_box(connector.label)[0]
        was = entry.layout
        if (
            was.points is item.points
            and was.mid is mid
            and was.label_rect == rect
            and was.marker == marker
            and was.label is label
            and was.kind == connector.kind
        ):
            return was
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
            rect,
            label,
            break_mark,
            marker,
        )
        entry.layout = was if was is not _NO_LAYOUT and _same_layout(was, path) else path
        return entry.layout

    def _place(
        self,
        wanted: _Wanted,
        anchor: float,
        obstacles: CardObstacles,
        first: _Search | None = None,
    ) -> _Label:
        """The label's spot on the board, or, when no spot along its stretch is free, a
        numbered marker's near the middle of its path; with `first`, the search along
        the stretch, which would find nothing, is not done.

        (A marker is not looked for along the stretch first: at 20,000 cards that
        search found a spot for 5 of 937 markers and cost a tenth of all routing.)"""
        item, rank, board = wanted.item, wanted.rank, self._board
        cid = item.connector.id
        length = path_length(item.points)
        stretch = self._stretch(item, anchor)
        if first is None:
            near = self._place_near(wanted, stretch, length, obstacles)
            if isinstance(near, _Label):
                return near
            probe, areas = near
            first = _Search(stretch.at, _tried(probe), areas)
        size = MARKER_MM
        # The nearest few spots first, and none past the first free one: finding them
        # all is slow, and rarely needed.
        whole = path_stretch(item.points, length / 2, 0.0)
        at = whole.at
        later = Probe([])
        areas = list(first.areas)

        taken: list[Centre] = []

        def take(centre: Centre) -> bool:
            if board.is_free(at, centre, size, size, rank):
                taken.append(centre)
                return True
            return False

        found: tuple[Rect, Centre] | None = None
        for what in ("last marker", "all last marker"):
            centres = self._spots_for(item, what, whole, False, size, size, obstacles, take)
            kept = self._spots[(cid, what)]
            areas.append(kept.area)
            if taken and centres[-1] == taken[-1]:
                # Found just now: the spots stopped at the one `take` found free, each
                # before it taken, on the board as it still is (what first_free finds).
                found = board.last_of(at, centres, size, size, later)
            else:
                found = board.first_free(at, centres, size, size, rank, later)
            if found is not None or kept.complete:
                break
        tried = _tried(_joined(first.probe, later))
        if found is None:
            mid = own_middle(item.points, item.trunk)[0]
            half = size / 2
            return _Label(Rect(mid.x - half, mid.y - half, size, size), mid, None, size, size,
                          True, tried, areas, [])  # fmt: skip
        return _Label(found[0], at, found[1], size, size, True, tried, areas, [], False,
                      stretch.runs, stretch.trunk, item.connector.label,
                      length < _SHORT_PATH_MM, first=first)  # fmt: skip

    def _place_near(
        self, wanted: _Wanted, stretch: Stretch, length: float, obstacles: CardObstacles
    ) -> _Label | tuple[Probe, list[Rect]]:
        """The label's spot along its stretch (`length`: the whole path's length); if
        none is free, the spots tried and the areas whose cards were looked at."""
        item, shared, w, h = wanted.item, wanted.shared, wanted.w, wanted.h
        rank, board = wanted.rank, self._board
        # Spots further off the path only for a short one (between cards side by side).
        cid = item.connector.id
        probe = Probe([])
        areas: list[Rect] = []
        for what in ("label", "far label") if length < _SHORT_PATH_MM else ("label",):
            centres = self._spots_for(item, what, stretch, shared, w, h, obstacles)
            areas.append(self._spots[(cid, what)].area)
            found = board.first_free(stretch.at, centres, w, h, rank, probe)
            if found is not None:
                return _Label(found[0], stretch.at, found[1], w, h, False, _tried(probe),
                              areas, [], True, stretch.runs, stretch.trunk,
                              item.connector.label, length < _SHORT_PATH_MM)  # fmt: skip
        return probe, areas

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
        take: Callable[[Centre], bool] | None = None,
    ) -> tuple[Centre, ...]:
        """The centres (from the stretch's anchor point) of the label's spots along
        `stretch` of its path ("far …" ones: further off it,
        "last marker": anywhere near the whole path, none past the first `take` takes),
        kept while the stretch stays as it was, relative to its anchor point, and the
        cards around it sit alike, moved with that point (the "all last marker" ones
        only when they are all: they are asked for when the first few have no free one)."""
        at = stretch.at
        inputs = (stretch.runs, stretch.trunk, shared, w, h)
        cache_key = (item.connector.id, what)
        kept = self._spots.get(cache_key)
        if (
            kept is not None
            and kept.inputs == inputs
            and at.x == kept.at.x
            and (kept.complete or what != "all last marker")
        ):
            dy = at.y - kept.at.y
            moved = kept.area.translated(0.0, dy)
            # The grid's edges: as they were where the area reaches them, and still
            # clear of it where it did not (cells elsewhere can make a lane shorter).
            bounds = obstacles.bounds
            if (
                _bounds_alike(kept, bounds, dy)
                and _reaches(moved, bounds) == (kept.reaches_top, kept.reaches_bottom)
                and obstacles.cards_near(moved, at.y) == kept.found
            ):
                # The same cards around the anchor point give the same spots.
                kept.at, kept.area, kept.bounds = at, moved, bounds
                return kept.centres
        area: Rect | None
        complete = True
        if what.endswith("last marker"):
            limit = None if what.startswith("all") else _FEW_MARKER_SPOTS
            centres, area, found, complete = marker_spots(stretch, w, obstacles, limit, take)
        else:
            far = what.startswith("far")
            asked = (at, stretch.runs, stretch.trunk, shared, w, h, far)
            spots = self._label_spots.get(asked)
            if spots is None:
                spots = label_spots(stretch, shared, w, h, obstacles, far)
                self._label_spots[asked] = spots
            centres, area, found = spots
        if area is None:
            area = Rect(at.x, at.y, 0.0, 0.0)
        reaches_top, reaches_bottom = _reaches(area, obstacles.bounds)
        self._spots[cache_key] = _Spots(
            inputs,
            centres,
            at,
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
    anchor point), the spots' centres (relative to the point), the point, the area
    looked at and the cards found there, whether that area reaches the grid's top or
    bottom, the grid's bounds, and whether these are all the spots there are (or only
    the first few)."""

    inputs: tuple[object, ...]
    centres: tuple[Centre, ...]
    at: Point
    area: Rect
    found: list[CardNear]
    reaches_top: bool
    reaches_bottom: bool
    bounds: Rect
    complete: bool


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


def _tried(probe: Probe) -> Probe | None:
    return probe if probe.spots else None


_NO_LAYOUT = ConnectorLayout("", "", "", "", (), Point(0.0, 0.0), Point(1.0, 0.0), 0,
                             None, None, None, None)  # fmt: skip


def _same_layout(a: ConnectorLayout, b: ConnectorLayout) -> bool:
    """`a == b`, the points compared first and by their coordinates (much faster)."""
    p, q = a.points, b.points
    if p is not q and (
        len(p) != len(q) or any(m.x != n.x or m.y != n.y for m, n in zip(p, q, strict=True))
    ):
        return False
    return (
        a.mid_segment == b.mid_segment
        and a.marker == b.marker
        and a.id == b.id
        and a.kind == b.kind
        and a.source == b.source
        and a.target == b.target
        and a.mid == b.mid
        and a.mid_direction == b.mid_direction
        and a.label_rect == b.label_rect
        and a.break_mark == b.break_mark
        and a.label == b.label
    )


class _Shifts:
    """How far each lane moved down in an update (by `LaneBoard.lane_of`'s count: the
    space above the lanes never moves, the one below moves with the grid's bottom)."""

    def __init__(self, changes: LaneChanges | None, obstacles: CardObstacles, bottom: float):
        self._moves: list[float] | None = None
        self._breaks: list[int] = []
        if changes is not None:
            moves = [0.0, *changes.shifts, obstacles.bounds.bottom - bottom]
            self._moves = moves
            self._breaks = [i for i in range(1, len(moves)) if moves[i] != moves[i - 1]]

    def alike(self, rows: tuple[int, int]) -> float | None:
        """How far lanes `rows` (first and last) moved, if all alike; None if not, or
        when everything is laid out anew."""
        moves = self._moves
        if moves is None:
            return None
        first, last = rows[0] + 1, rows[1] + 1
        for index in self._breaks:
            if first < index <= last:
                return None
        return moves[first]


def _kept_path(entry: _Entry | None, item: _Routed, shifts: _Shifts) -> float | None:
    """How far the item's path, marks and label moved along with the lanes they lie in,
    if they did (and nothing else about them changed); None if not."""
    if entry is None or entry.trunk != item.trunk or entry.fields != _fields(item.connector):
        return None
    dy = shifts.alike(entry.rows)
    if dy is None:
        return None
    old, new = entry.points, item.points
    if new is not old and (
        len(new) != len(old)
        or any(p.x != q.x or p.y != q.y + dy for p, q in zip(new, old, strict=True))
    ):
        return None
    return dy


class _CardsMoved:
    """Where the cards placed again were and are, as spans down each stage column."""

    def __init__(
        self,
        replaced: Set[str],
        old_cards: Mapping[str, CardLayout],
        cards: Mapping[str, CardLayout],
        obstacles: CardObstacles,
    ) -> None:
        self._obstacles = obstacles
        before: dict[int, list[tuple[float, float]]] = {}
        after: dict[int, list[tuple[float, float]]] = {}
        for card_id in replaced:
            for layouts, spans in ((old_cards, before), (cards, after)):
                card = layouts.get(card_id)
                if card is not None:
                    rect = card.rect
                    for column in obstacles.columns(rect.x, rect.right):
                        spans.setdefault(column, []).append((rect.y, rect.bottom))
        self.before = {column: _Spans(ys) for column, ys in before.items()}
        self.after = {column: _Spans(ys) for column, ys in after.items()}

    def near(self, areas: list[Rect], dy: float) -> bool:
        """Whether a card placed again was in one of `areas` or is in one of them
        moved down by `dy`."""
        columns = self._obstacles.columns
        before, after = self.before, self.after
        for area in areas:
            top, bottom = area.y, area.bottom
            for column in columns(area.x, area.right):
                spans = before.get(column)
                if spans is not None and spans.touch(top, bottom):
                    return True
                spans = after.get(column)
                if spans is not None and spans.touch(top + dy, bottom + dy):
                    return True
        return False


class _Spans:
    """Spans down a column (top and bottom), to ask whether any touches a stretch."""

    def __init__(self, spans: list[tuple[float, float]]) -> None:
        spans.sort()
        self._tops = [top for top, _ in spans]
        # The lowest bottom of the spans up to each (they may nest or overlap).
        self._reach = list(itertools.accumulate((bottom for _, bottom in spans), max))

    def touch(self, top: float, bottom: float) -> bool:
        """Whether a span touches `top`…`bottom`, edges included."""
        index = bisect_right(self._tops, bottom)
        return index > 0 and self._reach[index - 1] >= top


def _label_kept(label: _Label, dy: float, came: Changes, rank: int) -> bool:
    """Whether a label whose path moved `dy` with its lanes, among cards that stayed,
    goes where it was, moved as far: no box that counts for it came, went or moved
    near the spots it tried."""
    return _probe_kept(label.probe, dy, came, rank)


def _probe_kept(probe: Probe | None, dy: float, came: Changes, rank: int) -> bool:
    """Whether no box that counts for a label of rank `rank` came, went or moved near
    the spots `probe` tried, where they were or moved down by `dy`."""
    return probe is None or not (
        came.touch(probe, rank) or (dy != 0.0 and came.touch(probe, rank, dy))
    )


def _joined(a: Probe | None, b: Probe) -> Probe:
    """The spots of two probes, and the box round them all."""
    if a is None:
        return b
    return Probe(
        a.spots + b.spots,
        min(a.left, b.left),
        min(a.top, b.top),
        max(a.right, b.right),
        max(a.bottom, b.bottom),
    )


def _move_label(label: _Label, entry: _Entry, dy: float) -> None:
    """Move a kept label along with its lanes (its rectangle worked out as placing it
    there gives it)."""
    at = label.at
    label.at = Point(at.x, at.y + dy)
    if label.centre is None:
        mid = entry.middle[0]
        half = label.w / 2
        label.rect = Rect(mid.x - half, mid.y - half, label.w, label.h)
    else:
        x, y = label.centre
        half_w, half_h = label.w / 2, label.h / 2
        label.rect = Rect(label.at.x + x - half_w, label.at.y + y - half_h, label.w, label.h)
    if label.probe is not None:
        label.probe = label.probe.moved(dy)
    label.areas = [area.translated(0.0, dy) for area in label.areas]
    if label.first is not None:
        label.first = label.first.moved(dy)


def _rows(entry: _Entry, board: LaneBoard) -> tuple[int, int]:
    """The lanes the connector's path, marks and label lie in or looked at (and, in
    the label's `rows`, those its label, probe and areas do)."""
    low, high = entry.extent
    entry.path_rows = board.lanes_of(low, high)
    low, high = low - _REACH_MM, high + _REACH_MM
    # Comparisons, not min() and max(): the same results, without the calls.
    for rect in entry.statics:
        if rect.y < low:
            low = rect.y
        if rect.bottom > high:
            high = rect.bottom
    label = entry.label
    if label is not None:
        top, bottom = _extent([label.rect, *label.areas], label.probe)
        label.rows = board.lanes_of(top, bottom)
        if top < low:
            low = top
        if bottom > high:
            high = bottom
        if label.first is not None:
            label.first.rows = board.lanes_of(*_extent(label.first.areas, label.first.probe))
    return board.lanes_of(low, high)


def _extent(rects: list[Rect], probe: Probe | None) -> tuple[float, float]:
    """The top and the bottom of `rects` and of the spots `probe` tried."""
    top, bottom = math.inf, -math.inf
    for rect in rects:
        if rect.y < top:
            top = rect.y
        if rect.bottom > bottom:
            bottom = rect.bottom
    if probe is not None:
        if probe.top < top:
            top = probe.top
        if probe.bottom > bottom:
            bottom = probe.bottom
    return top, bottom


def _anchor(item: _Routed, entry: _Entry, shared: bool, band_middles: list[float]) -> float:
    """Where along its path a label is anchored: where the first vertical run of its own
    part that crosses a lane gutter's middle crosses it (the topmost, should it cross
    several), or else the middle of its own part's longest run. A `shared` label: where
    the fork's trunk crosses one nearest the trunk's middle, or else that middle."""
    low, high = (0.0, item.trunk) if shared else (item.trunk, math.inf)
    crossing = band_crossing(item.points, low, high, band_middles)
    if crossing is not None:
        return crossing
    return item.trunk / 2 if shared else entry.middle[3]


def _moved(points: tuple[Point, ...], dy: float) -> tuple[Point, ...]:
    return tuple([Point(p.x, p.y + dy) for p in points])


def _moved_middle(middle: Middle, dy: float) -> Middle:
    point, direction, segment, distance = middle
    return Point(point.x, point.y + dy), direction, segment, distance


# A kept plan: its cards' rects (from their lanes' tops) and places, the versions of the
# (lane, column edge) blockers looked at, the questions asked about them (as in
# `Gutters.looked_at`), the plan, and the lanes' edges when its path round blockers was
# worked out.
_Kept = tuple[
    tuple[object, ...],
    dict[tuple[int, ...], int],
    list[Asked],
    Plan,
    "_Relative",
]


def asked_about(asked: list[Asked], pair: tuple[int, ...]) -> list[Question]:
    """The questions of a plan's record (as in `Gutters.looked_at`) asked about `pair`,
    in the order asked."""
    return [question for about, question in asked if about == pair]


# The tops and bottoms of the lanes when a plan's path round blockers was worked out,
# and the lane of each of its points (None until asked for), or None for a plan without
# such a path.
_Relative = tuple[Sequence[float], Sequence[float], tuple[int, ...] | None] | None


def _in_lane(
    card_id: str, rect: Rect, place: tuple[int, int, int], gutters: Gutters
) -> tuple[float, ...]:
    """The card's rectangle relative to its lane's top, exactly as stacked."""
    slot = gutters.obstacles.stacks[place[0]].slots.get(card_id)
    y = rect.y - gutters.tops[place[0]] if slot is None else slot.y
    return (rect.x, y, rect.w, rect.h)


def _lane_edges(plan: Plan, gutters: Gutters) -> _Relative:
    """The lanes' tops and bottoms now (the lanes of the points of a plan's path follow
    from them when the lanes move: most plans never move)."""
    if plan.fixed is None:
        return None
    return gutters.tops, gutters.bottoms, None


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
    if rows is None:
        rows = tuple(max(0, bisect_right(old_tops, p.y) - 1) for p in plan.fixed)
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
        s, t = item.connector.source, item.connector.target
        s_rect, t_rect = item.s_rect, item.t_rect
        rects[s], rects[t] = s_rect, t_rect
        out = out_net(s, plan)
        if plan.loop:
            ports.want(s, plan.s_side, out, s_rect.y - 1.0)
            ports.want(t, plan.t_side, in_net(item.connector.id), t_rect.bottom + 1.0)
        else:
            ports.want(s, plan.s_side, out, t_rect.y + t_rect.h / 2)
            ports.want(t, plan.t_side, in_net(item.connector.id), s_rect.y + s_rect.h / 2)
    ports.settle(rects)
    planner = TrackPlanner()
    v_bands, h_bands = gutters.v_bands, gutters.h_bands
    for item in routed:
        plan = item.plan
        if plan.fixed is not None:
            continue
        s_rect, t_rect = item.s_rect, item.t_rect
        out = out_net(item.connector.source, plan)
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
        s, t = item.connector.source, item.connector.target
        out, into = out_net(s, plan), in_net(item.connector.id)
        item.points = plan_points(
            plan,
            item.s_rect,
            item.t_rect,
            ports.y(s, plan.s_side, out),
            ports.y(t, plan.t_side, into),
            tracks,
            out,
            into,
        )
        forks.setdefault((s, plan.s_side), []).append(item)
    for members in forks.values():
        if len(members) > 1:
            for item in members:
                item.trunk = max(
                    shared_length(item.points, other.points)
                    for other in members
                    if other is not item
                )
