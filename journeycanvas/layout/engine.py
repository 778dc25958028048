"""Laying out a whole map, and keeping that layout up to date cheaply as the map changes.

Stacking rule: inside a lane, cards are placed in order of (slot, stage column, id);
each goes directly below everything already placed in every column it covers. So a card
spanning three stages occupies its slot in each covered cell's stack, and nothing ever
overlaps. Row heights grow to the tallest column (with the style's minimum).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from journeycanvas.layout.boxes import (
    CardFace,
    CardLayout,
    Cell,
    ConnectorLayout,
    LaneHeader,
    StageHeader,
    TextBlock,
)
from journeycanvas.layout.card_faces import card_face, face_key
from journeycanvas.layout.connectors import connector_layout
from journeycanvas.layout.emotion import emotion_curve
from journeycanvas.layout.geometry import Rect
from journeycanvas.layout.journey_layout import JourneyLayout
from journeycanvas.layout.style import DEFAULT_STYLE, LayoutStyle
from journeycanvas.layout.text_blocks import block_height, text_block
from journeycanvas.model.entities import Card, JourneyMap
from journeycanvas.model.kinds import LaneKind
from journeycanvas.text import FontSet, default_font_set

_FACE_CACHE_LIMIT = 100_000


@dataclass(frozen=True, slots=True)
class LayoutDiff:
    """What an update changed, so the canvas only touches those items.

    `cards` and `connectors` hold the ids whose layout is new or different (added ones
    included); `removed_*` those that are gone. `grid` is True when any header or cell
    moved or changed size; `emotion` when an emotion curve changed.
    """

    cards: frozenset[str] = frozenset()
    removed_cards: frozenset[str] = frozenset()
    connectors: frozenset[str] = frozenset()
    removed_connectors: frozenset[str] = frozenset()
    grid: bool = False
    emotion: bool = False

    @property
    def empty(self) -> bool:
        """Whether nothing changed at all."""
        return not (
            self.cards
            or self.removed_cards
            or self.connectors
            or self.removed_connectors
            or self.grid
            or self.emotion
        )


@dataclass(slots=True)
class _Lane:
    """The engine's working state of one lane: its cards, title and stacked content."""

    title: TextBlock
    title_height: float
    members: dict[str, Card] = field(default_factory=dict)
    placed: list[tuple[Card, float, float, int, CardFace]] = field(default_factory=list)
    """Per card: the card, its x (absolute), its y below the lane's top, its span, its face."""
    content_height: float = 0.0


class LayoutEngine:
    """Lays out maps and updates the last layout incrementally.

    Call `update` after every change of the map. With `structure_changed` (stages, lanes,
    personas, style-relevant fields changed) everything is laid out again, reusing cached
    text wrapping and card faces. Otherwise only the lanes holding the `changed_cards`
    (before and after the change) are re-stacked and the lanes below them shifted.
    """

    def __init__(self, style: LayoutStyle = DEFAULT_STYLE, fonts: FontSet | None = None) -> None:
        self.style = style
        self.fonts = fonts or default_font_set()
        self._layout: JourneyLayout | None = None
        self._faces: dict[tuple[object, ...], CardFace] = {}
        self._persona_colors: dict[str, str] = {}
        self._column_x: list[float] = []
        self._column_w: list[float] = []
        self._stage_headers: list[tuple[str, str, TextBlock, TextBlock]] = []
        self._header_height = 0.0
        self._lanes: dict[str, _Lane] = {}
        self._lane_order: list[tuple[str, LaneKind]] = []
        self._connector_keys: dict[str, tuple[str, str, str, str]] = {}

    @property
    def layout(self) -> JourneyLayout:
        """The current layout; `update` must have run once."""
        if self._layout is None:
            raise RuntimeError("no layout yet: call update() first")
        return self._layout

    def update(
        self,
        journey: JourneyMap,
        changed_cards: Iterable[str] = (),
        structure_changed: bool = False,
    ) -> LayoutDiff:
        """Bring the layout up to date with `journey`; returns what changed.

        `changed_cards` names every card added, removed, edited or moved since the last
        update (cell mates renumbered by a move need not be named). Changes of stages,
        lanes or personas need `structure_changed`. Connectors are checked every time.
        """
        old = self._layout
        if old is None or structure_changed:
            self._read_structure(journey)
            self._fill_lanes(journey)
            affected = set(self._lanes)
        else:
            affected = self._apply_card_changes(journey, set(changed_cards), old)
        for lane_id in affected:
            self._stack(self._lanes[lane_id])
        rebuild = old is None or structure_changed
        self._layout = self._assemble(journey, affected, None if rebuild else old, changed_cards)
        return _diff(old, self._layout)

    # ------------------------------------------------------------ structure

    def _read_structure(self, journey: JourneyMap) -> None:
        style, fonts = self.style, self.fonts
        self._persona_colors = {p.id: p.color for p in journey.personas}
        self._column_x, self._column_w = [], []
        x = style.lane_header_width_mm
        for stage in journey.stages:
            width = style.fixed_stage_width_mm or stage.width_mm
            self._column_x.append(x)
            self._column_w.append(width)
            x += width
        pad = style.header_padding_mm
        self._stage_headers = []
        needed = style.stage_header_min_height_mm
        for stage, width in zip(journey.stages, self._column_w, strict=True):
            name = text_block(
                fonts,
                stage.name,
                Rect(pad, pad, width - 2 * pad, 0.0),
                style.stage_name_pt,
                style.line_spacing,
                style.stage_name_max_lines,
                bold=True,
                centered=True,
            )
            goal_top = pad + block_height(name) + style.header_gap_mm
            goal = text_block(
                fonts,
                stage.goal,
                Rect(pad, goal_top, width - 2 * pad, 0.0),
                style.stage_goal_pt,
                style.line_spacing,
                style.stage_goal_max_lines,
                centered=True,
            )
            bottom = goal_top + block_height(goal) if stage.goal.strip() else goal_top
            needed = max(needed, bottom + pad)
            self._stage_headers.append((stage.id, stage.color, name, goal))
        self._header_height = needed
        self._lane_order = [(lane.id, lane.kind) for lane in journey.lanes]
        self._lanes = {}
        icon = style.lane_icon_mm
        title_x = pad + icon + style.header_gap_mm
        title_w = style.lane_header_width_mm - title_x - pad
        for lane in journey.lanes:
            title = text_block(
                fonts,
                lane.title,
                Rect(title_x, pad, title_w, 0.0),
                style.lane_title_pt,
                style.line_spacing,
                style.lane_title_max_lines,
                bold=True,
            )
            self._lanes[lane.id] = _Lane(title, 2 * pad + max(icon, block_height(title)))

    def _fill_lanes(self, journey: JourneyMap) -> None:
        columns = {stage_id for stage_id, *_ in self._stage_headers}
        for card in journey.cards:
            lane = self._lanes.get(card.lane)
            if lane is not None and card.stage in columns:
                lane.members[card.id] = card

    def _apply_card_changes(
        self, journey: JourneyMap, changed: set[str], old: JourneyLayout
    ) -> set[str]:
        """Move changed cards between the lanes' member lists; returns the lanes touched."""
        if not changed:
            return set()
        current = {card.id: card for card in journey.cards if card.id in changed}
        affected: set[str] = set()
        for card_id in changed:
            before = old.cards.get(card_id)
            if before is not None:
                self._lanes[before.lane_id].members.pop(card_id, None)
                affected.add(before.lane_id)
            card = current.get(card_id)
            if card is not None and card.lane in self._lanes and card.stage in old.stage_index:
                self._lanes[card.lane].members[card_id] = card
                affected.add(card.lane)
        return affected

    # ------------------------------------------------------------ stacking

    def _face(self, card: Card, width: float) -> CardFace:
        key = face_key(card, width, self._persona_colors)
        face = self._faces.get(key)
        if face is None:
            if len(self._faces) >= _FACE_CACHE_LIMIT:
                self._faces.clear()
            face = card_face(card, width, self.style, self.fonts, self._persona_colors)
            self._faces[key] = face
        return face

    def _stack(self, lane: _Lane) -> None:
        """Place the lane's cards (see the module's stacking rule), relative to its top."""
        style = self.style
        pad, gap = style.cell_padding_mm, style.card_gap_mm
        column_x, column_w = self._column_x, self._column_w
        count = len(column_x)
        index = {stage_id: i for i, (stage_id, *_) in enumerate(self._stage_headers)}
        entries = sorted(
            ((card.order, index[card.stage], card.id, card) for card in lane.members.values()),
            key=lambda entry: entry[:3],
        )
        bottoms = [pad] * count
        placed = []
        lowest = 0.0
        for _, column, _, card in entries:
            last = min(column + max(card.span, 1), count) - 1
            x = column_x[column] + pad
            width = column_x[last] + column_w[last] - pad - x
            face = self._face(card, width)
            y = max(bottoms[column : last + 1])
            bottom = y + face.height
            for covered in range(column, last + 1):
                bottoms[covered] = bottom + gap
            lowest = max(lowest, bottom)
            placed.append((card, x, y, last - column + 1, face))
        lane.placed = placed
        lane.content_height = lowest + pad if placed else 0.0

    # ------------------------------------------------------------ assembling

    def _assemble(
        self,
        journey: JourneyMap,
        affected: set[str],
        old: JourneyLayout | None,
        changed: Iterable[str],
    ) -> JourneyLayout:
        """Build the layout from the stacked lanes; with `old`, reuse what is unchanged."""
        style = self.style
        header_h = self._header_height
        grid_right = self._column_x[-1] + self._column_w[-1] if self._column_x else 0.0
        grid_right = max(grid_right, style.lane_header_width_mm)
        lane_rects: list[Rect] = []
        y = header_h
        for lane_id, _ in self._lane_order:
            lane = self._lanes[lane_id]
            height = max(style.row_min_height_mm, lane.content_height, lane.title_height)
            lane_rects.append(Rect(0.0, y, style.lane_header_width_mm, height))
            y += height
        total_h = y
        if old is not None and all(h.rect == r for h, r in zip(old.lanes, lane_rects, strict=True)):
            stages, lanes, cells = old.stages, old.lanes, old.cells
        else:
            stages, lanes, cells = self._grid(lane_rects, grid_right, total_h)
        cards: dict[str, CardLayout] = {}
        cell_cards: dict[tuple[str, str], tuple[str, ...]] = {}
        if old is not None:
            cards.update(old.cards)
            cell_cards.update(old.cell_cards)
            for card_id in changed:
                cards.pop(card_id, None)
        for (lane_id, _), lane_rect in zip(self._lane_order, lane_rects, strict=True):
            lane = self._lanes[lane_id]
            if lane_id in affected:
                self._place_lane(lane_id, lane, lane_rect.y, cards, cell_cards)
            elif old is not None and lane_rect.y != old.lanes[old.lane_index[lane_id]].rect.y:
                self._shift_lane(lane, lane_rect.y, cards)
        connectors = self._connectors(journey, cards, old)
        curves = tuple(
            emotion_curve(
                lane_id,
                lanes[i].row,
                self._lanes[lane_id].members.values(),
                stages,
                style.emotion_padding_mm,
            )
            for i, (lane_id, kind) in enumerate(self._lane_order)
            if kind == LaneKind.EMOTIONS
        )
        return JourneyLayout(
            style=style,
            width=grid_right,
            height=total_h,
            header_height=header_h,
            stages=stages,
            lanes=lanes,
            cells=cells,
            cards=cards,
            connectors=connectors,
            emotion_curves=curves,
            cell_cards=cell_cards,
            stage_index={s.id: s.index for s in stages},
            lane_index={lane.id: lane.index for lane in lanes},
        )

    def _grid(
        self, lane_rects: list[Rect], grid_right: float, total_h: float
    ) -> tuple[tuple[StageHeader, ...], tuple[LaneHeader, ...], tuple[Cell, ...]]:
        """Headers and cells for lanes at `lane_rects` (their header column rects)."""
        style = self.style
        header_h = self._header_height
        stages = tuple(
            StageHeader(
                stage_id,
                i,
                Rect(x, 0.0, w, header_h),
                Rect(x, 0.0, w, total_h),
                color,
                name,
                goal,
            )
            for i, ((stage_id, color, name, goal), x, w) in enumerate(
                zip(self._stage_headers, self._column_x, self._column_w, strict=True)
            )
        )
        pad, icon = style.header_padding_mm, style.lane_icon_mm
        lanes = tuple(
            LaneHeader(
                lane_id,
                i,
                rect,
                Rect(0.0, rect.y, max(grid_right, rect.w), rect.h),
                kind,
                Rect(pad, pad, icon, icon),
                self._lanes[lane_id].title,
            )
            for i, ((lane_id, kind), rect) in enumerate(
                zip(self._lane_order, lane_rects, strict=True)
            )
        )
        cells = tuple(
            Cell(
                stage.id,
                lane.id,
                Rect(stage.rect.x, lane.rect.y, stage.rect.w, lane.rect.h),
                i % 2 == 1,
            )
            for i, lane in enumerate(lanes)
            for stage in stages
        )
        return stages, lanes, cells

    def _place_lane(
        self,
        lane_id: str,
        lane: _Lane,
        top: float,
        cards: dict[str, CardLayout],
        cell_cards: dict[tuple[str, str], tuple[str, ...]],
    ) -> None:
        for key in [key for key in cell_cards if key[1] == lane_id]:
            del cell_cards[key]
        cells: dict[tuple[str, str], list[str]] = {}
        for card, x, y, span, face in lane.placed:
            cards[card.id] = CardLayout(
                card.id,
                card.stage,
                lane_id,
                card.order,
                span,
                Rect(x, top + y, face.width, face.height),
                face,
            )
            cells.setdefault((card.stage, lane_id), []).append(card.id)
        for key, ids in cells.items():
            cell_cards[key] = tuple(ids)

    @staticmethod
    def _shift_lane(lane: _Lane, top: float, cards: dict[str, CardLayout]) -> None:
        """Move an unchanged lane's cards to the lane's new `top` (same arithmetic as placing)."""
        for card, x, y, _, face in lane.placed:
            was = cards[card.id]
            cards[card.id] = CardLayout(
                was.id,
                was.stage_id,
                was.lane_id,
                was.order,
                was.span,
                Rect(x, top + y, face.width, face.height),
                face,
            )

    def _connectors(
        self, journey: JourneyMap, cards: dict[str, CardLayout], old: JourneyLayout | None
    ) -> dict[str, ConnectorLayout]:
        """Connector paths; one is reused when it and both its cards' layouts are unchanged."""
        previous = old.connectors if old is not None else {}
        old_cards = old.cards if old is not None else {}
        keys: dict[str, tuple[str, str, str, str]] = {}
        result: dict[str, ConnectorLayout] = {}
        for connector in journey.connectors:
            source, target = cards.get(connector.source), cards.get(connector.target)
            if source is None or target is None:
                continue
            key = (connector.source, connector.target, connector.kind, connector.label)
            keys[connector.id] = key
            was = previous.get(connector.id)
            if (
                was is not None
                and self._connector_keys.get(connector.id) == key
                and _same_rect(old_cards.get(connector.source), source)
                and _same_rect(old_cards.get(connector.target), target)
            ):
                result[connector.id] = was
                continue
            result[connector.id] = connector_layout(
                connector, source.rect, target.rect, self.style, self.fonts
            )
        self._connector_keys = keys
        return result


def _same_rect(old: CardLayout | None, new: CardLayout) -> bool:
    return old is not None and old.rect == new.rect


def _same(old: object, new: object) -> bool:
    # Identity first: dataclass equality would compare every field of unchanged boxes.
    return old is new or old == new


def _diff(old: JourneyLayout | None, new: JourneyLayout) -> LayoutDiff:
    """What differs between two layouts (everything, when there was none before)."""
    if old is None:
        return LayoutDiff(
            cards=frozenset(new.cards),
            connectors=frozenset(new.connectors),
            grid=True,
            emotion=bool(new.emotion_curves),
        )
    old_cards, old_connectors = old.cards, old.connectors
    return LayoutDiff(
        cards=frozenset(i for i, c in new.cards.items() if not _same(old_cards.get(i), c)),
        removed_cards=frozenset(i for i in old_cards if i not in new.cards),
        connectors=frozenset(
            i for i, c in new.connectors.items() if not _same(old_connectors.get(i), c)
        ),
        removed_connectors=frozenset(i for i in old_connectors if i not in new.connectors),
        grid=(old.stages != new.stages or old.lanes != new.lanes or old.cells != new.cells),
        emotion=old.emotion_curves != new.emotion_curves,
    )


def layout_journey(
    journey: JourneyMap, style: LayoutStyle = DEFAULT_STYLE, fonts: FontSet | None = None
) -> JourneyLayout:
    """Lay out a whole map once (exporters); the editor keeps a `LayoutEngine` instead."""
    engine = LayoutEngine(style, fonts)
    engine.update(journey)
    return engine.layout
