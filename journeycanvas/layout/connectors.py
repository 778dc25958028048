"""Connector paths: orthogonal routes from one card's edge to another's, with a label."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Set
from operator import attrgetter

from journeycanvas.layout.boxes import CardLayout, ConnectorLayout, TextBlock
from journeycanvas.layout.geometry import MM_PER_PT, Point, Rect
from journeycanvas.layout.label_places import CardObstacles, place_label, search_area
from journeycanvas.layout.label_places import label_rect as label_rect_at
from journeycanvas.layout.style import LayoutStyle
from journeycanvas.layout.text_blocks import block_height, text_block
from journeycanvas.model.entities import Connector
from journeycanvas.model.kinds import ConnectorKind
from journeycanvas.text import FontSet

_LABEL_SLACK_MM = 0.05
_LABEL_CACHE_LIMIT = 10_000
_RIGHT = Point(1.0, 0.0)


def route(source: Rect, target: Rect) -> tuple[Point, ...]:
    """An orthogonal path between two cards.

    Side by side: from the facing vertical edges at mid-height, with an elbow halfway.
    Above one another: from the facing horizontal edges at mid-width. Overlapping:
    straight from centre to centre.
    """
    sx, sy, sw, sh = source.x, source.y, source.w, source.h
    tx, ty, tw, th = target.x, target.y, target.w, target.h
    s_right, t_right = sx + sw, tx + tw
    if tx >= s_right or t_right <= sx:
        rightwards = tx >= s_right
        start_x = s_right if rightwards else sx
        end_x = tx if rightwards else t_right
        start_y, end_y = sy + sh / 2, ty + th / 2
        if abs(start_y - end_y) < 1e-9:
            return (Point(start_x, start_y), Point(end_x, end_y))
        mid_x = (start_x + end_x) / 2
        return (
            Point(start_x, start_y),
            Point(mid_x, start_y),
            Point(mid_x, end_y),
            Point(end_x, end_y),
        )
    s_bottom, t_bottom = sy + sh, ty + th
    if ty >= s_bottom or t_bottom <= sy:
        downwards = ty >= s_bottom
        start_y = s_bottom if downwards else sy
        end_y = ty if downwards else t_bottom
        start_x, end_x = sx + sw / 2, tx + tw / 2
        if abs(start_x - end_x) < 1e-9:
            return (Point(start_x, start_y), Point(end_x, end_y))
        mid_y = (start_y + end_y) / 2
        return (
            Point(start_x, start_y),
            Point(start_x, mid_y),
            Point(end_x, mid_y),
            Point(end_x, end_y),
        )
    return (Point(sx + sw / 2, sy + sh / 2), Point(tx + tw / 2, ty + th / 2))


def _middle(points: tuple[Point, ...]) -> tuple[Point, Point]:
    """The middle of the path's middle segment, and a unit vector along it."""
    index = (len(points) - 1) // 2
    a, b = points[index], points[index + 1]
    dx, dy = b.x - a.x, b.y - a.y
    length = math.hypot(dx, dy)
    direction = _RIGHT if length == 0 else Point(dx / length, dy / length)
    return Point((a.x + b.x) / 2, (a.y + b.y) / 2), direction


class ConnectorRouter:
    """Lays out connectors for one style and font set, caching label boxes by text."""

    def __init__(self, style: LayoutStyle, fonts: FontSet) -> None:
        self.style = style
        self.fonts = fonts
        self._labels: dict[str, tuple[TextBlock, float, float]] = {}

    def layout(
        self,
        connector: Connector,
        source: Rect,
        target: Rect,
        obstacles: CardObstacles,
        offsets: dict[str, tuple[float, float]],
        keep_offset: bool = False,
    ) -> ConnectorLayout:
        """Lay out one connector between the rectangles of its two cards; its label goes
        near the path's middle where no card is (see `place_label`).

        The label's offset from the middle is noted in `offsets`; with `keep_offset` the
        one noted there is used again (for a path whose surroundings only shifted).
        """
        points = route(source, target)
        mid, direction = _middle(points)
        breakpoint = connector.kind == ConnectorKind.BREAKPOINT
        label_rect, label = None, None
        if connector.label.strip():
            label, width, height = self._label_box(connector.label)
            offset = offsets.get(connector.id) if keep_offset else None
            if offset is None:
                offset = place_label(mid, width, height, breakpoint, obstacles)
                offsets[connector.id] = offset
            label_rect = label_rect_at(mid, width, height, offset)
        break_mark = mid if breakpoint else None
        return ConnectorLayout(
            connector.id,
            connector.kind,
            connector.source,
            connector.target,
            points,
            mid,
            direction,
            label_rect,
            label,
            break_mark,
        )

    def _label_box(self, text: str) -> tuple[TextBlock, float, float]:
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


# What a connector's path depends on besides its cards: id, source, target, kind, label.
_ConnectorKey = tuple[str, str, str, ConnectorKind, str]
_key_of: Callable[[Connector], _ConnectorKey] = attrgetter(
    "id", "source", "target", "kind", "label"
)


class ConnectorPaths:
    """The connectors of a map laid out, and kept up to date as its cards move.

    While the map's connectors stay as they were, an update routes again only those
    touching a card whose layout changed, and those whose label may have to make room
    for cards in a lane that changed; otherwise every connector is compared.
    """

    def __init__(self, router: ConnectorRouter) -> None:
        self._router = router
        self._keys: list[_ConnectorKey] = []
        self._key_by_id: dict[str, _ConnectorKey] = {}
        self._connectors: dict[str, Connector] = {}
        self._by_card: dict[str, list[str]] | None = None
        # The cells each label's place depends on (lanes and columns as range start and
        # stop), by connector id.
        self._label_cells: dict[str, _Cells] = {}
        # Each label's centre from its path's middle, by connector id.
        self._offsets: dict[str, tuple[float, float]] = {}
        self._bounds: Rect | None = None

    def _remember(self, connectors: list[Connector], keys: list[_ConnectorKey]) -> None:
        self._keys = keys
        self._key_by_id = {key[0]: key for key in keys}
        self._connectors = {connector.id: connector for connector in connectors}
        self._by_card = None

    def _connectors_of_cards(self) -> dict[str, list[str]]:
        """The ids of the connectors at each card (made when first needed)."""
        if self._by_card is None:
            self._by_card = {}
            for connector_id, source, target, _, _ in self._keys:
                self._by_card.setdefault(source, []).append(connector_id)
                self._by_card.setdefault(target, []).append(connector_id)
        return self._by_card

    def lay_out(
        self,
        connectors: list[Connector],
        cards: Mapping[str, CardLayout],
        obstacles: CardObstacles,
    ) -> dict[str, ConnectorLayout]:
        """Every connector whose two cards are laid out."""
        self._remember(connectors, list(map(_key_of, connectors)))
        self._label_cells = {}
        offsets: dict[str, tuple[float, float]] = {}
        self._offsets = offsets
        self._bounds = obstacles.bounds
        layout = self._router.layout
        result = {}
        for connector in connectors:
            source, target = cards.get(connector.source), cards.get(connector.target)
            if source is not None and target is not None:
                path = layout(connector, source.rect, target.rect, obstacles, offsets)
                result[connector.id] = path
                if path.label_rect is not None:
                    self._note_label(path, obstacles)
        return result

    def _note_label(self, path: ConnectorLayout, obstacles: CardObstacles) -> None:
        """Remember the cells the path's label was placed among."""
        rect = path.label_rect
        if rect is None:
            self._label_cells.pop(path.id, None)
            return
        area = search_area(path.mid, rect.w, rect.h)
        rows = obstacles.rows(area.y, area.bottom)
        columns = obstacles.columns(area.x, area.right)
        self._label_cells[path.id] = (rows.start, rows.stop, columns.start, columns.stop)

    def _labels_near(self, changes: LaneChanges) -> set[str]:
        """The connectors whose label was placed among cells that changed or moved."""
        moved = {i for i, shift in enumerate(changes.shifts) if shift != 0.0}
        cells = changes.cells
        if not moved and not cells:
            return set()
        return {
            connector_id
            for connector_id, (top, bottom, left, right) in self._label_cells.items()
            if any(
                row in moved or not cells.get(row, _NONE).isdisjoint(range(left, right))
                for row in range(top, bottom)
            )
        }

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

        `moved_cards` names every card whose layout changed or that is gone;
        `changes` how the lanes changed.
        """
        keys = list(map(_key_of, connectors))
        work: list[tuple[Connector, _ConnectorKey, _ConnectorKey | None]]
        shifts = _Shifts(changes, self._bounds, obstacles.bounds)
        relabel = self._labels_near(changes)
        if keys == self._keys:
            if len(moved_cards) < len(keys) // 4:
                by_card = self._connectors_of_cards()
                touched = {i for card_id in moved_cards for i in by_card.get(card_id, ())}
                touched |= relabel
                touched_keys = [self._key_by_id[i] for i in touched]
            else:
                touched_keys = [
                    k for k in keys if k[1] in moved_cards or k[2] in moved_cards or k[0] in relabel
                ]
            objects = self._connectors
            work = [(objects[key[0]], key, key) for key in touched_keys]
            result = dict(previous)
        else:
            old_keys = self._key_by_id
            work = [(c, key, old_keys.get(key[0])) for c, key in zip(connectors, keys, strict=True)]
            self._remember(connectors, keys)
            result = {}
        changed: set[str] = set()
        for connector, key, old_key in work:
            connector_id = key[0]
            was = previous.get(connector_id)
            stale = connector_id in relabel
            path = self._path(
                connector, key, cards, old_cards, was, old_key, obstacles, stale, shifts
            )
            if path is None:
                result.pop(connector_id, None)
                self._label_cells.pop(connector_id, None)
                self._offsets.pop(connector_id, None)
            else:
                result[connector_id] = path
                if path is not was:
                    self._note_label(path, obstacles)
                # Paths that moved differ in their points: cheaper to compare first.
                if was is None or (was is not path and (was.points != path.points or was != path)):
                    changed.add(connector_id)
        removed = set(previous.keys() - result.keys())
        for connector_id in removed:
            self._label_cells.pop(connector_id, None)
            self._offsets.pop(connector_id, None)
        self._bounds = obstacles.bounds
        return result, changed, removed

    def _path(
        self,
        connector: Connector,
        key: _ConnectorKey,
        cards: Mapping[str, CardLayout],
        old_cards: Mapping[str, CardLayout],
        was: ConnectorLayout | None,
        old_key: _ConnectorKey | None,
        obstacles: CardObstacles,
        stale_label: bool,
        shifts: _Shifts,
    ) -> ConnectorLayout | None:
        """The connector's path (`was` when nothing it depends on changed); None without
        both its cards."""
        source, target = cards.get(key[1]), cards.get(key[2])
        if source is None or target is None:
            return None
        if was is not None and old_key == key and not stale_label:
            old_source, old_target = old_cards.get(key[1]), old_cards.get(key[2])
            if (
                old_source is not None
                and old_target is not None
                and (old_source is source or old_source.rect == source.rect)
                and (old_target is target or old_target.rect == target.rect)
            ):
                return was
        keep = (
            was is not None
            and old_key == key
            and self._label_cells.get(key[0]) is not None
            and shifts.label_only_shifted(was, self._label_cells[key[0]], old_cards, source, target)
        )
        return self._router.layout(
            connector, source.rect, target.rect, obstacles, self._offsets, keep
        )


_NONE: frozenset[int] = frozenset()
_SAME_MM = 1e-6

# Lanes and columns, each as a range's start and stop.
_Cells = tuple[int, int, int, int]


class LaneChanges:
    """What an update changed in the lanes: how far each moved down (by index), the
    columns whose cards changed in each (by lane index), and the cards placed again."""

    def __init__(self, shifts: list[float], cells: dict[int, set[int]], replaced: set[str]) -> None:
        self.shifts = shifts
        self.cells = cells
        self.replaced = replaced


class _Shifts:
    """How the lanes moved in an update, to tell which labels' surroundings only shifted."""

    def __init__(self, changes: LaneChanges, old: Rect | None, new: Rect) -> None:
        self._changes = changes
        # Labels may keep their spot only while the grid's edges around them stay put.
        self._old = old
        self._new = new
        self._same_columns = old is not None and (old.x, old.w) == (new.x, new.w)

    def label_only_shifted(
        self,
        was: ConnectorLayout,
        cells: _Cells,
        old_cards: Mapping[str, CardLayout],
        source: CardLayout,
        target: CardLayout,
    ) -> bool:
        """Whether `was`'s cards and every cell its label was placed among moved down by
        the same distance, far from the grid's top and bottom, with none changed."""
        old, rect = self._old, was.label_rect
        if old is None or rect is None or not self._same_columns:
            return False
        changes = self._changes
        replaced = changes.replaced
        if source.id in replaced or target.id in replaced:
            return False
        old_source, old_target = old_cards.get(source.id), old_cards.get(target.id)
        if old_source is None or old_target is None:
            return False
        top, bottom, left, right = cells
        shifts = changes.shifts
        if top >= bottom:
            return False
        shift = shifts[top]
        columns = range(left, right)
        for row in range(top, bottom):
            if shifts[row] != shift or not changes.cells.get(row, _NONE).isdisjoint(columns):
                return False
        # Cards not placed again moved with their lanes: by the same distance as the label's?
        if abs(source.rect.y - old_source.rect.y - shift) > _SAME_MM:
            return False
        if abs(target.rect.y - old_target.rect.y - shift) > _SAME_MM:
            return False
        area = search_area(was.mid, rect.w, rect.h)
        new = self._new
        return (
            old.y < area.y
            and new.y < area.y + shift
            and area.bottom < old.bottom
            and area.bottom + shift < new.bottom
        )
